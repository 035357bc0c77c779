import type { CaseAnnotation, CaseDocument, CaseMemo, CaseRecord, CaseTag } from './format'
import { compareTimes, mergeField, same, type Side, type Strategy } from './merge-fields'

/** How the records of one kind are merged: their fields, how each merges, and how a record is rebuilt. */
export interface Spec<R extends { id: string }> {
  kind: Kind
  fields(r: R): Record<string, unknown>
  strategy(field: string): Strategy
  time(r: R, field: string): string
  build(values: Record<string, unknown>, times: Record<string, string>, l: R, r: R): R
  /** Whether a record missing on one side may have been deleted there (documents never are). */
  deletable: boolean
}

export type Kind = 'document' | 'tag' | 'annotation' | 'memo' | 'source' | 'grade' | 'link'

export interface Change {
  kind: Kind
  id: string
  change: 'added' | 'updated' | 'deleted' | 'kept' | 'restored'
}

export interface Conflict {
  kind: Kind
  id: string
  field: string
  /** The later change, which is in the merged workspace. */
  kept: Side
  /** The earlier change, which is only here. */
  other: Side
}

export interface RecordsReport {
  changes: Change[]
  conflicts: Conflict[]
  /** Notes in which both sides changed the same lines: the conflict is marked in the text. */
  marked: { kind: Kind; id: string; field: string }[]
}

const earliest = (a: string, b: string): string =>
  !a ? b : !b ? a : compareTimes(a, b) <= 0 ? a : b
const latest = (a: string, b: string): string => (compareTimes(a, b) >= 0 ? a : b)

const changedSince = <R extends { id: string }>(spec: Spec<R>, r: R, base: R): boolean => {
  const a = spec.fields(r)
  const b = spec.fields(base)
  return Object.keys({ ...a, ...b }).some((f) => !same(a[f], b[f]))
}

/**
 * The records of one kind merged: each id seen on either side, against the base. `covers` says
 * whether the incoming bundle would hold the record if it still existed there (a bundle carries
 * some documents only: a missing annotation of a document it does not carry was not deleted).
 */
export function mergeRecords<R extends { id: string }>(
  spec: Spec<R>,
  sides: { local: readonly R[]; incoming: readonly R[]; base: readonly R[] | null },
  labels: { local: string; incoming: string },
  covers: (r: R) => boolean,
  report: RecordsReport
): R[] {
  const incoming = new Map(sides.incoming.map((r) => [r.id, r]))
  const base = new Map((sides.base ?? []).map((r) => [r.id, r]))
  const localIds = new Set(sides.local.map((r) => r.id))
  const out: R[] = []
  const note = (id: string, change: Change['change']): void =>
    void report.changes.push({ kind: spec.kind, id, change })
  for (const l of sides.local) {
    const r = incoming.get(l.id)
    const b = base.get(l.id)
    if (r) {
      const merged = mergeOne(spec, l, r, b, labels, report)
      if (!same(spec.fields(merged), spec.fields(l))) note(l.id, 'updated')
      out.push(merged)
    } else if (spec.deletable && b && covers(l)) {
      if (changedSince(spec, l, b)) {
        note(l.id, 'kept')
        out.push(l)
      } else note(l.id, 'deleted')
    } else out.push(l)
  }
  for (const r of sides.incoming) {
    if (localIds.has(r.id)) continue
    const b = base.get(r.id)
    if (spec.deletable && b) {
      if (changedSince(spec, r, b)) {
        note(r.id, 'restored')
        out.push(canonical(spec, r))
      }
    } else {
      note(r.id, 'added')
      out.push(canonical(spec, r))
    }
  }
  return out
}

/** A record from the bundle as a merge of both sides writes it, so that merging it again gives the same. */
export const canonical = <R extends { id: string }>(spec: Spec<R>, r: R): R => {
  const values = spec.fields(r)
  const times = Object.fromEntries(Object.keys(values).map((f) => [f, spec.time(r, f)]))
  return spec.build(values, times, r, r)
}

function mergeOne<R extends { id: string }>(
  spec: Spec<R>,
  l: R,
  r: R,
  b: R | undefined,
  labels: { local: string; incoming: string },
  report: RecordsReport
): R {
  const lv = spec.fields(l)
  const rv = spec.fields(r)
  const bv = b ? spec.fields(b) : undefined
  const values: Record<string, unknown> = {}
  const times: Record<string, string> = {}
  for (const f of Object.keys({ ...lv, ...rv })) {
    const got = mergeField(
      spec.strategy(f),
      { value: lv[f] ?? null, time: spec.time(l, f), label: labels.local },
      { value: rv[f] ?? null, time: spec.time(r, f), label: labels.incoming },
      bv ? (bv[f] ?? null) : undefined
    )
    values[f] = got.value
    times[f] = got.time
    const field = f.replace(/^field:/, '')
    if (got.won && got.lost)
      report.conflicts.push({ kind: spec.kind, id: l.id, field, kept: got.won, other: got.lost })
    if (got.marked) report.marked.push({ kind: spec.kind, id: l.id, field })
  }
  return spec.build(values, times, l, r)
}

