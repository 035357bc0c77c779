import { z } from 'zod'
import {
  CREDIBILITY_LEVELS,
  LINK_STATUSES,
  PROVENANCE_FLAG_KINDS,
  RELIABILITY_LEVELS,
  SOURCE_KINDS
} from './reliability'

const grade = <T extends z.ZodType>(value: T) =>
  z.object({ value, rationale: z.string(), setBy: z.string(), setAt: z.string() })
const graded = <T extends z.ZodType>(value: T) =>
  z.object({ current: grade(value).nullable(), history: z.array(grade(value)) })

const reliability = z.enum(RELIABILITY_LEVELS)
const credibility = z.union(CREDIBILITY_LEVELS.map((n) => z.literal(n)))

export const sourceSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(SOURCE_KINDS),
  notes: z.string(),
  reliability: graded(reliability)
})

export const documentRecordSchema = z.object({
  sourceId: z.string().nullable(),
  reliabilityOverride: graded(reliability),
  credibility: graded(credibility),
  flags: z.array(
    z.object({
      kind: z.enum(PROVENANCE_FLAG_KINDS),
      evidence: z.array(
        z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
      )
    })
  )
})

export const linkSchema = z.object({
  id: z.string().min(1),
  from: z.string().min(1),
  to: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('document'), docId: z.string().min(1) }),
    z.object({ kind: z.literal('source'), name: z.string().min(1) })
  ]),
  status: z.enum(LINK_STATUSES),
  evidence: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('shared-passages'),
        passages: z.number().int().nonnegative(),
        words: z.number().int().nonnegative()
      }),
      z.object({
        kind: z.literal('declared-source'),
        line: z.string(),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative()
      })
    ])
  ),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional()
})

export const claimSchema = z.object({
  id: z.string().min(1),
  a: z.string().min(1),
  b: z.string().min(1),
  setBy: z.string(),
  setAt: z.string()
})

export const highlightGradesSchema = z.object({ credibility: graded(credibility) })

/** reliability.json: the sources, each document's source, grades and flags, highlights' grades. */
export const reliabilityFileSchema = z.object({
  /**
   * 2 since derivation links are kept (an older version refuses the file rather than writing
   * it back without them); a file of version 1 is read, and written back as 2.
   */
  schemaVersion: z.union([z.literal(1), z.literal(2)]).transform((): 2 => 2),
  sources: z.array(sourceSchema),
  documents: z.record(z.string(), documentRecordSchema),
  highlights: z.record(z.string(), highlightGradesSchema),
  /** Derivation links (absent in files written before links were kept). */
  links: z.array(linkSchema).default([]),
  /** Highlights linked as the same claim. */
  claims: z.array(claimSchema).default([])
})
export type ReliabilityFile = z.infer<typeof reliabilityFileSchema>

/** The undo of a grading change (restoreGrades), checked as any other call's arguments. */
export const gradesSnapshotSchema = z
  .object({
    sources: z.record(z.string(), sourceSchema.nullable()),
    documents: z.record(z.string(), documentRecordSchema.nullable()),
    highlights: z.record(z.string(), highlightGradesSchema.nullable()),
    links: z.record(z.string(), linkSchema.nullable()).optional(),
    claims: z.record(z.string(), claimSchema.nullable()).optional()
  })
  .strict()
