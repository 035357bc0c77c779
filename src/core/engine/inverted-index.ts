import SearchableMap from 'minisearch/SearchableMap'
import { ByteWriter, pad4 } from '../base/byte-writer'
import { termCounts, type CountedEntries } from '../domain/search/term-counts'
import { FUZZY_MIN_LENGTH, transpositions } from '../domain/search/match-terms'

export type { CountedEntries } from '../domain/search/term-counts'

/**
 * A lean inverted index over entries (passages and notes) grouped by document, with BM25+ scores.
 *
 * Why not plain MiniSearch: it keeps a Map per term and per document and, for every query,
 * scores and sorts every match into objects; at 10,000 documents an everyday word matches tens of
 * thousands of passages and a query took over a second. Here postings are typed arrays (entry ids
 * in increasing order, and term frequencies), a query accumulates scores into reusable dense
 * arrays, and only the best few results are sorted. MiniSearch's radix tree (`SearchableMap`)
 * still does what it is best at: prefix and fuzzy look-up of terms.
 *
 * Document titles are a second, smaller field: a title word counts for every entry of its
 * document. Entries are removed by marking them dead; `vacuum` drops them and renumbers.
 */

const K1 = 1.2
const B = 0.7
const DELTA = 0.5
const TITLE_BOOST = 1.5
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45
/**
 * A prefix stands for at most this many words, the most frequent first, and for no more than
 * PREFIX_POSTINGS entries in all (past its first word): type-ahead on "a" must not touch every
 * passage of the workspace.
 */
const PREFIX_CAP = 48
const PREFIX_POSTINGS = 100_000
const FUZZY_CAP = 24
/**
 * Ranking every one of a hundred thousand matches of "of the" costs as much as the workspace is
 * large, and tells the reader nothing the newest twenty thousand do not: past this many candidate
 * entries, a query is answered from the newest ones (and says so).
 */
export const CANDIDATE_CAP = 20_000
/** At most this many terms (each a bit in a 32-bit mask) in one query. */
export const MAX_TERMS = 31

export const KIND_PASSAGE = 0
export const KIND_NOTE = 1

class Postings {
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
  push(id: number, tf: number): void {
    this.reserve(1)
    this.ids[this.n] = id
    this.tfs[this.n] = tf > 255 ? 255 : tf
    this.n++
  }
}

interface Term {
  postings: Postings | null
  /** Documents (by slot) whose title has this word. */
  titles: Set<number> | null
  /** Scratch for `addCountedEntries`: the batch that last saw this term, and its place in it. */
  batch: number
  place: number
}

interface DocRecord {
  key: string
  titleTerms: string[]
  titleLength: number
  passages: number[]
  notes: number[]
}

function growU32(a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
  if (need <= a.length) return a
  const b = new Uint32Array(Math.max(need, a.length * 2))
  b.set(a)
  return b
}

function growU8(a: Uint8Array<ArrayBuffer>, need: number): Uint8Array<ArrayBuffer> {
  if (need <= a.length) return a
  const b = new Uint8Array(Math.max(need, a.length * 2))
  b.set(a)
  return b
}

/** One term of a query, already folded. */
export type PlanTerm =
  | { kind: 'word'; text: string; fuzzy: boolean }
  | { kind: 'prefix'; text: string }
  | { kind: 'phrase'; words: string[] }

export interface Plan {
  /** Every group must match (AND); inside a group, any term (OR). */
  groups: PlanTerm[][]
  /** Entries with any of these words (in their text or their document's title) are left out. */
  exclude: PlanTerm[]
  /**
   * Only these documents (filters), by key. `key` names the choice (the filters, and the version
   * of what they read): it is then kept, while the index's documents stay the same, for the next
   * query with the same filters (a filter stays while the words are typed).
   */
  allowDocs?: { key: string; keys: () => readonly string[] }
  /** Leaves out single entries (tag filters). */
  allowEntry?: (entry: number) => boolean
}

/** What the scoring of one query's terms shares. */
interface QueryState {
  /** Documents (by slot) that the query's filters allow. */
  docAllowed: Uint8Array
  /** Set once a group has run: later groups only add to the entries found so far. */
  restricted: boolean
  /** Entries below this id are left out (see `IndexLimits.candidates`). */
  idLow: number
}

export interface Matches {
  count: number
  ids: Uint32Array
  scores: Float64Array
  /** Which terms (bit i = the i-th term of the plan, groups in order) each match has. */
  masks: Uint32Array
  /** Whether only the newest entries were searched (see `IndexLimits.candidates`). */
  capped: boolean
  /** The index's words the query's terms stood for (the words to mark in a snippet). */
  words: Set<string>
}

export interface EntryInfo {
  doc: string
  kind: number
  start: number
  end: number
  annotationId?: string
}

