import { fold, WORD_RE } from './fold'

/** The most a term frequency counts (it is kept in a byte). */
export const MAX_TF = 255

/** Term frequencies of a text, folded as queries are; and its number of words. */
export function termCounts(text: string): { counts: Map<string, number>; length: number } {
  const counts = new Map<string, number>()
  let length = 0
  for (const m of fold(text).matchAll(WORD_RE)) {
    const w = m[0]
    counts.set(w, (counts.get(w) ?? 0) + 1)
    length++
  }
  return { counts, length }
}

/**
 * Entries with their words counted already (by `termCounts`, perhaps in another thread): for each
 * entry, start, end, number of words and number of distinct words in `bounds`; its distinct words
 * follow each other in `words` (as indexes into `vocab`, the distinct words of them all), with how
 * often each occurs in `counts` (at most MAX_TF).
 */
export interface CountedEntries {
  vocab: string[]
  bounds: Uint32Array
  words: Uint32Array
  counts: Uint8Array
}
