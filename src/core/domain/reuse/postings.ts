import { sortPairs } from './codec'

/**
 * An immutable run of postings: distinct fingerprint hashes, sorted, and for the hash at i the
 * slots of the documents that carry it, `slots[offsets[i] .. offsets[i + 1])`, oldest first.
 */
export interface Segment {
  keys: Uint32Array
  offsets: Uint32Array
  slots: Uint32Array
}

export const emptySegment = (): Segment => ({
  keys: new Uint32Array(0),
  offsets: new Uint32Array(1),
  slots: new Uint32Array(0)
})

/** A segment of (hash, slot) pairs, in any order (both arrays are reordered in place). */
export function segmentOf(hashes: Uint32Array, slots: Uint32Array): Segment {
  sortPairs(hashes, slots)
  const total = hashes.length
  let distinct = 0
  for (let i = 0; i < total; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) distinct++
  const keys = new Uint32Array(distinct)
  const offsets = new Uint32Array(distinct + 1)
  let d = -1
  for (let i = 0; i < total; i++)
    if (i === 0 || hashes[i] !== hashes[i - 1]) {
      keys[++d] = hashes[i]
      offsets[d] = i
    }
  offsets[distinct] = total
  return { keys, offsets, slots }
}

/** One segment with the postings of both (older first for each hash), less the dead slots. */
export function mergeSegments(
  older: Segment,
  newer: Segment,
  alive: (slot: number) => boolean
): Segment {
  const keys = new Uint32Array(older.keys.length + newer.keys.length)
  const offsets = new Uint32Array(keys.length + 1)
  const slots = new Uint32Array(older.slots.length + newer.slots.length)
  let i = 0
  let j = 0
  let k = 0
  let n = 0
  const copy = (s: Segment, at: number): void => {
    for (let p = s.offsets[at]; p < s.offsets[at + 1]; p++)
      if (alive(s.slots[p])) slots[n++] = s.slots[p]
  }
  while (i < older.keys.length || j < newer.keys.length) {
    const a = i < older.keys.length ? older.keys[i] : Infinity
    const b = j < newer.keys.length ? newer.keys[j] : Infinity
    const key = Math.min(a, b)
    const start = n
    if (a === key) copy(older, i++)
    if (b === key) copy(newer, j++)
    if (n === start) continue
    keys[k] = key
    offsets[k++] = start
  }
  offsets[k] = n
  return { keys: keys.slice(0, k), offsets: offsets.slice(0, k + 1), slots: slots.slice(0, n) }
}

/** Calls `fn` with every slot of `hash` in a segment. */
export function eachSlot(s: Segment, hash: number, fn: (slot: number) => void): void {
  let lo = 0
  let hi = s.keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (s.keys[mid] < hash) lo = mid + 1
    else hi = mid
  }
  if (lo < s.keys.length && s.keys[lo] === hash)
    for (let p = s.offsets[lo]; p < s.offsets[lo + 1]; p++) fn(s.slots[p])
}
