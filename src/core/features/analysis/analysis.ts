import type {
  AnalysesFile,
  AnalysisFilter,
  AnalysisPassage,
  AnalysisTable,
  CodeMatrix,
  Cooccurrence,
  CooccurrenceCell,
  CooccurrenceQuery,
  CooccurrenceUnit,
  DateCorrection,
  DatePrecision,
  FrequencyQuery,
  MatrixCell,
  MatrixQuery,
  StatedDate,
  TableFormat,
  TagFrequency,
  TimelineView
} from '../../../shared/analysis'
import type { Change } from '../../../shared/api'
import { extractGradeFilters, matchesGradeFilters } from '../../../shared/grade-filters'
import type { Annotation, DocumentMeta } from '../../../shared/model'
import { originIndex } from '../../../shared/origin-counts'
import { badgeText } from '../../../shared/reliability'
import { WorkbenchError } from '../../base/errors'
import { cooccurrence, cooccurrencePassages, type Range } from '../../domain/analysis/cooccurrence'
import { extractDates } from '../../domain/analysis/dates'
import { allOf, type PassageFilter } from '../../domain/analysis/input'
import {
  codeMatrix,
  documentColumns,
  frequencies,
  groupColumns,
  matrixPassages,
  sourceColumns,
  type ColumnSpec
} from '../../domain/analysis/matrix'
import {
  cooccurrenceCsv,
  cooccurrenceMarkdown,
  matrixCsv,
  matrixMarkdown
} from '../../domain/analysis/tables'
import { passageMark, timeline } from '../../domain/analysis/timeline'
import type { GradeLookup } from '../../ports'
import { achOps } from './ach'
import { originLabels, type AnalysisDeps, type Gathered } from './sources'

export type { AnalysisDeps } from './sources'

export const emptyAnalyses = (): AnalysesFile => ({ schemaVersion: 1, analyses: [], dates: [] })

/**
 * The analysis views (code matrix, co-occurrence, frequencies, timeline) and the analyses of
 * competing hypotheses (ach.ts). The views are pure functions of the workspace (domain/analysis);
 * this room gathers their input, keeps the analyses and the analyst's passage dates in
 * analyses.json, and makes every change undoable.
 */

