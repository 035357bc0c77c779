import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bm25, fuzzyWeight, idf, lengthNorm, prefixWeight } from './scoring'
import { DELTA, FUZZY_WEIGHT, K1, PREFIX_WEIGHT } from './tuning'

const tf = fc.integer({ min: 1, max: 255 })
const length = fc.integer({ min: 1, max: 5000 })
const average = fc.double({ min: 1, max: 2000, noNaN: true })

describe('BM25+', () => {
  it('grows with how often a word occurs, and shrinks as the entry grows longer', () => {
    fc.assert(
      fc.property(tf, length, average, (t, len, avg) => {
        const { a, b } = lengthNorm(avg)
        expect(bm25(t + 1, len, a, b)).toBeGreaterThan(bm25(t, len, a, b))
        expect(bm25(t, len + 1, a, b)).toBeLessThan(bm25(t, len, a, b))
      })
    )
  })

  it('adds at least DELTA for an occurrence, and saturates below DELTA + K1 + 1', () => {
    fc.assert(
      fc.property(tf, length, average, (t, len, avg) => {
        const { a, b } = lengthNorm(avg)
        const s = bm25(t, len, a, b)
        expect(s).toBeGreaterThan(DELTA)
        expect(s).toBeLessThan(DELTA + K1 + 1)
      })
    )
  })

  it('weighs an entry of average length as the textbook formula does', () => {
    const { a, b } = lengthNorm(100)
    expect(bm25(3, 100, a, b)).toBeCloseTo(DELTA + (3 * (K1 + 1)) / (3 + K1), 12)
    // No entries yet: the average is taken as one word, not a division by zero.
    expect(Number.isFinite(bm25(1, 5, lengthNorm(0).a, lengthNorm(0).b))).toBe(true)
  })

  it('gives rarer words a higher idf, and every word a positive one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(10_000), (n, d) => {
        const df = 1 + (d % n)
        expect(idf(df, n)).toBeGreaterThan(0)
        if (df > 1) expect(idf(df - 1, n)).toBeGreaterThan(idf(df, n))
      })
    )
  })
})

describe('the weights of the words a term stands for', () => {
  it('weigh a prefix’s words less the more letters they add, and never as much as the word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (p, extra) => {
        const w = prefixWeight(p, p + extra)
        expect(w).toBeLessThan(prefixWeight(p, p + extra - 1))
        expect(w).toBeGreaterThan(0)
        expect(w).toBeLessThanOrEqual(PREFIX_WEIGHT)
      })
    )
  })

  it('weigh a misspelling less than the word, and less with more edits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 20 }), (len) => {
        expect(fuzzyWeight(len, 1)).toBeLessThan(FUZZY_WEIGHT)
        expect(fuzzyWeight(len, 2)).toBeLessThan(fuzzyWeight(len, 1))
      })
    )
  })
})
