import type {
  DocumentGradeRow,
  InformationCredibility,
  SourceReliability
} from '../shared/reliability'
import type { Annotation, Block, DocumentMeta, Memo, StoredRef, Tag } from '../shared/model'
import type { AnnotationFile, WorkspaceFile } from './store/schema'
import type { RecordMeta } from './store/pack-store'

export type { RecordMeta }
import type { CountedChunks } from './domain/search/count-chunks'
import type { WorkerSpec } from './workers/worker-protocol'

/**
 * The narrow interfaces that features get instead of the stores themselves. The composition root
 * (workbench.ts) builds them from the store; features never import store/.
 */

/** Something that changed in the workspace, once it is saved. The search index follows these. */
export type ChangeEvent =
  /** A document entered the library, or got a new version; `chunks` when they were counted at import. */
  | {
      kind: 'document-saved'
      meta: DocumentMeta
      chunks?: CountedChunks
      /** The text's fingerprints, when the parser worker made them (else they are made from the text). */
      fingerprints?: Uint8Array
    }
  | { kind: 'document-removed'; id: string }
  /** A document's highlights or note changed. */
  | { kind: 'notes-changed'; docId: string }
  /** Tags were renamed, moved, merged or deleted (tag paths are indexed with the notes). */
  | { kind: 'codebook-changed' }
  /** The whole workspace was filled from a backup. */
  | { kind: 'restored' }

/** Change events, published by the features after each saved change and read by whoever follows them. */
export class ChangeEvents {
  private readonly listeners: ((event: ChangeEvent) => void)[] = []

  subscribe(listener: (event: ChangeEvent) => void): void {
    this.listeners.push(listener)
  }

