import type { CodeMatrix, Cooccurrence, TagRow } from '../../../shared/analysis'
import { csvCell } from '../export/csv'
import { escapeInline } from '../export/escape'
import { cooccurrenceTable } from './cooccurrence'

/**
 * The analysis tables as CSV and Markdown. Labels come from documents and sources, so they go
 * through the exports' escaping: a title cannot become a formula in a spreadsheet, nor a link,
 * a heading or a table cell of its own in Markdown.
 */

/** RFC 4180 with CRLF line ends and a byte order mark, as the passage export writes it. */
export function csvTable(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A GitHub-flavoured Markdown table: the first `textColumns` columns left-aligned, numbers right. */
export function markdownTable(
  head: readonly string[],
  body: readonly (readonly string[])[],
  textColumns = 1
): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  const rule = head.map((_, i) => (i < textColumns ? ':--' : '--:'))
  return [line(head), line(rule), ...body.map(line)].join('\n') + '\n'
}

/** A table cell of source text: one line, escaped (a pipe cannot end the cell), never empty. */
export const mdCell = (text: string): string => escapeInline(text) || ' '

/** A tag's label in a Markdown table: its name indented by its depth, with the full path in CSV. */
const indentedName = (row: TagRow): string => {
  const name = row.path.split('/').slice(row.depth).join('/') || row.path
  return `${'\u00a0\u00a0'.repeat(row.depth)}${mdCell(name)}`
}

export interface MatrixTableOptions {
  /** Counts of the tag itself instead of the tag with its sub-tags. */
  own?: boolean
}

export function matrixCsv(m: CodeMatrix, options: MatrixTableOptions = {}): string {
  const counts = options.own ? m.own : m.counts
  return csvTable([
    ['tag', 'depth', ...m.cols.map((c) => c.label), 'total'],
    ...m.rows.map((r, i) => [r.path, r.depth, ...counts[i], options.own ? r.ownTotal : r.total]),
    ['(passages)', '', ...m.columnTotals, m.columnTotals.reduce((s, n) => s + n, 0)]
  ])
}

export function matrixMarkdown(m: CodeMatrix, options: MatrixTableOptions = {}): string {
  const counts = options.own ? m.own : m.counts
  return markdownTable(
    ['Tag', ...m.cols.map((c) => mdCell(c.label)), 'Total'],
    [
      ...m.rows.map((r, i) => [
        indentedName(r),
        ...counts[i].map(String),
        String(options.own ? r.ownTotal : r.total)
      ]),
      [
        '*Passages*',
        ...m.columnTotals.map(String),
        String(m.columnTotals.reduce((s, n) => s + n, 0))
      ]
    ]
  )
}

/** One row per pair: the two tags' paths and the count. */
export function cooccurrenceCsv(c: Cooccurrence): string {
  const path = new Map(c.tags.map((t) => [t.tagId, t.path]))
  return csvTable([
    ['a', 'b', 'count'],
    ...c.pairs.map((p) => [path.get(p.a) ?? p.a, path.get(p.b) ?? p.b, p.count])
  ])
}

/** The square table, as the heat map shows it (an empty cell for 0 and on the diagonal). */
export function cooccurrenceMarkdown(c: Cooccurrence): string {
  const t = cooccurrenceTable(c)
  return markdownTable(
    ['Tag', ...t.tags.map((r) => mdCell(r.path))],
    t.tags.map((r, i) => [mdCell(r.path), ...t.counts[i].map((n) => (n ? String(n) : ' '))])
  )
}
