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
 *
 * With `copies`, the carriers carry the passage word for word or nearly (aligned): they are taken
 * to derive from one another until the analyst rejects that ("a b" in `rejected`, both orders),
 * since a copy is never a confirmation. A carrier then confirms only when its derivation from
 * `docId` is rejected; and carriers with no rejection between them count as one origin. A
 * document in `claimed` carries the claim by the analyst's link alone: it counts by its origin.
 */
export function corroboration(
  docId: string,
  carriers: Iterable<string>,
  originOf: ReadonlyMap<string, string>,
  copies?: {
    rejected: ReadonlySet<string>
    /** Carriers by the analyst's "same claim" alone (not copies): apart unless of one origin. */
    claimed?: ReadonlySet<string>
  }
): Corroboration {
  const originFor = (d: string): string => originOf.get(d) ?? d
  const own = originFor(docId)
  const documents = [...new Set(carriers)].filter((d) => d !== docId).sort()
  const claimed = copies?.claimed
  const apart = (a: string, b: string): boolean =>
    !copies || copies.rejected.has(`${a} ${b}`) || !!claimed?.has(a) || !!claimed?.has(b)
  const free: string[] = []
  const sameOrigin: string[] = []
  for (const d of documents) {
    if (originFor(d) !== own && apart(docId, d)) free.push(d)
    else sameOrigin.push(d)
  }
  // One origin per group: carriers of one origin, or copies with no rejection between them.
  const group = free.map((_, i) => i)
  const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i])))
  for (let i = 0; i < free.length; i++)
    for (let j = i + 1; j < free.length; j++)
      if (originFor(free[i]) === originFor(free[j]) || !apart(free[i], free[j]))
        group[find(i)] = find(j)
  const byGroup = new Map<number, string>()
  free.forEach((d, i) => {
    const g = find(i)
    const o = originFor(d)
    const seen = byGroup.get(g)
    if (seen === undefined || o < seen) byGroup.set(g, o)
  })
  const origins = [...new Set(byGroup.values())].sort()
  return {
    documents,
    origins,
    sameOrigin,
    suggestsConfirmed: origins.length >= ORIGINS_TO_CONFIRM
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
