import type { EntryTable } from './entries'
import { TIE, TOP_SORT_ALL, TOP_SORT_FACTOR } from './tuning'

/** The k-th largest value of `a` (1-based, k ≤ a.length), reordering `a` in place (quickselect). */
export function kthLargest(a: Float64Array, k: number): number {
  let lo = 0
  let hi = a.length - 1
  const target = k - 1
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i] > pivot) i++
      while (a[j] < pivot) j--
      if (i <= j) {
        const t = a[i]
        a[i] = a[j]
        a[j] = t
        i++
        j--
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else break
  }
  return a[target]
}

/** Scored entries: the first `count` of `ids` and `scores` (a query's matches). */
export interface Scored {
  count: number
  ids: Uint32Array
  scores: Float64Array
}

/**
 * The positions (into `matches`) of the best `k` matches, best first; equal scores are ordered by
 * document key, then start, then kind, so that the order never depends on internal ids.
 */
export function top(matches: Scored, k: number, entries: Pick<EntryTable, 'info'>): number[] {
  const { count, scores, ids } = matches
  let picked: number[]
  if (count <= k * TOP_SORT_FACTOR || count <= TOP_SORT_ALL) {
    picked = Array.from({ length: count }, (_, i) => i)
  } else {
    // The k-th best score, found without sorting everything; every match at least as good is kept.
    const threshold = kthLargest(scores.slice(0, count), k)
    picked = []
    for (let i = 0; i < count; i++) if (scores[i] >= threshold - TIE) picked.push(i)
  }
  // Objects of one shape, made without a closure of the caller's: either made V8 drop this
  // function's optimized code at every query.
  const keyed = picked.map((i) => {
    const e = entries.info(ids[i])
    return {
      i,
      score: scores[i],
      doc: e.doc,
      start: e.start,
      kind: e.kind,
      note: e.annotationId ?? ''
    }
  })
  keyed.sort(
    (x, y) =>
      (Math.abs(y.score - x.score) > TIE ? y.score - x.score : 0) ||
      (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start) ||
      x.kind - y.kind ||
      x.note.localeCompare(y.note)
  )
  return keyed.slice(0, k).map((x) => x.i)
}
