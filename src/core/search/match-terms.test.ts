import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, tokenize, wordsOf } from './fold'
import { hasPhrase, phraseMatcher } from './match-terms'

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

  it('folds ASCII text word by word exactly as the whole text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(Array.from(wordsOf(t), (w) => w.word)).toEqual(tokenize(t).map(fold))
      })
    )
  })
})