const fieldTime = (
  times: Partial<Record<string, string>> | undefined,
  f: string,
  modified: string
): string => times?.[f] ?? modified

const pickTimes = (
  fields: readonly string[],
  times: Record<string, string>
): Record<string, string> => Object.fromEntries(fields.map((f) => [f, times[f]]))

export const documentSpec: Spec<CaseDocument> = {
  kind: 'document',
  deletable: false,
  fields: (d) => ({
    title: d.title,
    author: d.author,
    published: d.published,
    source: d.source,
    note: d.note
  }),
  strategy: (f) => (f === 'note' ? 'lines' : 'lww'),
  time: (d, f) => fieldTime(d.times, f, d.modified),
  build: (v, t, l, r) => {
    // The file it came from: the one imported first (the same text, perhaps from another file).
    const c = compareTimes(l.importedAt, r.importedAt)
    const first = c < 0 || (c === 0 && l.sha256 <= r.sha256) ? l : r
    return {
      id: l.id,
      textSha256: l.textSha256,
      sha256: first.sha256,
      title: v.title as string,
      author: v.author as string | null,
      published: v.published as string | null,
      source: v.source as string | null,
      originalName: first.originalName,
      format: first.format,
      importedAt: first.importedAt,
      note: v.note as string,
      included: l.included || r.included,
      modified: latest(l.modified, r.modified),
      times: pickTimes(['title', 'author', 'published', 'source', 'note'], t)
    }
  }
}

export const tagSpec: Spec<CaseTag> = {
  kind: 'tag',
  deletable: true,
  fields: (x) => ({ name: x.name, parent: x.parent, color: x.color, description: x.description }),
  strategy: (f) => (f === 'description' ? 'lines' : 'lww'),
  time: (x, f) => fieldTime(x.times, f, x.modified),
  build: (v, t, l, r) => ({
    id: l.id,
    name: v.name as string,
    parent: v.parent as string | null,
    color: v.color as string,
    description: v.description as string,
    modified: latest(l.modified, r.modified),
    times: pickTimes(['name', 'parent', 'color', 'description'], t)
  })
}

export const annotationSpec: Spec<CaseAnnotation> = {
  kind: 'annotation',
  deletable: true,
  fields: (a) => ({
    anchor: { quote: a.quote, position: a.position, status: a.status },
    color: a.color,
    tags: a.tags,
    note: a.note
  }),
  strategy: (f) => (f === 'tags' ? 'set' : f === 'note' ? 'lines' : 'lww'),
  time: (a, f) => fieldTime(a.times, f, a.modified),
  build: (v, t, l, r) => {
    const anchor = v.anchor as Pick<CaseAnnotation, 'quote' | 'position' | 'status'>
    return {
      id: l.id,
      docId: l.docId,
      quote: anchor.quote,
      position: anchor.position,
      status: anchor.status,
      color: v.color as CaseAnnotation['color'],
      tags: v.tags as string[],
      note: v.note as string,
      created: earliest(l.created, r.created),
      modified: latest(l.modified, r.modified),
      times: pickTimes(['anchor', 'color', 'tags', 'note'], t)
    }
  }
}

export const memoSpec: Spec<CaseMemo> = {
  kind: 'memo',
  deletable: true,
  fields: (m) => ({ title: m.title, text: m.text, docIds: m.docIds, tagIds: m.tagIds }),
  strategy: (f) => (f === 'text' ? 'lines' : f === 'title' ? 'lww' : 'set'),
  time: (m, f) => fieldTime(m.times, f, m.modified),
  build: (v, t, l, r) => ({
    id: l.id,
    title: v.title as string,
    text: v.text as string,
    docIds: v.docIds as string[],
    tagIds: v.tagIds as string[],
    created: earliest(l.created, r.created),
    modified: latest(l.modified, r.modified),
    times: pickTimes(['title', 'text', 'docIds', 'tagIds'], t)
  })
}

export const recordSpec = (kind: 'source' | 'grade' | 'link'): Spec<CaseRecord> => ({
  kind,
  deletable: true,
  fields: (x) => ({
    docIds: x.docIds,
    annotationIds: x.annotationIds,
    ...Object.fromEntries(Object.entries(x.fields).map(([k, v]) => [`field:${k}`, v]))
  }),
  strategy: (f) => (f === 'docIds' || f === 'annotationIds' ? 'set' : 'lww'),
  time: (x, f) => fieldTime(x.times, f.replace(/^field:/, ''), x.modified),
  build: (v, t, l, r) => {
    const names = Object.keys(v)
      .filter((k) => k.startsWith('field:'))
      .sort()
    return {
      id: l.id,
      docIds: v.docIds as string[],
      annotationIds: v.annotationIds as string[],
      fields: Object.fromEntries(
        names.map((k) => [k.slice(6), v[k] as CaseRecord['fields'][string]])
      ),
      created: earliest(l.created, r.created),
      modified: latest(l.modified, r.modified),
      times: Object.fromEntries(
        ['docIds', 'annotationIds', ...names].map((k) => [k.replace(/^field:/, ''), t[k]])
      )
    }
  }
})
