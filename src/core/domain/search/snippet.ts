import { eachWord } from './fold'

const CONTEXT = 90

/**
 * A snippet of `text` around its first match, and the [start, end) ranges of every matching word
 * inside the snippet — ranges, not markup, so that the UI can mark them without any HTML.
 */
export function makeSnippet(
  text: string,
  matches: (word: string) => boolean,
  maxLength = 240
): { snippet: string; marks: [number, number][] } {
  let first = 0
  eachWord(text, (w, start) => {
    if (!matches(w)) return false
    first = start
    return true
  })
  let start = Math.max(0, first - CONTEXT)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    if (space >= 0 && space < first) start = space + 1
  }
  let end = Math.min(text.length, start + maxLength)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > first) end = space
  }
  const prefix = start > 0 ? '…' : ''
  const body = text.slice(start, end).replace(/\s+/g, ' ')
  // Collapsing white space changes offsets; recompute marks on the collapsed body.
  const snippet = prefix + body + (end < text.length ? '…' : '')
  const marks: [number, number][] = []
  eachWord(body, (w, start, end) => {
    if (matches(w)) marks.push([prefix.length + start, prefix.length + end])
  })
  return { snippet, marks }
}
