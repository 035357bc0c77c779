import { basename, extname } from 'node:path'
import type { ParsedDocument } from './text-blocks'

const MAX_TITLE = 200

function shorten(s: string, max = 90): string {
  if (s.length <= max) return s
  const cut = s.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`
}

/**
 * Picks a document's title: what the file says its title is (HTML <title>, front matter, PDF or
 * DOCX properties), else a heading or title-like first line, else a heading near the top, else the
 * start of the first sentence, else the file name.
 */
export function chooseTitle(doc: ParsedDocument, fileName: string): string {
  const fromFile = doc.hints.title?.trim()
  if (fromFile) return fromFile.slice(0, MAX_TITLE)
  const top = doc.blocks.slice(0, 3).find((b) => b.kind === 'heading')
  if (top)
    return shorten(doc.text.slice(top.start, Math.min(top.end, top.start + MAX_TITLE)), MAX_TITLE)
  const first = doc.blocks[0]
  const firstLine = first ? doc.text.slice(first.start, first.end).split('\n')[0].trim() : ''
  if (firstLine && firstLine.length <= 120 && !/[.!?]$/.test(firstLine)) return firstLine
  if (firstLine) return shorten(firstLine)
  return basename(fileName, extname(fileName))
}
