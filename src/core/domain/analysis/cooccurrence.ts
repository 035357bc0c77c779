import type {
  Cooccurrence,
  CooccurrenceHit,
  CooccurrenceScope,
  TagRow
} from '../../../shared/analysis'
import { forEachUnit, hasRow, membersOf, PairCounter, type Range } from './cooccurrence-units'
import { tagIndex, type AnalysisInput, type PassageFilter } from './input'

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

export type { Range } from './cooccurrence-units'

export interface CooccurrenceOptions {
  scope: CooccurrenceScope
  /** The paragraphs of a document, sorted by start (needed for scope 'paragraph'). */
  paragraphsOf?: (docId: string) => readonly Range[] | undefined
  include?: PassageFilter
}

export function cooccurrence(input: AnalysisInput, options: CooccurrenceOptions): Cooccurrence {
  const index = tagIndex(input.tags)
  const members = membersOf(input, index, options.include)
  const counter = new PairCounter(index.rows.length)
  forEachUnit(members, options.scope, options.paragraphsOf, (_doc, unit, size, cross) =>
    counter.count(members, unit, size, cross)
  )
  const used = new Set<number>()
  const pairs = counter.pairs().map(([a, b, count]) => {
    used.add(a).add(b)
    return { a: index.rows[a].tagId, b: index.rows[b].tagId, count }
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
  const m = membersOf(input, index, options.include)
  const out: CooccurrenceHit[] = []
  forEachUnit(m, options.scope, options.paragraphsOf, (docId, buffer, size, cross, paragraph) => {
    const unit = Array.from(buffer.subarray(0, size))
    const hasA = unit.map((i) => hasRow(m, i, ra))
    const hasB = unit.map((i) => hasRow(m, i, rb))
    const both = cross
      ? (hasA[0] && hasB[1]) || (hasB[0] && hasA[1])
      : hasA.some(Boolean) && hasB.some(Boolean)
    if (!both) return
    out.push({
      docId,
      annotationIds: unit.filter((_, k) => hasA[k] || hasB[k]).map((i) => m.annotations[i].id),
      ...(paragraph ? { range: { start: paragraph.start, end: paragraph.end } } : {})
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
