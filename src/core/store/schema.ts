import { z } from 'zod'
import type {
  ReadOptions,
  Block,
  BlockRole,
  DetailField,
  DocumentMeta,
  StoredRef,
  TextEncodingInfo
} from '../../shared/model'
import { BLOCK_ROLES, DETAIL_FIELDS, SUPPORTED_FORMATS } from '../../shared/model'
import { annotationSchema, memoSchema, tagSchema } from '../../shared/model-schemas'

/** Schemas for every file the workbench reads back from disk. */

export const SCHEMA_VERSION = 1

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const documentMetaSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  author: z.string().nullable(),
  published: z.string().nullable(),
  source: z.string().nullable(),
  originalName: z.string(),
  format: z.enum(SUPPORTED_FORMATS),
  sha256,
  textSha256: sha256,
  stored: z.object({
    pack: z.string().regex(/^pack-\d{6}\.awp$/),
    at: z.number().int().nonnegative(),
    text: z.number().int().nonnegative(),
    blocks: z.number().int().nonnegative(),
    original: z.number().int().nonnegative()
  }),
  bytes: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  importedAt: z.string(),
  importOrder: z.number().int().positive(),
  url: z.string().nullable().optional(),
  language: z.string().nullable().optional(),
  encoding: z
    .object({ name: z.string(), guessed: z.boolean(), confidence: z.number().min(0).max(1) })
    .optional(),
  found: z.partialRecord(z.enum(DETAIL_FIELDS), z.string().nullable()).optional(),
  read: z.object({ wholePage: z.boolean().optional(), encoding: z.string().optional() }).optional(),
  times: z.partialRecord(z.enum(DETAIL_FIELDS), z.string().max(64)).optional()
}) satisfies z.ZodType<DocumentMeta>

const FORMATS = new Set<unknown>(SUPPORTED_FORMATS)
const SHA256 = /^[0-9a-f]{64}$/
const PACK_NAME = /^pack-\d{6}\.awp$/
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0
const isText = (v: unknown): v is string => typeof v === 'string'
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string'

/** A document as it is kept in another workspace or a backup: where its text is kept is left out. */
export type PortableDocumentMeta = Omit<DocumentMeta, 'stored'>

/**
 * One document of the catalog, checked as `documentMetaSchema` would, by hand: the catalog of a
 * large workspace lists 100,000 documents, and the schema library took about a second over them
 * on every open. The document, or what is wrong with it (named by its field).
 */
export function parseDocumentMeta(value: unknown): DocumentMeta | { problem: string } {
  const meta = parsePortableDocumentMeta(value)
  if ('problem' in meta) return meta
  const r = (value as { stored?: unknown }).stored as Partial<Record<keyof StoredRef, unknown>>
  // Every document names the pack record holding its text (only a pre-release layout did not).
  if (r === undefined) return { problem: 'stored: missing (where the text is kept, in texts/)' }
  if (typeof r !== 'object' || r === null || Array.isArray(r))
    return { problem: 'stored: expected an object' }
  if (!isText(r.pack) || !PACK_NAME.test(r.pack))
    return { problem: 'stored.pack: expected a pack file name' }
  for (const key of ['at', 'text', 'blocks', 'original'] as const)
    if (!isCount(r[key])) return { problem: `stored.${key}: expected a whole number, 0 or more` }
  const stored: StoredRef = {
    pack: r.pack,
    at: r.at as number,
    text: r.text as number,
    blocks: r.blocks as number,
    original: r.original as number
  }
  // The object was made just now: completed in place (a copy for each of 100,000 documents costs).
  return Object.assign(meta, { stored })
}