export interface IndexLimits {
  /** The most words a prefix stands for. */
  prefixWords: number
  /** The most entries a prefix's words may be in, past the first word. */
  prefixPostings: number
  /**
   * A query whose every part is in more entries than this is answered from the newest entries,
   * about this many, rather than from all of them.
   */
  candidates: number
}

export const DEFAULT_LIMITS: IndexLimits = {
  prefixWords: PREFIX_CAP,
  prefixPostings: PREFIX_POSTINGS,
  candidates: CANDIDATE_CAP
}

export class InvertedIndex {
  constructor(private limits: IndexLimits = DEFAULT_LIMITS) {}

  /** Changes the limits of queries (an index read from a snapshot or built elsewhere has the defaults). */
  setLimits(limits: IndexLimits): void {
    this.limits = limits
  }

  private terms = new Map<string, Term>()
  private tree: SearchableMap<Term> | null = null
  private docs: (DocRecord | null)[] = []
  private docSlots = new Map<string, number>()
  private freeSlots: number[] = []
  // Entries, by id
  private size = 0
  private entDoc = new Uint32Array(1024)
  private entStart = new Uint32Array(1024)
  private entEnd = new Uint32Array(1024)
  private entLen = new Uint32Array(1024)
  private entKind = new Uint8Array(1024)
  private entAlive = new Uint8Array(1024)
  private annotationIds = new Map<number, string>()
  private alive = 0
  private aliveLength = 0
  private aliveDocs = 0
  private titleLengthSum = 0
  // Query scratch space, sized to the entries
  private score = new Float64Array(0)
  private mask = new Uint32Array(0)
  private seen = new Uint8Array(0)
  private count = new Uint8Array(0)
  private partial = new Float64Array(0)
  private touched = new Uint32Array(0)
  private touchedN = 0
  private local = new Uint32Array(0)

  get entries(): number {
    return this.alive
  }

  get deadEntries(): number {
    return this.size - this.alive
  }

  hasDocument(key: string): boolean {
    return this.docSlots.has(key)
  }

  documentKeys(): string[] {
    return [...this.docSlots.keys()]
  }

  info(id: number): EntryInfo {
    const info: EntryInfo = {
      doc: (this.docs[this.entDoc[id]] as DocRecord).key,
      kind: this.entKind[id],
      start: this.entStart[id],
      end: this.entEnd[id]
    }
    const a = this.annotationIds.get(id)
    if (a !== undefined) info.annotationId = a
    return info
  }

  private term(word: string): Term {
    let t = this.terms.get(word)
    if (!t) {
      t = { postings: null, titles: null, batch: 0, place: 0 }
      this.terms.set(word, t)
      this.tree?.set(word, t)
      if (this.sortedWords) this.unsortedWords.push(word)
    }
    return t
  }

  private slotOf(key: string): number {
    const slot = this.docSlots.get(key)
    if (slot === undefined) throw new Error(`no document ${key} in the index`)
    return slot
  }

  /** Adds a document (with its title) that entries can then be added to. Replaces one of the same key. */
  addDocument(key: string, title: string): void {
    this.docsVersion++
    if (this.docSlots.has(key)) this.removeDocument(key)
    const { counts, length } = termCounts(title)
    const slot = this.freeSlots.pop() ?? this.docs.length
    this.docs[slot] = {
      key,
      titleTerms: [...counts.keys()],
      titleLength: length,
      passages: [],
      notes: []
    }
    this.docSlots.set(key, slot)
    for (const w of counts.keys()) (this.term(w).titles ??= new Set()).add(slot)
    this.aliveDocs++
    this.titleLengthSum += length
  }

  removeDocument(key: string): void {
    const slot = this.docSlots.get(key)
    if (slot === undefined) return
    this.docsVersion++
    const doc = this.docs[slot] as DocRecord
    for (const id of doc.passages) this.kill(id)
    for (const id of doc.notes) this.kill(id)
    for (const w of doc.titleTerms) {
      const t = this.terms.get(w)
      t?.titles?.delete(slot)
    }
    this.docs[slot] = null
    this.docSlots.delete(key)
    this.freeSlots.push(slot)
    this.aliveDocs--
    this.titleLengthSum -= doc.titleLength
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
    const id = this.newEntry(this.slotOf(key), kind, start, end, length)
    if (annotationId !== undefined) this.annotationIds.set(id, annotationId)
    for (const [w, tf] of counts) (this.term(w).postings ??= new Postings()).push(id, tf)
    return id
  }

  private newEntry(slot: number, kind: number, start: number, end: number, length: number): number {
    const id = this.size++
    this.ensureEntries(this.size)
    this.entDoc[id] = slot
    this.entStart[id] = start
    this.entEnd[id] = end
    this.entLen[id] = length
    this.entKind[id] = kind
    this.entAlive[id] = 1
    this.alive++
    this.aliveLength += length
    const doc = this.docs[slot] as DocRecord
    ;(kind === KIND_NOTE ? doc.notes : doc.passages).push(id)
    return id
  }

