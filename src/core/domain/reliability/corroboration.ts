/** A shared passage as seen from one document (the row of `reuse DOC_ID`). */
export interface PassageRow {
  docId: string
  start: number
  end: number
  otherDocId: string
  otherStart: number
  otherEnd: number
  boilerplate: boolean
}

export interface Corroboration {
  /** The other documents that carry the passage, sorted. */
  documents: string[]
  /** The origins among them other than the passage's own, sorted: each counts once. */
  origins: string[]
  /** Documents that carry it but share its origin: they repeat it, they do not confirm it. */
  sameOrigin: string[]
  /** Credibility 1 ("confirmed by other sources") is suggested only from two independent origins. */
  suggestsConfirmed: boolean
}

/** Independent origins needed before credibility 1 is suggested. */
export const ORIGINS_TO_CONFIRM = 2

/**
 * Who corroborates a passage of `docId`: `carriers` are the other documents that carry it (by
 * alignment, or linked by the analyst as the same claim). Documents are counted by origin, and
 * the passage's own origin never counts, so two passages of one origin never confirm each other.
 * A document unknown to `originOf` is an origin of its own.
 */
export function corroboration(
  docId: string,
  carriers: Iterable<string>,
  originOf: ReadonlyMap<string, string>
): Corroboration {
  const originFor = (d: string): string => originOf.get(d) ?? d
  const own = originFor(docId)
  const documents = [...new Set(carriers)].filter((d) => d !== docId).sort()
  const origins = new Set<string>()
  const sameOrigin: string[] = []
  for (const d of documents) {
    const o = originFor(d)
    if (o === own) sameOrigin.push(d)
    else origins.add(o)
  }
  return {
    documents,
    origins: [...origins].sort(),
    sameOrigin,
    suggestsConfirmed: origins.size >= ORIGINS_TO_CONFIRM
  }
}

/**
 * The other documents that carry a highlighted range of `docId`: those with a shared passage that
 * covers at least half of the shorter of the highlight and the passage. Boilerplate passages
 * carry nothing (a phrase every document repeats confirms no claim).
 */
export function carriersOf(
  highlight: { docId: string; start: number; end: number },
  passages: Iterable<PassageRow>
): string[] {
  const out = new Set<string>()
  for (const p of passages) {
    if (p.boilerplate || p.docId !== highlight.docId || p.otherDocId === highlight.docId) continue
    const overlap = Math.min(p.end, highlight.end) - Math.max(p.start, highlight.start)
    const shorter = Math.min(p.end - p.start, highlight.end - highlight.start)
    if (overlap > 0 && overlap * 2 >= shorter) out.add(p.otherDocId)
  }
  return [...out].sort()
}

// Shared with the renderer, whose Themes view counts the origins of a tag's passages.
export { passagesAndOrigins } from '../../../shared/origin-counts'
