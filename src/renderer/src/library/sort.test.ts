import { describe, expect, it } from 'vitest'
import type { DocumentMeta } from '../../../shared/model'
import { groupByOrigin, sortAndFilter } from './sort'

const doc = (id: string, importOrder: number, title = id): DocumentMeta =>
  ({ id, importOrder, title, published: null }) as unknown as DocumentMeta

describe('groupByOrigin', () => {
  it('puts documents of one origin together, the largest origin first, each in import order', () => {
    const docs = [doc('a', 1), doc('b', 2), doc('c', 3), doc('d', 4)]
    const originOf = new Map([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'b'],
      ['d', 'b']
    ])
    expect(groupByOrigin(docs, originOf).map((g) => [g.origin, g.docs.map((d) => d.id)])).toEqual([
      ['b', ['b', 'c', 'd']],
      ['a', ['a']]
    ])
  })
  it('treats a document no origin names as an origin of its own', () => {
    expect(groupByOrigin([doc('x', 2), doc('y', 1)], new Map()).map((g) => g.origin)).toEqual([
      'y',
      'x'
    ])
  })
  it('keeps the filter when grouping', () => {
    const shown = sortAndFilter([doc('a', 1, 'Harbour'), doc('b', 2, 'Tram')], 'origin', 'tram')
    expect(shown.map((d) => d.id)).toEqual(['b'])
  })
})