  private batches = 0

  /**
   * Adds entries of several documents at once, their words counted already. The postings are
   * grouped by word first (a counting sort), so that each word's list grows once per batch and
   * is written in one run: what costs time in a large index is jumping from list to list.
   */
  addCountedEntries(
    batch: readonly { key: string; kind: number; entries: CountedEntries }[]
  ): void {
    const stamp = ++this.batches
    const touched: Term[] = []
    let total = 0
    for (const { entries } of batch) total += entries.words.length
    const place = new Uint32Array(total)
    const entry = new Uint32Array(total)
    const tf = new Uint8Array(total)
    let k = 0
    for (const { key, kind, entries } of batch) {
      const slot = this.slotOf(key)
      // One look-up per distinct word of the document, not one per entry it is in.
      const { vocab } = entries
      const places = new Uint32Array(vocab.length)
      for (let v = 0; v < vocab.length; v++) {
        const t = this.term(vocab[v])
        if (t.batch !== stamp) {
          t.batch = stamp
          t.place = touched.length
          touched.push(t)
        }
        places[v] = t.place
      }
      const { bounds, words, counts } = entries
      for (let e = 0, w = 0; e < bounds.length; e += 4) {
        const id = this.newEntry(slot, kind, bounds[e], bounds[e + 1], bounds[e + 2])
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
      const t = touched[p]
      const from = start[p]
      const n = start[p + 1] - from
      const postings = (t.postings ??= new Postings(n))
      postings.reserve(n)
      const { ids, tfs } = postings
      // Most runs are a posting or two: copied one by one (a typed-array view costs more).
      if (n < 32)
        for (let i = 0, to = postings.n; i < n; i++, to++) {
          ids[to] = sortedIds[from + i]
          tfs[to] = sortedTfs[from + i]
        }
      else {
        ids.set(sortedIds.subarray(from, from + n), postings.n)
        tfs.set(sortedTfs.subarray(from, from + n), postings.n)
      }
      postings.n += n
    }
  }

  /** Removes a document's notes (before they are added again). */
  clearNotes(key: string): void {
    const slot = this.docSlots.get(key)
    if (slot === undefined) return
    const doc = this.docs[slot] as DocRecord
    for (const id of doc.notes) this.kill(id)
    doc.notes = []
  }

  private kill(id: number): void {
    if (!this.entAlive[id]) return
    this.entAlive[id] = 0
    this.alive--
    this.aliveLength -= this.entLen[id]
    this.annotationIds.delete(id)
  }

  private ensureEntries(n: number): void {
    if (n <= this.entDoc.length) return
    this.entDoc = growU32(this.entDoc, n)
    this.entStart = growU32(this.entStart, n)
    this.entEnd = growU32(this.entEnd, n)
    this.entLen = growU32(this.entLen, n)
    this.entKind = growU8(this.entKind, n)
    this.entAlive = growU8(this.entAlive, n)
  }

  /** Drops dead entries and renumbers the rest (ids change; order is kept). */
  vacuum(): void {
    if (this.alive === this.size) return
    const map = new Int32Array(this.size).fill(-1)
    let next = 0
    for (let id = 0; id < this.size; id++) {
      if (!this.entAlive[id]) continue
      map[id] = next
      this.entDoc[next] = this.entDoc[id]
      this.entStart[next] = this.entStart[id]
      this.entEnd[next] = this.entEnd[id]
      this.entLen[next] = this.entLen[id]
      this.entKind[next] = this.entKind[id]
      this.entAlive[next] = 1
      next++
    }
    this.entAlive.fill(0, next)
    this.size = next
    this.annotationIds = new Map([...this.annotationIds].map(([id, a]) => [map[id], a]))
    for (const [w, t] of this.terms) {
      const p = t.postings
      if (p) {
        let n = 0
        for (let i = 0; i < p.n; i++) {
          const to = map[p.ids[i]]
          if (to < 0) continue
          p.ids[n] = to
          p.tfs[n] = p.tfs[i]
          n++
        }
        p.n = n
        if (n === 0) t.postings = null
      }
      if (!t.postings && !t.titles?.size) {
        this.terms.delete(w)
        this.tree?.delete(w)
        this.sortedWords = null // sorted again when next needed, without the words gone
      }
    }
    for (const doc of this.docs) {
      if (!doc) continue
      doc.passages = doc.passages.map((id) => map[id])
      doc.notes = doc.notes.map((id) => map[id])
    }
  }

  // ---- queries ----

  private dictionary(): SearchableMap<Term> {
    if (!this.tree) {
      this.tree = new SearchableMap<Term>()
      for (const [w, t] of this.terms) this.tree.set(w, t)
    }
    return this.tree
  }

  /**
   * The words in alphabetical order, for prefixes: a prefix is a range found by binary search,
   * and reading a range of an array is much cheaper than walking the radix tree for a short
   * prefix ("a" stands for thousands of words). Words added since it was sorted wait in
   * `unsortedWords` until there are enough of them to merge.
   */
  private sortedWords: string[] | null = null
  private unsortedWords: string[] = []

  /** Every word of the index that starts with `prefix`, with its term. */
  private *withPrefix(prefix: string): Generator<[string, Term]> {
    if (!this.sortedWords || this.unsortedWords.length > 4096) {
      const all = this.sortedWords
        ? this.sortedWords.concat(this.unsortedWords.filter((w) => this.terms.has(w)))
        : [...this.terms.keys()]
      this.sortedWords = all.filter((w) => this.terms.has(w)).sort(compareWords)
      this.unsortedWords = []
    }
    const words = this.sortedWords
    let lo = 0
    let hi = words.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (compareWords(words[mid], prefix) < 0) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < words.length && words[i].startsWith(prefix); i++) {
      const t = this.terms.get(words[i])
      if (t) yield [words[i], t]
    }
    for (const w of this.unsortedWords) {
      const t = w.startsWith(prefix) ? this.terms.get(w) : undefined
      if (t) yield [w, t]
    }
  }

