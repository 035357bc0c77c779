import type { CooccurrenceScope } from '../../../shared/analysis'
import type { Annotation } from '../../../shared/model'
import { documentsById, type AnalysisInput, type PassageFilter, type TagIndex } from './input'

/**
 * The units of co-occurrence (see cooccurrence.ts), enumerated without allocating per unit: a
 * workspace holds 100,000 highlights and the table must answer in well under 100 ms.
 */

export interface Range {
  start: number
  end: number
}

/** The kept highlights with their tag rows (rows of m: rows[rowStart[m]] … rows[rowStart[m+1] − 1]). */
export interface Members {
  annotations: Annotation[]
  rowStart: Int32Array
  rows: Int32Array
  /** Each member's position, [start, end). */
  start: Int32Array
  end: Int32Array
}

export function membersOf(input: AnalysisInput, index: TagIndex, include?: PassageFilter): Members {
  const docs = include ? documentsById(input.documents) : undefined
  const all = input.annotations
  let capacity = 0
  for (const a of all) capacity += a.tags.length
  const annotations: Annotation[] = []
  const rowStart = new Int32Array(all.length + 1)
  const rows = new Int32Array(capacity)
  const start = new Int32Array(all.length)
  const end = new Int32Array(all.length)
  const seen = new Int32Array(index.rows.length)
  const { rowOf } = index
  let n = 0
  let used = 0
  for (let i = 0; i < all.length; i++) {
    const a = all[i]
    if (docs && include && !include(a, docs.get(a.docId))) continue
    const mark = i + 1
    const before = used
    for (const id of a.tags) {
      const r = rowOf.get(id)
      if (r !== undefined && seen[r] !== mark) {
        seen[r] = mark
        rows[used++] = r
      }
    }
    if (used === before) continue
    annotations.push(a)
    start[n] = a.position.start
    end[n] = a.position.end
    rowStart[++n] = used
  }
  return {
    annotations,
    rowStart: rowStart.subarray(0, n + 1),
    rows: rows.subarray(0, used),
    start: start.subarray(0, n),
    end: end.subarray(0, n)
  }
}

export function hasRow(m: Members, member: number, row: number): boolean {
  for (let k = m.rowStart[member]; k < m.rowStart[member + 1]; k++)
    if (m.rows[k] === row) return true
  return false
}

/**
 * A unit: its members (`unit[0]` … `unit[size − 1]`, in a buffer reused from one unit to the
 * next: copy what you keep), whether the tags pair across its two members (two overlapping
 * highlights) or within all of them, and for a paragraph its range.
 */
export type UnitVisitor = (
  docId: string,
  unit: Int32Array,
  size: number,
  cross: boolean,
  paragraph: Range | undefined
) => void

interface Group {
  docId: string
  from: number
  to: number
}

/** Anchored members grouped by document (in order of first appearance), each group by start. */
function byDocument(m: Members): { order: Int32Array; groups: Group[] } {
  const ordinal = new Map<string, number>()
  const docOf = new Int32Array(m.annotations.length).fill(-1)
  const sizes: number[] = []
  m.annotations.forEach((a, i) => {
    if (a.status !== 'anchored') return
    let d = ordinal.get(a.docId)
    if (d === undefined) {
      d = sizes.length
      ordinal.set(a.docId, d)
      sizes.push(0)
    }
    docOf[i] = d
    sizes[d]++
  })
  const groups: Group[] = []
  let at = 0
  for (const [docId, d] of ordinal) {
    groups.push({ docId, from: at, to: at + sizes[d] })
    at += sizes[d]
  }
  const fill = groups.map((g) => g.from)
  const order = new Int32Array(at)
  for (let i = 0; i < docOf.length; i++) if (docOf[i] >= 0) order[fill[docOf[i]]++] = i
  // Insertion sort by start: a document holds a few highlights, and this needs no callback.
  const start = m.start
  for (const g of groups)
    for (let k = g.from + 1; k < g.to; k++) {
      const x = order[k]
      let j = k - 1
      for (; j >= g.from && start[order[j]] > start[x]; j--) order[j + 1] = order[j]
      order[j + 1] = x
    }
  return { order, groups }
}

