import { z } from 'zod'
import type { DocumentMeta, Memo, Tag } from '../../../shared/model'
import { annotationSchema, memoSchema, tagSchema } from '../../../shared/model-schemas'
import type { GradesSnapshot } from '../../../shared/reliability'
import { gradesSnapshotSchema } from '../../../shared/reliability-schemas'
import { caseSchema } from '../../domain/exchange/bundle/schema'
import type { CaseState } from '../../domain/exchange/bundle/format'
import { documentMetaSchema, type AnnotationFile } from '../../ports'

/**
 * What the exchange keeps in exchange.json: this workspace's id (named in the bundles it sends),
 * the last exchange with each other workspace, the contents of recent bundles (the base of the
 * next three-way merge with their peer), and what each recent merge changed, so that it can be
 * undone and redone.
 */

/** What a merge changed, as it was on one side of it (before, or after). */
export interface MergeSideState {
  /** Documents the merge added: on the before side they are absent. */
  added: DocumentMeta[]
  /** Details of documents the merge changed. */
  details: {
    id: string
    fields: Pick<DocumentMeta, 'title' | 'author' | 'published' | 'source' | 'times'>
  }[]
  /** Highlights and note of each document the merge touched. */
  files: Pick<AnnotationFile, 'docId' | 'note' | 'noteModified' | 'annotations'>[]
  tags: Tag[] | null
  memos: Memo[] | null
  /** Sources, grades and links the merge changed (absent: none, or a merge of an earlier version). */
  grades?: GradesSnapshot
}

export interface MergeRecord {
  id: string
  at: string
  bundleId: string
  from: string
  /** The last exchange with the bundle's workspace before this merge (null: none). */
  peerBefore: { id: string; at: string } | null
  state: 'merged' | 'undone'
  before: MergeSideState
  after: MergeSideState
}

export interface ExchangeFile {
  schemaVersion: 1
  workspaceId: string | null
  peers: Record<string, { id: string; at: string }>
  /** `partial`: the bundle carried some documents only (it is no base for a whole one). */
  snapshots: Record<string, { at: string; state: CaseState; partial?: true }>
  merges: MergeRecord[]
}

const detailFields = z.object({
  title: z.string(),
  author: z.string().nullable(),
  published: z.string().nullable(),
  source: z.string().nullable(),
  times: documentMetaSchema.shape.times
})
const sideSchema = z.object({
  added: z.array(documentMetaSchema),
  details: z.array(z.object({ id: z.string(), fields: detailFields })),
  files: z.array(
    z.object({
      docId: z.string(),
      note: z.string(),
      noteModified: z.string().max(64).optional(),
      annotations: z.array(annotationSchema)
    })
  ),
  tags: z.array(tagSchema).nullable(),
  memos: z.array(memoSchema).nullable(),
  grades: gradesSnapshotSchema.optional()
})
const exchange = z.object({ id: z.string(), at: z.string() })

export const exchangeFileSchema = z.object({
  schemaVersion: z.literal(1),
  workspaceId: z.string().nullable(),
  peers: z.record(z.string(), exchange),
  snapshots: z.record(
    z.string(),
    z.object({ at: z.string(), state: caseSchema, partial: z.literal(true).optional() })
  ),
  merges: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      bundleId: z.string(),
      from: z.string(),
      peerBefore: exchange.nullable(),
      state: z.enum(['merged', 'undone']),
      before: sideSchema,
      after: sideSchema
    })
  )
}) as unknown as z.ZodType<ExchangeFile>

export const emptyExchangeFile = (): ExchangeFile => ({
  schemaVersion: 1,
  workspaceId: null,
  peers: {},
  snapshots: {},
  merges: []
})

/** How many merges can be undone, and how many bundles' contents are kept as bases. */
export const KEEP_MERGES = 10
export const KEEP_SNAPSHOTS = 20
