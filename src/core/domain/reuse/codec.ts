import { ByteReader, ByteWriter } from './bytes'
import type { Fingerprints } from './winnow'

const FP_MAGIC = 0x31465741 // 'AWF1'

/**
 * One text's fingerprints as bytes, for the store to keep beside the text (keyed by its sha256):
 * a 20-byte header (magic, k, w, words, count), the hashes (4 bytes each), then each position
 * as its distance from the previous one (1 byte: winnowing keeps them at most w apart), padded
 * to 4 bytes. About 5 bytes per fingerprint.
 */
export function encodeFingerprints(fp: Fingerprints): Uint8Array {
  if (fp.w > 255) throw new Error('a winnowing window over 255 shingles cannot be encoded')
  const out = new ByteWriter(20 + fp.hashes.length * 5 + 4)
  for (const v of [FP_MAGIC, fp.k, fp.w, fp.words, fp.hashes.length]) out.u32(v)
  out.u32s(fp.hashes)
  const deltas = new Uint8Array(fp.positions.length)
  let prev = 0
  fp.positions.forEach((p, i) => {
    const d = p - prev
    if (d < 0 || d > 255) throw new Error('fingerprint positions are out of order')
    deltas[i] = d
    prev = p
  })
  out.bytes(deltas)
  out.align()
  return out.result()
}

export function decodeFingerprints(bytes: Uint8Array): Fingerprints {
  const r = new ByteReader(bytes, 'a fingerprint record')
  if (r.u32() !== FP_MAGIC) throw new Error('not a fingerprint record')
  const k = r.u32()
  const w = r.u32()
  const words = r.u32()
  const n = r.u32()
  const hashes = r.u32s(n)
  const deltas = r.bytes(n)
  const positions = new Uint32Array(n)
  let p = 0
  deltas.forEach((d, i) => (positions[i] = p += d))
  return { k, w, words, hashes, positions }
}

/** The distinct hashes of a text's fingerprints, sorted: what the index keeps of a document. */
export function distinctHashes(hashes: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort()
  let n = 0
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]
  return sorted.slice(0, n)
}

/**
 * Sorts pairs by key (and, for equal keys, keeps their order): LSD radix sort in two 16-bit
 * passes, linear in the number of pairs, for building an index of millions of postings.
 */
export function sortPairs(keys: Uint32Array, vals: Uint32Array): void {
  const n = keys.length
  const k2 = new Uint32Array(n)
  const v2 = new Uint32Array(n)
  const counts = new Uint32Array(65537)
  for (const shift of [0, 16]) {
    const [ik, iv, ok, ov] = shift === 0 ? [keys, vals, k2, v2] : [k2, v2, keys, vals]
    counts.fill(0)
    for (let i = 0; i < n; i++) counts[((ik[i] >>> shift) & 0xffff) + 1]++
    for (let b = 1; b <= 65536; b++) counts[b] += counts[b - 1]
    for (let i = 0; i < n; i++) {
      const at = counts[(ik[i] >>> shift) & 0xffff]++
      ok[at] = ik[i]
      ov[at] = iv[i]
    }
  }
}