  private df(t: Term): number {
    return (t.postings?.n ?? 0) + (t.titles?.size ?? 0)
  }

  /** The index's words a term stands for, each with a weight (1 for the word itself). */
  expand(term: PlanTerm): { word: string; weight: number; term: Term }[] {
    if (term.kind === 'phrase') return []
    const out: { word: string; weight: number; term: Term }[] = []
    const exact = this.terms.get(term.text)
    if (exact) out.push({ word: term.text, weight: 1, term: exact })
    if (term.kind === 'prefix') {
      let more: { word: string; weight: number; term: Term; df: number }[] = []
      for (const [word, t] of this.withPrefix(term.text)) {
        if (word === term.text) continue
        const extra = word.length - term.text.length
        more.push({
          word,
          weight: (PREFIX_WEIGHT * term.text.length) / (term.text.length + 0.3 * extra),
          term: t,
          df: this.df(t)
        })
      }
      // Only the most frequent few are wanted: the rest are dropped before sorting.
      if (more.length > 4 * this.limits.prefixWords) {
        const threshold = kthLargest(
          Float64Array.from(more, (e) => e.df),
          this.limits.prefixWords
        )
        more = more.filter((e) => e.df >= threshold)
      }
      more.sort((a, b) => b.df - a.df || (a.word < b.word ? -1 : 1))
      let budget = this.limits.prefixPostings
      for (const e of more.slice(0, this.limits.prefixWords)) {
        const df = this.df(e.term)
        if (df > budget && out.length > 0) break
        out.push(e)
        budget -= df
      }
    } else if (term.fuzzy && term.text.length >= FUZZY_MIN_LENGTH) {
      // One edit (a letter added, dropped or changed: the radix tree finds those), or two letters
      // swapped (looked up one by one). Two edits would cost ten times as much, for words that are
      // mostly other words rather than misspellings.
      const more: { word: string; weight: number; term: Term; d: number }[] = []
      const found = this.dictionary().fuzzyGet(term.text, 1)
      for (const w of transpositions(term.text)) {
        const t = this.terms.get(w)
        if (t && !found.has(w)) found.set(w, [t, 1])
      }
      for (const [word, [t, d]] of found) {
        if (word === term.text) continue
        more.push({
          word,
          weight: (FUZZY_WEIGHT * term.text.length) / (term.text.length + d),
          term: t,
          d
        })
      }
      more.sort(
        (a, b) => a.d - b.d || this.df(b.term) - this.df(a.term) || (a.word < b.word ? -1 : 1)
      )
      out.push(...more.slice(0, FUZZY_CAP))
    }
    return out
  }

  private ensureScratch(): void {
    if (this.score.length >= this.size) return
    const n = Math.max(this.size, this.score.length * 2, 1024)
    this.score = new Float64Array(n)
    this.mask = new Uint32Array(n)
    this.seen = new Uint8Array(n)
    this.count = new Uint8Array(n)
    this.partial = new Float64Array(n)
    this.touched = new Uint32Array(n)
    this.local = new Uint32Array(n)
  }

  /** How many live entries a term is in (dead ones stay in the postings until a vacuum). */
  private liveCount(p: Postings): number {
    if (this.alive === this.size) return p.n
    let live = 0
    for (let i = 0; i < p.n; i++) live += this.entAlive[p.ids[i]]
    return live
  }

  private idf(df: number, n: number): number {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }

