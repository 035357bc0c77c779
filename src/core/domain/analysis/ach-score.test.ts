import { describe, expect, it } from 'vitest'
import type { AchCredibility, AchEvidence, AchResult, Relevance } from '../../../shared/analysis'
import { analysis, HEUER, row } from './ach-fixture'
import { credibilityOf, rowWeight, scoreAnalysis, type AchContext } from './ach-score'

const byId = (r: AchResult): Record<string, number> =>
  Object.fromEntries(r.scores.map((s) => [s.hypothesisId, s.weighted]))
const H2 = [
  ['H1', 'One'],
  ['H2', 'Two']
] as const
const two = ['H1', 'H2']

describe("Heuer's worked example (chapter 8)", () => {
  const result = scoreAnalysis(HEUER)

  it('scores inconsistency: H1 has three rows against it (−1 −1 −2), H3 two, H2 none', () => {
    expect(result.scores).toEqual([
      { hypothesisId: 'H1', weighted: -4, unweighted: -4, inconsistent: 2, veryInconsistent: 1 },
      { hypothesisId: 'H2', weighted: 0, unweighted: 0, inconsistent: 0, veryInconsistent: 0 },
      { hypothesisId: 'H3', weighted: -2, unweighted: -2, inconsistent: 2, veryInconsistent: 0 }
    ])
    expect(result.ranking).toEqual(['H2', 'H3', 'H1'])
  })

  it('puts the most diagnostic rows first: E6 (−− against +), then E2–E5, and E1 (no value) last', () => {
    expect(result.rows.map((r) => [r.evidenceId, r.diagnosticity, r.weight])).toEqual([
      ['E1', 0, 1],
      ['E2', 2, 1],
      ['E3', 2, 1],
      ['E4', 2, 1],
      ['E5', 2, 1],
      ['E6', 3, 1]
    ])
    expect(result.diagnosticOrder).toEqual(['E6', 'E2', 'E3', 'E4', 'E5', 'E1'])
  })

  it('is not sensitive to any single row: H2 leads whichever row is removed', () => {
    expect(result.sensitivity).toEqual({ leader: ['H2'], rows: [], origins: [] })
  })

  it('weighs rows once credibility and relevance are set (our weighting, not the book’s)', () => {
    // The radio broadcasts and embassy instructions confirmed (1) and highly relevant (weight 2
    // each); the loss-of-face assumption of low relevance (1/√2); the absence of a Gulf War
    // offensive doubtful (4: 1/√2); the assumption about provoking the US highly relevant (√2).
    const set = (id: string, relevance: Relevance, credibility?: AchCredibility): AchEvidence => {
      const r = HEUER.evidence.find((e) => e.id === id) as AchEvidence
      return {
        ...r,
        relevance,
        credibility: credibility ? { value: credibility, rationale: 'test' } : null
      }
    }
    const weighted = {
      ...HEUER,
      evidence: [
        HEUER.evidence[0],
        set('E2', 'medium', 4),
        set('E3', 'high'),
        set('E4', 'high', 1),
        set('E5', 'high', 1),
        set('E6', 'low')
      ]
    }
    const r = scoreAnalysis(weighted)
    // H1: −2 −2 −2/√2 = −4 − √2; H3: −1/√2 − √2 = −3/√2.
    expect(byId(r).H1).toBeCloseTo(-4 - Math.SQRT2, 9)
    expect(byId(r).H3).toBeCloseTo(-3 / Math.SQRT2, 9)
    expect(byId(r).H2).toBe(0)
    expect(r.scores[0].unweighted).toBe(-4)
    // Among rows of equal diagnosticity, the heavier first.
    expect(r.diagnosticOrder).toEqual(['E6', 'E4', 'E5', 'E3', 'E2', 'E1'])
  })
})

