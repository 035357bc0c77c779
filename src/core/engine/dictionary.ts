import SearchableMap from 'minisearch/SearchableMap'
import { FUZZY_MIN_LENGTH, transpositions } from '../domain/search/match-terms'
import type { Postings } from './postings'
import { fuzzyWeight, prefixWeight } from './scoring'
import { kthLargest } from './top-k'
import { FUZZY_CAP, PREFIX_PRESELECT, UNSORTED_WORDS, type IndexLimits } from './tuning'

/** A word of the index. */
export interface Term {
  postings: Postings | null
  /** Documents (by slot) whose title has this word. */
  titles: Set<number> | null
  /** Scratch for `addCountedEntries`: the batch that last saw this term, and its place in it. */
  batch: number
  place: number
}

/** A query term as the words of the index it stands for. */
export interface Expansion {
  word: string
  /** 1 for the word itself, less for a word a prefix or a misspelling stands for. */
  weight: number
  term: Term
}

/** Of a query: a word (perhaps with its misspellings) or a prefix (perhaps misspelt: `typo`). */
export type WordTerm =
  { kind: 'word'; text: string; fuzzy: boolean } | { kind: 'prefix'; text: string; typo?: boolean }

/** Words in code-unit order (as `<` compares them), the order prefixes are found in. */
const compareWords = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The index's words, with their postings and the titles they are in; and the look-ups of the
 * words a prefix or a misspelt word stands for. MiniSearch's radix tree (`SearchableMap`) does
 * what it is best at, fuzzy look-up; it is made when first needed.
 */
export class Dictionary {
  readonly terms = new Map<string, Term>()
  private tree: SearchableMap<Term> | null = null
  /**
   * The words in alphabetical order, for prefixes: a prefix is a range found by binary search,
   * and reading a range of an array is much cheaper than walking the radix tree for a short
   * prefix ("a" stands for thousands of words). Words added since it was sorted wait in
   * `unsortedWords` until there are enough of them to merge.
   */
  private sortedWords: string[] | null = null
  private unsortedWords: string[] = []
  /** Numbers the batches of `addCountedEntries` (see `Term.batch`). */
  batches = 0

  get(word: string): Term | undefined {
    return this.terms.get(word)
  }

  /** The term of a word, added if new. */
  term(word: string): Term {
    let t = this.terms.get(word)
    if (!t) {
      t = { postings: null, titles: null, batch: 0, place: 0 }
      this.terms.set(word, t)
      this.tree?.set(word, t)
      if (this.sortedWords) this.unsortedWords.push(word)
    }
    return t
  }

  /** Renumbers every word's postings (see `EntryTable.vacuum`) and drops words no longer in use. */
  renumber(map: Int32Array): void {
    for (const [w, t] of this.terms) {
      const p = t.postings
      if (p) {
        p.renumber(map)
        if (p.n === 0) t.postings = null
      }
      if (!t.postings && !t.titles?.size) {
        this.terms.delete(w)
        this.tree?.delete(w)
        this.sortedWords = null // sorted again when next needed, without the words gone
      }
    }
  }

  /** In how many entries and titles a word is (dead entries included). */
  df(t: Term): number {
    return (t.postings?.n ?? 0) + (t.titles?.size ?? 0)
  }

  /** The index's words a term stands for, each with a weight (1 for the word itself). */
  expand(term: WordTerm, limits: IndexLimits): Expansion[] {
    const out: Expansion[] = []
    const exact = this.terms.get(term.text)
    if (exact) out.push({ word: term.text, weight: 1, term: exact })
    if (term.kind === 'prefix') this.expandPrefix(term.text, limits, out)
    const fuzzy = term.kind === 'word' ? term.fuzzy : term.typo === true
    if (fuzzy && term.text.length >= FUZZY_MIN_LENGTH) {
      // A word the prefix found already stands for itself, at the prefix's weight.
      const found = new Set(out.map((e) => e.word))
      const typos: Expansion[] = []
      this.expandFuzzy(term.text, typos)
      out.push(...typos.filter((e) => !found.has(e.word)))
    }
    return out
  }

  /** The most frequent words that start with `prefix`, within the limits' budgets. */
  private expandPrefix(prefix: string, limits: IndexLimits, out: Expansion[]): void {
    let more: (Expansion & { df: number })[] = []
    for (const [word, t] of this.withPrefix(prefix)) {
      if (word === prefix) continue
      more.push({ word, weight: prefixWeight(prefix.length, word.length), term: t, df: this.df(t) })
    }
    // Only the most frequent few are wanted: the rest are dropped before sorting.
    if (more.length > PREFIX_PRESELECT * limits.prefixWords) {
      const threshold = kthLargest(
        Float64Array.from(more, (e) => e.df),
        limits.prefixWords
      )
      more = more.filter((e) => e.df >= threshold)
    }
    more.sort((a, b) => b.df - a.df || (a.word < b.word ? -1 : 1))
    let budget = limits.prefixPostings
    for (const e of more.slice(0, limits.prefixWords)) {
      if (e.df > budget && out.length > 0) break
      out.push(e)
      budget -= e.df
    }
  }

  /**
   * Words one edit away (a letter added, dropped or changed: the radix tree finds those), or with
   * two letters swapped (looked up one by one). Two edits would cost ten times as much, for words
   * that are mostly other words rather than misspellings.
   */
  private expandFuzzy(text: string, out: Expansion[]): void {
    const more: (Expansion & { d: number })[] = []
    const found = this.fuzzyTree().fuzzyGet(text, 1)
    for (const w of transpositions(text)) {
      const t = this.terms.get(w)
      if (t && !found.has(w)) found.set(w, [t, 1])
    }
    for (const [word, [t, d]] of found) {
      if (word === text) continue
      more.push({ word, weight: fuzzyWeight(text.length, d), term: t, d })
    }
    more.sort(
      (a, b) => a.d - b.d || this.df(b.term) - this.df(a.term) || (a.word < b.word ? -1 : 1)
    )
    out.push(...more.slice(0, FUZZY_CAP))
  }

  private fuzzyTree(): SearchableMap<Term> {
    if (!this.tree) {
      this.tree = new SearchableMap<Term>()
      for (const [w, t] of this.terms) this.tree.set(w, t)
    }
    return this.tree
  }

  /** Every word of the index that starts with `prefix`, with its term. */
  private *withPrefix(prefix: string): Generator<[string, Term]> {
    if (!this.sortedWords || this.unsortedWords.length > UNSORTED_WORDS) {
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
}