  /**
   * Every entry that matches the plan, with its score and the terms it has. Unsorted: use `top`.
   * Phrase terms only require their words; whether they are in order is for the caller to check.
   *
   * Every group must match, so only the entries found by the first group run can match at all:
   * groups run rarest first, and the later ones only add to the entries found so far
   * (`restricted`). The words of a phrase are taken the same way, rarest first. A query with one
   * rare word among common ones then costs about as much as the rare word alone.
   */
  search(plan: Plan): Matches {
    this.ensureScratch()
    const { score, mask, seen, touched } = this
    this.touchedN = 0
    const q: QueryState = { docAllowed: this.allowedDocs(plan), restricted: false, idLow: 0 }

    // Each term's bit is its place in the plan (groups in order), whatever order they are run in.
    const perEntry = this.alive / Math.max(this.aliveDocs, 1)
    const groupBits: number[] = []
    const groups: { cost: number; lists: Postings[]; run: () => void }[] = []
    const matchedWords = new Set<string>()
    let bitIndex = 0
    for (const group of plan.groups) {
      let bits = 0
      let cost = 0
      const lists: Postings[] = []
      const runs: (() => void)[] = []
      for (const term of group) {
        if (bitIndex >= MAX_TERMS) break
        const bit = 1 << bitIndex++
        bits |= bit
        if (term.kind === 'phrase') {
          const words = term.words.map((w) => this.terms.get(w)?.postings ?? null)
          const rarest = words.reduce((a, b) => (a && b && b.n < a.n ? b : a))
          cost += rarest?.n ?? 0
          if (rarest) lists.push(rarest)
          for (const w of term.words) matchedWords.add(w)
          runs.push(() => this.addPhrase(term.words, bit, q))
        } else {
          const expanded = this.expand(term)
          for (const e of expanded) {
            matchedWords.add(e.word)
            cost += (e.term.postings?.n ?? 0) + (e.term.titles?.size ?? 0) * perEntry
            if (e.term.postings) lists.push(e.term.postings)
          }
          runs.push(() => {
            for (const e of expanded) this.addPostings(e.term, e.weight, bit, q)
          })
        }
      }
      groupBits.push(bits)
      groups.push({ cost, lists, run: () => runs.forEach((r) => r()) })
    }
    groups.sort((a, b) => a.cost - b.cost)
    // A query whose rarest part is in more entries than the cap is answered from the newest entries
    // only, as many as the cap: its cost then stays the same however large the workspace grows.
    let capped = false
    if (groups.length && groups[0].cost > this.limits.candidates) {
      q.idLow = lowestId(groups[0].lists, this.limits.candidates, this.size)
      capped = q.idLow > 0
    }
    for (const g of groups) {
      g.run()
      if (!q.restricted) {
        // The candidates in id order, so that later groups can look them up in their postings.
        this.touched.subarray(0, this.touchedN).sort()
        q.restricted = true
      }
    }
    const touchedN = this.touchedN

    // Exclusions: marked with the top bit, which no term uses.
    const EXCLUDED = 1 << 31
    for (const term of plan.exclude)
      for (const e of this.expand(term)) {
        const p = e.term.postings
        if (p)
          for (let i = 0; i < p.n; i++) {
            const id = p.ids[i]
            if (seen[id]) mask[id] |= EXCLUDED
          }
        if (e.term.titles)
          for (const slot of e.term.titles) {
            const doc = this.docs[slot] as DocRecord
            for (const list of [doc.passages, doc.notes])
              for (const id of list) if (seen[id]) mask[id] |= EXCLUDED
          }
      }

    const ids = new Uint32Array(touchedN)
    const scores = new Float64Array(touchedN)
    const masks = new Uint32Array(touchedN)
    let matched = 0
    for (let j = 0; j < touchedN; j++) {
      const id = touched[j]
      const m = mask[id]
      let ok = (m & EXCLUDED) === 0
      for (let g = 0; ok && g < groupBits.length; g++) if ((m & groupBits[g]) === 0) ok = false
      if (ok && plan.allowEntry && !plan.allowEntry(id)) ok = false
      if (ok) {
        ids[matched] = id
        scores[matched] = score[id]
        masks[matched] = m
        matched++
      }
      score[id] = 0
      mask[id] = 0
      seen[id] = 0
    }
    return { count: matched, ids, scores, masks, capped, words: matchedWords }
  }

  private docsVersion = 0
  private allowedCache: { key: string; version: number; allowed: Uint8Array } | null = null
  private everyCache: { key: string; version: number; allowed: Uint8Array } | null = null

  /** Which documents (by slot) a query may match. */
  private allowedDocs(plan: Plan): Uint8Array {
    // Kept: every document (the common case), and the last filter's choice.
    const key = plan.allowDocs?.key ?? ''
    const cache = key === '' ? 'everyCache' : 'allowedCache'
    const cached = this[cache]
    if (cached?.key === key && cached.version === this.docsVersion) return cached.allowed
    const allowed = new Uint8Array(this.docs.length)
    if (!plan.allowDocs) {
      for (let s = 0; s < this.docs.length; s++) if (this.docs[s]) allowed[s] = 1
    } else
      for (const k of plan.allowDocs.keys()) {
        const slot = this.docSlots.get(k)
        if (slot !== undefined) allowed[slot] = 1
      }
    this[cache] = { key, version: this.docsVersion, allowed }
    return allowed
  }

