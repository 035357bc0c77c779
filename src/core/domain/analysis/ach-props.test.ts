import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ACH_RATINGS,
  RELEVANCES,
  type AchAnalysis,
  type AchCell,
  type AchCredibility,
  type AchEvidence,
  type CredibilityOverride
} from '../../../shared/analysis'
import { applyAchOp, createAnalysis, type AchOp } from './ach-ops'
import { scoreAnalysis, type AchContext } from './ach-score'

const text = fc.string({ maxLength: 12 })
const at = fc.option(
  fc.integer({ min: 0, max: 10 ** 12 }).map((n) => new Date(n).toISOString()),
  { nil: undefined }
)
const cell: fc.Arbitrary<AchCell> = fc.record(
  { rating: fc.constantFrom(...ACH_RATINGS), rationale: text },
  { requiredKeys: ['rating'] }
)
const credibility = fc.constantFrom<AchCredibility>(1, 2, 3, 4, 5, 6)
const override: fc.Arbitrary<CredibilityOverride | null> = fc.option(
  fc.record({ value: credibility, rationale: fc.constant('because') }),
  { nil: null }
)

function evidence(id: string, hypothesisIds: readonly string[]): fc.Arbitrary<AchEvidence> {
  const cells = fc
    .array(fc.option(cell, { nil: undefined }), {
      minLength: hypothesisIds.length,
      maxLength: hypothesisIds.length
    })
    .map((cs) => {
      const out: Record<string, AchCell> = {}
      cs.forEach((c, i) => c && (out[hypothesisIds[i]] = c))
      return out
    })
  const base = { relevance: fc.constantFrom(...RELEVANCES), credibility: override, cells }
  return fc.oneof(
    fc
      .record({
        ...base,
        kind: fc.constantFrom('assumption' as const, 'absence' as const, 'other' as const),
        text
      })
      .map((r) => ({ id, ...r })),
    fc
      .record({ ...base, text })
      .map((r) => ({ id, kind: 'highlight' as const, annotationId: `a-${id}`, docId: 'd1', ...r }))
  )
}

const analysisArb: fc.Arbitrary<AchAnalysis> = fc
  .record({ h: fc.integer({ min: 0, max: 5 }), e: fc.integer({ min: 0, max: 7 }) })
  .chain(({ h, e }) => {
    const hids = Array.from({ length: h }, (_, i) => `h${i}`)
    return fc.record({
      hypotheses: fc.tuple(...hids.map((id) => text.map((t) => ({ id, text: t })))),
      evidence: fc.tuple(...Array.from({ length: e }, (_, i) => evidence(`e${i}`, hids))),
      title: text,
      question: text
    })
  })
  .map((r) => ({
    ...createAnalysis({
      id: 'a1',
      title: r.title,
      question: r.question,
      now: '2024-01-01T00:00:00.000Z'
    }),
    hypotheses: r.hypotheses,
    evidence: r.evidence
  }))

/** Origins: a few shared, some rows with none. */
const originOf = (r: AchEvidence): string | null => ['o1', 'o2', null][Number(r.id.slice(1)) % 3]
const contexts: AchContext[] = [{}, { originOf }, { originOf, foldOrigins: true, gradeOf: () => 2 }]

/** An operation that applies to the analysis. */
function opFor(a: AchAnalysis): fc.Arbitrary<AchOp> {
  const hids = a.hypotheses.map((h) => h.id)
  const eids = a.evidence.map((r) => r.id)
  const ops: fc.Arbitrary<AchOp>[] = [
    fc.record({ type: fc.constant('describe' as const), title: text, question: text, at }),
    fc.record({
      type: fc.constant('addHypothesis' as const),
      hypothesis: text.map((t) => ({ id: 'hNew', text: t })),
      index: fc.option(fc.integer({ min: -1, max: hids.length + 1 }), { nil: undefined }),
      at
    }),
    evidence('eNew', hids).chain((e) =>
      fc.record({
        type: fc.constant('addEvidence' as const),
        evidence: fc.constant(e),
        index: fc.option(fc.integer({ min: 0, max: eids.length }), { nil: undefined }),
        at
      })
    )
  ]
  if (hids.length) {
    const h = fc.constantFrom(...hids)
    ops.push(
      fc.record({ type: fc.constant('renameHypothesis' as const), id: h, text, at }),
      fc.record({ type: fc.constant('removeHypothesis' as const), id: h, at })
    )
  }
  if (eids.length) {
    const e = fc.constantFrom(...eids)
    ops.push(
      fc.record({ type: fc.constant('removeEvidence' as const), id: e, at }),
      fc.record({
        type: fc.constant('setRelevance' as const),
        evidenceId: e,
        relevance: fc.constantFrom(...RELEVANCES),
        at
      }),
      fc.record({ type: fc.constant('overrideCredibility' as const), evidenceId: e, override, at })
    )
    if (hids.length)
      ops.push(
        fc.record({
          type: fc.constant('rate' as const),
          evidenceId: e,
          hypothesisId: fc.constantFrom(...hids),
          cell: fc.option(cell, { nil: null }),
          at
        })
      )
  }
  return fc.oneof(...ops)
}

const withOp = analysisArb.chain((a) => fc.tuple(fc.constant(a), opFor(a)))

describe('ACH properties', () => {
  it('undo(op(x)) is x, and redo gives op(x) again, for every operation', () => {
    fc.assert(
      fc.property(withOp, ([a, op]) => {
        const frozen = structuredClone(a)
        const done = applyAchOp(a, op)
        expect(a).toEqual(frozen) // The old analysis is never changed.
        const undone = applyAchOp(done.analysis, done.inverse)
        expect(undone.analysis).toEqual(a)
        expect(applyAchOp(undone.analysis, undone.inverse).analysis).toEqual(done.analysis)
      }),
      { numRuns: 500 }
    )
  })

  it('adding a row rated N everywhere changes no score', () => {
    fc.assert(
      fc.property(
        analysisArb,
        fc.constantFrom(...RELEVANCES),
        override,
        fc.nat(3),
        fc.nat(2),
        (a, relevance, cred, at, c) => {
          const neutral: AchEvidence = {
            id: `e${10 + at}`,
            kind: 'other',
            text: 'neutral',
            relevance,
            credibility: cred,
            cells: Object.fromEntries(a.hypotheses.map((h) => [h.id, { rating: 'N' as const }]))
          }
          const b = {
            ...a,
            evidence: [...a.evidence.slice(0, at), neutral, ...a.evidence.slice(at)]
          }
          const ctx = contexts[c]
          expect(scoreAnalysis(b, ctx).scores).toEqual(scoreAnalysis(a, ctx).scores)
        }
      )
    )
  })

  it('permuting the hypotheses permutes the scores', () => {
    const permuted = analysisArb.chain((a) =>
      fc.tuple(
        fc.constant(a),
        fc.shuffledSubarray(a.hypotheses, { minLength: a.hypotheses.length }),
        fc.nat(2)
      )
    )
    fc.assert(
      fc.property(permuted, ([a, hypotheses, c]) => {
        const ctx = contexts[c]
        const byId = (x: AchAnalysis) =>
          Object.fromEntries(scoreAnalysis(x, ctx).scores.map((s) => [s.hypothesisId, s]))
        expect(byId({ ...a, hypotheses })).toEqual(byId(a))
        const leader = (x: AchAnalysis) => [...scoreAnalysis(x, ctx).sensitivity.leader].sort()
        expect(leader({ ...a, hypotheses })).toEqual(leader(a))
      })
    )
  })
})