describe('the weights', () => {
  const cases: [Relevance, AchCredibility | null, number][] = [
    ['low', 5, 0.5],
    ['low', 4, 0.5],
    ['low', 2, 1],
    ['medium', null, 1],
    ['medium', 3, 1],
    ['medium', 6, 1],
    ['medium', 4, Math.SQRT1_2],
    ['high', 6, Math.SQRT2],
    ['high', 1, 2]
  ]
  it.each(cases)('relevance %s, credibility %s: %d', (relevance, credibility, weight) => {
    expect(rowWeight(relevance, credibility)).toBeCloseTo(weight, 12)
  })

  it('takes credibility from the grade unless the analyst overrode it', () => {
    const r = row('E1', 'I N', two)
    const ctx: AchContext = { gradeOf: () => 2 }
    expect(credibilityOf(r, ctx)).toBe(2)
    expect(credibilityOf({ ...r, credibility: { value: 5, rationale: 'a rumour' } }, ctx)).toBe(5)
    expect(credibilityOf(r)).toBeNull()
  })

  it('lets weights change the ranking: one II on a strong row outweighs three I on weak ones', () => {
    const strong = (id: string, ratings: string): AchEvidence => ({
      ...row(id, ratings, two, { relevance: 'high' }),
      credibility: { value: 1, rationale: 'seen' }
    })
    const weak = (id: string, ratings: string): AchEvidence => ({
      ...row(id, ratings, two, { relevance: 'low' }),
      credibility: { value: 5, rationale: 'rumour' }
    })
    const a = analysis(H2, [
      strong('E1', 'II C'),
      weak('E2', 'C I'),
      weak('E3', 'C I'),
      weak('E4', 'C I')
    ])
    const r = scoreAnalysis(a)
    expect(r.scores.map((s) => [s.weighted, s.unweighted])).toEqual([
      [-4, -2],
      [-1.5, -3]
    ])
    expect(r.ranking).toEqual(['H2', 'H1'])
  })

  it('scores unrated cells and NA as nothing, and leaves NA out of diagnosticity', () => {
    const a = analysis(
      [...H2, ['H3', 'Three']],
      [row('E1', 'CC NA II', [...two, 'H3']), row('E2', 'I - NA', [...two, 'H3'])]
    )
    const r = scoreAnalysis(a)
    expect(byId(r)).toEqual({ H1: -1, H2: 0, H3: -2 })
    expect(r.rows.map((x) => x.diagnosticity)).toEqual([4, 0])
  })
})

describe('origins and sensitivity', () => {
  // Three rows from one press release (origin O) against H1, and three independent rows
  // against H2.
  const a = analysis(H2, [
    row('R1', 'II C', two),
    row('R2', 'II C', two),
    row('R3', 'II C', two),
    row('R4', 'C I', two),
    row('R5', 'C I', two),
    row('R6', 'C I', two)
  ])
  const origin: Record<string, string> = { R1: 'O', R2: 'O', R3: 'O', R4: 'P', R5: 'Q' }
  const originOf = (r: AchEvidence): string | null => origin[r.id] ?? null

  it('marks rows of one origin, and finds the origin whose removal alone changes the leader', () => {
    const r = scoreAnalysis(a, { originOf })
    expect(byId(r)).toEqual({ H1: -6, H2: -3 })
    expect(r.foldedOrigins).toBe(false)
    expect(r.rows[0]).toMatchObject({ origin: 'O', sameOrigin: ['R2', 'R3'] })
    expect(r.rows[5]).toMatchObject({ origin: null, sameOrigin: [] })
    // No single row changes the leader (H1 would still be at −4); the origin O does.
    expect(r.sensitivity).toEqual({
      leader: ['H2'],
      rows: [],
      origins: [{ origin: 'O', evidenceIds: ['R1', 'R2', 'R3'], leader: ['H1'] }]
    })
  })

  it('counts each origin once when asked, which here changes the leader', () => {
    const r = scoreAnalysis(a, { originOf, foldOrigins: true })
    expect(r.foldedOrigins).toBe(true)
    expect(byId(r)).toEqual({ H1: -2, H2: -3 })
    expect(r.scores[0]).toMatchObject({ unweighted: -2, veryInconsistent: 1 })
    expect(r.ranking).toEqual(['H1', 'H2'])
    // Now any one of the independent rows against H2 would tie the two.
    expect(r.sensitivity.rows).toEqual(
      ['R4', 'R5', 'R6'].map((evidenceId) => ({ evidenceId, leader: ['H1', 'H2'] }))
    )
    expect(r.sensitivity.origins.map((o) => o.origin)).toEqual(['P', 'Q'])
  })

  it('folds an origin to its strongest row on each hypothesis', () => {
    const heavy: AchEvidence = {
      ...row('R1', 'II C', two, { relevance: 'high' }),
      credibility: { value: 1, rationale: 'the release itself' }
    }
    const echo = {
      ...row('R2', 'II I', two),
      credibility: { value: 4 as const, rationale: 'copy' }
    }
    const r = scoreAnalysis(analysis(H2, [heavy, echo]), {
      originOf: () => 'O',
      foldOrigins: true
    })
    // H1: the release's −2 × 2; H2: the echo's −1 × 1/√2 (the release is consistent with H2).
    expect(byId(r).H1).toBe(-4)
    expect(byId(r).H2).toBeCloseTo(-Math.SQRT1_2, 9)
  })

  it('finds a single row whose removal changes the leader', () => {
    const b = analysis(H2, [row('E1', 'I N', two), row('E2', 'N II', two), row('E3', 'C C', two)])
    const r = scoreAnalysis(b)
    expect(r.ranking).toEqual(['H1', 'H2'])
    expect(r.sensitivity).toEqual({
      leader: ['H1'],
      rows: [{ evidenceId: 'E2', leader: ['H2'] }],
      origins: []
    })
  })

  it('has no leader without hypotheses, and all tied without evidence', () => {
    expect(scoreAnalysis(analysis([], [])).sensitivity.leader).toEqual([])
    expect(scoreAnalysis(analysis(H2, [])).sensitivity.leader).toEqual(['H1', 'H2'])
  })
})