  /** Tells every listener, at once and in order; a listener never holds up the change it hears of. */
  emit(event: ChangeEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

/** What the search index reads from the workspace. */
export interface SearchSources {
  documents(): readonly DocumentMeta[]
  text(meta: DocumentMeta): Promise<{ text: string; blocks: Block[] }>
  /** The text alone (for snippets and phrases), not checked against its checksum. */
  plainText(meta: DocumentMeta): Promise<string>
  /** A document's highlights and note (empty for a document without any). */
  notes(docId: string): Promise<{ annotations: readonly Annotation[]; note: string }>
  tags(): readonly Tag[]
  /** The memos (searched word for word: there are few). */
  memos(): readonly Memo[]
  /** The documents among `live` whose highlights or note were saved at or after `sinceMs`. */
  notesChangedSince(sinceMs: number, live: ReadonlySet<string>): Promise<string[]>
  /** The index's snapshot as last saved (throws when there is none). */
  readSnapshot(): Promise<Uint8Array>
  /** Saves the index's snapshot durably (derived data: losing it means a rebuild, not lost work). */
  writeSnapshot(bytes: Uint8Array): Promise<void>
  /** The workspace folder, whose stored texts a rebuild worker reads. */
  workspaceDir: string
  /** Where the rebuild worker is; without it a rebuild runs on this thread. */
  rebuildWorker?: WorkerSpec
  /** Whether the index may write its snapshot (not in a read-only workspace). */
  persist: boolean
  onWarning(message: string): void
  /** The grades as they are now, for grade filters (reliability:, credibility:, ungraded). */
  grades?(): Promise<GradeLookup>
}

/** The effective grades of documents and highlights, looked up by id (see features/reliability). */
export interface GradeLookup {
  /** A document's grades, or a highlight's when `annotationId` is given (its own, else inherited). */
  of(
    docId: string,
    annotationId?: string
  ): { reliability: SourceReliability | null; credibility: InformationCredibility | null }
  /** A document's source, effective grade and flags. */
  row(docId: string): DocumentGradeRow
  /** A highlight's own credibility grade, when it has one. */
  ownCredibility(annotationId: string): InformationCredibility | null
}

/** A new document for the catalog: built once its import order and a test for ids in use are known. */
export interface NewDocument {
  sha: string
  build: (order: number, taken: (id: string) => boolean) => DocumentMeta
}

export type AddDocumentResult =
  { status: 'added'; meta: DocumentMeta } | { status: 'duplicate'; meta: DocumentMeta }

/** The library's catalog of documents. */
export interface DocumentCatalog {
  documents(): readonly DocumentMeta[]
  findById(id: string): DocumentMeta | undefined
  /** The document imported from a file with this checksum. */
  findBySha(sha: string): DocumentMeta | undefined
  /** Adds a document unless one from the same file is there already; saved with others asked for meanwhile. */
  add(doc: NewDocument): Promise<AddDocumentResult>
  remove(id: string): Promise<DocumentMeta>
  /** New content fields for a document (a new version). */
  replace(id: string, fields: Partial<DocumentMeta>): Promise<DocumentMeta>
}

/** What a file's content is stored as: its text, structure and original bytes. */
export interface NewContent {
  sha256: string
  ext: string
  original: Uint8Array
  text: string
  blocks: Block[]
  /** The text's checksum, when the caller has it already. */
  textSha256?: string
  /** The document's catalog fields, kept with the content so that the catalog can be rebuilt. */
  meta?: RecordMeta
}

/** Documents' texts, structure and original files. */
export interface DocumentContents {
  /** The checksum that identifies content in the workspace (SHA-256, hex). */
  checksum(data: Uint8Array | string): string
  put(content: NewContent): Promise<{ textSha256: string; stored: StoredRef }>
  /** Text and structure; `verify` checks the text against its checksum (default true). */
  text(meta: DocumentMeta, verify?: boolean): Promise<{ text: string; blocks: Block[] }>
  original(meta: DocumentMeta): Promise<Uint8Array>
}

/** The highlights and note of each document. */
export interface AnnotationFiles {
  get(docId: string): Promise<Readonly<AnnotationFile>>
  /** Like get, without opening (and keeping) the file of a document that has none. */
  peek(docId: string): Promise<Readonly<AnnotationFile>>
  all(): Promise<Readonly<AnnotationFile>[]>
  /** Changes one document's file; `topLevelOnly` when the change only assigns the file's own fields. */
  update<R>(docId: string, change: (draft: AnnotationFile) => R, topLevelOnly?: boolean): Promise<R>
}

/** The clock and the id generator, passed in so that tests control them. */
export interface Clock {
  now: () => Date
  /** The random part of new ids. */
  newId: () => string
}

/** The codebook: tags form a tree through their parent ids. */
export interface CodebookStore {
  tags(): readonly Tag[]
  /** Changes the codebook on a copy, saved before it is seen. */
  update<R>(change: (draft: { codebook: { tags: Tag[] } }) => R): Promise<R>
}

/** Free-standing memos. */
export interface MemoStore {
  memos(): readonly Memo[]
  update<R>(change: (draft: { memos: Memo[] }) => R): Promise<R>
}

/** The whole catalog at once: what a full backup holds and a restore replaces. */
export interface WholeCatalog {
  /** The workspace folder (for messages). */
  dir: string
  data(): Readonly<WorkspaceFile>
  /** Replaces anything in the catalog, on a copy; the catalog file is rewritten. */
  rewrite<R>(change: (draft: WorkspaceFile) => R): Promise<R>
}

/** What every feature may reach: the ports above, the clock, and change events. */
export interface FeatureContext {
  catalog: DocumentCatalog
  contents: DocumentContents
  annotations: AnnotationFiles
  codebook: CodebookStore
  memos: MemoStore
  whole: WholeCatalog
  events: ChangeEvents
  clock: Clock
  /** The document with this id; throws a not-found error naming the id. */
  findDocument(id: string): DocumentMeta
}

/** The shapes of workspace data, which the backup format embeds. */
export {
  annotationFileSchema,
  blocksSchema,
  documentMetaSchema,
  portableWorkspaceSchema,
  type AnnotationFile
} from './store/schema'

/**
 * A small set of records a feature keeps in a file of its own (`store/collection.ts`): sources
 * and grades, analyses, the trash. The composition root opens one per feature.
 */
export interface Collection<T> {
  readonly data: Readonly<T>
  /** Changes the records on a copy; resolves once saved (only then does `data` show it). */
  update<R>(change: (draft: T) => R): Promise<R>
}
