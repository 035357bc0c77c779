import type { ParsedDocument, RawBlock } from './text-blocks'
import { assemble, cleanText, MAX_BLOCKS } from './text-blocks'
import { isTitleLike } from './title'

const BULLET = /^\s*(?:[-*•‣◦]|\d{1,3}[.)])\s+/

function looksLikeHeading(line: string, next: string | undefined): boolean {
  const t = line.trim()
  return (
    t.length > 0 &&
    t.length <= 90 &&
    !/[.!?,;:"”'’)]$/.test(t) &&
    !BULLET.test(t) &&
    next !== undefined &&
    next.trim().length > 0 &&
    /^[\p{Lu}\p{N}"“]/u.test(t)
  )
}

/** A paragraph whose lines were wrapped by hand: every line but the last is about as long as the others. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 3) return false
  const body = lines.slice(0, -1).map((l) => l.length)
  return body.every((n) => n >= 40 && n <= 100) && Math.max(...body) - Math.min(...body) < 30
}

/**
 * Splits plain text into blocks. Blank lines separate paragraphs; inside a chunk that is not
 * hand-wrapped, each line stands alone (many news texts put one paragraph on each line). Short
 * title-like lines followed by text become headings; bulleted and numbered lines become list items.
 */
export function plainTextToDocument(input: string): ParsedDocument {
  const text = cleanText(input)
  const lineCount = countLines(text)
  if (lineCount > 4 * MAX_BLOCKS) return manyLines(text, lineCount)
  const chunks = text.split(/\n[ \t]*\n/)
  const blocks: RawBlock[] = []
  chunks.forEach((chunk, c) => {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '')
    if (lines.length === 0) return
    if (isHardWrapped(lines)) {
      blocks.push({ kind: 'paragraph', text: lines.map((l) => l.trim()).join('\n') })
      return
    }
    lines.forEach((line, i) => {
      const next = lines[i + 1] ?? chunks[c + 1]
      if (BULLET.test(line))
        blocks.push({ kind: 'list-item', level: 1, text: line.replace(BULLET, '').trim() })
      else if (blocks.length === 0 && next !== undefined && isTitleLike(line))
        blocks.push({ kind: 'heading', level: 1, text: line.trim() })
      else if (looksLikeHeading(line, next))
        blocks.push({ kind: 'heading', level: blocks.length === 0 ? 1 : 2, text: line.trim() })
      else blocks.push({ kind: 'paragraph', text: line.trim() })
    })
  })
  return { ...assemble(blocks), hints: {}, warnings: [] }
}

function countLines(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

/**
 * A text of hundreds of thousands of lines (a list, a log, one character per line): its lines as
 * they are, in runs of equal length, so that it makes at most MAX_BLOCKS blocks and no object
 * per line.
 */
function manyLines(text: string, lineCount: number): ParsedDocument {
  const per = Math.ceil(lineCount / MAX_BLOCKS)
  const blocks: RawBlock[] = []
  let start = 0
  while (start < text.length) {
    let end = start
    for (let k = 0; k < per && end !== -1; k++) end = text.indexOf('\n', end + (k ? 1 : 0))
    const stop = end === -1 ? text.length : end
    blocks.push({ kind: 'paragraph', text: text.slice(start, stop) })
    start = stop + 1
  }
  return { ...assemble(blocks), hints: {}, warnings: [] }
}
