import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { EntryInfo } from './entries'
import { kthLargest, top } from './top-k'

describe('kthLargest', () => {
  it('is the k-th value of a full sort, largest first, on any array (ties included)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true }).map((x) => x + 0),
            fc.integer({ min: 0, max: 5 })
          ),
          {
            minLength: 1,
            maxLength: 300
          }
        ),
        fc.nat(),
        (values, pick) => {
          const k = 1 + (pick % values.length)
          const sorted = [...values].sort((a, b) => b - a)
          expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[k - 1])
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('top', () => {
  it('picks the same best k as a full sort, by score, then document, start and kind', () => {
    const entry = fc.record({
      score: fc.integer({ min: 0, max: 8 }).map((s) => s / 4),
      doc: fc.constantFrom('a', 'b', 'c'),
      start: fc.nat(50),
      kind: fc.nat(1)
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 700 }), fc.integer({ min: 1, max: 60 }), (es, k) => {
        const entries = { info: (id: number): EntryInfo => ({ ...es[id], end: 0 }) }
        // Positions are not ids: matches list their entries in any order.
        const order = es.map((_, i) => i).reverse()
        const matches = {
          count: es.length,
          ids: Uint32Array.from(order),
          scores: Float64Array.from(order, (id) => es[id].score)
        }
        const key = (id: number): string => {
          const e = es[id]
          return `${e.score}|${e.doc}|${e.start}|${e.kind}`
        }
        const expected = [...order]
          .sort(
            (x, y) =>
              es[y].score - es[x].score ||
              (es[x].doc < es[y].doc ? -1 : es[x].doc > es[y].doc ? 1 : 0) ||
              es[x].start - es[y].start ||
              es[x].kind - es[y].kind
          )
          .slice(0, k)
          .map(key)
        expect(top(matches, k, entries).map((i) => key(matches.ids[i]))).toEqual(expected)
      }),
      { numRuns: 200 }
    )
  })
})
