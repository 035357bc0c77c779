import type {
  DocumentGradeRow,
  DocumentReliability,
  EffectiveGrade,
  HighlightGrades
} from '../../../shared/reliability'
import type { ReliabilityFile } from '../../../shared/reliability-schemas'
import { effectiveGrade } from '../../domain/reliability'
import { emptyRecord } from '../../domain/reliability/sources'

const sourceOf = (file: Readonly<ReliabilityFile>, id: string | null) =>
  id === null ? null : (file.sources.find((s) => s.id === id) ?? null)

/** One library row's source, badge and flags. */
export function gradeRow(docId: string, file: Readonly<ReliabilityFile>): DocumentGradeRow {
  const record = file.documents[docId] ?? emptyRecord()
  const source = sourceOf(file, record.sourceId)
  const e = effectiveGrade({ source, document: record })
  return {
    docId,
    sourceId: source?.id ?? null,
    sourceName: source?.name ?? null,
    reliability: e.reliability,
    credibility: e.credibility,
    badge: e.badge,
    flags: record.flags.map((f) => f.kind)
  }
}

/** A document's provenance as the reader shows it: its source, grades, flags, its highlights' grades. */
export function documentView(docId: string, file: Readonly<ReliabilityFile>): DocumentReliability {
  const record = file.documents[docId] ?? emptyRecord()
  const source = sourceOf(file, record.sourceId)
  const highlights: Record<string, EffectiveGrade> = {}
  const highlightGrades: Record<string, HighlightGrades> = {}
  const prefix = `${docId}.`
  for (const [id, h] of Object.entries(file.highlights)) {
    if (!id.startsWith(prefix)) continue
    highlightGrades[id] = structuredClone(h)
    highlights[id] = effectiveGrade({ source, document: record, highlight: h })
  }
  return {
    docId,
    source: structuredClone(source),
    record: structuredClone(record),
    effective: effectiveGrade({ source, document: record }),
    highlights,
    highlightGrades
  }
}
