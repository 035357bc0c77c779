import type { CodeMatrix, MatrixColumn, TagFrequency } from '../../../shared/analysis'
import type { Annotation, DocumentMeta, Passage } from '../../../shared/model'
import {
  documentsById,
  tagIndex,
  type AnalysisInput,
  type ColumnOf,
  type PassageFilter,
  type TagIndex
} from './input'

/**
 * The code matrix (MAXQDA's code matrix browser, NVivo's matrix coding query): tags × documents,
 * sources, origins or grades, each cell the number of passages.
 */

/**
 * How passages fall into columns. With `list`, columns appear in that order (a passage whose
 * column is not listed adds one at the end, labelled by its id); without, the columns are those
 * that occur, by label.
 */
export interface ColumnSpec {
  of: ColumnOf
  list?: readonly MatrixColumn[]
  /** Names a column that is not listed (default: its id). */
  labelOf?: (id: string) => string
}

export interface MatrixOptions {
  /** Default: one column per document, in the order given. */
  columns?: ColumnSpec
  include?: PassageFilter
  /**
   * At most this many columns: those with the most passages, in their usual order (the others
   * are counted in `hiddenColumns`). A screen shows a hundred documents, not ten thousand, and
   * three million cells take longer to allocate than to count.
   */
  maxColumns?: number
}

/**
 * Keeps the `max` columns with the most tagged passages (ties: the earlier), in their order.
 * `counts(i)` says whether passage `i` is counted in any row (an untagged passage is not).
 */
function keepBusiest(
  cols: MatrixColumn[],
  colOf: Int32Array,
  max: number,
  counts: (i: number) => boolean
): { cols: MatrixColumn[]; colOf: Int32Array; hidden: number } {
  const n = new Int32Array(cols.length)
  for (let i = 0; i < colOf.length; i++) if (colOf[i] >= 0 && counts(i)) n[colOf[i]]++
  const byCount = cols.map((_, i) => i).sort((x, y) => n[y] - n[x] || x - y)
  const keep = byCount.slice(0, max).sort((x, y) => x - y)
  const renumber = new Int32Array(cols.length).fill(-1)
  keep.forEach((old, now) => (renumber[old] = now))
  const out = new Int32Array(colOf.length)
  for (let i = 0; i < colOf.length; i++) out[i] = colOf[i] >= 0 ? renumber[colOf[i]] : -1
  return { cols: keep.map((i) => cols[i]), colOf: out, hidden: cols.length - keep.length }
}

/** One column per document, titled, in the order given. */
export const documentColumns = (documents: readonly DocumentMeta[]): ColumnSpec => ({
  of: (a) => a.docId,
  list: documents.map((d) => ({ id: d.id, label: d.title }))
})

/** The id of the column for documents without a source. */
export const NO_SOURCE = ''

/**
 * One column per source. Until sources are records of their own, a document's source is its
 * `source` field; `sourceOf` lets the caller map documents to source ids and `labelOf` name them.
 */
export function sourceColumns(
  sourceOf: (doc: DocumentMeta | undefined) => string | null = (d) => d?.source ?? null,
  labelOf: (id: string) => string = (id) => id
): ColumnSpec {
  return {
    of: (_a, d) => sourceOf(d) ?? NO_SOURCE,
    labelOf: (id) => (id === NO_SOURCE ? '(no source)' : labelOf(id))
  }
}

/** Columns from any grouping (origins, grades): `labelOf` names a column id (default: the id). */
export const groupColumns = (of: ColumnOf, labelOf?: (id: string) => string): ColumnSpec => ({
  of,
  labelOf
})

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

/** Assigns every kept passage to a column; returns the columns and each passage's column (−1: left out). */
function assignColumns(
  input: AnalysisInput,
  spec: ColumnSpec,
  include: PassageFilter | undefined
): { cols: MatrixColumn[]; colOf: Int32Array } {
  const docs = documentsById(input.documents)
  const cols: MatrixColumn[] = spec.list ? spec.list.map((c) => ({ ...c })) : []
  const index = new Map(cols.map((c, i) => [c.id, i]))
  const colOf = new Int32Array(input.annotations.length).fill(-1)
  input.annotations.forEach((a, i) => {
    const doc = docs.get(a.docId)
    if (include && !include(a, doc)) return
    const id = spec.of(a, doc)
    if (id === null) return
    let c = index.get(id)
    if (c === undefined) {
      c = cols.length
      index.set(id, c)
      cols.push({ id, label: spec.labelOf ? spec.labelOf(id) : id })
    }
    colOf[i] = c
  })
  if (spec.list) return { cols, colOf }
  // Discovered columns: sort by label, then renumber.
  const order = cols.map((_, i) => i).sort((x, y) => collator.compare(cols[x].label, cols[y].label))
  const renumber = new Int32Array(cols.length)
  order.forEach((old, now) => (renumber[old] = now))
  for (let i = 0; i < colOf.length; i++) if (colOf[i] >= 0) colOf[i] = renumber[colOf[i]]
  return { cols: order.map((i) => cols[i]), colOf }
}

/**
 * Visits every row a passage counts in once: the rows of its tags and of every tag above them.
 * `stamp` marks rows already visited for this passage (pass a new mark for each passage).
 */
