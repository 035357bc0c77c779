import type { OriginView } from './reliability'

/** The origin of each document, by document id, from `listOrigins()`. */
export function originIndex(origins: readonly OriginView[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const o of origins) for (const d of o.documents) out.set(d, o.id)
  return out
}

/**
 * For Themes: "N passages from M origins". A document unknown to `originOf` (imported since the
 * origins were read) is an origin of its own, as every document not linked to another is.
 */
export function passagesAndOrigins(
  passages: Iterable<{ docId: string }>,
  originOf: ReadonlyMap<string, string>
): { passages: number; origins: number } {
  let n = 0
  const origins = new Set<string>()
  for (const p of passages) {
    n++
    origins.add(originOf.get(p.docId) ?? p.docId)
  }
  return { passages: n, origins: origins.size }
}
