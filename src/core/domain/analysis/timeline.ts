import type {
  DateCorrection,
  DatePrecision,
  StatedDate,
  TagRow,
  Timeline,
  TimelineMark
} from '../../../shared/analysis'
import type { Annotation, DocumentMeta } from '../../../shared/model'
import { extractDates } from './dates'
import { documentsById, tagIndex, type AnalysisInput, type PassageFilter } from './input'

/**
 * The timeline: each passage dated, in this order of precedence, by the analyst's correction, by
 * the first date the passage states (read relative to the publication date), or by the
 * document's publication date. A passage with none of them is listed as undated.
 */

export interface TimelineOptions {
  include?: PassageFilter
  corrections?: readonly DateCorrection[]
  /**
   * The dates a passage states. Default: read from its quote with `extractDates`. Reading is the
   * costly part (about a tenth of a millisecond a passage), so a caller that draws the timeline
   * often passes a cached reader here.
   */
  statedOf?: (annotation: Annotation, doc: DocumentMeta | undefined) => StatedDate[]
}

/** The publication date as a day and how precise it is, or null. */
export function publicationDate(
  doc: DocumentMeta | undefined
): { date: string; precision: DatePrecision } | null {
  const m = doc?.published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(doc.published) : null
  if (!m) return null
  const precision: DatePrecision = m[3] ? 'day' : m[2] ? 'month' : 'year'
  return { date: `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`, precision }
}

export const defaultStatedOf = (a: Annotation, doc: DocumentMeta | undefined): StatedDate[] =>
  extractDates(a.quote.exact, doc?.published ?? null)

/** One passage's mark, or null when nothing dates it. */
export function passageMark(
  a: Annotation,
  doc: DocumentMeta | undefined,
  correction: DateCorrection | undefined,
  candidates: StatedDate[]
): TimelineMark | null {
  const base = { annotationId: a.id, docId: a.docId, tagIds: [...a.tags], candidates }
  if (correction)
    return { ...base, date: correction.date, precision: correction.precision, basis: 'corrected' }
  const stated = candidates[0]
  if (stated)
    return { ...base, date: stated.date, precision: stated.precision, basis: 'stated', stated }
  const published = publicationDate(doc)
  return published ? { ...base, ...published, basis: 'published' } : null
}

export function timeline(input: AnalysisInput, options: TimelineOptions = {}): Timeline {
  const docs = documentsById(input.documents)
  const corrections = new Map((options.corrections ?? []).map((c) => [c.annotationId, c]))
  const statedOf = options.statedOf ?? defaultStatedOf
  const marks: TimelineMark[] = []
  const undated: string[] = []
  for (const a of input.annotations) {
    const doc = docs.get(a.docId)
    if (options.include && !options.include(a, doc)) continue
    const mark = passageMark(a, doc, corrections.get(a.id), statedOf(a, doc))
    if (mark) marks.push(mark)
    else undated.push(a.id)
  }
  // Oldest first; a stable sort keeps the input's order within a day.
  marks.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
  return { marks, undated }
}

/** The marks of each tag (the tag itself, or with `rollUp` a tag below it), in codebook order. */
export function timelineByTag(
  t: Timeline,
  input: Pick<AnalysisInput, 'tags'>,
  options: { rollUp?: boolean } = {}
): { tag: TagRow; marks: TimelineMark[] }[] {
  const index = tagIndex(input.tags)
  const lanes = index.rows.map((tag) => ({ tag, marks: [] as TimelineMark[] }))
  for (const mark of t.marks) {
    const rows = new Set<number>()
    for (const id of mark.tagIds) {
      let r = index.rowOf.get(id)
      while (r !== undefined && r >= 0 && !rows.has(r)) {
        rows.add(r)
        r = options.rollUp ? index.parentRow[r] : -1
      }
    }
    for (const r of [...rows].sort((x, y) => x - y)) lanes[r].marks.push(mark)
  }
  return lanes.filter((l) => l.marks.length > 0)
}
