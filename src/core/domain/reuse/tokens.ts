import { eachWord } from '../search/fold'
import { fnv1a } from './hash'

/**
 * A text's words as the search index sees them (folded: case and accents do not count), each as
 * the hash of its folded form with its offsets [start, end) in the original text.
 */
export interface WordTokens {
  length: number
  hashes: Uint32Array
  starts: Uint32Array
  ends: Uint32Array
}

export function tokenize(text: string): WordTokens {
  let cap = Math.max(16, Math.ceil(text.length / 5))
  let hashes: Uint32Array = new Uint32Array(cap)
  let starts: Uint32Array = new Uint32Array(cap)
  let ends: Uint32Array = new Uint32Array(cap)
  let n = 0
  eachWord(text, (word, start, end) => {
    if (n === cap) {
      cap *= 2
      const grow = (a: Uint32Array): Uint32Array => {
        const b = new Uint32Array(cap)
        b.set(a)
        return b
      }
      hashes = grow(hashes)
      starts = grow(starts)
      ends = grow(ends)
    }
    hashes[n] = fnv1a(word)
    starts[n] = start
    ends[n] = end
    n++
  })
  return {
    length: n,
    hashes: hashes.subarray(0, n),
    starts: starts.subarray(0, n),
    ends: ends.subarray(0, n)
  }
}
