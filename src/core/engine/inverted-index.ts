import { termCounts, type CountedEntries } from '../domain/search/term-counts'
import { addCountedEntries, addEntryWords } from './add-entries'
import { Dictionary, type Expansion } from './dictionary'
import { EntryTable, type EntryInfo } from './entries'
import { QueryExecutor, type Matches, type Plan, type PlanTerm } from './query'
import { decodeIndex, encodeIndex } from './snapshot-codec'
import { top } from './top-k'
import { DEFAULT_LIMITS, type IndexLimits } from './tuning'

export type { CountedEntries } from '../domain/search/term-counts'
export { KIND_NOTE, KIND_TEXT, type EntryInfo } from './entries'
export type { Matches, Plan, PlanTerm } from './query'
export { CANDIDATE_CAP, DEFAULT_LIMITS, MAX_TERMS, type IndexLimits } from './tuning'

/**
 * A lean inverted index over entries (chunks and notes) grouped by document, with BM25+ scores.
 *
 * Why not plain MiniSearch: it keeps a Map per term and per document and, for every query,
 * scores and sorts every match into objects; at 10,000 documents an everyday word matches tens of
 * thousands of chunks and a query took over a second. Here postings are typed arrays (entry ids
 * in increasing order, and term frequencies: postings.ts), a query accumulates scores into
 * reusable dense arrays (query.ts, scoring.ts), and only the best few results are sorted
 * (top-k.ts). MiniSearch's radix tree (`SearchableMap`) still does what it is best at: fuzzy
 * look-up of terms (dictionary.ts).
 *
 * Document titles are a second, smaller field: a title word counts for every entry of its
 * document. Entries are removed by marking them dead; `vacuum` drops them and renumbers
 * (entries.ts). A snapshot is the index as bytes (snapshot-codec.ts). The numbers it is tuned
 * with are in tuning.ts.
 */
export class InvertedIndex {
  private readonly table = new EntryTable()
  private readonly dict = new Dictionary()
  private readonly executor = new QueryExecutor(this.table, this.dict)

  constructor(private limits: IndexLimits = DEFAULT_LIMITS) {}

  /** Changes the limits of queries (an index read from a snapshot or built elsewhere has the defaults). */
  setLimits(limits: IndexLimits): void {
    this.limits = limits
  }

  get entries(): number {
    return this.table.alive
  }

  get deadEntries(): number {
    return this.table.size - this.table.alive
  }

  hasDocument(key: string): boolean {
    return this.table.slots.has(key)
  }

  documentKeys(): string[] {
    return [...this.table.slots.keys()]
  }

  info(id: number): EntryInfo {
    return this.table.info(id)
  }

  /** Adds a document (with its title) that entries can then be added to. Replaces one of the same key. */
  addDocument(key: string, title: string): void {
    this.removeDocument(key)
    const { counts, length } = termCounts(title)
    const slot = this.table.addDocument(key, [...counts.keys()], length)
    for (const w of counts.keys()) (this.dict.term(w).titles ??= new Set()).add(slot)
  }

  removeDocument(key: string): void {
    const removed = this.table.removeDocument(key)
    if (!removed) return
    for (const w of removed.doc.titleTerms) this.dict.get(w)?.titles?.delete(removed.slot)
  }

  /** Adds an entry of a document; returns its id. */
  addEntry(
    key: string,
    kind: number,
    start: number,
    end: number,
    text: string,
    annotationId?: string
  ): number {
    const { counts, length } = termCounts(text)
    const id = this.table.add(this.table.slotOf(key), kind, start, end, length)
    if (annotationId !== undefined) this.table.annotationIds.set(id, annotationId)
    addEntryWords(this.dict, id, counts)
    return id
  }

  /**
   * Adds entries of several documents at once, their words counted already (see
   * `addCountedEntries` in add-entries.ts).
   */
  addCountedEntries(
    batch: readonly { key: string; kind: number; entries: CountedEntries }[]
  ): void {
    addCountedEntries(this.table, this.dict, batch)
  }

  /** Removes a document's notes (before they are added again). */
  clearNotes(key: string): void {
    this.table.clearNotes(key)
  }

  /** Drops dead entries and renumbers the rest (ids change; order is kept). */
  vacuum(): void {
    const map = this.table.vacuum()
    if (map) this.dict.renumber(map)
  }

  /** The index's words a term stands for, each with a weight (1 for the word itself). */
  expand(term: PlanTerm): Expansion[] {
    return term.kind === 'phrase' ? [] : this.dict.expand(term, this.limits)
  }

  /**
   * Every entry that matches the plan, with its score and the terms it has. Unsorted: use `top`.
   * Phrase terms only require their words; whether they are in order is for the caller to check.
   */
  search(plan: Plan): Matches {
    return this.executor.search(plan, this.limits)
  }

  /**
   * The positions (into `matches`) of the best `k` matches, best first; equal scores are ordered by
   * document key, then start, then kind, so that the order never depends on internal ids.
   */
  top(matches: Matches, k: number): number[] {
    return top(matches, k, this.table)
  }

  /**
   * The whole index as bytes (after a vacuum, so ids are dense). Encoding stops every so often to
   * let other work run (`pause`), so that saving a large index does not hold up the app: the
   * caller must not change the index until it is done.
   */
  async serialize(pause: () => Promise<void> = noPause): Promise<Uint8Array> {
    this.vacuum()
    return encodeIndex(this.table, this.dict, pause)
  }

  /** An index from `serialize`'s bytes; decoding stops every so often for other work (`pause`). */
  static async deserialize(
    bytes: Uint8Array,
    pause: () => Promise<void> = noPause
  ): Promise<InvertedIndex> {
    const index = new InvertedIndex()
    await decodeIndex(bytes, pause, index.table, index.dict)
    return index
  }
}

const noPause = (): Promise<void> => Promise.resolve()
