import type { CountedEntries } from '../domain/search/term-counts'
import type { Dictionary, Term } from './dictionary'
import type { EntryTable } from './entries'
import { Postings } from './postings'

/** Adds an entry's words (counted by `termCounts`) to the postings, for the entry `id`. */
export function addEntryWords(dict: Dictionary, id: number, counts: Map<string, number>): void {
  for (const [w, tf] of counts) (dict.term(w).postings ??= new Postings()).push(id, tf)
}

/**
 * Adds entries of several documents at once, their words counted already. The postings are
 * grouped by word first (a counting sort), so that each word's list grows once per batch and
 * is written in one run: what costs time in a large index is jumping from list to list.
 */
export function addCountedEntries(
  table: EntryTable,
  dict: Dictionary,
  batch: readonly { key: string; kind: number; entries: CountedEntries }[]
): void {
  const stamp = ++dict.batches
  const touched: Term[] = []
  let total = 0
  for (const { entries } of batch) total += entries.words.length
  const place = new Uint32Array(total)
  const entry = new Uint32Array(total)
  const tf = new Uint8Array(total)
  let k = 0
  for (const { key, kind, entries } of batch) {
    const slot = table.slotOf(key)
    // One look-up per distinct word of the document, not one per entry it is in.
    const { vocab } = entries
    const places = new Uint32Array(vocab.length)
    for (let v = 0; v < vocab.length; v++) {
      const t = dict.term(vocab[v])
      if (t.batch !== stamp) {
        t.batch = stamp
        t.place = touched.length
        touched.push(t)
      }
      places[v] = t.place
    }
    const { bounds, words, counts } = entries
    for (let e = 0, w = 0; e < bounds.length; e += 4) {
      const id = table.add(slot, kind, bounds[e], bounds[e + 1], bounds[e + 2])
      for (const end = w + bounds[e + 3]; w < end; w++, k++) {
        place[k] = places[words[w]]
        entry[k] = id
        tf[k] = counts[w]
      }
    }
  }
  // Counting sort by word; entry ids stay in increasing order within each word.
  const start = new Uint32Array(touched.length + 1)
  for (let i = 0; i < total; i++) start[place[i] + 1]++
  for (let p = 0; p < touched.length; p++) start[p + 1] += start[p]
  const at = start.slice(0, touched.length)
  const sortedIds = new Uint32Array(total)
  const sortedTfs = new Uint8Array(total)
  for (let i = 0; i < total; i++) {
    const j = at[place[i]]++
    sortedIds[j] = entry[i]
    sortedTfs[j] = tf[i]
  }
  for (let p = 0; p < touched.length; p++) {
    const from = start[p]
    const n = start[p + 1] - from
    ;(touched[p].postings ??= new Postings(n)).append(sortedIds, sortedTfs, from, n)
  }
}
