import type { Dictionary, Term } from './dictionary'
import type { EntryTable } from './entries'
import { gallop, lowerBound, lowestId, type Postings } from './postings'
import { bm25, idf, lengthNorm } from './scoring'
import { GALLOP, INITIAL_ENTRIES, MAX_TERMS, TITLE_BOOST, type IndexLimits } from './tuning'

/** One term of a query, already folded. */
export type PlanTerm =
  | { kind: 'word'; text: string; fuzzy: boolean }
  | { kind: 'prefix'; text: string; typo?: boolean }
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

/** What the scoring of one query's terms shares. */
interface QueryState {
  /** Documents (by slot) that the query's filters allow. */
  docAllowed: Uint8Array
  /** Set once a group has run: later groups only add to the entries found so far. */
  restricted: boolean
  /** Entries below this id are left out (see `IndexLimits.candidates`). */
  idLow: number
}

/** Exclusions mark their entries with the top bit, which no term uses. */
const EXCLUDED = 1 << 31

type AllowedDocs = { key: string; version: number; allowed: Uint8Array }

/**
 * Runs queries: scores accumulate into dense arrays indexed by entry id (reused from query to
 * query, and cleared through the list of entries touched), so that a query allocates nothing for
 * each entry it scores.
 */
export class QueryExecutor {
  private score = new Float64Array(0)
  private mask = new Uint32Array(0)
  private seen = new Uint8Array(0)
  /** For phrases: how many of its words an entry has so far, and their score. */
  private count = new Uint8Array(0)
  private partial = new Float64Array(0)
  /** The entries scored so far, in the order found (in id order once a group has run). */
  private touched = new Uint32Array(0)
  private touchedN = 0
  /** For phrases: the entries that have the rarest word. */
  private local = new Uint32Array(0)
  /** Kept: the choice of every document (the common case), and the last filter's. */
  private allowedCache: AllowedDocs | null = null
  private everyCache: AllowedDocs | null = null

  constructor(
    private readonly table: EntryTable,
    private readonly dict: Dictionary
  ) {}

