import type { z } from 'zod'
import type {
  ClaimLink,
  DerivationLink,
  DocumentRecord,
  Graded,
  GradesSnapshot,
  HighlightGrades,
  Source
} from '../../../../shared/reliability'
import {
  claimSchema,
  documentRecordSchema,
  highlightGradesSchema,
  linkSchema,
  sourceSchema,
  type ReliabilityFile
} from '../../../../shared/reliability-schemas'
import { defaultSourceKey } from '../../reliability/origins'
import { sha1 } from '../sha1'
import type { CaseRecord, CaseState, Scalar } from './format'

/**
 * Sources, grades and links as a bundle carries them: plain records of scalar fields (graded
 * values, aliases, flags and evidence as JSON text), each naming the documents and highlights it
 * refers to, so that the merge puts them in our ids and merges them field by field.
 *
 * Fields whose names end in `DocId` or `AnnotationId` refer to a document or a highlight, and
 * `sourceId` to a source: the alignment puts them in our ids like `docIds`.
 *
 * - a source: `name`, `aliases`, `kind`, `notes`, `reliability` (matched by name on the other laptop);
 * - a grade: a document's (`sourceId`, `reliabilityOverride`, `credibility`, `flags`) or a
 *   highlight's (`credibility`), its id made from what it grades, so that both laptops agree;
 * - a link: a derivation (`fromDocId`, `toDocId` or `toName`, `status`, `evidence`, `decidedBy`,
 *   `decidedAt`) or a same-claim link (`aAnnotationId`, `bAnnotationId`, `setBy`, `setAt`).
 */

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/** The id of the grade record of a document or highlight (by its id in the workspace). */
export const gradeRecordId = (subject: string): string =>
  `g${hex(sha1(new TextEncoder().encode(subject)))}`

/**
 * When a graded value was last set. Never graded: the earliest time there is, so that a grade set
 * on the other laptop wins over no grade even on a first exchange; cleared: the record's time.
 */
const gradedTime = (g: Graded<unknown>, fallback: string): string =>
  g.current?.setAt ?? (g.history.length ? fallback : NEVER)
/** The time of a value never set (it sorts before every other). */
const NEVER = ''

const json = (value: unknown): string => JSON.stringify(value)

export interface RecordScope {
  /** The documents the bundle carries in full. */
  carried: ReadonlySet<string>
  /** Every document the bundle names (carried or linked). */
  named: ReadonlySet<string>
  /** The highlights it carries, with their documents. */
  annotations: ReadonlyMap<string, string>
  /** The time that stands for fields that keep none of their own. */
  modified: string
}

function record(
  id: string,
  refs: { docIds?: string[]; annotationIds?: string[] },
  fields: Record<string, Scalar>,
  modified: string,
  times: Record<string, string> = {}
): CaseRecord {
  // Fields in the order a merge writes them, so that a record merged with itself is the same.
  const names = Object.keys(fields).sort()
  return {
    id,
    docIds: refs.docIds ?? [],
    annotationIds: refs.annotationIds ?? [],
    fields: Object.fromEntries(names.map((f) => [f, fields[f]])),
    created: modified,
    modified,
    times: {
      docIds: modified,
      annotationIds: modified,
      ...Object.fromEntries(names.map((f) => [f, times[f] ?? modified]))
    }
  }
}