/** The first paragraph that ends after `at` (binary search over paragraphs sorted by start). */
function firstEndingAfter(paragraphs: readonly Range[], at: number): number {
  let lo = 0
  let hi = paragraphs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (paragraphs[mid].end <= at) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function forEachUnit(
  m: Members,
  scope: CooccurrenceScope,
  paragraphsOf: ((docId: string) => readonly Range[] | undefined) | undefined,
  visit: UnitVisitor
): void {
  const n = m.annotations.length
  const unit = new Int32Array(Math.max(2, n))
  if (scope !== 'paragraph') {
    for (let i = 0; i < n; i++) {
      if (m.rowStart[i + 1] - m.rowStart[i] < 2) continue
      unit[0] = i
      visit(m.annotations[i].docId, unit, 1, false, undefined)
    }
  }
  if (scope === 'highlight') return
  const { order, groups } = byDocument(m)
  const { start, end } = m
  // The members still open at the current point of a sweep, in order of start.
  const active = new Int32Array(Math.max(1, n))
  if (scope === 'overlap') {
    for (const g of groups) {
      let size = 0
      for (let k = g.from; k < g.to; k++) {
        const i = order[k]
        let kept = 0
        for (let j = 0; j < size; j++) if (end[active[j]] > start[i]) active[kept++] = active[j]
        size = kept
        if (end[i] <= start[i]) continue
        for (let j = 0; j < size; j++) {
          unit[0] = active[j]
          unit[1] = i
          visit(g.docId, unit, 2, true, undefined)
        }
        active[size++] = i
      }
    }
    return
  }
  // Paragraphs: each member spans paragraphs first[k] … last[k]; a sweep over paragraphs keeps
  // the members that span the current one.
  const first = new Int32Array(n)
  const last = new Int32Array(n)
  for (const g of groups) {
    const paragraphs = paragraphsOf?.(g.docId) ?? []
    if (!paragraphs.length) continue
    for (let k = g.from; k < g.to; k++) {
      const i = order[k]
      // A highlight of no length belongs to the paragraph it stands in.
      const to = Math.max(end[i], start[i] + 1)
      let p = firstEndingAfter(paragraphs, start[i])
      first[k] = p
      while (p < paragraphs.length && paragraphs[p].start < to) p++
      last[k] = p - 1 // Below first[k]: in no paragraph.
    }
    let k = g.from
    let size = 0
    let p = -1
    while (k < g.to || size > 0) {
      if (size === 0) {
        while (k < g.to && last[k] < first[k]) k++
        if (k === g.to) break
        p = first[k]
      } else p++
      let kept = 0
      for (let j = 0; j < size; j++) if (last[active[j]] >= p) active[kept++] = active[j]
      size = kept
      for (; k < g.to && first[k] <= p; k++) if (last[k] >= p) active[size++] = k
      if (size === 0) continue
      for (let j = 0; j < size; j++) unit[j] = order[active[j]]
      visit(g.docId, unit, size, false, paragraphs[p])
    }
  }
}

/**
 * Counts pairs of rows (a < b), each at most once per unit: in a flat table for a codebook of up
 * to 1,024 tags, in a map above that.
 */
export class PairCounter {
  private unit = 0
  private readonly flat?: { count: Int32Array; last: Int32Array }
  private readonly map?: Map<number, { count: number; last: number }>
  private readonly rowSeen: Int32Array
  private readonly union: number[] = []

  constructor(private readonly R: number) {
    if (R <= 1024) this.flat = { count: new Int32Array(R * R), last: new Int32Array(R * R) }
    else this.map = new Map()
    this.rowSeen = new Int32Array(R)
  }

  private add(x: number, y: number): void {
    if (x === y) return
    const key = x < y ? x * this.R + y : y * this.R + x
    if (this.flat) {
      if (this.flat.last[key] === this.unit) return
      this.flat.last[key] = this.unit
      this.flat.count[key]++
      return
    }
    const e = this.map?.get(key)
    if (!e) this.map?.set(key, { count: 1, last: this.unit })
    else if (e.last !== this.unit) {
      e.last = this.unit
      e.count++
    }
  }

  count(m: Members, unit: Int32Array, size: number, cross: boolean): void {
    this.unit++
    const { rows, rowStart } = m
    if (cross) {
      const x = unit[0]
      const y = unit[1]
      for (let i = rowStart[x]; i < rowStart[x + 1]; i++)
        for (let j = rowStart[y]; j < rowStart[y + 1]; j++) this.add(rows[i], rows[j])
      return
    }
    const union = this.union
    union.length = 0
    for (let u = 0; u < size; u++)
      for (let k = rowStart[unit[u]]; k < rowStart[unit[u] + 1]; k++) {
        const r = rows[k]
        if (this.rowSeen[r] !== this.unit) {
          this.rowSeen[r] = this.unit
          union.push(r)
        }
      }
    for (let i = 0; i < union.length; i++)
      for (let j = i + 1; j < union.length; j++) this.add(union[i], union[j])
  }

  /** [a, b, count], by a then b. */
  pairs(): [number, number, number][] {
    const out: [number, number, number][] = []
    const R = this.R
    if (this.flat) {
      const c = this.flat.count
      for (let k = 0; k < c.length; k++) if (c[k]) out.push([Math.floor(k / R), k % R, c[k]])
      return out
    }
    for (const [k, e] of this.map ?? []) out.push([Math.floor(k / R), k % R, e.count])
    return out.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  }
}
