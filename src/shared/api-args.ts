import { z } from 'zod'
import type { ApiMethod, ApiSpec } from './api'
import { EXPORT_FORMATS, HIGHLIGHT_COLORS, MAX_QUERY_CHARS, TEXT_ENCODINGS } from './model'
import { annotationSchema, memoSchema, tagSchema } from './model-schemas'
import { CREDIBILITY_LEVELS, RELIABILITY_LEVELS, SOURCE_KINDS } from './reliability'
import { gradesSnapshotSchema } from './reliability-schemas'
import {
  achAnalysisSchema,
  achOpSchema,
  achOptionsSchema,
  analysisFilterSchema,
  analysisTableSchema,
  cooccurrenceCellSchema,
  cooccurrenceQuerySchema,
  frequencyQuerySchema,
  matrixCellSchema,
  matrixQuerySchema,
  newAchEvidenceSchema,
  passageDateSchema,
  tableFormatSchema
} from './analysis-schemas'

const id = z.string().min(1).max(200)
const offset = z.number().int().nonnegative()
const readOptions = z
  .object({
    wholePage: z.boolean().optional(),
    encoding: z.enum(TEXT_ENCODINGS).optional()
  })
  .strict()
const file = z
  .object({
    name: z.string().min(1).max(4096),
    data: z.instanceof(Uint8Array),
    read: readOptions.optional()
  })
  .strict()
const tagIds = z.array(id).max(1000)
const color = z.enum(HIGHLIGHT_COLORS)
const note = z.string().max(1_000_000)
const reliability = z.enum(RELIABILITY_LEVELS)
const credibility = z.union(CREDIBILITY_LEVELS.map((n) => z.literal(n)))
const rationale = z.string().max(10_000)
const memoInput = z
  .object({
    title: z.string().max(1000),
    text: note,
    docIds: z.array(id).optional(),
    tagIds: tagIds.optional()
  })
  .strict()

