import { describe, expect, it } from 'vitest'
import type {
  DocumentGrades,
  HighlightGrades,
  ProvenanceFlagKind,
  Source,
  SourceKind
} from '../../../shared/reliability'
import { ungraded } from '../../../shared/reliability'
import { effectiveGrade } from './effective'
import {
  clearGrade,
  defaultReliability,
  gradeCredibility,
  gradeSource,
  overrideReliability,
  removeOverride,
  setGrade
} from './grades'

const stamp = { setBy: 'analyst', setAt: '2026-01-02T03:04:05.000Z' }
const source = (): Source => ({
  id: 's1',
  name: 'Harbour Gazette',
  aliases: [],
  kind: 'news-outlet',
  notes: '',
  reliability: ungraded()
})
const doc = (): DocumentGrades => ({
  sourceId: 's1',
  reliabilityOverride: ungraded(),
  credibility: ungraded()
})
const highlight = (): HighlightGrades => ({ credibility: ungraded() })

describe('grade history', () => {
  it('keeps every earlier grade, oldest first, also when cleared', () => {
    let g = ungraded<string>()
    g = setGrade(g, { value: 'B', rationale: 'first', ...stamp })
    g = setGrade(g, { value: 'C', rationale: 'second', ...stamp })
    g = clearGrade(g)
    g = setGrade(g, { value: 'A', rationale: 'third', ...stamp })
    expect(g.current?.value).toBe('A')
    expect(g.history.map((h) => h.rationale)).toEqual(['first', 'second'])
  })

  it('records who set a grade, when and why', () => {
    const s = gradeSource(source(), 'B', '  long record  ', stamp)
    expect(s.reliability.current).toEqual({ value: 'B', rationale: 'long record', ...stamp })
  })

  it.each([
    ['reliability G', () => gradeSource(source(), 'G' as 'A', '', stamp), /A to F/],
    ['credibility 7', () => gradeCredibility(doc(), 7 as 1, '', stamp), /1 to 6/],
    [
      'an override without rationale',
      () => overrideReliability(doc(), 'A', '  ', stamp),
      /rationale/
    ]
  ])('refuses %s', (_name, fn, message) => expect(fn).toThrow(message))
})

describe('effective grade: source → document → highlight', () => {
  const graded = {
    source: gradeSource(source(), 'B', '', stamp),
    doc: gradeCredibility(doc(), 3, '', stamp),
    override: overrideReliability(doc(), 'D', 'this piece has no byline', stamp),
    hl: gradeCredibility(highlight(), 1, 'two origins', stamp)
  }
  const cases: {
    name: string
    input: Parameters<typeof effectiveGrade>[0]
    badge: string
    from: [string | null, string | null]
    ungraded?: boolean
  }[] = [
    {
      name: 'nothing graded',
      input: { source: source(), document: doc() },
      badge: '–',
      from: [null, null],
      ungraded: true
    },
    {
      name: 'no source at all',
      input: { source: null, document: doc() },
      badge: '–',
      from: [null, null],
      ungraded: true
    },
    {
      name: 'source only',
      input: { source: graded.source, document: doc() },
      badge: 'B–',
      from: ['source', null]
    },
    {
      name: 'source and document',
      input: { source: graded.source, document: graded.doc },
      badge: 'B3',
      from: ['source', 'document']
    },
    {
      name: 'document overrides its source',
      input: {
        source: graded.source,
        document: { ...graded.override, credibility: graded.doc.credibility }
      },
      badge: 'D3',
      from: ['document', 'document']
    },
    {
      name: 'override without a graded source',
      input: { source: source(), document: graded.override },
      badge: 'D–',
      from: ['document', null]
    },
    {
      name: 'highlight inherits the document',
      input: { source: graded.source, document: graded.doc, highlight: highlight() },
      badge: 'B3',
      from: ['source', 'document']
    },
    {
      name: 'highlight has its own credibility',
      input: { source: graded.source, document: graded.doc, highlight: graded.hl },
      badge: 'B1',
      from: ['source', 'highlight']
    },
    {
      name: 'F6 is graded, not ungraded',
      input: {
        source: gradeSource(source(), 'F', '', stamp),
        document: gradeCredibility(doc(), 6, '', stamp)
      },
      badge: 'F6',
      from: ['source', 'document']
    },
    {
      name: 'a removed override falls back to the source',
      input: { source: graded.source, document: removeOverride(graded.override) },
      badge: 'B–',
      from: ['source', null]
    }
  ]
  it.each(cases)('$name → $badge', ({ input, badge, from, ungraded: isUngraded }) => {
    const g = effectiveGrade(input)
    expect(g.badge).toBe(badge)
    expect([g.reliabilityFrom, g.credibilityFrom]).toEqual(from)
    expect(g.ungraded).toBe(isUngraded ?? false)
  })

  it('keeps the override in the history when it is removed', () => {
    const d = removeOverride(graded.override)
    expect(d.reliabilityOverride.history[0].rationale).toBe('this piece has no byline')
  })
})

describe('defaultReliability', () => {
  const cases: [SourceKind, ProvenanceFlagKind[], string | null][] = [
    ['ai-generated', [], 'F'],
    ['news-outlet', ['ai-generated'], 'F'],
    ['news-outlet', ['summary'], null],
    ['government', [], null]
  ]
  it.each(cases)('%s with %j → %s', (kind, flags, value) => {
    const given = flags.map((k) => ({ kind: k, evidence: [] }))
    expect(defaultReliability(kind, given)?.value ?? null).toBe(value)
  })
})
