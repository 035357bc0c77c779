import SearchableMap from 'minisearch/SearchableMap'
import { fold, WORD_RE } from './fold'

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
  push(id: number, tf: number): void {
    if (this.n === this.ids.length) {
      const ids = new Uint32Array(this.n * 2)
      ids.set(this.ids)
      this.ids = ids
      const tfs = new Uint8Array(this.n * 2)
      tfs.set(this.tfs)
      this.tfs = tfs
    }
    this.ids[this.n] = id
    this.tfs[this.n] = tf > 255 ? 255 : tf
    this.n++
  }
}

interface Term {
  postings: Postings | null
  /** Documents (by slot) whose title has this word. */
  titles: Set<number> | null
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

/** Term frequencies of a text, folded as queries are. */
export function termCounts(text: string): { counts: Map<string, number>; length: number } {
  const counts = new Map<string, number>()
  let length = 0
  for (const m of fold(text).matchAll(WORD_RE)) {
    const w = m[0]
    counts.set(w, (counts.get(w) ?? 0) + 1)
    length++
  }
  return { counts, length }
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
  /** Leaves out whole documents (filters); by document key. */
  allowDoc?: (key: string) => boolean
  /** Leaves out single entries (tag filters). */
  allowEntry?: (entry: number) => boolean
}

export interface Matches {
  count: number
  ids: Uint32Array
  scores: Float64Array
  /** Which terms (bit i = the i-th term of the plan, groups in order) each match has. */
  masks: Uint32Array
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
}

export class InvertedIndex {
  constructor(
    private readonly limits: IndexLimits = {
      prefixWords: PREFIX_CAP,
      prefixPostings: PREFIX_POSTINGS
    }
  ) {}

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
      t = { postings: null, titles: null }
      this.terms.set(word, t)
      this.tree?.set(word, t)
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

  /**
   * Adds entries of several documents at once, their words counted already (by `termCounts`,
   * perhaps in another thread). `entries` gives start, end, number of words and number of distinct
   * words for each entry; its distinct words follow each other in `words`, with how often each
   * occurs in `counts`. The postings are grouped by word first, so
   * that each word of the index is visited once per batch rather than once per entry: what costs
   * time in a large index is jumping between its words' postings.
   */
  addCountedEntries(
    batch: readonly {
      key: string
      kind: number
      entries: Uint32Array
      words: readonly string[]
      counts: Uint8Array
    }[]
  ): void {
    const grouped = new Map<string, number[]>()
    for (const { key, kind, entries, words, counts } of batch) {
      const slot = this.slotOf(key)
      for (let e = 0, w = 0; e < entries.length; e += 4) {
        const id = this.newEntry(slot, kind, entries[e], entries[e + 1], entries[e + 2])
        for (const end = w + entries[e + 3]; w < end; w++) {
          const list = grouped.get(words[w])
          if (list) list.push(id, counts[w])
          else grouped.set(words[w], [id, counts[w]])
        }
      }
    }
    for (const [word, list] of grouped) {
      const t = this.term(word)
      const p = (t.postings ??= new Postings(list.length / 2))
      for (let i = 0; i < list.length; i += 2) p.push(list[i], list[i + 1])
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
      const more: { word: string; weight: number; term: Term }[] = []
      for (const [word, t] of this.dictionary().atPrefix(term.text)) {
        if (word === term.text) continue
        const extra = word.length - term.text.length
        more.push({
          word,
          weight: (PREFIX_WEIGHT * term.text.length) / (term.text.length + 0.3 * extra),
          term: t
        })
      }
      more.sort((a, b) => this.df(b.term) - this.df(a.term) || (a.word < b.word ? -1 : 1))
      let budget = this.limits.prefixPostings
      for (const e of more.slice(0, this.limits.prefixWords)) {
        const df = this.df(e.term)
        if (df > budget && out.length > 0) break
        out.push(e)
        budget -= df
      }
    } else if (term.fuzzy && term.text.length >= 5) {
      const edits = Math.floor(term.text.length * 0.2)
      const more: { word: string; weight: number; term: Term; d: number }[] = []
      for (const [word, [t, d]] of this.dictionary().fuzzyGet(term.text, edits)) {
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
   */
  search(plan: Plan): Matches {
    this.ensureScratch()
    const { score, mask, seen } = this
    const touched: number[] = []
    const n = Math.max(this.alive, 1)
    const avgLen = this.aliveLength / n || 1
    const avgTitle = this.titleLengthSum / Math.max(this.aliveDocs, 1) || 1
    const docAllowed = new Uint8Array(this.docs.length)
    for (let s = 0; s < this.docs.length; s++) {
      const d = this.docs[s]
      docAllowed[s] = d && (!plan.allowDoc || plan.allowDoc(d.key)) ? 1 : 0
    }

    const addPostings = (t: Term, weight: number, bit: number): void => {
      const p = t.postings
      if (p) {
        const idf = this.idf(this.liveCount(p), n)
        const { ids, tfs } = p
        const { entLen, entAlive, entDoc } = this
        for (let i = 0; i < p.n; i++) {
          const id = ids[i]
          if (!entAlive[id] || !docAllowed[entDoc[id]]) continue
          const tf = tfs[i]
          const s =
            weight *
            idf *
            (DELTA + (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * entLen[id]) / avgLen)))
          if (!seen[id]) {
            seen[id] = 1
            touched.push(id)
          }
          score[id] += s
          mask[id] |= bit
        }
      }
      if (t.titles?.size) {
        const idf = this.idf(t.titles.size, Math.max(this.aliveDocs, 1))
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
              if (!this.entAlive[id]) continue
              if (!seen[id]) {
                seen[id] = 1
                touched.push(id)
              }
              score[id] += s
              mask[id] |= bit
            }
        }
      }
    }

