import { z } from 'zod'
import type { Annotation, Memo, Tag } from './model'
import { HIGHLIGHT_COLORS } from './model'

/** Schemas of the model objects that cross a trust boundary whole: read from disk, or sent back by the renderer to undo. */

export const tagSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  parent: z.string().nullable(),
  color: z.string(),
  description: z.string()
}) satisfies z.ZodType<Tag>

export const memoSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  text: z.string(),
  docIds: z.array(z.string()),
  tagIds: z.array(z.string()),
  created: z.string(),
  modified: z.string()
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
  modified: z.string()
}) satisfies z.ZodType<Annotation>
