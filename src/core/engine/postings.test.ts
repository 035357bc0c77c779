import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gallop, lowerBound, lowestId, Postings } from './postings'

/** Sorted distinct ids. */
const idsArb = fc
  .uniqueArray(fc.nat(500), { maxLength: 60 })
  .map((a) => Uint32Array.from(a.sort((x, y) => x - y)))

/** The first position holding `id` or more, read through. */
const linear = (ids: Uint32Array, from: number, n: number, id: number): number => {
  let i = from
  while (i < n && ids[i] < id) i++
  return i
}

describe('searches in postings', () => {
  it('lowerBound and gallop find the same place as reading through', () => {
    fc.assert(
      fc.property(idsArb, fc.nat(520), fc.nat(70), (ids, id, from) => {
        const start = Math.min(from, ids.length)
        expect(lowerBound(ids, ids.length, id)).toBe(linear(ids, 0, ids.length, id))
        expect(gallop(ids, start, ids.length, id)).toBe(linear(ids, start, ids.length, id))
      })
    )
  })

  it('gallop visits candidates in order as a merge would', () => {
    fc.assert(
      fc.property(idsArb, idsArb, (long, candidates) => {
        const found: number[] = []
        for (let j = 0, i = 0; j < candidates.length && i < long.length; j++) {
          i = gallop(long, i, long.length, candidates[j])
          if (i < long.length && long[i] === candidates[j]) found.push(candidates[j])
        }
        expect(found).toEqual([...candidates].filter((c) => long.includes(c)))
      })
    )
  })

  it('lowestId keeps at least the wanted number of the newest postings, and no more than needed', () => {
    fc.assert(
      fc.property(
        fc.array(idsArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 100 }),
        (lists, want) => {
          const postings = lists.map((ids) => Postings.over(ids, new Uint8Array(ids.length)))
          const size = 501
          const from = (low: number): number =>
            lists.reduce((sum, ids) => sum + ids.filter((id) => id >= low).length, 0)
          const low = lowestId(postings, want, size)
          if (from(0) <= want) expect(low).toBe(0)
          else {
            expect(from(low)).toBeGreaterThanOrEqual(want)
            expect(from(low + 1)).toBeLessThan(want)
          }
        }
      )
    )
  })
})

describe('Postings', () => {
  it('pushes, appends runs short and long, and renumbers, keeping ids and frequencies together', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ run: fc.integer({ min: 1, max: 40 }), tf: fc.nat(300) }), {
          maxLength: 12
        }),
        fc.func(fc.boolean()),
        (runs, keep) => {
          const p = new Postings()
          const expected: [number, number][] = []
          let id = 0
          runs.forEach(({ run, tf }, r) => {
            if (r % 2 === 0)
              for (let i = 0; i < run; i++, id++) {
                p.push(id, tf + i)
                expected.push([id, Math.min(tf + i, 255)])
              }
            else {
              const ids = Uint32Array.from({ length: run + 3 }, (_, i) => id + i - 3)
              const tfs = Uint8Array.from({ length: run + 3 }, (_, i) => (tf + i) % 256)
              p.append(ids, tfs, 3, run)
              for (let i = 3; i < run + 3; i++) expected.push([ids[i], tfs[i]])
              id += run
            }
          })
          const read = (): [number, number][] =>
            Array.from({ length: p.n }, (_, i) => [p.ids[i], p.tfs[i]])
          expect(read()).toEqual(expected)
          // Renumbered: the entries kept get dense ids, in the same order.
          const map = new Int32Array(id).fill(-1)
          let next = 0
          for (let i = 0; i < id; i++) if (keep(i)) map[i] = next++
          p.renumber(map)
          expect(read()).toEqual(
            expected.filter(([i]) => map[i] >= 0).map(([i, tf]) => [map[i], tf])
          )
        }
      )
    )
  })

  it('over: postings that are views of larger arrays grow into arrays of their own', () => {
    const ids = Uint32Array.from([1, 4, 9, 100])
    const tfs = Uint8Array.from([1, 2, 3, 4])
    const p = Postings.over(ids.subarray(1, 3), tfs.subarray(1, 3))
    p.push(10, 7)
    expect([...p.ids.subarray(0, p.n)]).toEqual([4, 9, 10])
    expect([...p.tfs.subarray(0, p.n)]).toEqual([2, 3, 7])
    expect([...ids]).toEqual([1, 4, 9, 100])
  })
})