  /** Scores the entries that have a term (in their text or their document's title). */
  private addPostings(t: Term, weight: number, bit: number, q: QueryState): void {
    const { score, mask, seen, touched, entLen, entAlive, entDoc } = this
    const { docAllowed, restricted } = q
    let touchedN = this.touchedN
    const n = Math.max(this.alive, 1)
    const kA = K1 * (1 - B)
    const kB = (K1 * B) / (this.aliveLength / n || 1)
    const p = t.postings
    if (p) {
      const w = weight * this.idf(this.liveCount(p), n)
      const { ids, tfs } = p
      if (restricted && touchedN * GALLOP < p.n) {
        // Few candidates in a long list: each is looked up in it (both are in id order).
        for (let j = 0, i = 0; j < touchedN && i < p.n; j++) {
          const id = touched[j]
          i = gallop(ids, i, p.n, id)
          if (i === p.n) break
          if (ids[i] !== id) continue
          const tf = tfs[i]
          score[id] += w * (DELTA + (tf * (K1 + 1)) / (tf + kA + kB * entLen[id]))
          mask[id] |= bit
        }
      } else
        for (let i = lowerBound(ids, p.n, q.idLow), end = p.n; i < end; i++) {
          const id = ids[i]
          if ((restricted && !seen[id]) || !entAlive[id] || !docAllowed[entDoc[id]]) continue
          const tf = tfs[i]
          if (!seen[id]) {
            seen[id] = 1
            touched[touchedN++] = id
          }
          score[id] += w * (DELTA + (tf * (K1 + 1)) / (tf + kA + kB * entLen[id]))
          mask[id] |= bit
        }
    }
    if (t.titles?.size) {
      const idf = this.idf(t.titles.size, Math.max(this.aliveDocs, 1))
      const avgTitle = this.titleLengthSum / Math.max(this.aliveDocs, 1) || 1
      for (const slot of t.titles) {
        if (!docAllowed[slot]) continue
        const doc = this.docs[slot] as DocRecord
        const s =
          TITLE_BOOST *
          weight *
          idf *
          (DELTA + (K1 + 1) / (1 + K1 * (1 - B + (B * doc.titleLength) / avgTitle)))
        for (const list of [doc.passages, doc.notes])
          for (const id of list) {
            if (!entAlive[id] || (restricted && !seen[id]) || id < q.idLow) continue
            if (!seen[id]) {
              seen[id] = 1
              touched[touchedN++] = id
            }
            score[id] += s
            mask[id] |= bit
          }
      }
    }
    this.touchedN = touchedN
  }

  /**
   * Scores the entries that have every word of a phrase (their order is checked later, in the
   * text), taking the words rarest first: after the first, only entries that had every word so
   * far are looked at.
   */
  private addPhrase(words: string[], bit: number, q: QueryState): void {
    const found = [...new Set(words)].map((w) => this.terms.get(w)?.postings ?? null)
    if (found.some((p) => !p)) return
    const lists = (found as Postings[]).sort((a, b) => a.n - b.n)
    const { score, mask, seen, touched, count, partial, local, entLen, entAlive, entDoc } = this
    const { docAllowed, restricted } = q
    const n = Math.max(this.alive, 1)
    const kA = K1 * (1 - B)
    const kB = (K1 * B) / (this.aliveLength / n || 1)
    let localN = 0
    for (let k = 0; k < lists.length; k++) {
      const p = lists[k]
      const w = this.idf(this.liveCount(p), n)
      const { ids, tfs } = p
      if (k > 0 && localN * GALLOP < p.n) {
        // Few entries left with every word so far: each is looked up in this word's postings.
        for (let j = 0, i = 0; j < localN && i < p.n; j++) {
          const id = local[j]
          if (count[id] !== k) continue
          i = gallop(ids, i, p.n, id)
          if (i === p.n) break
          if (ids[i] !== id) continue
          const tf = tfs[i]
          count[id] = k + 1
          partial[id] += w * (DELTA + (tf * (K1 + 1)) / (tf + kA + kB * entLen[id]))
        }
        continue
      }
      for (let i = lowerBound(ids, p.n, q.idLow), end = p.n; i < end; i++) {
        const id = ids[i]
        if (count[id] !== k) continue
        if (k === 0) {
          if ((restricted && !seen[id]) || !entAlive[id] || !docAllowed[entDoc[id]]) continue
          local[localN++] = id
        }
        const tf = tfs[i]
        count[id] = k + 1
        partial[id] += w * (DELTA + (tf * (K1 + 1)) / (tf + kA + kB * entLen[id]))
      }
    }
    let touchedN = this.touchedN
    for (let j = 0; j < localN; j++) {
      const id = local[j]
      if (count[id] === lists.length) {
        if (!seen[id]) {
          seen[id] = 1
          touched[touchedN++] = id
        }
        score[id] += partial[id]
        mask[id] |= bit
      }
      count[id] = 0
      partial[id] = 0
    }
    this.touchedN = touchedN
  }

