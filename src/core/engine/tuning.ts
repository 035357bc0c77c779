/**
 * Every number the search engine is tuned with, in one place. Scores are computed at query time
 * from counts: changing a scoring constant changes rankings, not the snapshot format.
 */

// ---- BM25+ (Lv and Zhai's BM25 with a lower bound on what an occurrence adds) ----

/** Term-frequency saturation: how soon further occurrences of a word in an entry stop adding much. */
export const K1 = 1.2
/** Length normalisation, from 0 (an entry's length does not matter) to 1 (fully relative to the average). */
export const B = 0.7
/** The least an occurrence adds (times the word's idf), so that a long entry's match still counts. */
export const DELTA = 0.5

// ---- Weights of the words a query term stands for (the word itself weighs 1) ----

/** A word of a document's title counts this many times as much as a word of one of its entries. */
export const TITLE_BOOST = 1.5
/** A word a prefix stands for, at most (longer words weigh less; see `prefixWeight`). */
export const PREFIX_WEIGHT = 0.375
/** Each letter of a word past its prefix counts against it as this fraction of a prefix letter. */
export const PREFIX_EXTRA_LETTER = 0.3
/** A word one typo away from a query word, at most (see `fuzzyWeight`). */
export const FUZZY_WEIGHT = 0.45

// ---- Caps on the work of one query ----

/**
 * A prefix stands for at most this many words, the most frequent first, and for no more than
 * PREFIX_POSTINGS entries in all (past its first word): type-ahead on "a" must not touch every
 * passage of the workspace.
 */
export const PREFIX_CAP = 48
export const PREFIX_POSTINGS = 100_000
/** A prefix's words are cut down to the most frequent by a selection, not a sort, past this many times PREFIX_CAP. */
export const PREFIX_PRESELECT = 4
/** A misspelt word stands for at most this many words of the index (the closest, then the most frequent). */
export const FUZZY_CAP = 24
/**
 * Ranking every one of a hundred thousand matches of "of the" costs as much as the workspace is
 * large, and tells the reader nothing the newest twenty thousand do not: past this many candidate
 * entries, a query is answered from the newest ones (and says so).
 */
export const CANDIDATE_CAP = 20_000
/** At most this many terms (each a bit in a 32-bit mask) in one query. */
export const MAX_TERMS = 31

// ---- Algorithms' thresholds ----

/** A list this many times longer than the candidates is searched for each candidate, not read through. */
export const GALLOP = 8
/**
 * Scores closer than this are equal: sums of the same terms added in another order (after a
 * rebuild, say) differ in their last bits, and must not change the order of results.
 */
export const TIE = 1e-12
/** `top` sorts every match when there are at most this many, or at most this many times k. */
export const TOP_SORT_ALL = 256
export const TOP_SORT_FACTOR = 4
/** Words added since the sorted word list was made wait aside until there are this many. */
export const UNSORTED_WORDS = 4096
/** Runs of postings shorter than this are copied one by one (a typed-array view costs more). */
export const SHORT_RUN = 32
/** Entries the entry table and the query's scratch arrays have room for at first. */
export const INITIAL_ENTRIES = 1024

// ---- Snapshots ----

/** Documents on one line of a snapshot's header (and four times as many words). */
export const HEADER_CHUNK = 5000
/** About this many postings are encoded or decoded between pauses (a few milliseconds' work). */
export const SLICE = 200_000

/** Caps an index applies to its queries (the workspace may lower them; tests do). */
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
