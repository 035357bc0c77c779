import { withoutControls } from '../text/control-chars'
import type { ExportInput } from './model'

/**
 * A cell that a spreadsheet program would run as a formula: one starting (after any spaces) with
 * = + - @, a tab or a line break, or their fullwidth forms (＝ ＋ － ＠), which some programs
 * take for the same. Such cells are prefixed with '.
 */
const FORMULA = /^[\s\u3000]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * Quoted when it holds a quote, a line break, or any separator a spreadsheet may be set to use
 * (comma, semicolon, tab): then no part of it can become a cell of its own, whatever the separator.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/

export function csvCell(value: string | number): string {
  let s = typeof value === 'string' ? withoutControls(value) : String(value)
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

const cell = csvCell

/**
 * One row per tagged passage and tag (document, tag path, quote, note, start, end), quoted per
 * RFC 4180 with CRLF line ends, in UTF-8 with a byte order mark so that spreadsheet programs read
 * the accents right. Cells that a spreadsheet would run as a formula are prefixed with '.
 */
export function renderCsv(input: ExportInput): string {
  if (input.memosOnly) return table(memoRows(input))
  const rows: (string | number)[][] = [
    [
      'document',
      'document_id',
      'tag',
      'quote',
      'note',
      'start',
      'end',
      'source',
      'source_reliability',
      'credibility',
      'admiralty',
      'origins',
      'flags'
    ]
  ]
  for (const doc of input.documents) {
    for (const p of doc.passages) {
      for (const tag of p.tagPaths) {
        const a = p.annotation
        rows.push([
          doc.meta.title,
          doc.meta.id,
          tag,
          a.quote.exact,
          a.note,
          a.position.start,
          a.position.end,
          doc.sourceName ?? doc.meta.source ?? '',
          p.grade?.reliability ?? '',
          p.grade?.credibility ?? '',
          p.grade?.badge ?? '',
          p.corroboration?.origins ?? 0,
          (doc.flags ?? []).join('; ')
        ])
      }
    }
  }
  return table(rows)
}

/** One row per memo: its title, text, linked documents and tags (each list joined by "; "), times. */
function memoRows(input: ExportInput): (string | number)[][] {
  return [
    ['memo', 'memo_id', 'text', 'documents', 'tags', 'created', 'modified'],
    ...input.memos.map(({ memo, docTitles, tagPaths }) => [
      memo.title,
      memo.id,
      memo.text,
      docTitles.join('; '),
      tagPaths.join('; '),
      memo.created,
      memo.modified
    ])
  ]
}

const table = (rows: (string | number)[][]): string =>
  '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
