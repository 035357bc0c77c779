import { describe, expect, it } from 'vitest'
import {
  extractGradeFilters,
  gradeFilterLabel,
  gradeFilterQuery,
  matchesGradeFilter,
  parseGradeFilter
} from './grade-filters'

describe('parseGradeFilter', () => {
  it.each([
    ['reliability:A-B', { kind: 'reliability', min: 'A', max: 'B' }],
    ['reliability:b', { kind: 'reliability', min: 'B', max: 'B' }],
    ['Reliability:C-A', { kind: 'reliability', min: 'A', max: 'C' }],
    ['rel:E–F', { kind: 'reliability', min: 'E', max: 'F' }],
    ['credibility:1-3', { kind: 'credibility', min: 1, max: 3 }],
    ['cred:6', { kind: 'credibility', min: 6, max: 6 }],
    ['credibility:4-2', { kind: 'credibility', min: 2, max: 4 }],
    ['ungraded', { kind: 'ungraded' }],
    ['UNGRADED', { kind: 'ungraded' }]
  ])('%s', (token, filter) => expect(parseGradeFilter(token)).toEqual({ ok: true, filter }))

  it.each([
    'reliability:G',
    'reliability:',
    'reliability:A-B-C',
    'credibility:0-3',
    'credibility:7',
    'cred:x',
    'credibility:1.5'
  ])('%s is an error a person can act on', (token) => {
    const p = parseGradeFilter(token)
    expect(p?.ok).toBe(false)
    if (p && !p.ok) expect(p.error).toMatch(/ takes a /)
  })

  it.each(['tag:x', 'reliable', 'port', 'doc:1'])('%s is not a grade filter', (token) =>
    expect(parseGradeFilter(token)).toBeNull()
  )
})

describe('matchesGradeFilter', () => {
  const B2 = { reliability: 'B', credibility: 2 } as const
  const none = { reliability: null, credibility: null }
  const F6 = { reliability: 'F', credibility: 6 } as const
  const onlyC = { reliability: 'C', credibility: null } as const
  it.each([
    ['reliability:A-B', B2, true],
    ['reliability:C-F', B2, false],
    ['reliability:A-F', none, false],
    ['reliability:F', F6, true],
    ['reliability:A-E', F6, false],
    ['credibility:1-3', B2, true],
    ['credibility:1-5', F6, false],
    ['credibility:1-6', onlyC, false],
    ['ungraded', none, true],
    ['ungraded', onlyC, false],
    ['ungraded', F6, false]
  ] as const)('%s on %j → %s', (token, grade, expected) => {
    const p = parseGradeFilter(token)
    if (!p?.ok) throw new Error('not parsed')
    expect(matchesGradeFilter(p.filter, grade)).toBe(expected)
  })
})

describe('extractGradeFilters', () => {
  it('takes the grade filters out of a query and leaves the rest', () => {
    expect(extractGradeFilters('port reliability:a-b  ransom credibility:9 ungraded')).toEqual({
      filters: [{ kind: 'reliability', min: 'A', max: 'B' }, { kind: 'ungraded' }],
      rest: 'port ransom',
      errors: [expect.stringMatching(/credibility/)]
    })
  })
})

describe('gradeFilterLabel', () => {
  it.each([
    [{ kind: 'reliability', min: 'A', max: 'B' }, 'reliability A–B'],
    [{ kind: 'credibility', min: 2, max: 2 }, 'credibility 2'],
    [{ kind: 'credibility', min: 1, max: 3 }, 'credibility 1–3'],
    [{ kind: 'ungraded' }, 'ungraded']
  ] as const)('%j → %s', (filter, expected) => {
    expect(gradeFilterLabel(filter)).toBe(expected)
  })
})

describe('gradeFilterQuery', () => {
  it.each([
    [{ kind: 'reliability', min: 'A', max: 'B' }, 'reliability:A-B'],
    [{ kind: 'credibility', min: 2, max: 2 }, 'credibility:2'],
    [{ kind: 'ungraded' }, 'ungraded']
  ] as const)('%j is written %s, and read back the same', (filter, query) => {
    expect(gradeFilterQuery(filter)).toBe(query)
    expect(parseGradeFilter(query)).toEqual({ ok: true, filter })
  })
})
