import { z } from 'zod'
import type { Block, DocumentMeta } from '../../shared/model'
import { SUPPORTED_FORMATS } from '../../shared/model'
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
  stored: z
    .object({
      pack: z.string().regex(/^pack-\d{6}\.awp$/),
      at: z.number().int().nonnegative(),
      text: z.number().int().nonnegative(),
      blocks: z.number().int().nonnegative(),
      original: z.number().int().nonnegative()
    })
    .optional(),
  bytes: z.number().int().nonnegative(),
  chars: z.number().int().nonnegative(),
  words: z.number().int().nonnegative(),
  importedAt: z.string(),
  importOrder: z.number().int().positive()
}) satisfies z.ZodType<DocumentMeta>

export const workspaceFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  nextImportOrder: z.number().int().positive(),
  documents: z.array(documentMetaSchema),
  codebook: z.object({ tags: z.array(tagSchema) }),
  memos: z.array(memoSchema).default([]),
  /** Raised by every rewrite of this file; journal lines of other generations are ignored. */
  catalogGeneration: z.number().int().nonnegative().default(0)
})
export type WorkspaceFile = z.infer<typeof workspaceFileSchema>

export const emptyWorkspace = (): WorkspaceFile => ({
  schemaVersion: SCHEMA_VERSION,
  nextImportOrder: 1,
  documents: [],
  codebook: { tags: [] },
  memos: [],
  catalogGeneration: 0
})

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
    const { kind, start, end, level } = b
    if (!BLOCK_KINDS.has(kind)) return null
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null
    if (
      (start as number) < 0 ||
      (end as number) < (start as number) ||
      (end as number) > textLength
    )
      return null
    if (level !== undefined && !(Number.isInteger(level) && (level as number) > 0)) return null
    const block = { kind, start, end } as Block
    if (level !== undefined) block.level = level as number
    out[i] = block
  }
  return out
}

export const blocksSchema = z.array(
  z.object({
    kind: z.enum(['heading', 'paragraph', 'list-item', 'quote', 'preformatted']),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    level: z.number().int().positive().optional()
  })
) satisfies z.ZodType<Block[]>

export const annotationFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  docId: z.string().min(1),
  note: z.string(),
  annotations: z.array(annotationSchema),
  /** Raised by every rewrite of this file; journal lines of other generations are ignored. */
  generation: z.number().int().nonnegative().default(0)
})
export type AnnotationFile = z.infer<typeof annotationFileSchema>