  /**
   * The positions (into `matches`) of the best `k` matches, best first; equal scores are ordered by
   * document key, then start, then kind, so that the order never depends on internal ids.
   */
  top(matches: Matches, k: number): number[] {
    const { count, scores, ids } = matches
    let picked: number[]
    if (count <= k * 4 || count <= 256) {
      picked = Array.from({ length: count }, (_, i) => i)
    } else {
      // The k-th best score, found without sorting everything; every match at least as good is kept.
      const copy = scores.slice(0, count)
      const threshold = kthLargest(copy, k)
      picked = []
      for (let i = 0; i < count; i++) if (scores[i] >= threshold - TIE) picked.push(i)
    }
    const keyed = picked.map((i) => ({ i, score: scores[i], ...this.info(ids[i]) }))
    keyed.sort(
      (x, y) =>
        (Math.abs(y.score - x.score) > TIE ? y.score - x.score : 0) ||
        (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.start - y.start) ||
        x.kind - y.kind ||
        (x.annotationId ?? '').localeCompare(y.annotationId ?? '')
    )
    picked = keyed.map((x) => x.i)
    return picked.slice(0, k)
  }

  // ---- snapshot ----

  /**
   * The whole index as bytes (after a vacuum, so ids are dense). Encoding stops every so often to
   * let other work run (`pause`), so that saving a large index does not hold up the app: the
   * caller must not change the index until it is done.
   */
  async serialize(pause: () => Promise<void> = noPause): Promise<Uint8Array> {
    this.vacuum()
    const docs: [string, string[], number, number[], number[]][] = []
    const slotToIndex = new Int32Array(this.docs.length).fill(-1)
    for (let s = 0; s < this.docs.length; s++) {
      const d = this.docs[s]
      if (!d) continue
      slotToIndex[s] = docs.length
      docs.push([d.key, d.titleTerms, d.titleLength, [], []])
    }
    // Postings as they are in memory (little-endian 32-bit ids, then one byte per frequency,
    // padded to a multiple of four), so that reading them back is taking views of the file.
    const words: string[] = []
    const w = new ByteWriter()
    let work = 0
    for (const [word, t] of this.terms) {
      if (!t.postings) continue
      if ((work += t.postings.n + 8) > SLICE) {
        work = 0
        await pause()
      }
      words.push(word)
      const p = t.postings
      w.u32s(new Uint32Array([p.n]))
      w.u32s(p.ids.subarray(0, p.n))
      w.bytes(p.tfs.subarray(0, p.n))
      w.align()
    }
    const n = this.size
    const entDoc = new Uint32Array(n)
    for (let i = 0; i < n; i++) entDoc[i] = slotToIndex[this.entDoc[i]]
    // The header as lines of JSON, documents and words a few thousand to a line, so that neither
    // writing nor reading it is one long step.
    const lines = [
      JSON.stringify({
        entries: n,
        annotationIds: [...this.annotationIds],
        docLines: Math.ceil(docs.length / HEADER_CHUNK),
        wordLines: Math.ceil(words.length / (4 * HEADER_CHUNK))
      })
    ]
    for (let i = 0; i < docs.length; i += HEADER_CHUNK) {
      lines.push(JSON.stringify(docs.slice(i, i + HEADER_CHUNK)))
      await pause()
    }
    for (let i = 0; i < words.length; i += 4 * HEADER_CHUNK) {
      lines.push(JSON.stringify(words.slice(i, i + 4 * HEADER_CHUNK)))
      await pause()
    }
    const header = lines.join('\n')
    const out = new ByteWriter()
    // Padded with spaces (which JSON allows) to a multiple of four bytes.
    const headerJson = new TextEncoder().encode(header)
    out.bytes(headerJson)
    out.bytes(new Uint8Array(pad4(headerJson.length)).fill(0x20))
    const headerBytes = out.length
    for (const a of [entDoc, this.entStart, this.entEnd, this.entLen])
      out.bytes(new Uint8Array(a.buffer, a.byteOffset, n * 4))
    out.bytes(this.entKind.subarray(0, n))
    out.align()
    out.bytes(w.result())
    const result = out.result()
    const framed = new Uint8Array(result.length + 4)
    new DataView(framed.buffer).setUint32(0, headerBytes, true)
    framed.set(result, 4)
    return framed
  }