/** Argument schemas, checked by every host before the core sees a call. */
export const apiArgs = {
  getWorkspaceInfo: z.tuple([]),
  listDocuments: z.tuple([]),
  getDocument: z.tuple([id]),
  getDocumentPart: z.tuple([id, offset, z.number().int().positive()]),
  importFile: z.tuple([file]),
  removeDocument: z.tuple([id]),
  restoreDocument: z.tuple([id]),
  readDocumentAgain: z.tuple([id, readOptions]),
  updateDocumentDetails: z.tuple([
    id,
    z
      .object({
        // null is refused by the core with its own sentence (a document needs a title).
        title: z.string().max(10_000).nullable().optional(),
        author: z.string().max(10_000).nullable().optional(),
        source: z.string().max(10_000).nullable().optional(),
        published: z.string().max(100).nullable().optional(),
        url: z.string().max(10_000).nullable().optional(),
        language: z.string().max(100).nullable().optional()
      })
      .strict()
  ]),
  listTrash: z.tuple([]),
  emptyTrash: z.tuple([]),
  openSampleWorkspace: z.tuple([]),
  reimportDocument: z.tuple([id, file]),
  listAnnotations: z.union([
    z.tuple([id]),
    z.tuple([id, z.object({ start: offset, end: offset }).strict()])
  ]),
  createAnnotation: z.tuple([
    z
      .object({
        docId: id,
        start: offset,
        end: offset,
        color: color.optional(),
        tags: tagIds.optional(),
        note: note.optional()
      })
      .strict()
  ]),
  updateAnnotation: z.tuple([
    id,
    z.object({ color: color.optional(), tags: tagIds.optional(), note: note.optional() }).strict()
  ]),
  deleteAnnotation: z.tuple([id]),
  restoreAnnotation: z.tuple([annotationSchema]),
  reattachAnnotation: z.tuple([id, offset, offset]),
  getDocumentNote: z.tuple([id]),
  setDocumentNote: z.tuple([id, note]),
  listTags: z.tuple([]),
  createTag: z.tuple([
    z
      .object({
        path: z.string().min(1).max(2000),
        color: z.string().max(50).optional(),
        description: z.string().max(10_000).optional()
      })
      .strict()
  ]),
  updateTag: z.tuple([
    id,
    z
      .object({
        name: z.string().max(200).optional(),
        parent: id.nullable().optional(),
        color: z.string().max(50).optional(),
        description: z.string().max(10_000).optional()
      })
      .strict()
  ]),
  mergeTags: z.tuple([id, id]),
  deleteTag: z.tuple([id]),
  applyTagState: z.tuple([
    z
      .object({
        tags: z.array(tagSchema),
        passages: z.array(z.object({ id, tags: tagIds }).strict())
      })
      .strict()
  ]),
  tagUsage: z.tuple([id]),
  listPassages: z.tuple([id]),
  search: z.union([
    z.tuple([z.string().max(MAX_QUERY_CHARS)]),
    z.tuple([
      z.string().max(MAX_QUERY_CHARS),
      z
        .object({
          tagId: id.optional(),
          docId: id.optional(),
          after: z.string().max(20).optional(),
          before: z.string().max(20).optional(),
          limit: z.number().int().min(1).max(1000).optional(),
          typeahead: z.boolean().optional()
        })
        .strict()
    ])
  ]),
  findInDocument: z.tuple([id, z.string().max(2000)]),
  exportWorkspace: z.tuple([
    z
      .object({
        format: z.enum(EXPORT_FORMATS),
        docIds: z.array(id).max(100_000).optional(),
        tagIds: tagIds.optional(),
        annotationIds: z.array(id).max(100_000).optional(),
        groupBy: z.enum(['doc', 'tag']).optional(),
        fragment: z.boolean().optional(),
        title: z.string().max(1000).optional(),
        memosOnly: z.boolean().optional(),
        grades: z.string().max(1000).optional()
      })
      .strict()
  ]),
  restoreBackup: z.tuple([file]),
  listMemos: z.tuple([]),
  createMemo: z.tuple([memoInput]),
  updateMemo: z.tuple([id, memoInput]),
  deleteMemo: z.tuple([id]),
  restoreMemo: z.tuple([memoSchema]),
  listSources: z.tuple([]),
  listDocumentGrades: z.tuple([]),
  getDocumentReliability: z.tuple([id]),
  setDocumentSource: z.tuple([id, z.string().max(1000).nullable()]),
  updateSource: z.tuple([
    id,
    z
      .object({
        name: z.string().max(1000).optional(),
        kind: z.enum(SOURCE_KINDS).optional(),
        aliases: z.array(z.string().max(1000)).max(100).optional(),
        notes: note.optional()
      })
      .strict()
  ]),
  gradeSource: z.tuple([id, reliability.nullable(), rationale]),
  gradeDocument: z.tuple([
    id,
    z
      .object({
        credibility: credibility.nullable().optional(),
        reliability: reliability.nullable().optional()
      })
      .strict(),
    rationale
  ]),
  gradeHighlight: z.tuple([id, credibility.nullable(), rationale]),
  restoreGrades: z.tuple([gradesSnapshotSchema]),
  sharedPassages: z.tuple([
    id,
    z.object({ withDocId: id.optional(), includeBoilerplate: z.boolean().optional() }).strict()
  ]),
  comparePassages: z.tuple([id, id]),
  listOrigins: z.tuple([]),
  derivationsOf: z.tuple([id]),
  setLink: z.tuple([
    id,
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('document'), docId: id }).strict(),
      z.object({ kind: z.literal('source'), name: z.string().min(1).max(1000) }).strict()
    ]),
    z.enum(['confirmed', 'rejected'])
  ]),
  setSameClaim: z.tuple([z.string().min(1).max(400), z.string().min(1).max(400), z.boolean()]),
  corroborationOf: z.tuple([id]),
  codeMatrix: z.tuple([matrixQuerySchema]),
  matrixPassages: z.tuple([matrixCellSchema]),
  cooccurrence: z.tuple([cooccurrenceQuerySchema]),
  cooccurrencePassages: z.tuple([cooccurrenceCellSchema]),
  tagFrequencies: z.tuple([frequencyQuerySchema]),
  timeline: z.tuple([analysisFilterSchema]),
  setPassageDate: z.tuple([id, passageDateSchema.nullable()]),
  analysisTable: z.tuple([analysisTableSchema, tableFormatSchema]),
  listAnalyses: z.tuple([]),
  getAnalysis: z.tuple([id, achOptionsSchema]),
  createAnalysis: z.tuple([
    z
      .object({ title: z.string().max(10_000), question: z.string().max(100_000).optional() })
      .strict()
  ]),
  deleteAnalysis: z.tuple([id]),
  restoreAnalysis: z.tuple([achAnalysisSchema]),
  changeAnalysis: z.tuple([id, achOpSchema]),
  addHypothesis: z.tuple([id, z.string().max(10_000)]),
  addEvidence: z.tuple([id, newAchEvidenceSchema]),
  analysisReport: z.tuple([id, tableFormatSchema, achOptionsSchema]),
  exportQdpx: z.tuple([]),
  importProject: z.tuple([file]),
  exportBundle: z.tuple([
    z
      .object({
        docIds: z.array(id).max(100_000).optional(),
        tagIds: tagIds.optional()
      })
      .strict()
  ]),
  mergeBundle: z.tuple([file, z.object({ dryRun: z.boolean().optional() }).strict()]),
  undoMerge: z.tuple([id]),
  redoMerge: z.tuple([id])
} as const satisfies { [K in ApiMethod]: z.ZodType<Parameters<ApiSpec[K]>> }
