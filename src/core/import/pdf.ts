import { inflateSync, constants as zlib } from 'node:zlib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { WorkbenchError } from '../base/errors'
import {
  assemble,
  metaValue,
  normalizeDate,
  type ParsedDocument,
  type RawBlock
} from './text-blocks'
import { pageLines, paragraphs, words, type Line, type TextItem } from './pdf-lines'

/** Non-image streams of a PDF may inflate to this many bytes in all; more is a compression bomb. */
export const MAX_PDF_INFLATED = 256 * 1024 * 1024

const refuse = (message: string): WorkbenchError => new WorkbenchError('invalid-argument', message)
const damaged = (detail: string): WorkbenchError =>
  refuse(`the PDF could not be read: it is damaged (${detail})`)

/**
 * Extracts the text layer of a PDF with pdf.js. Scripts in the PDF are never run (pdf.js does not
 * run them, and `isEvalSupported: false` keeps it from compiling fonts with eval). Lines are
 * grouped into paragraphs where the vertical gap is larger than the line spacing; every block
 * keeps its page number. After each page come its form fields' values and its annotations'
 * texts (comments), as marked blocks. Right-to-left lines are put in reading order and
 * presentation forms (Arabic, ligatures) normalised; a word broken by a hyphen at a line end is
 * joined where the joined word is one. A page that cannot be read is left out with a warning
 * naming it; pdf.js's own error messages never reach the user.
 */
