import type { Annotation, DocumentFormat, Memo, Tag } from '../../../../shared/model'

/**
 * A case bundle: the work on one case carried between two air-gapped laptops. A zip holding
 * manifest.json (who sent it, to whom, after which exchange, and a SHA-256 for every other part),
 * case.json (the records below) and the parts it names: texts/<docId>.txt for each document
 * carried in full, and originals/<docId>.<ext> for the file it was imported from, when sent.
 *
 * Every record carries the times its fields last changed (`times`, falling back to `modified`),
 * so that when both laptops changed the same field the later change wins.
 */

export const BUNDLE_FORMAT = 'analyst-workbench-bundle'
export const BUNDLE_VERSION = 1
/** How many earlier bundles a manifest names as possible bases. */
export const BASES_MAX = 32

/** Our ids: workspaces, documents, tags, memos, bundles. */
export const ID = /^[A-Za-z0-9_-]{1,128}$/
/** An annotation's id: its document's id, a dot, and a number or word of ours. */
export const ANNOTATION_ID = /^([A-Za-z0-9_-]{1,128})\.([A-Za-z0-9_-]{1,64})$/

export type Times<F extends string> = Partial<Record<F, string>>

export const DOCUMENT_FIELDS = ['title', 'author', 'published', 'source', 'note'] as const
export type DocumentField = (typeof DOCUMENT_FIELDS)[number]

export interface CaseDocument {
  id: string
  /** SHA-256 of the text: documents are the same document on both laptops when this agrees. */
  textSha256: string
  /** SHA-256 of the imported file. */
  sha256: string
  title: string
  author: string | null
  published: string | null
  source: string | null
  originalName: string
  format: DocumentFormat
  importedAt: string
  /** The document note. */
  note: string
  /** Its text is in the bundle (false: only named, because a memo or link refers to it). */
  included: boolean
  modified: string
  times?: Times<DocumentField>
}

export const TAG_FIELDS = ['name', 'parent', 'color', 'description'] as const
export type TagField = (typeof TAG_FIELDS)[number]
export interface CaseTag extends Tag {
  modified: string
  times?: Times<TagField>
}

/** `anchor` is the quote, the position and the anchoring status, which change together. */
export const ANNOTATION_FIELDS = ['anchor', 'color', 'tags', 'note'] as const
export type AnnotationField = (typeof ANNOTATION_FIELDS)[number]
export interface CaseAnnotation extends Annotation {
  times?: Times<AnnotationField>
}

export const MEMO_FIELDS = ['title', 'text', 'docIds', 'tagIds'] as const
export type MemoField = (typeof MEMO_FIELDS)[number]
export interface CaseMemo extends Memo {
  times?: Times<MemoField>
}

export type Scalar = string | number | boolean | null

/**
 * A record of a kind the workspace may keep beside the above (sources, grades, derivation
 * links): plain fields, and the documents and annotations it refers to. Merged field by field.
 */
export interface CaseRecord {
  id: string
  docIds: string[]
  annotationIds: string[]
  fields: Record<string, Scalar>
  created: string
  modified: string
  times?: Record<string, string>
}

export const RECORD_KINDS = ['sources', 'grades', 'links'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export interface CaseState {
  documents: CaseDocument[]
  tags: CaseTag[]
  annotations: CaseAnnotation[]
  memos: CaseMemo[]
  sources?: CaseRecord[]
  grades?: CaseRecord[]
  links?: CaseRecord[]
}

export interface BundlePart {
  path: string
  sha256: string
  bytes: number
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT
  version: number
  /** This bundle's id: the receiver records it as the last exchange with the sender. */
  id: string
  createdAt: string
  from: { workspaceId: string; name?: string }
  /** The workspace it is meant for, when the sender knew it. */
  to: { workspaceId: string } | null
  /**
   * The latest bundle between these two workspaces, either way, that the sender's work already
   * includes: its contents are the base of the three-way merge. Null for a first exchange.
   */
  lastExchange: { id: string; at: string } | null
  /**
   * Every earlier bundle the sender's work includes (those it sent and those it merged), newest
   * first: the receiver takes as the base the first of them it knows (it merged it, or sent it).
   * A bundle made before the sender heard back names no last exchange, yet the receiver may
   * well have merged the one before it.
   */
  bases?: { id: string; at: string }[]
  /** The bundle carries some of the sender's documents only. */
  partial?: boolean
  parts: BundlePart[]
}

/** Where each part lives in the zip. */
export const PART_PATH =
  /^(case\.json|texts\/[A-Za-z0-9_-]{1,128}\.txt|originals\/[A-Za-z0-9_-]{1,128}\.[A-Za-z0-9]{1,10})$/

/** A hash of bytes as lower-case hex (SHA-256), brought by the caller so that this code needs no Node module. */
export type HashHex = (bytes: Uint8Array) => string | Promise<string>