function forEachRolledUpRow(
  a: Annotation,
  index: TagIndex,
  stamp: Int32Array,
  mark: number,
  visit: (row: number, own: boolean) => void
): void {
  for (const id of a.tags) {
    const start = index.rowOf.get(id)
    if (start === undefined) continue
    for (let r = start; r >= 0 && stamp[r] !== mark; r = index.parentRow[r]) {
      stamp[r] = mark
      visit(r, false)
    }
  }
  // The tag itself (not a roll-up): counted once, even if applied twice.
  for (const id of a.tags) {
    const r = index.rowOf.get(id)
    if (r !== undefined && stamp[r] !== -mark) {
      stamp[r] = -mark
      visit(r, true)
    }
  }
}

export function codeMatrix(input: AnalysisInput, options: MatrixOptions = {}): CodeMatrix {
  const index = tagIndex(input.tags)
  const spec = options.columns ?? documentColumns(input.documents)
  const assigned = assignColumns(input, spec, options.include)
  // Row totals count every kept passage, in a shown column or not: `colOf` says where a passage
  // is drawn (−1: in a column left out), `keptOf` whether it counts at all.
  const keptOf = assigned.colOf
  let { cols, colOf } = assigned
  let hidden = 0
  if (options.maxColumns !== undefined && cols.length > options.maxColumns) {
    const known = (i: number): boolean => input.annotations[i].tags.some((t) => index.rowOf.has(t))
    ;({ cols, colOf, hidden } = keepBusiest(cols, colOf, options.maxColumns, known))
  }
  const R = index.rows.length
  const C = cols.length
  const hasChildren = new Uint8Array(R)
  for (let r = 0; r < R; r++) if (index.parentRow[r] >= 0) hasChildren[index.parentRow[r]] = 1
  // Dense rows, copied from one row of zeros (the fastest way to a packed array of numbers). A
  // tag without sub-tags has the same own and rolled-up counts: its two rows are one array.
  const zeros = new Array<number>(C).fill(0)
  const counts = index.rows.map(() => zeros.slice())
  const own = counts.map((row, r) => (hasChildren[r] ? zeros.slice() : row))
  const totals = new Array<number>(R).fill(0)
  const ownTotals = new Array<number>(R).fill(0)
  const columnTotals = zeros.slice()
  const stamp = new Int32Array(R)
  const { rowOf, parentRow } = index
  for (let i = 0; i < input.annotations.length; i++) {
    if (keptOf[i] < 0) continue
    const c = colOf[i]
    const shown = c >= 0
    const tags = input.annotations[i].tags
    // The same walk as forEachRolledUpRow, written out: this loop runs for every passage.
    const mark = i + 1
    let any = false
    for (const id of tags) {
      const start = rowOf.get(id)
      if (start === undefined) continue
      any = true
      for (let r = start; r >= 0 && stamp[r] !== mark; r = parentRow[r]) {
        stamp[r] = mark
        totals[r]++
        if (shown) counts[r][c]++
      }
    }
    if (!any) continue
    if (shown) columnTotals[c]++
    for (const id of tags) {
      const r = rowOf.get(id) as number
      if (r !== undefined && stamp[r] !== -mark) {
        stamp[r] = -mark
        ownTotals[r]++
        if (shown && hasChildren[r]) own[r][c]++
      }
    }
  }
  return {
    rows: index.rows.map((row, r) => ({ ...row, total: totals[r], ownTotal: ownTotals[r] })),
    cols,
    counts,
    own,
    columnTotals,
    ...(hidden ? { hiddenColumns: hidden } : {})
  }
}

/**
 * The passages of one cell: tagged with the tag (or, with `rollUp`, a tag below it) and in the
 * column, in the input's order. `columnId` undefined: the whole row.
 */
export function matrixPassages(
  input: AnalysisInput,
  cell: { tagId: string; columnId?: string; rollUp?: boolean },
  options: MatrixOptions = {}
): Passage[] {
  const index = tagIndex(input.tags)
  const row = index.rowOf.get(cell.tagId)
  if (row === undefined) return []
  const spec = options.columns ?? documentColumns(input.documents)
  const { cols, colOf } = assignColumns(input, spec, options.include)
  const want = cell.columnId === undefined ? -1 : cols.findIndex((c) => c.id === cell.columnId)
  if (cell.columnId !== undefined && want < 0) return []
  const docs = documentsById(input.documents)
  const rollUp = cell.rollUp ?? true
  const stamp = new Int32Array(index.rows.length)
  const out: Passage[] = []
  input.annotations.forEach((a, i) => {
    if (colOf[i] < 0 || (want >= 0 && colOf[i] !== want)) return
    let hit = false
    forEachRolledUpRow(a, index, stamp, i + 1, (r, self) => {
      if (r === row && (self || rollUp)) hit = true
    })
    if (hit) out.push({ annotation: a, docTitle: docs.get(a.docId)?.title ?? '' })
  })
  return out
}

/** Passages per tag (for the bar chart), over all and per column, from a matrix. */
export function frequencies(matrix: CodeMatrix): TagFrequency[] {
  return matrix.rows.map(({ total, ownTotal, ...row }, r) => ({
    ...row,
    total,
    own: ownTotal,
    byColumn: matrix.cols
      .map((c, j) => ({ id: c.id, label: c.label, count: matrix.counts[r][j] }))
      .filter((c) => c.count > 0)
  }))
}