export async function pdfToDocument(
  bytes: Uint8Array
): Promise<ParsedDocument & { pages: number }> {
  const start = headerOffset(bytes)
  if (start < 0) throw refuse('this is not a PDF file (it does not start with %PDF-)')
  // A view from the header on (pdf.js reads offsets from there, as other readers do), and never a
  // Node Buffer, which pdf.js refuses.
  const data = new Uint8Array(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start)
  checkInflatedSize(data)

  const watch = new WarningWatch()
  try {
    const task = getDocument({
      data,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 1
    })
    let pdf
    try {
      pdf = await task.promise
    } catch (err) {
      if ((err as Error).name === 'PasswordException') {
        throw refuse('the PDF is password-protected; remove the password and import it again')
      }
      throw damaged(pdfProblem(err))
    }
    try {
      return await readPages(pdf, watch)
    } finally {
      await pdf.destroy()
    }
  } finally {
    watch.stop()
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>

async function readPages(
  pdf: PdfDocument,
  watch: WarningWatch
): Promise<ParsedDocument & { pages: number }> {
  const warnings: string[] = []
  // Damage pdf.js worked around while opening: pages it had to skip.
  const opening = watch.take().filter((w) => PAGE_TREE_DAMAGE.test(w))
  const skipped = opening.find((w) => /circular/i.test(w)) ?? opening[0]
  if (skipped)
    warnings.push(
      `Some pages could not be read and were left out: the PDF is damaged (${pdfProblem(skipped)}).`
    )
  const pages: { n: number; lines: Line[]; extras: RawBlock[] }[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    watch.take()
    try {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent()
      const annotations = (await page.getAnnotations({ intent: 'display' })) as Annotation[]
      page.cleanup()
      const problem = watch.take().find((w) => DAMAGE.test(w))
      if (problem) throw new Error(problem)
      const items = content.items.filter((i) => 'str' in i) as unknown as TextItem[]
      pages.push({ n, lines: pageLines(items), extras: annotationBlocks(annotations, n) })
    } catch (err) {
      warnings.push(
        `Page ${n} could not be read and was left out: it is damaged (${pdfProblem(err)}).`
      )
    }
  }
  if (pages.length === 0 && pdf.numPages > 0) throw damaged('none of its pages could be read')
  if (skipped && pages.every((p) => p.lines.every((l) => !l.text.trim()) && !p.extras.length))
    throw damaged(pdfProblem(skipped))
  const vocabulary = words(pages.flatMap((p) => p.lines.map((l) => l.text)))
  const blocks: RawBlock[] = []
  for (const p of pages) {
    for (const text of paragraphs(p.lines, vocabulary))
      blocks.push({ kind: 'paragraph', text, page: p.n })
    blocks.push(...p.extras)
  }
  const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as {
    info: Record<string, unknown>
  }
  const str = (k: string): string | null =>
    typeof info[k] === 'string' ? (info[k] as string) : null
  return {
    ...assemble(blocks),
    pages: pdf.numPages,
    warnings,
    hints: {
      title: metaValue(str('Title')),
      author: metaValue(str('Author')),
      published: normalizeDate(str('CreationDate')),
      source: null
    }
  }
}

/** Where `%PDF-` starts: pdf.js, like other readers, allows up to 1 KB of junk before it. */
function headerOffset(bytes: Uint8Array): number {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  return head.indexOf('%PDF-')
}

/**
 * pdf.js warns (on the console) where it recovers from damage; these warnings, while a page is
 * read, mean that page's text is lost or garbled. Other warnings (fonts, rendering) do not.
 */
const DAMAGE =
  /Invalid stream|flate|compression method|Bad encoding|FCHECK|Illegal character|End of file|Unterminated|ignoring errors during "GetTextContent|Unknown command|Invalid (?:block|code|stored)|FormatError/i

const PAGE_TREE_DAMAGE = /Skipping invalid|circular reference|invalid \/Pages tree/i

/** Collects pdf.js's warnings while a PDF is read (they go to console.warn), and keeps them off the console. */
class WarningWatch {
  private readonly warn = console.warn
  private seen: string[] = []

  constructor() {
    console.warn = (...args: unknown[]): void => {
      const line = args.map(String).join(' ')
      if (/^Warning:/.test(line)) this.seen.push(line)
      else this.warn(...args)
    }
  }

  /** The warnings since the last call. */
  take(): string[] {
    return this.seen.splice(0)
  }

  stop(): void {
    console.warn = this.warn
  }
}

/** One plain phrase for what pdf.js says went wrong, never its own wording. */
function pdfProblem(err: unknown): string {
  const m = err instanceof Error ? `${err.name} ${err.message}` : String(err)
  if (/Illegal character|Unknown command|Invalid (?:command|operator)/i.test(m))
    return 'it has unexpected data where its contents should be'
  if (/End of file|Unexpected end|unexpected EOF|Unterminated|truncated/i.test(m))
    return 'it is cut short'
  if (/flate|compression|Bad encoding|FCHECK|Invalid (?:block|code|stored)|decode/i.test(m))
    return 'a compressed part of it is corrupt'
  if (/circular reference|loop/i.test(m)) return 'its list of pages loops back on itself'
  if (/Maximum call stack/i.test(m)) return 'its structure is nested too deeply'
  if (/xref|startxref|trailer/i.test(m)) return 'its table of objects is broken'
  if (/Invalid PDF|root|catalog|Pages|page tree|Bad (?:object|reference)|Invalid object/i.test(m))
    return 'its structure is broken'
  return 'its structure could not be parsed'
}

interface Annotation {
  annotationType: number
  subtype?: string
  contentsObj?: { str?: string }
  titleObj?: { str?: string }
  fieldType?: string
  fieldName?: string
  fieldValue?: string | string[] | null
  alternativeText?: string
  checkBox?: boolean
  radioButton?: boolean
  pushButton?: boolean
  buttonValue?: string
  exportValue?: string
  hidden?: boolean
}

/** Annotation kinds whose text is not a comment (links, form widgets, pop-ups of other annotations). */
const NOT_COMMENTS = new Set(['Link', 'Widget', 'Popup'])

/**
 * A page's form fields, as "Label: value", then its comments, as "Author: text" (or the text
 * alone). Empty fields and push buttons have no text.
 */
function annotationBlocks(annotations: Annotation[], page: number): RawBlock[] {
  const fields: RawBlock[] = []
  const comments: RawBlock[] = []
  const seenFields = new Set<string>()
  for (const a of annotations) {
    if (a.subtype === 'Widget') {
      if (a.pushButton || !a.fieldName) continue
      let value: string | null
      if (a.checkBox) value = a.fieldValue && a.fieldValue !== 'Off' ? 'yes' : 'no'
      else if (a.radioButton) {
        if (a.fieldValue !== a.buttonValue || !a.buttonValue || a.buttonValue === 'Off') continue
        value = a.buttonValue
      } else if (Array.isArray(a.fieldValue)) value = a.fieldValue.join(', ')
      else value = a.fieldValue ?? null
      if (!value?.trim()) continue
      const label =
        a.alternativeText?.trim() ||
        (a.fieldName.split('.').pop() ?? a.fieldName).replace(/\[\d+\]$/, '')
      const key = `${a.fieldName}\u0000${value}`
      if (seenFields.has(key)) continue
      seenFields.add(key)
      fields.push({ kind: 'paragraph', text: `${label}: ${value}`, role: 'form-field', page })
    } else if (a.subtype && !NOT_COMMENTS.has(a.subtype)) {
      const text = a.contentsObj?.str?.trim()
      if (!text) continue
      const author = a.titleObj?.str?.trim()
      comments.push({
        kind: 'paragraph',
        text: author ? `${author}: ${text}` : text,
        role: 'comment',
        page
      })
    }
  }
  return [...fields, ...comments]
}

/**
 * Refuses a compression bomb before pdf.js sees it: every compressed stream that is not an
 * image (pdf.js inflates content, fonts, forms and object streams to read the text) is inflated
 * here first, its bytes counted against MAX_PDF_INFLATED and thrown away as they come.
 */
function checkInflatedSize(data: Uint8Array): void {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const text = buffer.toString('latin1')
  let total = 0
  let at = 0
  for (;;) {
    const s = text.indexOf('stream', at)
    if (s < 0) break
    at = s + 6
    if (text.startsWith('end', s - 3)) continue
    let bodyStart = at
    if (text[bodyStart] === '\r') bodyStart++
    if (text[bodyStart] === '\n') bodyStart++
    else if (bodyStart === at) continue
    const dict = text.slice(Math.max(0, s - 2048), s)
    const open = dict.lastIndexOf(' obj')
    const head = open >= 0 ? dict.slice(open) : dict
    if (!/\/(?:FlateDecode|Fl)\b/.test(head) || /\/Subtype\s*\/Image\b/.test(head)) continue
    // The first filter must be Flate for the bytes to be inflatable as they are.
    if (/\/Filter\s*\[\s*\/(?!FlateDecode|Fl\b)/.test(head)) continue
    const end = text.indexOf('endstream', bodyStart)
    if (end < 0) break
    at = end + 9
    try {
      const out = inflateSync(buffer.subarray(bodyStart, end), {
        maxOutputLength: MAX_PDF_INFLATED - total + 1,
        finishFlush: zlib.Z_SYNC_FLUSH
      })
      total += out.byteLength
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        total = MAX_PDF_INFLATED + 1
      // Other errors: a damaged stream, which pdf.js reports (or recovers from) itself.
    }
    if (total > MAX_PDF_INFLATED)
      throw refuse(
        `the PDF's compressed contents expand to more than ${MAX_PDF_INFLATED / 1048576} MB: it may be a compression bomb`
      )
  }
}
