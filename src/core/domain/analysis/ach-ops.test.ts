import { describe, expect, it } from 'vitest'
import { HEUER } from './ach-fixture'
import { applyAchOp, createAnalysis, type AchOp } from './ach-ops'

describe('operations on an analysis', () => {
  it('creates an empty analysis', () => {
    expect(createAnalysis({ id: 'x', title: 'T', now: '2024-05-01T00:00:00.000Z' })).toEqual({
      id: 'x',
      title: 'T',
      question: '',
      hypotheses: [],
      evidence: [],
      created: '2024-05-01T00:00:00.000Z',
      modified: '2024-05-01T00:00:00.000Z'
    })
  })

  it('removes a hypothesis with its ratings, and its inverse puts both back in place', () => {
    const at = '2024-06-01T00:00:00.000Z'
    const { analysis, inverse } = applyAchOp(HEUER, { type: 'removeHypothesis', id: 'H2', at })
    expect(analysis.hypotheses.map((h) => h.id)).toEqual(['H1', 'H3'])
    expect(analysis.evidence.every((r) => !('H2' in r.cells))).toBe(true)
    expect(analysis.modified).toBe(at)
    expect(inverse).toMatchObject({ type: 'addHypothesis', index: 1, at: HEUER.modified })
    expect(applyAchOp(analysis, inverse).analysis).toEqual(HEUER)
  })

  it('rates, clears and re-rates a cell', () => {
    const rate = (cell: { rating: 'II'; rationale: string } | null): AchOp => ({
      type: 'rate',
      evidenceId: 'E1',
      hypothesisId: 'H3',
      cell
    })
    const a = applyAchOp(HEUER, rate({ rating: 'II', rationale: 'why' }))
    expect(a.analysis.evidence[0].cells.H3).toEqual({ rating: 'II', rationale: 'why' })
    expect(a.inverse).toMatchObject({ type: 'rate', cell: { rating: 'C' } })
    const cleared = applyAchOp(a.analysis, rate(null))
    expect('H3' in cleared.analysis.evidence[0].cells).toBe(false)
  })

  const refused: [string, AchOp, string][] = [
    ['an unknown hypothesis', { type: 'renameHypothesis', id: 'H9', text: 'x' }, 'not-found'],
    ['an unknown row', { type: 'setRelevance', evidenceId: 'E9', relevance: 'high' }, 'not-found'],
    [
      'a cell of an unknown hypothesis',
      { type: 'rate', evidenceId: 'E1', hypothesisId: 'H9', cell: null },
      'not-found'
    ],
    [
      'a hypothesis id already used',
      { type: 'addHypothesis', hypothesis: { id: 'H1', text: 'again' } },
      'invalid-argument'
    ],
    [
      'a row id already used',
      { type: 'addEvidence', evidence: { ...HEUER.evidence[0] } },
      'invalid-argument'
    ],
    [
      'an override without a reason',
      {
        type: 'overrideCredibility',
        evidenceId: 'E1',
        override: { value: 2, rationale: '  ' }
      },
      'invalid-argument'
    ]
  ]
  it.each(refused)('refuses %s', (_name, op, code) => {
    expect(() => applyAchOp(HEUER, op)).toThrow(expect.objectContaining({ code }))
  })
})
