import type { ParsedQuery, Term } from './parse-query'
import { isAscii, wordsOf } from './fold'

/** The fuzziness the index uses for a word: none below 5 letters, then 1 edit per 5 letters. */
export const fuzzyEdits = (word: string): number =>
  word.length >= 5 ? Math.floor(word.length * 0.2) : 0

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      best = Math.min(best, cur[j])
    }
    if (best > max) return max + 1
    prev = cur
  }
  return prev[b.length]
}

/** Whether a folded word of the text matches a word or prefix term, as the index matched it. */
export function wordMatches(term: Term, word: string): boolean {
  if (term.kind === 'prefix') return word.startsWith(term.text)
  if (term.kind !== 'word') return false
  if (word === term.text) return true
  const edits = fuzzyEdits(term.text)
  return edits > 0 && editDistance(term.text, word, edits) <= edits
}

/** Every range of `text` that a query's terms match: matching words, and whole phrases. */
export function matchRanges(text: string, query: ParsedQuery): { start: number; end: number }[] {
  const terms = query.groups.flat()
  const singles = terms.filter((t) => t.kind !== 'phrase')
  const phrases = terms.filter((t): t is Extract<Term, { kind: 'phrase' }> => t.kind === 'phrase')
  const words = Array.from(wordsOf(text))
  const out: { start: number; end: number }[] = []
  for (let i = 0; i < words.length; i++) {
    const phrase = phrases.find((p) => p.words.every((w, k) => words[i + k]?.word === w))
    if (phrase) {
      out.push({ start: words[i].start, end: words[i + phrase.words.length - 1].end })
      i += phrase.words.length - 1
    } else if (singles.some((t) => wordMatches(t, words[i].word))) {
      out.push({ start: words[i].start, end: words[i].end })
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