  /**
   * Every entry that matches the plan, with its score and the terms it has. Unsorted: use `top`.
   * Phrase terms only require their words; whether they are in order is for the caller to check.
   *
   * Every group must match, so only the entries found by the first group run can match at all:
   * groups run rarest first, and the later ones only add to the entries found so far
   * (`restricted`). The words of a phrase are taken the same way, rarest first. A query with one
   * rare word among common ones then costs about as much as the rare word alone.
   */
  search(plan: Plan, limits: IndexLimits): Matches {
    const { table, dict } = this
    this.ensureScratch()
    const { score, mask, seen, touched } = this
    this.touchedN = 0
    const q: QueryState = { docAllowed: this.allowedDocs(plan), restricted: false, idLow: 0 }

    // Each term's bit is its place in the plan (groups in order), whatever order they are run in.
    const perEntry = table.alive / Math.max(table.aliveDocs, 1)
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
          const words = term.words.map((w) => dict.get(w)?.postings ?? null)
          const rarest = words.reduce((a, b) => (a && b && b.n < a.n ? b : a))
          cost += rarest?.n ?? 0
          if (rarest) lists.push(rarest)
          for (const w of term.words) matchedWords.add(w)
          runs.push(() => this.addPhrase(term.words, bit, q))
        } else {
          const expanded = dict.expand(term, limits)
          for (const e of expanded) {
            matchedWords.add(e.word)
            cost += (e.term.postings?.n ?? 0) + (e.term.titles?.size ?? 0) * perEntry
            if (e.term.postings) lists.push(e.term.postings)
          }
          runs.push(() => {
            for (const e of expanded) this.addTerm(e.term, e.weight, bit, q)
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
    if (groups.length && groups[0].cost > limits.candidates) {
      q.idLow = lowestId(groups[0].lists, limits.candidates, table.size)
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

    for (const term of plan.exclude)
      if (term.kind !== 'phrase') for (const e of dict.expand(term, limits)) this.exclude(e.term)

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

  private ensureScratch(): void {
    const { size } = this.table
    if (this.score.length >= size) return
    const n = Math.max(size, this.score.length * 2, INITIAL_ENTRIES)
    this.score = new Float64Array(n)
    this.mask = new Uint32Array(n)
    this.seen = new Uint8Array(n)
    this.count = new Uint8Array(n)
    this.partial = new Float64Array(n)
    this.touched = new Uint32Array(n)
    this.local = new Uint32Array(n)
  }

  /** Which documents (by slot) a query may match. */
  private allowedDocs(plan: Plan): Uint8Array {
    const { docs, slots, docsVersion } = this.table
    const key = plan.allowDocs?.key ?? ''
    const cache = key === '' ? 'everyCache' : 'allowedCache'
    const cached = this[cache]
    if (cached?.key === key && cached.version === docsVersion) return cached.allowed
    const allowed = new Uint8Array(docs.length)
    if (!plan.allowDocs) {
      for (let s = 0; s < docs.length; s++) if (docs[s]) allowed[s] = 1
    } else
      for (const k of plan.allowDocs.keys()) {
        const slot = slots.get(k)
        if (slot !== undefined) allowed[slot] = 1
      }
    this[cache] = { key, version: docsVersion, allowed }
    return allowed
  }

  /** Scores the entries that have a term (in their text or their document's title). */
  private addTerm(t: Term, weight: number, bit: number, q: QueryState): void {
    const { score, mask, seen, touched } = this
    const { entLen, entAlive, entDoc } = this.table
    const { docAllowed, restricted, idLow } = q
    let touchedN = this.touchedN
    const p = t.postings
    if (p) {
      const { a, b } = lengthNorm(this.table.averageLength())
      const w = weight * idf(this.table.liveCount(p), Math.max(this.table.alive, 1))
      const { ids, tfs } = p
      if (restricted && touchedN * GALLOP < p.n) {
        // Few candidates in a long list: each is looked up in it (both are in id order).
        for (let j = 0, i = 0; j < touchedN && i < p.n; j++) {
          const id = touched[j]
          i = gallop(ids, i, p.n, id)
          if (i === p.n) break
          if (ids[i] !== id) continue
          score[id] += w * bm25(tfs[i], entLen[id], a, b)
          mask[id] |= bit
        }
      } else
        for (let i = lowerBound(ids, p.n, idLow), end = p.n; i < end; i++) {
          const id = ids[i]
          if ((restricted && !seen[id]) || !entAlive[id] || !docAllowed[entDoc[id]]) continue
          if (!seen[id]) {
            seen[id] = 1
            touched[touchedN++] = id
          }
          score[id] += w * bm25(tfs[i], entLen[id], a, b)
          mask[id] |= bit
        }
    }
    if (t.titles?.size) {
      const { a, b } = lengthNorm(this.table.averageTitleLength())
      const w = TITLE_BOOST * weight * idf(t.titles.size, Math.max(this.table.aliveDocs, 1))
      for (const slot of t.titles) {
        if (!docAllowed[slot]) continue
        const doc = this.table.doc(slot)
        const s = w * bm25(1, doc.titleLength, a, b)
        for (const list of [doc.chunks, doc.notes])
          for (const id of list) {
            if (!entAlive[id] || (restricted && !seen[id]) || id < idLow) continue
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
    const found = [...new Set(words)].map((w) => this.dict.get(w)?.postings ?? null)
    if (found.some((p) => !p)) return
    const lists = (found as Postings[]).sort((x, y) => x.n - y.n)
    const { score, mask, seen, touched, count, partial, local } = this
    const { entLen, entAlive, entDoc } = this.table
    const { docAllowed, restricted } = q
    const n = Math.max(this.table.alive, 1)
    const { a, b } = lengthNorm(this.table.averageLength())
    let localN = 0
    for (let k = 0; k < lists.length; k++) {
      const p = lists[k]
      const w = idf(this.table.liveCount(p), n)
      const { ids, tfs } = p
      if (k > 0 && localN * GALLOP < p.n) {
        // Few entries left with every word so far: each is looked up in this word's postings.
        for (let j = 0, i = 0; j < localN && i < p.n; j++) {
          const id = local[j]
          if (count[id] !== k) continue
          i = gallop(ids, i, p.n, id)
          if (i === p.n) break
          if (ids[i] !== id) continue
          count[id] = k + 1
          partial[id] += w * bm25(tfs[i], entLen[id], a, b)
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
        count[id] = k + 1
        partial[id] += w * bm25(tfs[i], entLen[id], a, b)
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

  /** Marks the entries found so far that have a term (in their text or title) as excluded. */
  private exclude(t: Term): void {
    const { seen, mask } = this
    const p = t.postings
    if (p)
      for (let i = 0; i < p.n; i++) {
        const id = p.ids[i]
        if (seen[id]) mask[id] |= EXCLUDED
      }
    if (t.titles)
      for (const slot of t.titles) {
        const doc = this.table.doc(slot)
        for (const list of [doc.chunks, doc.notes])
          for (const id of list) if (seen[id]) mask[id] |= EXCLUDED
      }
  }
}
