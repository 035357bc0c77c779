import type {
  AchAnalysis,
  AchEvidence,
  AchOp,
  AchOptions,
  AchSummary,
  AchView,
  NewAchEvidence,
  TableFormat
} from '../../../shared/analysis'
import type { Change } from '../../../shared/api'
import type { Annotation, DocumentMeta } from '../../../shared/model'
import { originIndex } from '../../../shared/origin-counts'
import { WorkbenchError } from '../../base/errors'
import { applyAchOp, createAnalysis } from '../../domain/analysis/ach-ops'
import { achCsv, achMarkdown, type AchReportInput } from '../../domain/analysis/ach-report'
import { scoreAnalysis, type AchContext } from '../../domain/analysis/ach-score'
import { originLabels, type AnalysisDeps, type Gathered } from './sources'

/** What the analyses of competing hypotheses share with the views. */
export interface AchShared {
  gather: () => Promise<Gathered>
  badgeOf: (g: Gathered['grades'], a: Annotation) => string
  findAnnotation: (id: string) => Promise<{ a: Annotation; doc: DocumentMeta }>
}

const MAX_TITLE = 1000

/** Analyses of competing hypotheses: kept in analyses.json, scored on the grades and origins of now. */
export function achOps(deps: AnalysisDeps, shared: AchShared) {
  const { records, clock } = deps
  const { gather, badgeOf, findAnnotation } = shared
  const now = (): string => clock.now().toISOString()

  const findAnalysis = (id: string): AchAnalysis => {
    const a = records.data.analyses.find((x) => x.id === id)
    if (!a)
      throw new WorkbenchError('not-found', `No analysis of competing hypotheses with id ${id}.`)
    return a
  }

  const putAnalysis = (a: AchAnalysis): Promise<void> =>
    records.update((draft) => {
      const i = draft.analyses.findIndex((x) => x.id === a.id)
      if (i >= 0) draft.analyses[i] = a
      else draft.analyses.push(a)
    })

  async function change(id: string, op: AchOp): Promise<Change<AchAnalysis>> {
    const { analysis, inverse } = applyAchOp(findAnalysis(id), { ...op, at: now() })
    await putAnalysis(analysis)
    return { value: analysis, undo: { method: 'changeAnalysis', args: [id, inverse] } }
  }

  interface Scored extends AchView {
    originLabel: (origin: string) => string
  }

  async function view(id: string, options: AchOptions = {}): Promise<Scored> {
    const analysis = findAnalysis(id)
    const g = await gather()
    const byId = new Map(g.input.annotations.map((a) => [a.id, a]))
    const origins = await deps.origins()
    const of = originIndex(origins)
    const labels = originLabels(origins, g.docs)
    const linked = new Set(origins.filter((o) => o.documents.length > 1).map((o) => o.id))
    const gradeCredibility: AchView['gradeCredibility'] = {}
    const sources: AchView['sources'] = {}
    for (const row of analysis.evidence) {
      if (row.kind !== 'highlight') {
        gradeCredibility[row.id] = null
        continue
      }
      const a = byId.get(row.annotationId)
      gradeCredibility[row.id] = g.grades.of(row.docId, a ? a.id : undefined).credibility
      if (!a) continue
      const origin = of.get(a.docId) ?? a.docId
      sources[row.id] = {
        docTitle: g.docs.get(a.docId)?.title ?? '',
        start: a.position.start,
        end: a.position.end,
        badge: badgeOf(g.grades, a),
        orphaned: a.status === 'orphaned',
        originLabel: linked.has(origin) ? (labels.get(origin) ?? origin) : null
      }
    }
    const ctx: AchContext = {
      gradeOf: (row) => gradeCredibility[row.id] ?? null,
      originOf: (row: AchEvidence) =>
        row.kind === 'highlight' ? (of.get(row.docId) ?? row.docId) : null,
      foldOrigins: options.foldOrigins ?? false
    }
    return {
      analysis,
      result: scoreAnalysis(analysis, ctx),
      sources,
      gradeCredibility,
      originLabel: (o) => labels.get(o) ?? g.docs.get(o)?.title ?? o
    }
  }

  function reportInput(v: Scored): AchReportInput {
    return {
      analysis: v.analysis,
      result: v.result,
      citeOf: (row) => {
        const s = v.sources[row.id]
        return s
          ? {
              docTitle: s.docTitle,
              start: s.start,
              end: s.end,
              grade: s.badge,
              orphaned: s.orphaned
            }
          : undefined
      },
      originLabel: v.originLabel
    }
  }

  const title = (t: string): string => {
    const clean = t.trim()
    if (!clean) throw new WorkbenchError('invalid-argument', 'An analysis needs a title.')
    if (clean.length > MAX_TITLE)
      throw new WorkbenchError('invalid-argument', 'A title has at most 1,000 characters.')
    return clean
  }

  return {
    async listAnalyses(): Promise<AchSummary[]> {
      return records.data.analyses
        .map((a) => ({
          id: a.id,
          title: a.title,
          question: a.question,
          hypotheses: a.hypotheses.length,
          evidence: a.evidence.length,
          modified: a.modified
        }))
        .sort((x, y) => y.modified.localeCompare(x.modified))
    },
    async getAnalysis(id: string, options: AchOptions = {}): Promise<AchView> {
      const { originLabel: _label, ...v } = await view(id, options)
      return v
    },
    async createAnalysis(input: {
      title: string
      question?: string
    }): Promise<Change<AchAnalysis>> {
      const a = createAnalysis({
        id: `ach${clock.newId()}`,
        title: title(input.title),
        question: input.question?.trim() ?? '',
        now: now()
      })
      await putAnalysis(a)
      return { value: a, undo: { method: 'deleteAnalysis', args: [a.id] } }
    },
    async deleteAnalysis(id: string): Promise<Change<AchAnalysis>> {
      const before = findAnalysis(id)
      await records.update((draft) => {
        draft.analyses = draft.analyses.filter((a) => a.id !== id)
      })
      return { value: before, undo: { method: 'restoreAnalysis', args: [before] } }
    },
    async restoreAnalysis(a: AchAnalysis): Promise<Change<AchAnalysis>> {
      const existing = records.data.analyses.find((x) => x.id === a.id)
      await putAnalysis(structuredClone(a))
      return existing
        ? { value: a, undo: { method: 'restoreAnalysis', args: [existing] } }
        : { value: a, undo: { method: 'deleteAnalysis', args: [a.id] } }
    },
    changeAnalysis: change,
    async addHypothesis(id: string, text: string): Promise<Change<AchAnalysis>> {
      const clean = text.trim()
      if (!clean) throw new WorkbenchError('invalid-argument', 'A hypothesis needs some words.')
      return change(id, {
        type: 'addHypothesis',
        hypothesis: { id: `h${clock.newId()}`, text: clean }
      })
    },
    async addEvidence(id: string, input: NewAchEvidence): Promise<Change<AchAnalysis>> {
      const analysis = findAnalysis(id)
      const base = {
        id: `e${clock.newId()}`,
        relevance: input.relevance ?? ('medium' as const),
        credibility: null,
        cells: {}
      }
      let evidence: AchEvidence
      if ('annotationId' in input) {
        const { a } = await findAnnotation(input.annotationId)
        const already = analysis.evidence.find(
          (e) => e.kind === 'highlight' && e.annotationId === a.id
        )
        if (already)
          throw new WorkbenchError(
            'invalid-argument',
            `That passage is already evidence E${analysis.evidence.indexOf(already) + 1} of this analysis.`
          )
        evidence = {
          ...base,
          kind: 'highlight',
          annotationId: a.id,
          docId: a.docId,
          text: a.quote.exact
        }
      } else {
        const text = input.text.trim()
        if (!text)
          throw new WorkbenchError('invalid-argument', 'An item of evidence needs some words.')
        evidence = { ...base, kind: input.kind, text }
      }
      return change(id, { type: 'addEvidence', evidence })
    },
    async analysisReport(
      id: string,
      format: TableFormat,
      options: AchOptions = {}
    ): Promise<string> {
      const input = reportInput(await view(id, options))
      return format === 'csv' ? achCsv(input) : achMarkdown(input)
    }
  }
}
