import { describe, expect, it } from 'vitest'
import type { GradeFilter } from '../../../shared/grade-filters'
import { filterOfKind, withBound } from './grade-filter-choice'

describe('filterOfKind', () => {
  it.each([
    ['all', null],
    ['reliability', { kind: 'reliability', min: 'A', max: 'B' }],
    ['credibility', { kind: 'credibility', min: 1, max: 3 }],
    ['ungraded', { kind: 'ungraded' }]
  ] as const)('%s → %j', (kind, expected) => {
    expect(filterOfKind(kind)).toEqual(expected)
  })
})

describe('withBound', () => {
  const AB: Extract<GradeFilter, { kind: 'reliability' }> = {
    kind: 'reliability',
    min: 'A',
    max: 'B'
  }
  const c13: Extract<GradeFilter, { kind: 'credibility' }> = { kind: 'credibility', min: 1, max: 3 }
  it.each([
    ['from C on A–B: the end follows', withBound(AB, 'min', 'C'), { min: 'C', max: 'C' }],
    ['to E on A–B', withBound(AB, 'max', 'E'), { min: 'A', max: 'E' }],
    ['from 2 on 1–3', withBound(c13, 'min', 2), { min: 2, max: 3 }],
    ['to 1 on 2–3: the start follows', withBound({ ...c13, min: 2 }, 'max', 1), { min: 1, max: 1 }]
  ])('%s', (_, got, expected) => {
    expect(got).toMatchObject(expected)
  })
})
