import { describe, expect, it } from 'vitest'
import type { Cooccurrence, CooccurrenceScope } from '../../../shared/analysis'
import {
  cooccurrence,
  cooccurrencePassages,
  cooccurrenceTable,
  type CooccurrenceOptions
} from './cooccurrence'
import { ann, PARAGRAPHS, TAGS, WORKSPACE } from './fixture'
import { dateRange } from './input'

const NAMES: Record<string, string> = {
  a: 'Actors',
  l: 'Lazarus',
  s: 'State',
  c: 'Claims',
  f: 'Figures',
  m: 'Motive'
}
const pairs = (c: Cooccurrence): string[] =>
  c.pairs.map((p) => `${NAMES[p.a]}+${NAMES[p.b]}: ${p.count}`)
const options = (scope: CooccurrenceScope): CooccurrenceOptions => ({
  scope,
  paragraphsOf: (id) => PARAGRAPHS[id]
})

describe('co-occurrence on the hand-made workspace (see fixture.ts)', () => {
  const cases: { scope: CooccurrenceScope; expected: string[] }[] = [
    {
      // Highlights with two tags: h3 {Actors, Lazarus}, h1 {Lazarus, Motive}, h10 {State, Claims},
      // h5 and h7 {Figures, Motive}.
      scope: 'highlight',
      expected: ['Actors+Lazarus: 1', 'Lazarus+Motive: 1', 'State+Claims: 1', 'Figures+Motive: 2']
    },
    {
      // Those, plus h1 × h2 (Lazarus, Motive × State) and h6 × h7 (Lazarus × Motive, Figures);
      // h3 and h4 only touch.
      scope: 'overlap',
      expected: [
        'Actors+Lazarus: 1',
        'Lazarus+State: 1',
        'Lazarus+Figures: 1',
        'Lazarus+Motive: 2',
        'State+Claims: 1',
        'State+Motive: 1',
        'Figures+Motive: 2'
      ]
    },
    {
      // d1 ¶1 {Lazarus, Motive, State}, d1 ¶2 {Actors, Lazarus, Figures}, d2 ¶1 {Figures, Motive},
      // d2 ¶2 {Lazarus, Motive, Figures}, d3 ¶1 {Claims, State} (h8 is orphaned).
      scope: 'paragraph',
      expected: [
        'Actors+Lazarus: 1',
        'Actors+Figures: 1',
        'Lazarus+State: 1',
        'Lazarus+Figures: 2',
        'Lazarus+Motive: 2',
        'State+Claims: 1',
        'State+Motive: 1',
        'Figures+Motive: 2'
      ]
    }
  ]

  it.each(cases)('scope $scope', ({ scope, expected }) => {
    const c = cooccurrence(WORKSPACE, options(scope))
    expect(c.scope).toBe(scope)
    expect(pairs(c)).toEqual(expected)
  })

  it('lists the tags that co-occur in codebook order, and a symmetric table', () => {
    const c = cooccurrence(WORKSPACE, options('highlight'))
    expect(c.tags.map((t) => t.path)).toEqual([
      'Actors',
      'Actors/Lazarus',
      'Actors/State',
      'Claims',
      'Claims/Figures',
      'Motive'
    ])
    const t = cooccurrenceTable(c)
    expect(t.counts).toEqual([
      [0, 1, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 1],
      [0, 0, 0, 1, 0, 0],
      [0, 0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 2],
      [0, 1, 0, 0, 2, 0]
    ])
  })

  it("opens a cell's passages under each scope", () => {
    const hits = (scope: CooccurrenceScope, a: string, b: string) =>
      cooccurrencePassages(WORKSPACE, { a, b }, options(scope))
    expect(hits('highlight', 'f', 'm')).toEqual([
      { docId: 'd2', annotationIds: ['h5'] },
      { docId: 'd2', annotationIds: ['h7'] }
    ])
    expect(hits('overlap', 'm', 'l')).toEqual([
      { docId: 'd1', annotationIds: ['h1'] },
      { docId: 'd2', annotationIds: ['h6', 'h7'] }
    ])
    expect(hits('paragraph', 'l', 'f')).toEqual([
      { docId: 'd1', annotationIds: ['h3', 'h4'], range: { start: 100, end: 200 } },
      { docId: 'd2', annotationIds: ['h6', 'h7'], range: { start: 50, end: 120 } }
    ])
    expect(hits('highlight', 'a', 'a')).toEqual([])
    expect(hits('highlight', 'a', 'nope')).toEqual([])
  })

  it('counts a highlight spanning two paragraphs in both, and a filter leaves passages out', () => {
    const input = {
      ...WORKSPACE,
      annotations: [
        ann('x', 'd2', 40, 70, ['s']),
        ann('y', 'd2', 10, 20, ['c']),
        ann('z', 'd2', 65, 66, ['c'])
      ]
    }
    expect(pairs(cooccurrence(input, options('paragraph')))).toEqual(['State+Claims: 2'])
    expect(pairs(cooccurrence(input, options('overlap')))).toEqual(['State+Claims: 1'])
    const recent = { ...options('paragraph'), include: dateRange({ from: '2024-02-01' }) }
    expect(pairs(cooccurrence(WORKSPACE, recent))).toEqual([
      'Actors+Lazarus: 1',
      'Actors+Figures: 1',
      'Lazarus+State: 1',
      'Lazarus+Figures: 1',
      'Lazarus+Motive: 1',
      'State+Motive: 1'
    ])
    expect(TAGS).toHaveLength(6)
  })
})

describe('co-occurrence in a large codebook', () => {
  it('counts the same with more than 1,024 tags (a map in place of the flat table)', () => {
    const many = Array.from({ length: 1100 }, (_, i) => ({
      id: `x${i}`,
      name: `Extra ${i}`,
      parent: null,
      color: '#000000',
      description: ''
    }))
    for (const scope of ['highlight', 'overlap', 'paragraph'] as const) {
      const small = cooccurrence(WORKSPACE, options(scope))
      const large = cooccurrence({ ...WORKSPACE, tags: [...TAGS, ...many] }, options(scope))
      expect(large.pairs).toEqual(small.pairs)
    }
  })
})
