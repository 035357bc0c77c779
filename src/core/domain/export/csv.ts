import type { ExportInput } from './model'

/** Formula characters that make a spreadsheet program run a cell; such cells are prefixed with '. */
const FORMULA = /^[=+\-@\t\r]/

function cell(value: string | number): string {
  let s = String(value)
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * One row per tagged passage and tag (document, tag path, quote, note, start, end), quoted per
 * RFC 4180 with CRLF line ends, in UTF-8 with a byte order mark so that spreadsheet programs read
 * the accents right. Cells that a spreadsheet would run as a formula are prefixed with '.
 */
export function renderCsv(input: ExportInput): string {
  const rows: (string | number)[][] = [
    ['document', 'document_id', 'tag', 'quote', 'note', 'start', 'end']
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
          a.position.end
        ])
      }
    }
  }
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
