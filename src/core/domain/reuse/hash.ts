/** FNV-1a, 32 bits, over a string's UTF-16 code units: fast, well spread for short words. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** MurmurHash3's 32-bit finaliser: every input bit changes about half of the output bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const BASE = 0x9e3779b1

/**
 * The hash of every run of `k` consecutive words: a polynomial rolling hash over the word hashes
 * (Rabin–Karp, modulo 2^32, so a shingle costs the same whatever k), then MurmurHash3's
 * finaliser so that the smallest hashes that winnowing chooses are spread evenly.
 */
export function shingleHashes(words: Uint32Array, k: number): Uint32Array {
  const n = Math.max(0, words.length - k + 1)
  const out = new Uint32Array(n)
  if (n === 0) return out
  let top = 1
  for (let j = 1; j < k; j++) top = Math.imul(top, BASE)
  let h = 0
  for (let j = 0; j < k; j++) h = (Math.imul(h, BASE) + words[j]) | 0
  out[0] = fmix32(h)
  for (let i = 1; i < n; i++) {
    h = (Math.imul((h - Math.imul(words[i - 1], top)) | 0, BASE) + words[i + k - 1]) | 0
    out[i] = fmix32(h)
  }
  return out
}