  /** An index from `serialize`'s bytes; decoding stops every so often for other work (`pause`). */
  static async deserialize(
    bytes: Uint8Array,
    pause: () => Promise<void> = noPause
  ): Promise<InvertedIndex> {
    // Postings are read as views of the snapshot's own memory, which must then be 4-byte aligned.
    const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
    const truncated = (): Error => new Error('the index snapshot is truncated')
    if (data.length < 4) throw truncated()
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
    const headerBytes = view.getUint32(0, true)
    if (4 + headerBytes > data.length) throw truncated()
    const lines = new TextDecoder().decode(data.subarray(4, 4 + headerBytes)).split('\n')
    const header = JSON.parse(lines[0]) as {
      entries: number
      annotationIds: [number, string][]
      docLines: number
      wordLines: number
    }
    if (lines.length !== 1 + header.docLines + header.wordLines)
      throw new Error('the index snapshot is inconsistent')
    const index = new InvertedIndex()
    for (let l = 1; l <= header.docLines; l++) {
      await pause()
      for (const [key, titleTerms, titleLength] of JSON.parse(lines[l]) as [
        string,
        string[],
        number
      ][]) {
        const slot = index.docs.length
        index.docs.push({ key, titleTerms, titleLength, passages: [], notes: [] })
        index.docSlots.set(key, slot)
        for (const w of titleTerms) (index.term(w).titles ??= new Set()).add(slot)
        index.aliveDocs++
        index.titleLengthSum += titleLength
      }
    }
    const words: string[] = []
    for (let l = 1 + header.docLines; l < lines.length; l++) {
      await pause()
      for (const w of JSON.parse(lines[l]) as string[]) words.push(w)
    }
    const n = header.entries
    index.ensureEntries(n)
    let at = 4 + headerBytes
    const u32s = (count: number): Uint32Array => {
      if (at + count * 4 > data.length) throw truncated()
      const a = LITTLE_ENDIAN
        ? new Uint32Array(data.buffer, data.byteOffset + at, count)
        : Uint32Array.from({ length: count }, (_, i) => view.getUint32(at + i * 4, true))
      at += count * 4
      return a
    }
    index.entDoc.set(u32s(n))
    index.entStart.set(u32s(n))
    index.entEnd.set(u32s(n))
    index.entLen.set(u32s(n))
    if (at + n > data.length) throw truncated()
    index.entKind.set(data.subarray(at, at + n))
    at += n + pad4(n)
    index.entAlive.fill(1, 0, n)
    index.size = n
    index.alive = n
    for (let id = 0; id < n; id++) {
      if (id % SLICE === 0) await pause()
      const slot = index.entDoc[id]
      const doc = index.docs[slot]
      if (!doc) throw new Error('the index snapshot is inconsistent')
      ;(index.entKind[id] === KIND_NOTE ? doc.notes : doc.passages).push(id)
      index.aliveLength += index.entLen[id]
    }
    index.annotationIds = new Map(header.annotationIds)
    let work = 0
    for (const word of words) {
      if (at + 4 > data.length) throw truncated()
      const count = view.getUint32(at, true)
      at += 4
      if ((work += count + 8) > SLICE) {
        work = 0
        await pause()
      }
      // Views of the snapshot: a list that grows later moves to arrays of its own.
      const ids = u32s(count)
      if (at + count > data.length) throw truncated()
      const tfs = data.subarray(at, at + count)
      at += count + pad4(count)
      index.term(word).postings = Postings.over(ids, tfs)
    }
    if (at > data.length) throw truncated()
    if (at !== data.length) throw new Error('the index snapshot has trailing data')
    return index
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** Documents on one line of a snapshot's header (and four times as many words). */
const HEADER_CHUNK = 5000

/** About this many postings are encoded or decoded between pauses (a few milliseconds' work). */
const SLICE = 200_000
const noPause = (): Promise<void> => Promise.resolve()

/** Words in code-unit order (as `<` compares them), the order prefixes are found in. */
const compareWords = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Scores closer than this are equal: sums of the same terms added in another order (after a
 * rebuild, say) differ in their last bits, and must not change the order of results.
 */
const TIE = 1e-12

/** The first position in `ids[0, n)` (sorted) holding `id` or more. */
function lowerBound(ids: Uint32Array, n: number, id: number): number {
  if (id === 0) return 0
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ids[mid] < id) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A list this many times longer than the candidates is searched for each candidate, not read through. */
const GALLOP = 8

/** The first position from `from` on in `ids[0, n)` (sorted) holding `id` or more: a galloping search. */
function gallop(ids: Uint32Array, from: number, n: number, id: number): number {
  if (from >= n || ids[from] >= id) return from
  let step = 1
  let lo = from
  while (lo + step < n && ids[lo + step] < id) {
    lo += step
    step *= 2
  }
  let hi = Math.min(lo + step, n)
  lo++
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ids[mid] < id) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The highest id such that the lists hold at least `want` postings from it on (0 if they do not). */
function lowestId(lists: Postings[], want: number, size: number): number {
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

/** The k-th largest value of `a` (1-based), reordering `a` in place (quickselect). */
function kthLargest(a: Float64Array, k: number): number {
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
