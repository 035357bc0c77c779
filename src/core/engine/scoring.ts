import { B, DELTA, FUZZY_WEIGHT, K1, PREFIX_EXTRA_LETTER, PREFIX_WEIGHT } from './tuning'

/**
 * BM25+, written once: a word's score in an entry (or a title) is its weight (1 for the word
 * itself, less for a word a prefix or a misspelling stands for; TITLE_BOOST more in a title) times
 * its idf times `bm25` of how often it occurs there and how long that entry is.
 */

/** The inverse document frequency of a word found in `df` of `n` entries (or titles). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

/**
 * BM25's length normalisation for a field whose entries are `averageLength` words long on
 * average, as `a + b · length` (which is K1 · (1 − B + B · length / average)): worked out once per
 * word of a query, so that `bm25` costs a multiplication and a division per posting.
 */
export interface LengthNorm {
  a: number
  b: number
}

export function lengthNorm(averageLength: number): LengthNorm {
  return { a: K1 * (1 - B), b: (K1 * B) / (averageLength || 1) }
}

/** BM25+'s term part for a word found `tf` times in an entry of `length` words (see `lengthNorm`). */
export function bm25(tf: number, length: number, a: number, b: number): number {
  return DELTA + (tf * (K1 + 1)) / (tf + a + b * length)
}

/** The weight of a word that a prefix stands for: less the more letters it has past the prefix. */
export function prefixWeight(prefixLength: number, wordLength: number): number {
  const extra = wordLength - prefixLength
  return (PREFIX_WEIGHT * prefixLength) / (prefixLength + PREFIX_EXTRA_LETTER * extra)
}

/** The weight of a word `edits` typos away from a query word of `length` letters. */
export function fuzzyWeight(length: number, edits: number): number {
  return (FUZZY_WEIGHT * length) / (length + edits)
}