/** A document of a backup, checked as `parseDocumentMeta` checks one of the catalog, less `stored`. */
export function parsePortableDocumentMeta(
  value: unknown
): PortableDocumentMeta | { problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: 'not an object' }
  const v = value as Partial<Record<keyof DocumentMeta, unknown>>
  const bad = (field: string, expected: string): { problem: string } => ({
    problem: `${field}: expected ${expected}`
  })
  if (!isText(v.id) || v.id.length === 0) return bad('id', 'a non-empty string')
  if (!isText(v.title)) return bad('title', 'a string')
  if (!isTextOrNull(v.author)) return bad('author', 'a string or null')
  if (!isTextOrNull(v.published)) return bad('published', 'a string or null')
  if (!isTextOrNull(v.source)) return bad('source', 'a string or null')
  if (!isText(v.originalName)) return bad('originalName', 'a string')
  if (!FORMATS.has(v.format)) return bad('format', SUPPORTED_FORMATS.join(', '))
  if (!isText(v.sha256) || !SHA256.test(v.sha256)) return bad('sha256', 'a SHA-256 in hex')
  if (!isText(v.textSha256) || !SHA256.test(v.textSha256))
    return bad('textSha256', 'a SHA-256 in hex')
  for (const key of ['bytes', 'chars', 'words'] as const)
    if (!isCount(v[key])) return bad(key, 'a whole number, 0 or more')
  if (!isText(v.importedAt)) return bad('importedAt', 'a string')
  if (!isCount(v.importOrder) || v.importOrder === 0)
    return bad('importOrder', 'a whole number, 1 or more')
  if (v.url !== undefined && !isTextOrNull(v.url)) return bad('url', 'a string or null')
  if (v.language !== undefined && !isTextOrNull(v.language))
    return bad('language', 'a string or null')
  const encoding = v.encoding === undefined ? undefined : parseEncoding(v.encoding)
  if (encoding === null) return bad('encoding', 'an encoding name, whether guessed, confidence')
  const found = v.found === undefined ? undefined : parseFound(v.found)
  if (found === null) return bad('found', 'the found values of edited details')
  const read = v.read === undefined ? undefined : parseRead(v.read)
  if (read === null) return bad('read', 'how the file was read (wholePage, encoding)')
  const times = v.times === undefined ? undefined : parseTimes(v.times)
  if (times === null) return bad('times', 'when each edited detail changed')
  const meta: PortableDocumentMeta = {
    id: v.id,
    title: v.title,
    author: v.author,
    published: v.published,
    source: v.source,
    originalName: v.originalName,
    format: v.format as DocumentMeta['format'],
    sha256: v.sha256,
    textSha256: v.textSha256,
    bytes: v.bytes as number,
    chars: v.chars as number,
    words: v.words as number,
    importedAt: v.importedAt,
    importOrder: v.importOrder
  }
  if (v.url !== undefined) meta.url = v.url as string | null
  if (v.language !== undefined) meta.language = v.language as string | null
  if (encoding) meta.encoding = encoding
  if (found) meta.found = found
  if (read) meta.read = read
  if (times) meta.times = times
  return meta
}

function parseRead(value: unknown): ReadOptions | null {
  const r = value as Partial<Record<keyof ReadOptions, unknown>> | null
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return null
  if (r.wholePage !== undefined && typeof r.wholePage !== 'boolean') return null
  if (r.encoding !== undefined && !isText(r.encoding)) return null
  const out: ReadOptions = {}
  if (r.wholePage !== undefined) out.wholePage = r.wholePage
  if (r.encoding !== undefined) out.encoding = r.encoding
  return out
}

function parseEncoding(value: unknown): TextEncodingInfo | null {
  const e = value as Partial<Record<keyof TextEncodingInfo, unknown>> | null
  if (typeof e !== 'object' || e === null) return null
  if (!isText(e.name) || typeof e.guessed !== 'boolean' || typeof e.confidence !== 'number')
    return null
  if (!(e.confidence >= 0 && e.confidence <= 1)) return null
  return { name: e.name, guessed: e.guessed, confidence: e.confidence }
}

const DETAIL_SET = new Set<string>(DETAIL_FIELDS)

function parseFound(value: unknown): DocumentMeta['found'] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const out: NonNullable<DocumentMeta['found']> = {}
  for (const [k, v] of Object.entries(value)) {
    if (!DETAIL_SET.has(k) || !isTextOrNull(v)) return null
    out[k as DetailField] = v
  }
  return out
}

function parseTimes(value: unknown): DocumentMeta['times'] | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const out: NonNullable<DocumentMeta['times']> = {}
  for (const [k, v] of Object.entries(value)) {
    if (!DETAIL_SET.has(k) || !isText(v) || v.length > 64) return null
    out[k as DetailField] = v
  }
  return out
}

