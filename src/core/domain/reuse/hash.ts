/** FNV-1a, 32 bits, over a string's UTF-16 code units: fast, well spread for short words. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r))

/**
 * The hash of `k` consecutive word hashes from `at`: the MurmurHash3 (x86, 32-bit) body and
 * finaliser over the words, so that order matters and nearby shingles differ in every bit.
 */
export function shingleHash(words: Uint32Array, at: number, k: number): number {
  let h = 0x9747b28c
  for (let i = at; i < at + k; i++) {
    let x = Math.imul(words[i], 0xcc9e2d51)
    x = rotl(x, 15)
    x = Math.imul(x, 0x1b873593)
    h ^= x
    h = rotl(h, 13)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  h ^= k
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
