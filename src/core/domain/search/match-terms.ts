import type { ParsedQuery, Term } from './parse-query'
import { eachWord, isAscii, wordsOf } from './fold'

/** Words of at least this many letters also match their misspellings. */
export const FUZZY_MIN_LENGTH = 5

/** A word with two neighbouring letters swapped, every way ("recieve" → "ercieve", "rceieve", …). */
export function* transpositions(word: string): Generator<string> {
  for (let i = 0; i + 1 < word.length; i++)
    if (word[i] !== word[i + 1]) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
}

/**
 * Whether two words are one typo apart: a letter added, dropped or changed, or two neighbouring
 * letters swapped (the optimal string alignment distance is at most 1).
 */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  const restA = a.slice(i + 1)
  const restB = b.slice(i + 1)
  if (a.length === b.length)
    return (
      restA === restB ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    )
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/** Whether a folded word of the text matches a word or prefix term, as the index matched it. */
export function wordMatches(term: Term, word: string): boolean {
  if (term.kind === 'prefix' && word.startsWith(term.text)) return true
  if (term.kind === 'phrase' || (term.kind === 'prefix' && !term.typo)) return false
  if (word === term.text) return true
  return term.text.length >= FUZZY_MIN_LENGTH && oneTypoApart(term.text, word)
}

/** Every range of `text` that a query's terms match: matching words, and whole phrases. */
export function matchRanges(text: string, query: ParsedQuery): { start: number; end: number }[] {
  const terms = query.groups.flat()
  const singles = terms.filter((t) => t.kind !== 'phrase')
  const phrases = terms.filter((t): t is Extract<Term, { kind: 'phrase' }> => t.kind === 'phrase')
  const out: { start: number; end: number }[] = []
  // Whether a word matches: asked for every word of the text, so remembered.
  const known = new Map<string, boolean>()
  const matches = (w: string): boolean => {
    let m = known.get(w)
    if (m === undefined) known.set(w, (m = singles.some((t) => wordMatches(t, w))))
    return m
  }
  if (phrases.length === 0) {
    eachWord(text, (w, start, end) => {
      if (matches(w)) out.push({ start, end })
    })
    return out
  }
  // A phrase needs the words that follow: the words are listed first.
  const words: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  eachWord(text, (w, start, end) => {
    words.push(w)
    starts.push(start)
    ends.push(end)
  })
  for (let i = 0; i < words.length; i++) {
    const phrase = phrases.find((p) => p.words.every((w, k) => words[i + k] === w))
    if (phrase) {
      out.push({ start: starts[i], end: ends[i + phrase.words.length - 1] })
      i += phrase.words.length - 1
    } else if (matches(words[i])) {
      out.push({ start: starts[i], end: ends[i] })
    }
  }
  return out
}

/** Whether a phrase occurs in a text, word for word (case and accents folded). */
export function hasPhrase(text: string, words: string[]): boolean {
  const seq = Array.from(wordsOf(text), (w) => w.word)
  for (let i = 0; i + words.length <= seq.length; i++)
    if (words.every((w, k) => seq[i + k] === w)) return true
  return false
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * `hasPhrase` for one phrase, compiled once for checking many texts. In ASCII text a regular
 * expression decides exactly what `hasPhrase` would: whole words, in order, separated by anything
 * that is not part of a word (an apostrophe between letters is, as in the tokenizer). Other text
 * is tokenized and folded.
 */
export function phraseMatcher(words: string[]): (text: string) => boolean {
  const L = '\\p{L}\\p{N}'
  const re = new RegExp(
    `(?<![${L}]|[${L}]['’])${words.map(escapeRegExp).join(`(?!['’][${L}])[^${L}]+`)}(?![${L}]|['’][${L}])`,
    'iu'
  )
  return (text) => (isAscii(text) ? re.test(text) : hasPhrase(text, words))
}
