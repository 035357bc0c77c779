import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eachWord, fold, tokenize, wordsOf } from './fold'
import { hasPhrase, oneTypoApart, phraseMatcher, transpositions, wordMatches } from './match-terms'

// Letters, digits, apostrophes (straight and curly), separators and accented letters, so that
// word joins, boundaries and folding are all exercised.
const char = fc.constantFrom('a', 'b', 'A', 'B', '1', "'", '’', ' ', '-', '.', ',', 'é', 'É', '\n')
const text = fc.string({ unit: char, maxLength: 30 })

describe('phrase matching', () => {
  it('the compiled matcher agrees with hasPhrase on every text', () => {
    fc.assert(
      fc.property(text, text, (t, source) => {
        const words = tokenize(source).map(fold).slice(0, 3)
        if (words.length === 0) return
        expect(phraseMatcher(words)(t)).toBe(hasPhrase(t, words))
      }),
      { numRuns: 2000 }
    )
  })

  it('a phrase made of a text’s own consecutive words is always found', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, at) => {
        const words = Array.from(wordsOf(t), (w) => w.word)
        if (words.length === 0) return
        const start = at % words.length
        const phrase = words.slice(start, start + 2)
        expect(phraseMatcher(phrase)(t)).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })

  it('eachWord gives the words of wordsOf, with their offsets, and stops when told', () => {
    fc.assert(
      fc.property(text, fc.nat(5), (t, stopAfter) => {
        const seen: { word: string; start: number; end: number }[] = []
        eachWord(t, (word, start, end) => {
          seen.push({ word, start, end })
          return seen.length > stopAfter
        })
        expect(seen).toEqual(Array.from(wordsOf(t)).slice(0, stopAfter + 1))
      }),
      { numRuns: 1000 }
    )
  })

  it('folds ASCII text word by word exactly as the whole text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(Array.from(wordsOf(t), (w) => w.word)).toEqual(tokenize(t).map(fold))
      })
    )
  })
})

/** Optimal string alignment distance: edits, and swaps of neighbouring letters. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  return d[a.length][b.length]
}

describe('misspellings', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e'), maxLength: 7 })

  it('one typo apart means one letter added, dropped, changed, or two neighbours swapped', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(oneTypoApart(a, b)).toBe(osa(a, b) <= 1)
      }),
      { numRuns: 3000 }
    )
    // Near misses are not left to chance.
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom('a', 'b', 'z'), (a, at, c) => {
        const i = a.length ? at % a.length : 0
        for (const b of [
          a.slice(0, i) + a.slice(i + 1),
          a.slice(0, i) + c + a.slice(i),
          a.slice(0, i) + c + a.slice(i + 1),
          ...transpositions(a)
        ])
          expect(oneTypoApart(a, b)).toBe(osa(a, b) <= 1)
      })
    )
  })

  it('marks in the text the words the index matched for a misspelling', () => {
    for (const [typed, found] of [
      ['recieve', 'receive'],
      ['goverment', 'government'],
      ['electoin', 'election'],
      ['hospitl', 'hospital']
    ])
      expect(wordMatches({ kind: 'word', text: typed }, found)).toBe(true)
    expect(wordMatches({ kind: 'word', text: 'ship' }, 'shop')).toBe(false) // short words: exact
    expect(wordMatches({ kind: 'word', text: 'goverment' }, 'governments')).toBe(false)
  })
})
