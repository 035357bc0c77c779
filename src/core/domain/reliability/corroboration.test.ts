import { describe, expect, it } from 'vitest'
import type { PassageRow } from './corroboration'
import { carriersOf, corroboration, passagesAndOrigins } from './corroboration'

// Documents a–f; a, b and c derive from one press release (origin a); d and e are one origin.
const originOf = new Map([
  ['a', 'a'],
  ['b', 'a'],
  ['c', 'a'],
  ['d', 'd'],
  ['e', 'd'],
  ['f', 'f']
])

describe('corroboration: the two-origins rule', () => {
  const cases: {
    name: string
    doc: string
    carriers: string[]
    origins: string[]
    confirmed: boolean
  }[] = [
    { name: 'nobody else carries it', doc: 'a', carriers: [], origins: [], confirmed: false },
    {
      name: 'two copies of one origin never confirm each other',
      doc: 'a',
      carriers: ['b', 'c'],
      origins: [],
      confirmed: false
    },
    {
      name: 'one independent origin is not enough',
      doc: 'a',
      carriers: ['b', 'd'],
      origins: ['d'],
      confirmed: false
    },
    {
      name: 'two documents of one other origin count once',
      doc: 'a',
      carriers: ['d', 'e'],
      origins: ['d'],
      confirmed: false
    },
    {
      name: 'two independent origins suggest credibility 1',
      doc: 'a',
      carriers: ['d', 'f'],
      origins: ['d', 'f'],
      confirmed: true
    },
    {
      name: 'its own document is not a carrier',
      doc: 'd',
      carriers: ['d', 'a', 'f'],
      origins: ['a', 'f'],
      confirmed: true
    },
    {
      name: 'a document with no known origin is its own',
      doc: 'a',
      carriers: ['x', 'y'],
      origins: ['x', 'y'],
      confirmed: true
    },
    {
      name: 'repeated carriers count once',
      doc: 'f',
      carriers: ['a', 'a', 'b'],
      origins: ['a'],
      confirmed: false
    }
  ]
  it.each(cases)('$name', ({ doc, carriers, origins, confirmed }) => {
    const c = corroboration(doc, carriers, originOf)
    expect(c.origins).toEqual(origins)
    expect(c.suggestsConfirmed).toBe(confirmed)
  })

  it('lists the same-origin documents apart', () => {
    expect(corroboration('a', ['b', 'd'], originOf)).toEqual({
      documents: ['b', 'd'],
      origins: ['d'],
      sameOrigin: ['b'],
      suggestsConfirmed: false
    })
  })
})

describe('corroboration of aligned copies', () => {
  // No confirmed origins: a–f are each their own; copies derive from one another until rejected.
  const alone = new Map<string, string>()
  const rejected = (...pairs: [string, string][]): { rejected: Set<string> } => ({
    rejected: new Set(pairs.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]))
  })
  it.each([
    { name: 'copies not yet judged repeat the passage', pairs: [], origins: [], same: ['b', 'c'] },
    {
      name: 'rejected from the passage, but not from each other: one origin',
      pairs: [
        ['a', 'b'],
        ['a', 'c']
      ] as [string, string][],
      origins: ['b'],
      same: []
    },
    {
      name: 'rejected from the passage and from each other: two, a confirmation',
      pairs: [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c']
      ] as [string, string][],
      origins: ['b', 'c'],
      same: []
    },
    {
      name: 'only one rejected from the passage',
      pairs: [
        ['a', 'b'],
        ['b', 'c']
      ] as [string, string][],
      origins: ['b'],
      same: ['c']
    }
  ])('$name', ({ pairs, origins, same }) => {
    const c = corroboration('a', ['b', 'c'], alone, rejected(...pairs))
    expect(c.origins).toEqual(origins)
    expect(c.sameOrigin).toEqual(same)
    expect(c.suggestsConfirmed).toBe(origins.length >= 2)
  })
  it('a highlight linked as the same claim counts by its origin, copy or not of the others', () => {
    const c = corroboration('a', ['b', 'f'], alone, {
      rejected: new Set(),
      claimed: new Set(['f'])
    })
    expect(c.origins).toEqual(['f'])
    expect(c.sameOrigin).toEqual(['b'])
    const both = corroboration('a', ['d', 'f'], originOf, {
      rejected: new Set(),
      claimed: new Set(['d', 'f'])
    })
    expect(both.origins).toEqual(['d', 'f'])
    expect(both.suggestsConfirmed).toBe(true)
  })
  it('two documents of one confirmed origin count once, rejections or not', () => {
    const c = corroboration('a', ['d', 'e'], originOf, rejected(['a', 'd'], ['a', 'e'], ['d', 'e']))
    expect(c.origins).toEqual(['d'])
  })
})

describe('carriersOf', () => {
  const row = (other: string, start: number, end: number, boilerplate = false): PassageRow => ({
    docId: 'a',
    start,
    end,
    otherDocId: other,
    otherStart: 0,
    otherEnd: end - start,
    boilerplate
  })
  const rows = [row('b', 100, 200), row('d', 150, 400), row('e', 0, 20), row('f', 100, 200, true)]
  it.each([
    ['inside one passage', 120, 180, ['b', 'd']],
    ['mostly outside the passage', 190, 300, ['d']],
    ['touching only', 20, 100, []],
    ['boilerplate carries nothing', 100, 110, ['b']]
  ] as const)('%s', (_n, start, end, want) => {
    expect(carriersOf({ docId: 'a', start, end }, rows)).toEqual(want)
  })
})

it('counts passages and origins for Themes', () => {
  const ps = ['a', 'b', 'c', 'd', 'f'].map((docId) => ({ docId }))
  expect(passagesAndOrigins(ps, originOf)).toEqual({ passages: 5, origins: 3 })
})