export function analysisFeature(deps: AnalysisDeps) {
  const { records } = deps

  /** The dates each passage states, kept while its quote and its document's date stay the same. */
  const statedCache = new Map<string, { key: string; dates: StatedDate[] }>()
  const statedOf = (a: Annotation, doc: DocumentMeta | undefined): StatedDate[] => {
    const key = `${doc?.published ?? ''}\u0000${a.quote.exact}`
    const hit = statedCache.get(a.id)
    if (hit?.key === key) return hit.dates
    const dates = extractDates(a.quote.exact, doc?.published ?? null)
    statedCache.set(a.id, { key, dates })
    return dates
  }
  /** Paragraph ranges of a text, by its checksum (texts never change under a checksum). */
  const paragraphCache = new Map<string, Range[]>()

  const corrections = (): Map<string, DateCorrection> =>
    new Map(records.data.dates.map((c) => [c.annotationId, c]))

  async function gather(): Promise<Gathered> {
    const documents = deps.catalog.documents()
    const docs = new Map(documents.map((d) => [d.id, d]))
    const annotations: Annotation[] = []
    for (const file of await deps.annotations.all())
      if (docs.has(file.docId)) for (const a of file.annotations) annotations.push(a)
    // Library order, then text order: what every view lists passages in.
    annotations.sort(
      (x, y) =>
        (docs.get(x.docId)?.importOrder ?? 0) - (docs.get(y.docId)?.importOrder ?? 0) ||
        x.position.start - y.position.start
    )
    return {
      input: { documents, annotations, tags: deps.tags() },
      docs,
      grades: await deps.grades()
    }
  }

  const gradeOf = (g: GradeLookup, a: Annotation) => g.of(a.docId, a.id)
  const badgeOf = (g: GradeLookup, a: Annotation): string => {
    const { reliability, credibility } = gradeOf(g, a)
    return badgeText(reliability, credibility)
  }

  /** The passages a filter keeps (grades, date range); throws on a grade filter it cannot read. */
  function include(filter: AnalysisFilter, g: Gathered): PassageFilter | undefined {
    const parts: PassageFilter[] = []
    if (filter.grades?.trim()) {
      const { filters, rest, errors } = extractGradeFilters(filter.grades)
      if (errors.length || rest)
        throw new WorkbenchError(
          'invalid-argument',
          errors[0] ??
            `Grades are written as reliability:A-B, credibility:1-3 or ungraded, not “${rest}”.`
        )
      parts.push((a) => matchesGradeFilters(filters, gradeOf(g.grades, a)))
    }
    if (filter.from && filter.to && filter.from > filter.to)
      throw new WorkbenchError(
        'invalid-argument',
        `The date range ends (${filter.to}) before it starts (${filter.from}).`
      )
    if (filter.from || filter.to) {
      const fixed = corrections()
      parts.push((a, doc) => {
        const day = passageMark(a, doc, fixed.get(a.id), statedOf(a, doc))?.date
        if (!day) return false
        return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to)
      })
    }
    return parts.length ? allOf(...parts) : undefined
  }

  async function columns(cols: MatrixQuery['cols'], g: Gathered): Promise<ColumnSpec> {
    switch (cols) {
      case 'documents':
        return documentColumns(g.input.documents)
      case 'sources': {
        const names = new Map<string, string>()
        return sourceColumns(
          (d) => {
            const row = d ? g.grades.row(d.id) : null
            if (row?.sourceId) names.set(row.sourceId, row.sourceName ?? row.sourceId)
            return row?.sourceId ?? null
          },
          (id) => names.get(id) ?? id
        )
      }
      case 'origins': {
        const origins = await deps.origins()
        const of = originIndex(origins)
        const label = originLabels(origins, g.docs)
        return groupColumns(
          (a) => of.get(a.docId) ?? a.docId,
          (id) => label.get(id) ?? g.docs.get(id)?.title ?? id
        )
      }
      case 'grades':
        return groupColumns((a) => badgeOf(g.grades, a))
    }
  }

  const passageOf = (g: Gathered, a: Annotation): AnalysisPassage => ({
    annotationId: a.id,
    docId: a.docId,
    docTitle: g.docs.get(a.docId)?.title ?? '',
    quote: a.quote.exact,
    start: a.position.start,
    end: a.position.end,
    note: a.note,
    tagIds: [...a.tags],
    badge: badgeOf(g.grades, a),
    orphaned: a.status === 'orphaned'
  })

  async function paragraphsOf(g: Gathered): Promise<(docId: string) => Range[] | undefined> {
    const wanted = new Set(g.input.annotations.map((a) => a.docId))
    const byDoc = new Map<string, Range[]>()
    for (const docId of wanted) {
      const meta = g.docs.get(docId)
      if (!meta) continue
      let ranges = paragraphCache.get(meta.textSha256)
      if (!ranges) {
        try {
          const { blocks } = await deps.contents.text(meta, false)
          ranges = blocks.map((b) => ({ start: b.start, end: b.end }))
        } catch {
          ranges = [] // a damaged text: its highlights count under highlight and overlap only
        }
        paragraphCache.set(meta.textSha256, ranges)
      }
      byDoc.set(docId, ranges)
    }
    return (docId) => byDoc.get(docId)
  }

  async function cooccurrenceOf(q: CooccurrenceQuery, g: Gathered) {
    return {
      scope: q.scope,
      include: include(q, g),
      ...(q.scope === 'paragraph' ? { paragraphsOf: await paragraphsOf(g) } : {})
    }
  }

  async function findAnnotation(id: string): Promise<{ a: Annotation; doc: DocumentMeta }> {
    const docs = new Map(deps.catalog.documents().map((d) => [d.id, d]))
    for (const file of await deps.annotations.all()) {
      const doc = docs.get(file.docId)
      const a = doc && file.annotations.find((x) => x.id === id)
      if (a && doc) return { a, doc }
    }
    throw new WorkbenchError('not-found', `No highlight with id ${id}.`)
  }

  const ach = achOps(deps, { gather, badgeOf, findAnnotation })

  return {
    /** The analyses file, for the full backup. */
    exportFile: async (): Promise<AnalysesFile> => structuredClone(records.data) as AnalysesFile,
    /** Puts back the analyses of a backup (restore into an empty workspace). */
    importFile: (file: AnalysesFile): Promise<void> =>
      records.update((draft) => {
        draft.analyses = structuredClone(file.analyses)
        draft.dates = structuredClone(file.dates)
      }),

    ops: {
      async codeMatrix(q: MatrixQuery): Promise<CodeMatrix> {
        const g = await gather()
        return codeMatrix(g.input, {
          columns: await columns(q.cols, g),
          include: include(q, g),
          ...(q.maxCols !== undefined ? { maxColumns: q.maxCols } : {})
        })
      },
      async matrixPassages(q: MatrixCell): Promise<AnalysisPassage[]> {
        const g = await gather()
        const cell = { tagId: q.tagId, ...(q.colId !== undefined ? { columnId: q.colId } : {}) }
        return matrixPassages(g.input, cell, {
          columns: await columns(q.cols, g),
          include: include(q, g)
        }).map((p) => passageOf(g, p.annotation))
      },
      async cooccurrence(q: CooccurrenceQuery): Promise<Cooccurrence> {
        const g = await gather()
        return cooccurrence(g.input, await cooccurrenceOf(q, g))
      },
      async cooccurrencePassages(q: CooccurrenceCell): Promise<CooccurrenceUnit[]> {
        const g = await gather()
        const byId = new Map(g.input.annotations.map((a) => [a.id, a]))
        return cooccurrencePassages(g.input, { a: q.a, b: q.b }, await cooccurrenceOf(q, g)).map(
          (hit) => ({
            docId: hit.docId,
            docTitle: g.docs.get(hit.docId)?.title ?? '',
            ...(hit.range ? { range: hit.range } : {}),
            passages: hit.annotationIds.flatMap((id) => {
              const a = byId.get(id)
              return a ? [passageOf(g, a)] : []
            })
          })
        )
      },
      async tagFrequencies(q: FrequencyQuery): Promise<TagFrequency[]> {
        const g = await gather()
        const cols = await columns(q.by, g)
        return frequencies(codeMatrix(g.input, { columns: cols, include: include(q, g) }))
      },
      async timeline(q: AnalysisFilter): Promise<TimelineView> {
        const g = await gather()
        const t = timeline(g.input, {
          include: include(q, g),
          corrections: records.data.dates,
          statedOf
        })
        const byId = new Map(g.input.annotations.map((a) => [a.id, a]))
        return {
          marks: t.marks.map((m) => {
            const a = byId.get(m.annotationId) as Annotation
            return {
              ...m,
              docTitle: g.docs.get(m.docId)?.title ?? '',
              quote: a.quote.exact,
              badge: badgeOf(g.grades, a)
            }
          }),
          undated: t.undated.map((id) => passageOf(g, byId.get(id) as Annotation))
        }
      },
      async setPassageDate(
        annotationId: string,
        date: { date: string; precision: DatePrecision } | null
      ): Promise<Change<DateCorrection | null>> {
        await findAnnotation(annotationId)
        if (date && Number.isNaN(Date.parse(`${date.date}T00:00:00Z`)))
          throw new WorkbenchError('invalid-argument', `${date.date} is not a date.`)
        const before = corrections().get(annotationId) ?? null
        const next: DateCorrection | null = date ? { annotationId, ...date } : null
        await records.update((draft) => {
          draft.dates = draft.dates.filter((c) => c.annotationId !== annotationId)
          if (next) draft.dates.push(next)
        })
        return {
          value: next,
          undo: {
            method: 'setPassageDate',
            args: [annotationId, before ? { date: before.date, precision: before.precision } : null]
          }
        }
      },
      async analysisTable(table: AnalysisTable, format: TableFormat): Promise<string> {
        const g = await gather()
        if (table.kind === 'matrix') {
          const m = codeMatrix(g.input, {
            columns: await columns(table.cols, g),
            include: include(table, g)
          })
          return format === 'csv' ? matrixCsv(m) : matrixMarkdown(m)
        }
        const c = cooccurrence(g.input, await cooccurrenceOf(table, g))
        return format === 'csv' ? cooccurrenceCsv(c) : cooccurrenceMarkdown(c)
      },

      ...ach
    }
  }
}

export type AnalysisFeature = ReturnType<typeof analysisFeature>
