import type { TagRow } from '../../../shared/analysis'
import type { Annotation, DocumentMeta, Tag } from '../../../shared/model'
import { tagViews } from '../codebook/tree'

/**
 * What every analysis view reads: plain data gathered by the caller. Nothing here touches the
 * store; the views are pure functions of it.
 */
export interface AnalysisInput {
  documents: readonly DocumentMeta[]
  annotations: readonly Annotation[]
  tags: readonly Tag[]
}

/** Which passages a view counts (grade, date range, …): true to keep the passage. */
export type PassageFilter = (annotation: Annotation, doc: DocumentMeta | undefined) => boolean

/** The column a passage falls in (its document, source, origin or grade), or null to leave it out. */
export type ColumnOf = (annotation: Annotation, doc: DocumentMeta | undefined) => string | null

/**
 * The codebook as table rows, in tree order (each parent followed by its children, by name),
 * with each row's parent row so that counts can roll up. Tags caught in a cycle are left out.
 */
export interface TagIndex {
  rows: TagRow[]
  rowOf: Map<string, number>
  /** The parent's row, or −1 at the top level. */
  parentRow: Int32Array
}

export function tagIndex(tags: readonly Tag[]): TagIndex {
  const views = tagViews(tags, new Map())
  const rowOf = new Map<string, number>()
  const parentRow = new Int32Array(views.length).fill(-1)
  const rows: TagRow[] = []
  views.forEach((v, i) => {
    rowOf.set(v.id, i)
    // Tree order puts a parent before its children, so its row and depth are already known.
    const p = v.parent === null ? undefined : rowOf.get(v.parent)
    if (p !== undefined) parentRow[i] = p
    rows.push({
      tagId: v.id,
      path: v.path,
      depth: p === undefined ? 0 : rows[p].depth + 1,
      color: v.color
    })
  })
  return { rows, rowOf, parentRow }
}

export const documentsById = (documents: readonly DocumentMeta[]): Map<string, DocumentMeta> =>
  new Map(documents.map((d) => [d.id, d]))

/** A passage's date from its document: the publication date's day (YYYY-MM-DD), if it has one. */
export function publishedDay(doc: DocumentMeta | undefined): string | null {
  const m = doc?.published ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(doc.published) : null
  return m ? `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}` : null
}

/** Keeps passages kept by every filter given. */
export const allOf =
  (...filters: (PassageFilter | undefined)[]): PassageFilter =>
  (a, d) =>
    filters.every((f) => !f || f(a, d))

/** Keeps passages whose value (a grade such as "B2", a source id) is one of those given. */
export const valueIn = (
  values: Iterable<string>,
  valueOf: (a: Annotation, d: DocumentMeta | undefined) => string | null
): PassageFilter => {
  const keep = new Set(values)
  return (a, d) => {
    const v = valueOf(a, d)
    return v !== null && keep.has(v)
  }
}

/**
 * Keeps passages dated within [from, to] (YYYY-MM-DD, either end open), by default by the
 * document's publication date; a passage without a date is left out once either end is set.
 */
export function dateRange(
  range: { from?: string; to?: string },
  dateOf: (a: Annotation, d: DocumentMeta | undefined) => string | null = (_a, d) => publishedDay(d)
): PassageFilter {
  const { from, to } = range
  if (!from && !to) return () => true
  return (a, d) => {
    const day = dateOf(a, d)?.slice(0, 10)
    if (!day) return false
    return (!from || day >= from) && (!to || day <= to)
  }
}