/** The records of reliability.json that go with a bundle of the documents in `scope`. */
export function recordsFromReliability(
  file: Readonly<ReliabilityFile>,
  scope: RecordScope
): Required<Pick<CaseState, 'sources' | 'grades' | 'links'>> {
  const at = scope.modified
  // The whole list of sources goes, as the whole codebook does.
  const sources = file.sources.map((s) =>
    record(
      s.id,
      {},
      {
        name: s.name,
        aliases: json(s.aliases),
        kind: s.kind,
        notes: s.notes,
        reliability: json(s.reliability)
      },
      at,
      { reliability: gradedTime(s.reliability, at) }
    )
  )
  const grades: CaseRecord[] = []
  for (const docId of scope.carried) {
    const r = file.documents[docId]
    if (!r) continue
    grades.push(
      record(
        gradeRecordId(docId),
        { docIds: [docId] },
        {
          subject: 'document',
          sourceId: r.sourceId,
          reliabilityOverride: json(r.reliabilityOverride),
          credibility: json(r.credibility),
          flags: json(r.flags)
        },
        at,
        {
          sourceId: r.sourceId === null ? NEVER : at,
          reliabilityOverride: gradedTime(r.reliabilityOverride, at),
          credibility: gradedTime(r.credibility, at)
        }
      )
    )
  }
  for (const [annotationId, docId] of scope.annotations) {
    const h = file.highlights[annotationId]
    if (!h) continue
    grades.push(
      record(
        gradeRecordId(annotationId),
        { docIds: [docId], annotationIds: [annotationId] },
        { subject: 'highlight', credibility: json(h.credibility) },
        at,
        { credibility: gradedTime(h.credibility, at) }
      )
    )
  }
  const links: CaseRecord[] = []
  for (const l of file.links) {
    const to = l.to.kind === 'document' ? l.to.docId : null
    // A derivation goes with the document it is about, when the bundle names the other end too.
    if (!scope.carried.has(l.from) && !(to !== null && scope.carried.has(to))) continue
    if (!scope.named.has(l.from) || (to !== null && !scope.named.has(to))) continue
    links.push(
      record(
        l.id,
        { docIds: to === null ? [l.from] : [l.from, to] },
        {
          type: 'derivation',
          fromDocId: l.from,
          toDocId: to,
          toName: l.to.kind === 'source' ? l.to.name : null,
          status: l.status,
          evidence: json(l.evidence),
          decidedBy: l.decidedBy ?? null,
          decidedAt: l.decidedAt ?? null
        },
        at,
        { status: l.decidedAt ?? at, decidedBy: l.decidedAt ?? at, decidedAt: l.decidedAt ?? at }
      )
    )
  }
  for (const c of file.claims) {
    const da = scope.annotations.get(c.a)
    const db = scope.annotations.get(c.b)
    if (da === undefined || db === undefined) continue
    links.push(
      record(
        c.id,
        { docIds: [...new Set([da, db])], annotationIds: [c.a, c.b] },
        {
          type: 'claim',
          aAnnotationId: c.a,
          bAnnotationId: c.b,
          setBy: c.setBy,
          setAt: c.setAt
        },
        c.setAt
      )
    )
  }
  return { sources, grades, links }
}

/** What the alignment matches a record by on the other laptop, once its fields are in our ids. */
export function recordKey(kind: 'sources' | 'links', r: CaseRecord): string | null {
  const f = r.fields
  if (kind === 'sources') return typeof f.name === 'string' ? defaultSourceKey(f.name) : null
  if (f.type === 'claim')
    return `c\u0000${[f.aAnnotationId, f.bAnnotationId].sort().join('\u0000')}`
  if (typeof f.toName === 'string')
    return `s\u0000${f.fromDocId}\u0000${defaultSourceKey(f.toName)}`
  return `d\u0000${[f.fromDocId, f.toDocId].sort().join('\u0000')}`
}

/** A grade record's id from what it grades (in the ids it has now). */
export const gradeIdOf = (r: CaseRecord): string | null => {
  const subject = r.fields.subject === 'highlight' ? r.annotationIds[0] : r.docIds[0]
  return subject === undefined ? null : gradeRecordId(subject)
}

