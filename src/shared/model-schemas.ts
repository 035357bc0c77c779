import { z } from 'zod'
import type { Annotation, Memo, Tag } from './model'
import { HIGHLIGHT_COLORS } from './model'

/** The change times of a record's fields (ISO 8601 text, not checked further: they are only compared). */
const times = <F extends string>(fields: readonly [F, ...F[]]) =>
  z
    .object(
      Object.fromEntries(fields.map((f) => [f, z.string().max(64).optional()])) as Record<
        F,
        z.ZodOptional<z.ZodString>
      >
    )
    .optional()

/** Schemas of the model objects that cross a trust boundary whole: read from disk, or sent back by the renderer to undo. */

export const tagSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  parent: z.string().nullable(),
  color: z.string(),
  description: z.string(),
  times: times(['name', 'parent', 'color', 'description'])
}) satisfies z.ZodType<Tag>

export const memoSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  text: z.string(),
  docIds: z.array(z.string()),
  tagIds: z.array(z.string()),
  created: z.string(),
  modified: z.string(),
  times: times(['title', 'text', 'docIds', 'tagIds'])
}) satisfies z.ZodType<Memo>

const offset = z.number().int().nonnegative()

export const annotationSchema = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string()
  }),
  position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
  status: z.enum(['anchored', 'orphaned']),
  color: z.enum(HIGHLIGHT_COLORS),
  tags: z.array(z.string()),
  note: z.string(),
  created: z.string(),
  modified: z.string(),
  times: times(['anchor', 'color', 'tags', 'note'])
}) satisfies z.ZodType<Annotation>