/** A list of documents, each checked by `parse` (one of the functions above). */
const documentList = <T>(parse: (value: unknown) => T | { problem: string }) =>
  z.array(z.unknown()).transform((list, ctx) => {
    const out: T[] = new Array(list.length)
    for (let i = 0; i < list.length; i++) {
      const meta = parse(list[i])
      if (typeof meta === 'object' && meta !== null && 'problem' in meta) {
        ctx.addIssue({ code: 'custom', path: [i], message: meta.problem })
        return z.NEVER
      }
      out[i] = meta as T
    }
    return out
  })

export const workspaceFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  nextImportOrder: z.number().int().positive(),
  documents: documentList(parseDocumentMeta),
  codebook: z.object({ tags: z.array(tagSchema) }),
  memos: z.array(memoSchema).default([]),
  /** Raised by every rewrite of this file; journal lines of other generations are ignored. */
  catalogGeneration: z.number().int().nonnegative().default(0)
})

/** The catalog as exported to a backup: its documents without `stored`, without its generation. */
export const portableWorkspaceSchema = workspaceFileSchema
  .omit({ catalogGeneration: true })
  .extend({ documents: documentList(parsePortableDocumentMeta) })
export type WorkspaceFile = z.infer<typeof workspaceFileSchema>

export const emptyWorkspace = (): WorkspaceFile => ({
  schemaVersion: SCHEMA_VERSION,
  nextImportOrder: 1,
  documents: [],
  codebook: { tags: [] },
  memos: [],
  catalogGeneration: 0
})

const BLOCK_ROLE_SET = new Set<unknown>(BLOCK_ROLES)
const BLOCK_KINDS = new Set<unknown>(['heading', 'paragraph', 'list-item', 'quote', 'preformatted'])

/**
 * A document's stored structure, checked as `blocksSchema` would, by hand: a long document has
 * thousands of blocks, and the schema library took tens of milliseconds over them on every open.
 * Null when it is not a valid structure for a text of this length.
 */
export function parseBlocks(value: unknown, textLength: number): Block[] | null {
  if (!Array.isArray(value)) return null
  const out: Block[] = new Array(value.length)
  for (let i = 0; i < value.length; i++) {
    const b = value[i] as Partial<Record<keyof Block, unknown>> | null
    if (typeof b !== 'object' || b === null) return null
    const { kind, start, end, level, role, page } = b
    if (!BLOCK_KINDS.has(kind)) return null
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null
    if (
      (start as number) < 0 ||
      (end as number) < (start as number) ||
      (end as number) > textLength
    )
      return null
    if (level !== undefined && !(Number.isInteger(level) && (level as number) > 0)) return null
    if (role !== undefined && !BLOCK_ROLE_SET.has(role)) return null
    if (page !== undefined && !(Number.isInteger(page) && (page as number) > 0)) return null
    const block = { kind, start, end } as Block
    if (level !== undefined) block.level = level as number
    // What a block is besides body text, and its page, are kept: the reader, citations and search
    // hits show them.
    if (role !== undefined) block.role = role as BlockRole
    if (page !== undefined) block.page = page as number
    out[i] = block
  }
  return out
}

export const blocksSchema = z.array(
  z.object({
    kind: z.enum(['heading', 'paragraph', 'list-item', 'quote', 'preformatted']),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    level: z.number().int().positive().optional(),
    role: z.enum(BLOCK_ROLES).optional(),
    page: z.number().int().positive().optional()
  })
) satisfies z.ZodType<Block[]>

export const annotationFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  docId: z.string().min(1),
  note: z.string(),
  /** When the note was last changed (unknown in files written before it was kept). */
  noteModified: z.string().max(64).optional(),
  annotations: z.array(annotationSchema),
  /** Raised by every rewrite of this file; journal lines of other generations are ignored. */
  generation: z.number().int().nonnegative().default(0),
  /** The text the positions belong to (set once a new version has moved them). */
  textSha256: sha256.optional(),
  /** While a new version is being switched to: the positions in the text it replaces. */
  previous: z.object({ textSha256: sha256, annotations: z.array(annotationSchema) }).optional()
})
export type AnnotationFile = z.infer<typeof annotationFileSchema>

/** The trash: documents removed from the library, kept (with their highlights) until it is emptied. */
export const trashFileSchema = z.object({
  schemaVersion: z.literal(1),
  items: z.array(z.object({ meta: documentMetaSchema, removedAt: z.string() }))
})
export type TrashFile = z.infer<typeof trashFileSchema>
