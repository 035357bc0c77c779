import { z } from 'zod'
import { HIGHLIGHT_COLORS, SUPPORTED_FORMATS } from '../../../../shared/model'
import {
  ANNOTATION_FIELDS,
  ANNOTATION_ID,
  BASES_MAX,
  BUNDLE_FORMAT,
  DOCUMENT_FIELDS,
  ID,
  MEMO_FIELDS,
  PART_PATH,
  TAG_FIELDS,
  type BundleManifest,
  type CaseState
} from './format'

/**
 * Schemas for a bundle read from elsewhere: every id in our format, every list and string
 * bounded, so that a hostile bundle is refused before anything is built from it.
 */
export const LIMITS = {
  parts: 200_001,
  documents: 100_000,
  tags: 50_000,
  annotations: 500_000,
  memos: 100_000,
  records: 500_000,
  refs: 10_000,
  shortText: 10_000,
  longText: 2_000_000
} as const

/** A list checked for its length before its items are (a million-item list is refused at once). */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(z.unknown()).max(max).pipe(z.array(item))

const id = z.string().regex(ID, 'an id of ours (1 to 128 letters, digits, - or _)')
const annotationId = z
  .string()
  .regex(ANNOTATION_ID, 'an annotation id of ours (<document id>.<number>)')
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex')
const time = z
  .string()
  .max(40)
  .regex(
    /^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?$/,
    'a date and time (ISO 8601)'
  )
const short = z.string().max(LIMITS.shortText)
const long = z.string().max(LIMITS.longText)
const times = (fields: readonly string[]) =>
  z.partialRecord(z.enum(fields as [string, ...string[]]), time).optional()

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().positive(),
  id,
  createdAt: time,
  from: z.object({ workspaceId: id, name: short.optional() }),
  to: z.object({ workspaceId: id }).nullable(),
  lastExchange: z.object({ id, at: time }).nullable(),
  bases: z
    .array(z.object({ id, at: time }))
    .max(BASES_MAX)
    .optional(),
  partial: z.boolean().optional(),
  parts: list(
    z.object({
      path: z
        .string()
        .max(200)
        .regex(PART_PATH, 'a part name of ours (case.json, texts/…, originals/…)'),
      sha256,
      bytes: z.number().int().nonnegative()
    }),
    LIMITS.parts
  )
}) satisfies z.ZodType<BundleManifest>

const documentSchema = z.object({
  id,
  textSha256: sha256,
  sha256,
  title: short,
  author: short.nullable(),
  published: short.nullable(),
  source: short.nullable(),
  originalName: short,
  format: z.enum(SUPPORTED_FORMATS),
  importedAt: time,
  note: long,
  included: z.boolean(),
  modified: time,
  times: times(DOCUMENT_FIELDS)
})

const tagSchema = z.object({
  id,
  name: short.min(1),
  parent: id.nullable(),
  color: z.string().max(64),
  description: long,
  modified: time,
  times: times(TAG_FIELDS)
})

const offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const annotationSchema = z.object({
  id: annotationId,
  docId: id,
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: long,
    prefix: short,
    suffix: short
  }),
  position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
  status: z.enum(['anchored', 'orphaned']),
  color: z.enum(HIGHLIGHT_COLORS),
  tags: list(id, LIMITS.refs),
  note: long,
  created: time,
  modified: time,
  times: times(ANNOTATION_FIELDS)
})

const memoSchema = z.object({
  id,
  title: short,
  text: long,
  docIds: list(id, LIMITS.refs),
  tagIds: list(id, LIMITS.refs),
  created: time,
  modified: time,
  times: times(MEMO_FIELDS)
})

// Record fields hold notes and grade histories as JSON text: a long text each.
const scalar = z.union([long, z.number(), z.boolean(), z.null()])
const recordSchema = z.object({
  id,
  docIds: list(id, LIMITS.refs),
  annotationIds: list(annotationId, LIMITS.refs),
  fields: z.record(
    z
      .string()
      .max(64)
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a field name'),
    scalar
  ),
  created: time,
  modified: time,
  times: z.record(z.string().max(64), time).optional()
})

export const caseSchema = z.object({
  documents: list(documentSchema, LIMITS.documents),
  tags: list(tagSchema, LIMITS.tags),
  annotations: list(annotationSchema, LIMITS.annotations),
  memos: list(memoSchema, LIMITS.memos),
  sources: list(recordSchema, LIMITS.records).optional(),
  grades: list(recordSchema, LIMITS.records).optional(),
  links: list(recordSchema, LIMITS.records).optional()
}) satisfies z.ZodType<CaseState>

const where = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
    ''
  ) || 'the whole file'

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) =>
      v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined,
    input
  )

const kindOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v === 'string'
          ? 'text'
          : `a ${typeof v}`

const article = (s: string): string =>
  s === 'array' ? 'a list' : /^[aeiou]/.test(s) ? `an ${s}` : `a ${s}`

/** One plain sentence for the first problem zod found in a part. */
export function describeIssue(part: string, error: z.ZodError, input: unknown): string {
  const issue = error.issues[0]
  const at = where(issue.path)
  const value = valueAt(input, issue.path)
  const shown =
    typeof value === 'string'
      ? `“${value.slice(0, 80)}${value.length > 80 ? '…' : ''}”`
      : kindOf(value)
  let what: string
  if (issue.code === 'too_big')
    what =
      issue.origin === 'array'
        ? `${at} has more than ${Number(issue.maximum).toLocaleString('en')} items, the most a bundle may hold`
        : issue.origin === 'string'
          ? `${at} is longer than ${Number(issue.maximum).toLocaleString('en')} characters`
          : `${at} is larger than ${String(issue.maximum)}`
  else if (issue.code === 'invalid_format')
    what = `${at} is ${shown}, which is not ${issue.message}`
  else if (issue.code === 'invalid_type')
    what =
      value === undefined
        ? `${at} is missing`
        : `${at} should be ${article(issue.expected)}, not ${kindOf(value)}`
  else if (issue.code === 'invalid_value')
    what = `${at} is ${shown}, which is not one of the values allowed`
  else what = `${at} is not valid (${issue.message})`
  return `The bundle was refused: in ${part}, ${what}.`
}
