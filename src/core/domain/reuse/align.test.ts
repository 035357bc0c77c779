import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SharedPassage } from './align'
import { alignPair, mirror, sortPassages } from './align'
import { guaranteedRun, DEFAULT_PARAMS } from './params'
import { findSharedPassages } from './shared-passages'

const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', ' — ', '\n\n']

/** Words joined by separators, with each word's offsets. */
function join(words: string[], seps: number[]): { text: string; at: [number, number][] } {
  let text = ''
  const at: [number, number][] = []
  words.forEach((w, i) => {
    if (i > 0) text += SEPARATORS[seps[i % seps.length] % SEPARATORS.length]
    at.push([text.length, text.length + w.length])
    text += w
  })
  return { text, at }
}

/**
 * Two texts with a run of at least 12 words of A copied into B. A's words are all different and
 * B's own words come from another vocabulary, so the copied run is exactly what they share.
 */
const copiedRun = fc
  .record({
    a: fc.uniqueArray(fc.integer({ min: 0, max: 99_999 }), { minLength: 12, maxLength: 160 }),
    b: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 160 }),
    seps: fc.array(fc.nat(), { minLength: 1, maxLength: 9 }),
    length: fc.integer({ min: guaranteedRun(DEFAULT_PARAMS), max: 80 }),
    from: fc.nat(),
    to: fc.nat(),
    upper: fc.boolean()
  })
  .map(({ a, b, seps, length, from, to, upper }) => {
    const wordsA = a.map((n) => `w${n.toString(36)}`)
    const len = Math.min(length, wordsA.length)
    const start = from % (wordsA.length - len + 1)
    const run = wordsA.slice(start, start + len).map((w) => (upper ? w.toUpperCase() : w))
    const own = b.map((n) => `x${n.toString(36)}`)
    const at = to % (own.length + 1)
    const wordsB = [...own.slice(0, at), ...run, ...own.slice(at)]
    const A = join(wordsA, seps)
    const B = join(wordsB, [...seps].reverse())
    return {
      A: A.text,
      B: B.text,
      inA: { start: A.at[start][0], end: A.at[start + len - 1][1] },
      inB: { start: B.at[at][0], end: B.at[at + len - 1][1] },
      len
    }
  })

const inBounds = (p: SharedPassage, a: string, b: string): boolean =>
  0 <= p.a.start &&
  p.a.start < p.a.end &&
  p.a.end <= a.length &&
  0 <= p.b.start &&
  p.b.start < p.b.end &&
  p.b.end <= b.length

describe('alignPair (properties)', () => {
  it('always finds a copied run of ≥ 12 words, with exact offsets in both', () => {
    fc.assert(
      fc.property(copiedRun, ({ A, B, inA, inB, len }) => {
        const found = alignPair(A, B)
        expect(found).toHaveLength(1)
        const [p] = found
        expect({ start: p.a.start, end: p.a.end }).toEqual(inA)
        expect({ start: p.b.start, end: p.b.end }).toEqual(inB)
        expect(p).toMatchObject({
          verbatim: true,
          identity: 1,
          a: { words: len },
          b: { words: len }
        })
      }),
      { numRuns: 300 }
    )
  })

  it('finds a run copied between texts of one small vocabulary; A vs B mirrors B vs A', () => {
    const VOCAB = Array.from({ length: 40 }, (_, i) => `v${i}`)
    const text = fc.array(fc.constantFrom(...VOCAB), { minLength: 12, maxLength: 150 })
    fc.assert(
      fc.property(
        text,
        fc.array(fc.constantFrom(...VOCAB), { maxLength: 150 }),
        fc.integer({ min: 12, max: 60 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        (wordsA, own, length, from, to, seps) => {
          const len = Math.min(length, wordsA.length)
          const start = from % (wordsA.length - len + 1)
          const at = to % (own.length + 1)
          const wordsB = [
            ...own.slice(0, at),
            ...wordsA.slice(start, start + len),
            ...own.slice(at)
          ]
          const A = join(wordsA, seps)
          const B = join(wordsB, seps)
          const inA = { start: A.at[start][0], end: A.at[start + len - 1][1] }
          const inB = { start: B.at[at][0], end: B.at[at + len - 1][1] }
          const ab = alignPair(A.text, B.text)
          const ba = alignPair(B.text, A.text)
          expect(ab).toEqual(sortPassages(ba.map(mirror)))
          for (const p of ab) expect(inBounds(p, A.text, B.text)).toBe(true)
          const holds = ab.some(
            (p) =>
              p.a.start <= inA.start &&
              inA.end <= p.a.end &&
              p.b.start <= inB.start &&
              inB.end <= p.b.end
          )
          expect(holds).toBe(true)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('never lets a passage cross the end of its document', () => {
    fc.assert(
      fc.property(copiedRun, copiedRun, (x, y) => {
        const docs = [
          { id: 'x', text: x.A },
          { id: 'y', text: x.B + y.A },
          { id: 'z', text: y.B }
        ]
        for (const d of docs)
          for (const pair of findSharedPassages(
            d,
            docs.filter((o) => o !== d)
          ))
            for (const p of pair.passages) {
              const other = docs.find((o) => o.id === pair.sha)!
              expect(inBounds(p, d.text, other.text)).toBe(true)
            }
      }),
      { numRuns: 100 }
    )
  })
})

describe('alignPair (cases)', () => {
  it.each([
    ['empty texts', '', ''],
    ['one empty text', 'one two three four five six seven eight nine ten eleven twelve', ''],
    ['eleven shared words are too few', 'a b c d e f g h i j k', 'a b c d e f g h i j k']
  ])('%s: nothing', (_n, a, b) => expect(alignPair(a, b)).toEqual([]))

  it('ignores case and accents, and says the words are the same', () => {
    const a = 'Le café de la gare ouvre à six heures et ferme à minuit tous les jours sauf le lundi'
    const b = 'LE CAFE DE LA GARE OUVRE A SIX HEURES ET FERME A MINUIT TOUS LES JOURS SAUF LE LUNDI'
    const [p] = alignPair(a, b)
    expect(p).toMatchObject({
      verbatim: true,
      a: { start: 0, end: a.length },
      b: { start: 0, end: b.length }
    })
  })
})
