import { MAX_TF } from '../domain/search/term-counts'
import { SHORT_RUN } from './tuning'

/**
 * A word's postings: the ids of the entries it is in, in increasing order, and how often it occurs
 * in each (a byte, at most MAX_TF). Dead entries stay until a vacuum renumbers them.
 */
export class Postings {
  ids: Uint32Array
  tfs: Uint8Array
  n = 0

  constructor(capacity = 2) {
    this.ids = new Uint32Array(capacity)
    this.tfs = new Uint8Array(capacity)
  }

  /** Postings held in views of larger arrays (a snapshot's, shared by every word). */
  static over(ids: Uint32Array, tfs: Uint8Array): Postings {
    const p = Object.create(Postings.prototype) as Postings
    p.ids = ids
    p.tfs = tfs
    p.n = ids.length
    return p
  }

  /** Makes room for `more` postings. */
  reserve(more: number): void {
    const need = this.n + more
    if (need <= this.ids.length) return
    const capacity = Math.max(need, this.ids.length * 2)
    const ids = new Uint32Array(capacity)
    ids.set(this.ids.subarray(0, this.n))
    this.ids = ids
    const tfs = new Uint8Array(capacity)
    tfs.set(this.tfs.subarray(0, this.n))
    this.tfs = tfs
  }

  /** Adds a posting of an entry newer than every one so far. */
  push(id: number, tf: number): void {
    this.reserve(1)
    this.ids[this.n] = id
    this.tfs[this.n] = tf > MAX_TF ? MAX_TF : tf
    this.n++
  }

  /** Adds `n` postings from `ids` and `tfs`, starting at `from` (ids newer than every one so far). */
  append(ids: Uint32Array, tfs: Uint8Array, from: number, n: number): void {
    this.reserve(n)
    const to = this.n
    const { ids: myIds, tfs: myTfs } = this
    // Most runs are a posting or two.
    if (n < SHORT_RUN)
      for (let i = 0; i < n; i++) {
        myIds[to + i] = ids[from + i]
        myTfs[to + i] = tfs[from + i]
      }
    else {
      myIds.set(ids.subarray(from, from + n), to)
      myTfs.set(tfs.subarray(from, from + n), to)
    }
    this.n += n
  }

  /** Renumbers the ids through `map` (old id → new id, or -1 for an entry dropped), keeping order. */
  renumber(map: Int32Array): void {
    const { ids, tfs } = this
    let n = 0
    for (let i = 0; i < this.n; i++) {
      const to = map[ids[i]]
      if (to < 0) continue
      ids[n] = to
      tfs[n] = tfs[i]
      n++
    }
    this.n = n
  }
}

/** The first position in `ids[0, n)` (sorted) holding `id` or more. */
export function lowerBound(ids: Uint32Array, n: number, id: number): number {
  return id === 0 ? 0 : lowerBoundIn(ids, 0, n, id)
}

/** The first position from `from` on in `ids[0, n)` (sorted) holding `id` or more: a galloping search. */
export function gallop(ids: Uint32Array, from: number, n: number, id: number): number {
  if (from >= n || ids[from] >= id) return from
  let step = 1
  let lo = from
  while (lo + step < n && ids[lo + step] < id) {
    lo += step
    step *= 2
  }
  const hi = Math.min(lo + step, n)
  return lowerBoundIn(ids, lo + 1, hi, id)
}

/** The first position in `ids[lo, hi)` (sorted) holding `id` or more (`hi` if none). */
function lowerBoundIn(ids: Uint32Array, lo: number, hi: number, id: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ids[mid] < id) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The highest id such that the lists hold at least `want` postings from it on (0 if they do not). */
export function lowestId(lists: Postings[], want: number, size: number): number {
  const from = (id: number): number =>
    lists.reduce((sum, p) => sum + p.n - lowerBound(p.ids, p.n, id), 0)
  if (from(0) <= want) return 0
  let lo = 0
  let hi = size
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (from(mid) >= want) lo = mid
    else hi = mid - 1
  }
  return lo
}
