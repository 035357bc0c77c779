import { z } from 'zod'
import {
  ACH_RATINGS,
  COOCCURRENCE_SCOPES,
  FREE_EVIDENCE_KINDS,
  MATRIX_AXES,
  RELEVANCES,
  type AchAnalysis,
  type AchOp,
  type AnalysesFile,
  type DateCorrection
} from './analysis'

/**
 * The analyses' data as it crosses a trust boundary: the analyses file on disk, a backup being
 * restored, and the arguments of every analysis call. Sizes are bounded so that a hostile file
 * cannot make the app build something huge.
 */

const id = z.string().min(1).max(200)
const text = z.string().max(100_000)
const stamp = z.string().max(100)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')

export const relevanceSchema = z.enum(RELEVANCES)
const credibility = z.union([1, 2, 3, 4, 5, 6].map((n) => z.literal(n as 1 | 2 | 3 | 4 | 5 | 6)))
export const achCellSchema = z.object({
  rating: z.enum(ACH_RATINGS),
  rationale: z.string().max(10_000).optional()
})
const cells = z.record(id, achCellSchema).refine((r) => Object.keys(r).length <= 1000, {
  message: 'at most 1,000 ratings a row'
})
const override = z.object({ value: credibility, rationale: z.string().max(10_000) })
const base = {
  id,
  relevance: relevanceSchema,
  credibility: override.nullable(),
  cells
}
export const achEvidenceSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('highlight'),
    annotationId: id,
    docId: id,
    text
  }),
  z.object({ ...base, kind: z.enum(FREE_EVIDENCE_KINDS), text })
])
export const achHypothesisSchema = z.object({ id, text: z.string().max(10_000) })

export const achAnalysisSchema: z.ZodType<AchAnalysis> = z.object({
  id,
  title: z.string().max(1000),
  question: z.string().max(10_000),
  hypotheses: z.array(achHypothesisSchema).max(1000),
  evidence: z.array(achEvidenceSchema).max(10_000),
  created: stamp,
  modified: stamp
})

export const dateCorrectionSchema: z.ZodType<DateCorrection> = z.object({
  annotationId: id,
  date: day,
  precision: z.enum(['day', 'month', 'year'])
})

export const analysesFileSchema: z.ZodType<AnalysesFile> = z.object({
  schemaVersion: z.literal(1),
  analyses: z.array(achAnalysisSchema).max(10_000),
  dates: z.array(dateCorrectionSchema).max(10_000_000)
})

const at = { at: stamp.optional() }
export const achOpSchema: z.ZodType<AchOp> = z.discriminatedUnion('type', [
  z.object({ ...at, type: z.literal('describe'), title: z.string().max(1000), question: text }),
  z.object({
    ...at,
    type: z.literal('addHypothesis'),
    hypothesis: achHypothesisSchema,
    index: z.number().int().nonnegative().optional(),
    cells: cells.optional()
  }),
  z.object({
    ...at,
    type: z.literal('renameHypothesis'),
    id,
    text: z.string().max(10_000)
  }),
  z.object({ ...at, type: z.literal('removeHypothesis'), id }),
  z.object({
    ...at,
    type: z.literal('addEvidence'),
    evidence: achEvidenceSchema,
    index: z.number().int().nonnegative().optional()
  }),
  z.object({ ...at, type: z.literal('removeEvidence'), id }),
  z.object({
    ...at,
    type: z.literal('rate'),
    evidenceId: id,
    hypothesisId: id,
    cell: achCellSchema.nullable()
  }),
  z.object({
    ...at,
    type: z.literal('setRelevance'),
    evidenceId: id,
    relevance: relevanceSchema
  }),
  z.object({
    ...at,
    type: z.literal('overrideCredibility'),
    evidenceId: id,
    override: override.nullable()
  })
])

const filter = {
  grades: z.string().max(1000).optional(),
  from: day.optional(),
  to: day.optional()
}
export const matrixQuerySchema = z
  .object({
    ...filter,
    cols: z.enum(MATRIX_AXES),
    maxCols: z.number().int().min(1).max(100_000).optional()
  })
  .strict()
export const matrixCellSchema = z
  .object({
    ...filter,
    cols: z.enum(MATRIX_AXES),
    tagId: id,
    colId: z.string().max(1000).optional()
  })
  .strict()
export const cooccurrenceQuerySchema = z
  .object({ ...filter, scope: z.enum(COOCCURRENCE_SCOPES) })
  .strict()
export const cooccurrenceCellSchema = z
  .object({ ...filter, scope: z.enum(COOCCURRENCE_SCOPES), a: id, b: id })
  .strict()
export const frequencyQuerySchema = z
  .object({ ...filter, by: z.enum(['documents', 'sources']) })
  .strict()
export const analysisFilterSchema = z.object(filter).strict()
export const analysisTableSchema = z.union([
  // An exported table has every column: no `maxCols`.
  matrixQuerySchema.omit({ maxCols: true }).extend({ kind: z.literal('matrix') }),
  cooccurrenceQuerySchema.extend({ kind: z.literal('cooccurrence') })
])
export const tableFormatSchema = z.enum(['csv', 'markdown'])
export const achOptionsSchema = z.object({ foldOrigins: z.boolean().optional() }).strict()
export const newAchEvidenceSchema = z.union([
  z.object({ annotationId: id, relevance: relevanceSchema.optional() }).strict(),
  z
    .object({
      kind: z.enum(FREE_EVIDENCE_KINDS),
      text: z.string().max(10_000),
      relevance: relevanceSchema.optional()
    })
    .strict()
])
export const passageDateSchema = z
  .object({ date: day, precision: z.enum(['day', 'month', 'year']) })
  .strict()
