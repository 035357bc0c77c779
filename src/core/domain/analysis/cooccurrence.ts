import type {
  Cooccurrence,
  CooccurrenceHit,
  CooccurrenceScope,
  TagRow
} from '../../../shared/analysis'
import type { Annotation } from '../../../shared/model'
import {
  documentsById,
  tagIndex,
  tagRowsOf,
  type AnalysisInput,
  type PassageFilter,
  type TagIndex
} from './input'

/**
 * Co-occurrence of tags (ATLAS.ti's co-occurrence table, MAXQDA's code relations browser). A
 * scope says what a unit is, and a cell counts the units where both tags occur:
 *
 * - highlight: one highlight carrying both tags;
 * - overlap: a highlight carrying both, or two highlights of one document whose ranges overlap
 *   (share at least one character; touching is not overlapping), one carrying each tag. So a
 *   count under overlap is never below the count under highlight;
 * - paragraph: a paragraph (a block range) that highlights carrying both tags intersect; a
 *   highlight spanning two paragraphs is in both.
 *
 * Tags are counted as applied (no roll-up to parent tags: a parent and its sub-tag would always
 * co-occur). Orphaned highlights have no place in the current text, so they count only under
 * highlight.
 */

export interface Range {
  start: number
  end: number
}

export interface CooccurrenceOptions {
  scope: CooccurrenceScope
  /** The paragraphs of a document, sorted by start (needed for scope 'paragraph'). */
  paragraphsOf?: (docId: string) => readonly Range[] | undefined
  include?: PassageFilter
}

interface Member {
  annotation: Annotation
  rows: number[]
}

/** A unit: its members and how their tags pair (all within the union, or across two members). */
interface Unit {
  docId: string
  members: Member[]
  cross: boolean
  range?: Range
}

function kept(input: AnalysisInput, index: TagIndex, include?: PassageFilter): Member[] {
  const docs = include ? documentsById(input.documents) : undefined
  const out: Member[] = []
  for (const a of input.annotations) {
    if (include && !include(a, docs?.get(a.docId))) continue
    const rows = tagRowsOf(a, index)
    if (rows.length) out.push({ annotation: a, rows })
  }
  return out
}

function byDocument(members: Member[]): Map<string, Member[]> {
  const out = new Map<string, Member[]>()
  for (const m of members) {
    if (m.annotation.status !== 'anchored') continue
    const list = out.get(m.annotation.docId)
    if (list) list.push(m)
    else out.set(m.annotation.docId, [m])
  }
  return out
}

const startOf = (m: Member): number => m.annotation.position.start
const endOf = (m: Member): number => m.annotation.position.end

function forEachUnit(
  members: Member[],
  options: CooccurrenceOptions,
  visit: (unit: Unit) => void
): void {
  if (options.scope !== 'paragraph') {
    for (const m of members)
      if (m.rows.length > 1) visit({ docId: m.annotation.docId, members: [m], cross: false })
  }
  if (options.scope === 'overlap') {
    for (const [docId, list] of byDocument(members)) {
      list.sort((x, y) => startOf(x) - startOf(y))
      let active: Member[] = []
      for (const m of list) {
        active = active.filter((o) => endOf(o) > startOf(m))
        for (const o of active)
          if (startOf(m) < endOf(o) && endOf(m) > startOf(m))
            visit({ docId, members: [o, m], cross: true })
        active.push(m)
      }
    }
  }
  if (options.scope === 'paragraph') {
    for (const [docId, list] of byDocument(members)) {
      const paragraphs = options.paragraphsOf?.(docId) ?? []
      const inParagraph = new Map<number, Member[]>()
      for (const m of list) {
        const start = startOf(m)
        // A highlight of no length belongs to the paragraph it stands in.
        const end = Math.max(endOf(m), start + 1)
        for (let p = firstEndingAfter(paragraphs, start); p < paragraphs.length; p++) {
          if (paragraphs[p].start >= end) break
          const at = inParagraph.get(p)
          if (at) at.push(m)
          else inParagraph.set(p, [m])
        }
      }
      for (const [p, at] of [...inParagraph].sort((x, y) => x[0] - y[0])) {
        const range = { start: paragraphs[p].start, end: paragraphs[p].end }
        visit({ docId, members: at, cross: false, range })
      }
    }
  }
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

/** The distinct pairs of rows (a < b) a unit holds. */
function pairsOf(unit: Unit, R: number): number[] {
  const keys = new Set<number>()
  const add = (x: number, y: number): void => {
    if (x !== y) keys.add(x < y ? x * R + y : y * R + x)
  }
  if (unit.cross) {
    for (const x of unit.members[0].rows) for (const y of unit.members[1].rows) add(x, y)
  } else {
    const rows = [...new Set(unit.members.flatMap((m) => m.rows))]
    for (let i = 0; i < rows.length; i++)
      for (let j = i + 1; j < rows.length; j++) add(rows[i], rows[j])
  }
  return [...keys]
}

export function cooccurrence(input: AnalysisInput, options: CooccurrenceOptions): Cooccurrence {
  const index = tagIndex(input.tags)
  const R = index.rows.length
  const counts = new Map<number, number>()
  forEachUnit(kept(input, index, options.include), options, (unit) => {
    for (const key of pairsOf(unit, R)) counts.set(key, (counts.get(key) ?? 0) + 1)
  })
  const keys = [...counts.keys()].sort((x, y) => x - y)
  const used = new Set<number>()
  const pairs = keys.map((key) => {
    const a = Math.floor(key / R)
    const b = key % R
    used.add(a).add(b)
    return { a: index.rows[a].tagId, b: index.rows[b].tagId, count: counts.get(key) as number }
  })
  const tags = [...used].sort((x, y) => x - y).map((r) => index.rows[r])
  return { scope: options.scope, tags, pairs }
}

/** The units where both tags occur: a cell's passages. */
export function cooccurrencePassages(
  input: AnalysisInput,
  cell: { a: string; b: string },
  options: CooccurrenceOptions
): CooccurrenceHit[] {
  const index = tagIndex(input.tags)
  const ra = index.rowOf.get(cell.a)
  const rb = index.rowOf.get(cell.b)
  if (ra === undefined || rb === undefined || ra === rb) return []
  const want = Math.min(ra, rb) * index.rows.length + Math.max(ra, rb)
  const out: CooccurrenceHit[] = []
  forEachUnit(kept(input, index, options.include), options, (unit) => {
    if (!pairsOf(unit, index.rows.length).includes(want)) return
    const members = unit.members.filter((m) => m.rows.includes(ra) || m.rows.includes(rb))
    out.push({
      docId: unit.docId,
      annotationIds: members.map((m) => m.annotation.id),
      ...(unit.range ? { range: unit.range } : {})
    })
  })
  return out
}

/** The pairs as a square table for a heat map: symmetric, 0 on the diagonal. */
export function cooccurrenceTable(c: Cooccurrence): { tags: TagRow[]; counts: number[][] } {
  const at = new Map(c.tags.map((t, i) => [t.tagId, i]))
  const counts = c.tags.map(() => new Array<number>(c.tags.length).fill(0))
  for (const p of c.pairs) {
    const i = at.get(p.a) as number
    const j = at.get(p.b) as number
    counts[i][j] = counts[j][i] = p.count
  }
  return { tags: c.tags, counts }
}