const parse = (value: Scalar | undefined): unknown => {
  if (typeof value !== 'string') return undefined
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}
const text = (value: Scalar | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined

function checked<T>(schema: z.ZodType, value: unknown): T | null {
  const got = schema.safeParse(value)
  return got.success ? (got.data as T) : null
}

type Built =
  | { kind: 'source'; id: string; value: Source | null }
  | { kind: 'document'; id: string; value: DocumentRecord | null }
  | { kind: 'highlight'; id: string; value: HighlightGrades | null }
  | { kind: 'link'; id: string; value: DerivationLink | null }
  | { kind: 'claim'; id: string; value: ClaimLink | null }

function build(kind: 'sources' | 'grades' | 'links', r: CaseRecord): Built | null {
  const f = r.fields
  if (kind === 'sources')
    return {
      kind: 'source',
      id: r.id,
      value: checked<Source>(sourceSchema, {
        id: r.id,
        name: text(f.name),
        aliases: parse(f.aliases),
        kind: text(f.kind),
        notes: text(f.notes),
        reliability: parse(f.reliability)
      })
    }
  if (kind === 'grades') {
    if (f.subject === 'highlight') {
      const id = r.annotationIds[0]
      if (id === undefined) return null
      return {
        kind: 'highlight',
        id,
        value: checked<HighlightGrades>(highlightGradesSchema, {
          credibility: parse(f.credibility)
        })
      }
    }
    const id = r.docIds[0]
    if (id === undefined) return null
    return {
      kind: 'document',
      id,
      value: checked<DocumentRecord>(documentRecordSchema, {
        sourceId: typeof f.sourceId === 'string' ? f.sourceId : null,
        reliabilityOverride: parse(f.reliabilityOverride),
        credibility: parse(f.credibility),
        flags: parse(f.flags)
      })
    }
  }
  if (f.type === 'claim')
    return {
      kind: 'claim',
      id: r.id,
      value: checked<ClaimLink>(claimSchema, {
        id: r.id,
        a: text(f.aAnnotationId),
        b: text(f.bAnnotationId),
        setBy: text(f.setBy),
        setAt: text(f.setAt)
      })
    }
  const to =
    typeof f.toDocId === 'string'
      ? { kind: 'document', docId: f.toDocId }
      : { kind: 'source', name: text(f.toName) }
  return {
    kind: 'link',
    id: r.id,
    value: checked<DerivationLink>(linkSchema, {
      id: r.id,
      from: text(f.fromDocId),
      to,
      status: text(f.status),
      evidence: parse(f.evidence),
      ...(typeof f.decidedBy === 'string' ? { decidedBy: f.decidedBy } : {}),
      ...(typeof f.decidedAt === 'string' ? { decidedAt: f.decidedAt } : {})
    })
  }
}

const KINDS = ['sources', 'grades', 'links'] as const

/**
 * What a merge writes into reliability.json: for every record the merge changed, added or took
 * out (compared with `local`, the records gathered from `file`), its new value (null: taken out),
 * as a snapshot that `applySnapshot` puts in place. A record of the bundle that is not in our
 * format is left out and named in `skipped`; a document's source that is not there is cleared.
 */
export function reliabilityPatch(
  file: Readonly<ReliabilityFile>,
  local: Pick<CaseState, 'sources' | 'grades' | 'links'>,
  merged: Pick<CaseState, 'sources' | 'grades' | 'links'>,
  skipped: string[]
): GradesSnapshot | null {
  const out: Required<GradesSnapshot> = {
    sources: {},
    documents: {},
    highlights: {},
    links: {},
    claims: {}
  }
  // Where each kind of record goes in the snapshot, what the file holds for it now, and its name.
  const byKind: Record<
    Built['kind'],
    { slot: Record<string, unknown>; current: (id: string) => unknown; label: string }
  > = {
    source: {
      slot: out.sources,
      current: (id) => file.sources.find((x) => x.id === id),
      label: 'A source'
    },
    document: { slot: out.documents, current: (id) => file.documents[id], label: 'A grade' },
    highlight: { slot: out.highlights, current: (id) => file.highlights[id], label: 'A grade' },
    link: {
      slot: out.links,
      current: (id) => file.links.find((x) => x.id === id),
      label: 'A link'
    },
    claim: {
      slot: out.claims,
      current: (id) => file.claims.find((x) => x.id === id),
      label: 'A link'
    }
  }
  const slot = (b: Built): Record<string, unknown> => byKind[b.kind].slot
  const current = (b: Built): unknown => byKind[b.kind].current(b.id)
  const label = (b: Built): string => byKind[b.kind].label

  const sourceIds = new Set<string>()
  const kept: Built[] = []
  for (const kind of KINDS) {
    const mergedList = merged[kind]
    if (!mergedList) continue
    const ids = new Set(mergedList.map((r) => r.id))
    for (const r of mergedList) {
      const b = build(kind, r)
      if (!b) continue
      if (!b.value) {
        skipped.push(
          `${label(b)} from the bundle (“${r.id}”) was left out: it is not in our format.`
        )
        continue
      }
      if (b.kind === 'source') sourceIds.add(b.id)
      kept.push(b)
    }
    // Records the merge took out (a document's record stays: every document has one).
    for (const r of local[kind] ?? []) {
      if (ids.has(r.id)) continue
      const b = build(kind, r)
      if (b && b.kind !== 'document') slot(b)[b.id] = null
    }
  }
  for (const s of file.sources) if (out.sources[s.id] !== null) sourceIds.add(s.id)
  for (const b of kept) {
    if (b.kind === 'document' && b.value && b.value.sourceId !== null)
      if (!sourceIds.has(b.value.sourceId)) b.value.sourceId = null
    if (JSON.stringify(current(b)) !== JSON.stringify(b.value)) slot(b)[b.id] = b.value
  }
  const empty = Object.values(out).every((m) => Object.keys(m).length === 0)
  return empty ? null : out
}
