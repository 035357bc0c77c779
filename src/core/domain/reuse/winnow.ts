import { shingleHashes } from './hash'
import type { ReuseParams } from './params'
import { DEFAULT_PARAMS } from './params'
import type { WordTokens } from './tokens'
import { tokenize } from './tokens'

/**
 * A text's fingerprints: the shingle hashes chosen by winnowing, with the word index where each
 * chosen shingle starts, in increasing order. Two consecutive positions are at most `w` apart.
 */
export interface Fingerprints {
  k: number
  w: number
  /** Words in the text. */
  words: number
  hashes: Uint32Array
  positions: Uint32Array
}

/** The hash of every k-word shingle of a text, in order (none when it has fewer than k words). */
export const shingles = (tokens: WordTokens, k: number): Uint32Array =>
  shingleHashes(tokens.hashes, k)

/**
 * Robust winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003): in every window of `w`
 * consecutive shingles the smallest hash is chosen (the rightmost of equal ones), and recorded
 * once however many windows choose it. Any run of w + k − 1 words that two texts share lies
 * under a whole window in both, whose choice is the same shingle: the texts share a fingerprint.
 * A text shorter than one window keeps its smallest shingle. O(n) with a monotone queue.
 */
export function winnow(
  hashes: Uint32Array,
  w: number
): { hashes: Uint32Array; positions: Uint32Array } {
  const n = hashes.length
  // About 2n / (w + 1) are kept; up to n for a text whose hashes only fall.
  const outH = new Uint32Array(n)
  const outP = new Uint32Array(n)
  let count = 0
  const queue = new Int32Array(Math.max(1, n))
  let head = 0
  let tail = 0
  let last = -1
  for (let i = 0; i < n; i++) {
    const h = hashes[i]
    while (tail > head && hashes[queue[tail - 1]] >= h) tail--
    queue[tail++] = i
    if (queue[head] <= i - w) head++
    if (i >= w - 1 || i === n - 1) {
      const p = queue[head]
      if (p !== last) {
        outH[count] = hashes[p]
        outP[count++] = p
        last = p
      }
    }
  }
  return { hashes: outH.slice(0, count), positions: outP.slice(0, count) }
}

/** Fingerprints of a text (or of its words, when they are at hand already). */
export function fingerprint(
  text: string | WordTokens,
  params: ReuseParams = DEFAULT_PARAMS
): Fingerprints {
  const tokens = typeof text === 'string' ? tokenize(text) : text
  const { hashes, positions } = winnow(shingles(tokens, params.k), params.w)
  return { k: params.k, w: params.w, words: tokens.length, hashes, positions }
}