    const addPhrase = (words: string[], bit: number): void => {
      const unique = [...new Set(words)]
      const found = unique.map((w) => this.terms.get(w)?.postings ?? null)
      if (found.some((p) => !p)) return
      const { count, partial } = this
      const local: number[] = []
      for (const p of found as Postings[]) {
        const idf = this.idf(this.liveCount(p), n)
        for (let i = 0; i < p.n; i++) {
          const id = p.ids[i]
          if (!this.entAlive[id] || !docAllowed[this.entDoc[id]]) continue
          const tf = p.tfs[i]
          if (count[id] === 0) local.push(id)
          count[id]++
          partial[id] +=
            idf * (DELTA + (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.entLen[id]) / avgLen)))
        }
      }
      for (const id of local) {
        if (count[id] === unique.length) {
          if (!seen[id]) {
            seen[id] = 1
            touched.push(id)
          }
          score[id] += partial[id]
          mask[id] |= bit
        }
        count[id] = 0
        partial[id] = 0
      }
    }

    const groupBits: number[] = []
    let bitIndex = 0
    for (const group of plan.groups) {
      let bits = 0
      for (const term of group) {
        if (bitIndex >= MAX_TERMS) break
        const bit = 1 << bitIndex++
        bits |= bit
        if (term.kind === 'phrase') addPhrase(term.words, bit)
        else for (const e of this.expand(term)) addPostings(e.term, e.weight, bit)
      }
      groupBits.push(bits)
    }

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

    const ids = new Uint32Array(touched.length)
    const scores = new Float64Array(touched.length)
    const masks = new Uint32Array(touched.length)
    let count = 0
    for (const id of touched) {
      const m = mask[id]
      let ok = (m & EXCLUDED) === 0
      for (let g = 0; ok && g < groupBits.length; g++) if ((m & groupBits[g]) === 0) ok = false
      if (ok && plan.allowEntry && !plan.allowEntry(id)) ok = false
      if (ok) {
        ids[count] = id
        scores[count] = score[id]
        masks[count] = m
        count++
      }
      score[id] = 0
      mask[id] = 0
      seen[id] = 0
    }
    return { count, ids, scores, masks }
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
      for (let i = 0; i < count; i++) if (scores[i] >= threshold) picked.push(i)
    }
    const keyed = picked.map((i) => ({ i, score: scores[i], ...this.info(ids[i]) }))
    keyed.sort(
      (x, y) =>
        y.score - x.score ||
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
      w.varint(p.n)
      let prev = 0
      for (let i = 0; i < p.n; i++) {
        w.varint(p.ids[i] - prev)
        prev = p.ids[i]
      }
      w.bytes(p.tfs.subarray(0, p.n))
    }
    const n = this.size
    const entDoc = new Uint32Array(n)
    for (let i = 0; i < n; i++) entDoc[i] = slotToIndex[this.entDoc[i]]
    const header = JSON.stringify({
      docs,
      words,
      entries: n,
      annotationIds: [...this.annotationIds]
    })
    const out = new ByteWriter()
    out.bytes(new TextEncoder().encode(header))
    const headerBytes = out.length
    for (const a of [entDoc, this.entStart, this.entEnd, this.entLen])
      out.bytes(new Uint8Array(a.buffer, a.byteOffset, n * 4))
    out.bytes(this.entKind.subarray(0, n))
    out.bytes(w.result())
    const result = out.result()
    const framed = new Uint8Array(result.length + 4)
    new DataView(framed.buffer).setUint32(0, headerBytes, true)
    framed.set(result, 4)
    return framed
  }

  /** An index from `serialize`'s bytes; decoding stops every so often for other work (`pause`). */
  static async deserialize(
    data: Uint8Array,
    pause: () => Promise<void> = noPause
  ): Promise<InvertedIndex> {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
    const headerBytes = view.getUint32(0, true)
    const header = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + headerBytes))) as {
      docs: [string, string[], number][]
      words: string[]
      entries: number
      annotationIds: [number, string][]
    }
    const index = new InvertedIndex()
    for (const [key, titleTerms, titleLength] of header.docs) {
      const slot = index.docs.length
      index.docs.push({ key, titleTerms, titleLength, passages: [], notes: [] })
      index.docSlots.set(key, slot)
      for (const w of titleTerms) (index.term(w).titles ??= new Set()).add(slot)
      index.aliveDocs++
      index.titleLengthSum += titleLength
    }
    const n = header.entries
    index.ensureEntries(n)
    let at = 4 + headerBytes
    const u32 = (): Uint32Array => {
      const a = new Uint32Array(n)
      new Uint8Array(a.buffer).set(data.subarray(at, at + n * 4))
      at += n * 4
      return a
    }
    index.entDoc.set(u32())
    index.entStart.set(u32())
    index.entEnd.set(u32())
    index.entLen.set(u32())
    index.entKind.set(data.subarray(at, at + n))
    at += n
    index.entAlive.fill(1, 0, n)
    index.size = n
    index.alive = n
    for (let id = 0; id < n; id++) {
      const slot = index.entDoc[id]
      const doc = index.docs[slot]
      if (!doc) throw new Error('the index snapshot is inconsistent')
      ;(index.entKind[id] === KIND_NOTE ? doc.notes : doc.passages).push(id)
      index.aliveLength += index.entLen[id]
    }
    index.annotationIds = new Map(header.annotationIds)
    const r = new ByteReader(data, at)
    let work = 0
    for (const word of header.words) {
      const count = r.varint()
      if ((work += count + 8) > SLICE) {
        work = 0
        await pause()
      }
      const p = new Postings(Math.max(count, 2))
      let prev = 0
      for (let i = 0; i < count; i++) {
        prev += r.varint()
        p.ids[i] = prev
      }
      p.tfs.set(r.bytes(count))
      p.n = count
      index.term(word).postings = p
    }
    if (r.at !== data.length) throw new Error('the index snapshot has trailing data')
    return index
  }
}

/** About this many postings are encoded or decoded between pauses (a few milliseconds' work). */
const SLICE = 200_000
const noPause = (): Promise<void> => Promise.resolve()

/** A pause that lets timers, I/O and other messages run before going on. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

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

class ByteWriter {
  private buf = new Uint8Array(1 << 16)
  length = 0
  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n))
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }
  varint(v: number): void {
    this.ensure(5)
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    this.buf[this.length++] = v
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length)
    this.buf.set(b, this.length)
    this.length += b.length
  }
  result(): Uint8Array {
    return this.buf.subarray(0, this.length)
  }
}

class ByteReader {
  constructor(
    private readonly data: Uint8Array,
    public at: number
  ) {}
  varint(): number {
    let v = 0
    let shift = 0
    for (;;) {
      if (this.at >= this.data.length) throw new Error('the index snapshot is truncated')
      const b = this.data[this.at++]
      v += (b & 0x7f) * 2 ** shift
      if (b < 0x80) return v
      shift += 7
    }
  }
  bytes(n: number): Uint8Array {
    if (this.at + n > this.data.length) throw new Error('the index snapshot is truncated')
    const out = this.data.subarray(this.at, this.at + n)
    this.at += n
    return out
  }
}
