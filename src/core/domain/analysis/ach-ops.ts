import type { AchAnalysis, AchCell, AchEvidence, AchOp } from '../../../shared/analysis'
import { WorkbenchError } from '../../base/errors'

export type { AchOp } from '../../../shared/analysis'

/**
 * Changes to an analysis of competing hypotheses, as the app's undo model wants them: each
 * operation is plain data, `applyAchOp` returns the new analysis (the old one is never changed)
 * and the operation that undoes it, so that applying the inverse gives back the analysis as it
 * was, `modified` included. An operation's `at` (ISO time) becomes `modified`; without it,
 * `modified` stays as it is.
 */

export interface AchChange {
  analysis: AchAnalysis
  inverse: AchOp
}

export function createAnalysis(fields: {
  id: string
  title: string
  question?: string
  now: string
}): AchAnalysis {
  return {
    id: fields.id,
    title: fields.title,
    question: fields.question ?? '',
    hypotheses: [],
    evidence: [],
    created: fields.now,
    modified: fields.now
  }
}

const notFound = (what: string, id: string): WorkbenchError =>
  new WorkbenchError('not-found', `No ${what} "${id}" in this analysis.`)

function indexOf<T extends { id: string }>(list: readonly T[], id: string, what: string): number {
  const i = list.findIndex((x) => x.id === id)
  if (i < 0) throw notFound(what, id)
  return i
}

function insertAt<T>(list: readonly T[], item: T, index: number | undefined): T[] {
  const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length))
  return [...list.slice(0, at), item, ...list.slice(at)]
}

/** A copy of the record without one key (the key order of the rest kept). */
function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  const out: Record<string, V> = {}
  for (const [k, v] of Object.entries(record)) if (k !== key) out[k] = v
  return out
}

function withEvidence(
  a: AchAnalysis,
  id: string,
  change: (row: AchEvidence) => AchEvidence
): AchAnalysis {
  const i = indexOf(a.evidence, id, 'evidence')
  return { ...a, evidence: a.evidence.map((r, j) => (j === i ? change(r) : r)) }
}

function apply(a: AchAnalysis, op: AchOp): { next: AchAnalysis; inverse: AchOp } {
  switch (op.type) {
    case 'describe':
      return {
        next: { ...a, title: op.title, question: op.question },
        inverse: { type: 'describe', title: a.title, question: a.question }
      }
    case 'addHypothesis': {
      if (a.hypotheses.some((h) => h.id === op.hypothesis.id))
        throw new WorkbenchError(
          'invalid-argument',
          `Hypothesis "${op.hypothesis.id}" is already in this analysis.`
        )
      const cells = op.cells ?? {}
      for (const id of Object.keys(cells)) indexOf(a.evidence, id, 'evidence')
      const id = op.hypothesis.id
      return {
        next: {
          ...a,
          hypotheses: insertAt(a.hypotheses, { ...op.hypothesis }, op.index),
          evidence: a.evidence.map((r) =>
            cells[r.id] ? { ...r, cells: { ...r.cells, [id]: { ...cells[r.id] } } } : r
          )
        },
        inverse: { type: 'removeHypothesis', id }
      }
    }
    case 'renameHypothesis': {
      const i = indexOf(a.hypotheses, op.id, 'hypothesis')
      return {
        next: {
          ...a,
          hypotheses: a.hypotheses.map((h, j) => (j === i ? { ...h, text: op.text } : h))
        },
        inverse: { type: 'renameHypothesis', id: op.id, text: a.hypotheses[i].text }
      }
    }
    case 'removeHypothesis': {
      const i = indexOf(a.hypotheses, op.id, 'hypothesis')
      const cells: Record<string, AchCell> = {}
      for (const r of a.evidence) if (r.cells[op.id]) cells[r.id] = r.cells[op.id]
      return {
        next: {
          ...a,
          hypotheses: a.hypotheses.filter((_, j) => j !== i),
          evidence: a.evidence.map((r) =>
            r.cells[op.id] ? { ...r, cells: without(r.cells, op.id) } : r
          )
        },
        inverse: { type: 'addHypothesis', hypothesis: a.hypotheses[i], index: i, cells }
      }
    }
    case 'addEvidence': {
      if (a.evidence.some((r) => r.id === op.evidence.id))
        throw new WorkbenchError(
          'invalid-argument',
          `Evidence "${op.evidence.id}" is already in this analysis.`
        )
      for (const id of Object.keys(op.evidence.cells)) indexOf(a.hypotheses, id, 'hypothesis')
      return {
        next: { ...a, evidence: insertAt(a.evidence, op.evidence, op.index) },
        inverse: { type: 'removeEvidence', id: op.evidence.id }
      }
    }
    case 'removeEvidence': {
      const i = indexOf(a.evidence, op.id, 'evidence')
      return {
        next: { ...a, evidence: a.evidence.filter((_, j) => j !== i) },
        inverse: { type: 'addEvidence', evidence: a.evidence[i], index: i }
      }
    }
    case 'rate': {
      indexOf(a.hypotheses, op.hypothesisId, 'hypothesis')
      const row = a.evidence[indexOf(a.evidence, op.evidenceId, 'evidence')]
      const before = row.cells[op.hypothesisId] ?? null
      const h = op.hypothesisId
      const cells = op.cell ? { ...row.cells, [h]: { ...op.cell } } : without(row.cells, h)
      return {
        next: withEvidence(a, op.evidenceId, (r) => ({ ...r, cells })),
        inverse: { type: 'rate', evidenceId: op.evidenceId, hypothesisId: h, cell: before }
      }
    }
    case 'setRelevance': {
      const row = a.evidence[indexOf(a.evidence, op.evidenceId, 'evidence')]
      return {
        next: withEvidence(a, op.evidenceId, (r) => ({ ...r, relevance: op.relevance })),
        inverse: { type: 'setRelevance', evidenceId: op.evidenceId, relevance: row.relevance }
      }
    }
    case 'overrideCredibility': {
      const row = a.evidence[indexOf(a.evidence, op.evidenceId, 'evidence')]
      if (op.override && !op.override.rationale.trim())
        throw new WorkbenchError(
          'invalid-argument',
          'Say why the credibility differs from the grade.'
        )
      return {
        next: withEvidence(a, op.evidenceId, (r) => ({
          ...r,
          credibility: op.override ? { ...op.override } : null
        })),
        inverse: {
          type: 'overrideCredibility',
          evidenceId: op.evidenceId,
          override: row.credibility
        }
      }
    }
  }
}

export function applyAchOp(a: AchAnalysis, op: AchOp): AchChange {
  const { next, inverse } = apply(a, op)
  return {
    analysis: op.at === undefined ? next : { ...next, modified: op.at },
    inverse: { ...inverse, at: a.modified }
  }
}
