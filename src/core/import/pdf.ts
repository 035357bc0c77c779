import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { WorkbenchError } from '../base/errors'
import {
  assemble,
  metaValue,
  normalizeDate,
  type ParsedDocument,
  type RawBlock
} from './text-blocks'

interface LineItem {
  str: string
  hasEOL: boolean
  transform: number[]
  height: number
}

/**
 * Extracts the text layer of a PDF with pdf.js. Scripts in the PDF are never run (pdf.js does not
 * run them, and `isEvalSupported: false` keeps it from compiling fonts with eval). Lines are
 * grouped into paragraphs where the vertical gap is larger than the line spacing.
 */
export async function pdfToDocument(
  bytes: Uint8Array
): Promise<ParsedDocument & { pages: number }> {
  if (!startsWith(bytes, '%PDF-')) {
    throw new WorkbenchError(
      'invalid-argument',
      'this is not a PDF file (it does not start with %PDF-)'
    )
  }
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0
  })
  let pdf
  try {
    pdf = await task.promise
  } catch (err) {
    const name = (err as Error).name
    if (name === 'PasswordException') {
      throw new WorkbenchError(
        'invalid-argument',
        'the PDF is password-protected; remove the password and import it again'
      )
    }
    throw new WorkbenchError(
      'invalid-argument',
      `the PDF could not be read (${(err as Error).message})`
    )
  }
  try {
    const blocks: RawBlock[] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      blocks.push(...pageToBlocks(content.items.filter((i) => 'str' in i) as LineItem[]))
      page.cleanup()
    }
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as {
      info: Record<string, unknown>
    }
    const str = (k: string): string | null =>
      typeof info[k] === 'string' ? (info[k] as string) : null
    return {
      ...assemble(blocks),
      pages: pdf.numPages,
      warnings: [],
      hints: {
        title: metaValue(str('Title')),
        author: metaValue(str('Author')),
        published: normalizeDate(str('CreationDate')),
        source: null
      }
    }
  } finally {
    await pdf.destroy()
  }
}

function pageToBlocks(items: LineItem[]): RawBlock[] {
  const lines: { text: string; y: number; height: number }[] = []
  let text = ''
  let y: number | null = null
  let height = 0
  for (const item of items) {
    if (y === null) y = item.transform[5]
    text += item.str
    height = Math.max(height, item.height || Math.abs(item.transform[3]) || 0)
    if (item.hasEOL) {
      lines.push({ text, y, height })
      text = ''
      y = null
      height = 0
    }
  }
  if (text.trim()) lines.push({ text, y: y ?? 0, height })

  const blocks: RawBlock[] = []
  let para: string[] = []
  const end = (): void => {
    if (para.length) blocks.push({ kind: 'paragraph', text: joinLines(para) })
    para = []
  }
  lines.forEach((line, i) => {
    const prev = lines[i - 1]
    if (line.text.trim() === '') return end()
    if (prev && prev.height > 0 && Math.abs(prev.y - line.y) > prev.height * 1.8) end()
    para.push(line.text.trim())
  })
  end()
  return blocks
}

/** Joins wrapped lines with a space, and re-joins words split by a hyphen at the end of a line. */
function joinLines(lines: string[]): string {
  return lines.reduce(
    (acc, line) =>
      acc.endsWith('-') && /^\p{Ll}/u.test(line)
        ? acc.slice(0, -1) + line
        : acc
          ? `${acc} ${line}`
          : line,
    ''
  )
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  // A PDF may have a few bytes of junk before its header; pdf.js accepts up to 1 KB of it.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.includes(magic)
}
