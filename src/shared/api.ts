import type {
  Annotation,
  DocumentContent,
  DetailsPatch,
  DocumentMeta,
  DocumentPart,
  HighlightColor,
  ImportOutcome,
  Memo,
  Passage,
  ReadOptions,
  ReanchorReport,
  ExportOptions,
  ExportResult,
  SearchOptions,
  SearchResponse,
  Tag,
  TrashItem,
  TagView,
  WorkspaceInfo
} from './model'
import type { Result } from './errors'
import type {
  DocumentGradePatch,
  DocumentGradeRow,
  DocumentReliability,
  GradesSnapshot,
  ClaimLink,
  ComparedPassage,
  CorroborationView,
  DerivationLink,
  LinkDecision,
  LinkTarget,
  OriginView,
  ReuseRow,
  SharedPassagesQuery,
  InformationCredibility,
  Source,
  SourcePatch,
  SourceReliability,
  SourceView
} from './reliability'
import type {
  AchAnalysis,
  AchOp,
  AchOptions,
  AchSummary,
  AchView,
  AnalysisFilter,
  AnalysisPassage,
  AnalysisTable,
  CodeMatrix,
  Cooccurrence,
  CooccurrenceCell,
  CooccurrenceQuery,
  CooccurrenceUnit,
  DateCorrection,
  DatePrecision,
  FrequencyQuery,
  MatrixCell,
  MatrixQuery,
  NewAchEvidence,
  TableFormat,
  TagFrequency,
  TimelineView
} from './analysis'
import type {
  BundleExport,
  BundleExportOptions,
  MergeBundleOptions,
  MergeReport,
  MergeUndoReport,
  ProjectImportReport,
  QdpxExport
} from './exchange'

/** A range [start, end) of a document's text. */
export interface TextRange {
  start: number
  end: number
}

/** A file handed over by the renderer: its name and its bytes. */
export interface FilePayload {
  name: string
  data: Uint8Array
  /** How to read it: a web page whole, a text in a chosen encoding (default: as an import does). */
  read?: ReadOptions
}

export interface NewAnnotation {
  docId: string
  start: number
  end: number
  color?: HighlightColor
  /** Tag ids to apply. */
  tags?: string[]
  note?: string
}

export interface AnnotationPatch {
  color?: HighlightColor
  tags?: string[]
  note?: string
}

export interface NewTag {
  /** A name, or a path: "Actors/Lazarus Group" creates "Actors" too when it does not exist. */
  path: string
  color?: string
  description?: string
}

export interface TagPatch {
  name?: string
  /** Move under another tag; null moves it to the top level. */
  parent?: string | null
  color?: string
  description?: string
}

/** The codebook and the tags of some passages, as a whole: what undoing a merge or a deletion puts back. */
export interface TagState {
  tags: Tag[]
  passages: { id: string; tags: string[] }[]
}

export interface MemoInput {
  title: string
  text: string
  docIds?: string[]
  tagIds?: string[]
}

/**
 * A call that reverts a change. Every mutation returns one; calling it returns the command that
 * redoes the change. The renderer keeps the undo and redo stacks.
 */
export type UndoCommand = {
  [K in ApiMethod]: { method: K; args: Parameters<ApiSpec[K]> }
}[ApiMethod]

export interface Change<T> {
  value: T
  undo: UndoCommand
}

/**
 * The one contract between the UI and the workbench. Every host — Electron IPC, the CLI and the
 * e2e harness — exposes exactly these methods over the same core.
 */
export interface ApiSpec {
  getWorkspaceInfo(): WorkspaceInfo
  listDocuments(): DocumentMeta[]
  getDocument(id: string): DocumentContent
  /**
   * Whole blocks of a document's text from offset `from` (moved back to the start of the block it
   * falls in) up to about `maxChars` characters, at least one block: a reader shows a long text's
   * opening at once and fetches the rest part by part.
   */
  getDocumentPart(id: string, from: number, maxChars: number): DocumentPart
  importFile(file: FilePayload): ImportOutcome
  /** Changes a document's title, author, source, date, web address or language (undoable). */
  updateDocumentDetails(id: string, patch: DetailsPatch): Change<DocumentMeta>
  /** Moves a document to the Trash (undo: restoreDocument). */
  removeDocument(id: string): Change<DocumentMeta>
  /** Brings a document back from the Trash, with its highlights and note (undo: removeDocument). */
  restoreDocument(id: string): Change<DocumentMeta>
  /** The Trash, the latest removed first. */
  listTrash(): TrashItem[]
  /** Forgets the documents in the Trash, their highlights and notes; says how many. */
  emptyTrash(): { documents: number }
  /** Imports the demo documents that ship with the app into the (empty) workspace. */
  openSampleWorkspace(): ImportOutcome[]
  /** Replaces a document's text with a new version of the file, keeping its id and re-anchoring its annotations. */
  reimportDocument(docId: string, file: FilePayload): ReanchorReport
  /**
   * Reads a document's original file again another way (another encoding, the whole web page or
   * its article), re-anchoring its highlights as a new version does.
   */
  readDocumentAgain(docId: string, read: ReadOptions): ReanchorReport

  /** A document's annotations in text order; with a range, only those whose passage overlaps it. */
  listAnnotations(docId: string, range?: TextRange): Annotation[]
  createAnnotation(input: NewAnnotation): Change<Annotation>
  updateAnnotation(id: string, patch: AnnotationPatch): Change<Annotation>
  deleteAnnotation(id: string): Change<Annotation>
  /** Puts back a deleted annotation exactly as it was (the undo of a deletion). */
  restoreAnnotation(annotation: Annotation): Change<Annotation>
  /** Attaches an annotation (typically an orphan) to new text in its document. */
  reattachAnnotation(id: string, start: number, end: number): Change<Annotation>
  getDocumentNote(docId: string): string
  setDocumentNote(docId: string, note: string): Change<string>

  listTags(): TagView[]
  createTag(input: NewTag): Change<Tag>
  updateTag(id: string, patch: TagPatch): Change<Tag>
  /** Moves every passage of `fromId` (and its sub-tags) to `intoId` and deletes `fromId`. */
  mergeTags(fromId: string, intoId: string): Change<Tag>
  /** Deletes a tag and its sub-tags, removing them from every passage. */
  deleteTag(id: string): Change<{ tag: Tag; passages: number }>
  /** Puts the codebook and the listed passages' tags back to a saved state (the undo of a merge or a deletion). */
  applyTagState(state: TagState): Change<TagState>
  /** The passages a tag deletion would touch (the tag and its sub-tags), to show before deleting. */
  tagUsage(id: string): { passages: number; subTags: number }
  /** Every passage with this tag or one of its sub-tags, across all documents, in document order. */
  listPassages(tagId: string): Passage[]

  /** Full-text search over passages, titles, notes and tags. Malformed queries give warnings, never errors. */
  search(query: string, options?: SearchOptions): SearchResponse
  /** Where a query matches inside one document's text, for marking and stepping through matches. */
  findInDocument(docId: string, query: string): { start: number; end: number }[]

  /** Markdown notes, or the workspace as JSON, W3C Web Annotations or CSV. */
  exportWorkspace(options: ExportOptions): ExportResult
  /** Fills an empty workspace from a full backup (a JSON export). */
  restoreBackup(file: FilePayload): { documents: number; passages: number }

  listMemos(): Memo[]
  createMemo(input: MemoInput): Change<Memo>
  updateMemo(id: string, input: MemoInput): Change<Memo>
  deleteMemo(id: string): Change<Memo>
  restoreMemo(memo: Memo): Change<Memo>

  /** Every source, with its documents, by name. */
  listSources(): SourceView[]
  /** Each library document's source, effective grade (badge) and provenance flags, in library order. */
  listDocumentGrades(): DocumentGradeRow[]
  /** A document's source, grades (with their history), flags, and its highlights' grades. */
  getDocumentReliability(docId: string): DocumentReliability
  /** Gives a document a source by name (created when new; null: no source). */
  setDocumentSource(docId: string, name: string | null): Change<DocumentReliability>
  /** Renames a source, or changes its kind, aliases or notes. */
  updateSource(id: string, patch: SourcePatch): Change<Source>
  /** A source's reliability, A–F (null clears it); the grade it replaces is kept in its history. */
  gradeSource(id: string, value: SourceReliability | null, rationale: string): Change<Source>
  /** A document's credibility 1–6, or its own reliability in place of its source's (with a rationale). */
  gradeDocument(
    docId: string,
    patch: DocumentGradePatch,
    rationale: string
  ): Change<DocumentReliability>
  /** A highlight's credibility 1–6 (null: it takes its document's again). */
  gradeHighlight(
    annotationId: string,
    value: InformationCredibility | null,
    rationale: string
  ): Change<DocumentReliability>
  /** Puts sources and grades back as they were before a change (the undo of every grading change). */
  restoreGrades(snapshot: GradesSnapshot): Change<GradesSnapshot>

  /** The passages a document shares with the others (or with one), longest first. */
  sharedPassages(docId: string, query: SharedPassagesQuery): ReuseRow[]
  /** The passages two documents share, in the order of the first, with their changed words (boilerplate flagged). */
  comparePassages(docId: string, otherDocId: string): ComparedPassage[]
  /** Documents joined by confirmed derivation links: each origin counts once as a confirmation. */
  listOrigins(): OriginView[]
  /**
   * A document's derivations: confirmed, rejected, named by a "Source: …" line, and those the
   * passages it shares with others suggest (proposed, with how much they share).
   */
  derivationsOf(docId: string): DerivationLink[]
  /** Confirms that `fromDocId` derives from a document or an un-imported source, or rejects it. */
  setLink(fromDocId: string, to: LinkTarget, status: LinkDecision): Change<DerivationLink>
  /** Links two highlights of two documents as the same claim (false: takes the link away). */
  setSameClaim(
    annotationId: string,
    otherAnnotationId: string,
    same: boolean
  ): Change<ClaimLink | null>
  /** Who else carries each of a document's highlights, counted by independent origin. */
  corroborationOf(docId: string): Record<string, CorroborationView>

  /** Tags (codebook rows, counts rolled up to parents) × documents, sources, origins or grades. */
  codeMatrix(query: MatrixQuery): CodeMatrix
  /** The passages of one cell of the code matrix (no column: the whole row). */
  matrixPassages(cell: MatrixCell): AnalysisPassage[]
  /** How often two tags occur together: on one highlight, on overlapping ones, or in one paragraph. */
  cooccurrence(query: CooccurrenceQuery): Cooccurrence
  /** The places where two tags occur together, with their passages. */
  cooccurrencePassages(cell: CooccurrenceCell): CooccurrenceUnit[]
  /** Passages per tag, over all and per document or source. */
  tagFrequencies(query: FrequencyQuery): TagFrequency[]
  /** Passages by date: the analyst's date, else one the passage states, else the publication date. */
  timeline(filter: AnalysisFilter): TimelineView
  /** Sets the date of a passage on the timeline (null: back to the date found). */
  setPassageDate(
    annotationId: string,
    date: { date: string; precision: DatePrecision } | null
  ): Change<DateCorrection | null>
  /** The code matrix or the co-occurrence table as CSV or Markdown. */
  analysisTable(table: AnalysisTable, format: TableFormat): string

  /** The analyses of competing hypotheses, the latest changed first. */
  listAnalyses(): AchSummary[]
  /** An analysis with its scores, ranking, diagnosticity and sensitivity. */
  getAnalysis(id: string, options: AchOptions): AchView
  createAnalysis(input: { title: string; question?: string }): Change<AchAnalysis>
  deleteAnalysis(id: string): Change<AchAnalysis>
  /** Puts an analysis back as it was (the undo of a deletion). */
  restoreAnalysis(analysis: AchAnalysis): Change<AchAnalysis>
  /** Changes an analysis: describe it, rate a cell, remove a row… (its undo is another change). */
  changeAnalysis(id: string, op: AchOp): Change<AchAnalysis>
  addHypothesis(id: string, text: string): Change<AchAnalysis>
  /** Adds a highlight (with its quote) or a free-text item as evidence. */
  addEvidence(id: string, evidence: NewAchEvidence): Change<AchAnalysis>
  /** The analysis as a report: Markdown (matrix, ranking, sensitivity, evidence) or CSV of every cell. */
  analysisReport(id: string, format: TableFormat, options: AchOptions): string
  /** The workspace as a REFI-QDA project (.qdpx) that other QDA tools read. */
  exportQdpx(): QdpxExport
  /** Imports a REFI-QDA project (.qdpx or .qde) into this workspace; codes are matched by path. */
  importProject(file: FilePayload): ProjectImportReport
  /** A case bundle (.awb) of some documents, their highlights, notes, the codebook and memos, for another laptop. */
  exportBundle(options: BundleExportOptions): BundleExport
  /** Merges a case bundle from another laptop (or, dry run, says what it would do); undo with undoMerge. */
  mergeBundle(file: FilePayload, options: MergeBundleOptions): MergeReport
  /** Puts the workspace back as it was before a merge (undo: redoMerge). */
  undoMerge(mergeId: string): Change<MergeUndoReport>
  /** Makes an undone merge again (undo: undoMerge). */
  redoMerge(mergeId: string): Change<MergeUndoReport>
}

export type ApiMethod = keyof ApiSpec

/** What the core implements: the same methods, asynchronous, throwing WorkbenchError. */
export type CoreApi = {
  [K in ApiMethod]: (...args: Parameters<ApiSpec[K]>) => Promise<ReturnType<ApiSpec[K]>>
}

/** What the renderer sees as `window.workbench`: the same methods, errors returned as values. */
export type WorkbenchApi = {
  [K in ApiMethod]: (...args: Parameters<ApiSpec[K]>) => Promise<Result<ReturnType<ApiSpec[K]>>>
}

/** Every method of the contract, in one list: the preload and the harness are generated from it. */
export const API_METHODS = [
  'getWorkspaceInfo',
  'listDocuments',
  'getDocument',
  'getDocumentPart',
  'importFile',
  'removeDocument',
  'restoreDocument',
  'updateDocumentDetails',
  'listTrash',
  'emptyTrash',
  'openSampleWorkspace',
  'reimportDocument',
  'readDocumentAgain',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'reattachAnnotation',
  'getDocumentNote',
  'setDocumentNote',
  'listTags',
  'createTag',
  'updateTag',
  'mergeTags',
  'deleteTag',
  'applyTagState',
  'tagUsage',
  'listPassages',
  'search',
  'findInDocument',
  'exportWorkspace',
  'restoreBackup',
  'listMemos',
  'createMemo',
  'updateMemo',
  'deleteMemo',
  'restoreMemo',
  'listSources',
  'listDocumentGrades',
  'getDocumentReliability',
  'setDocumentSource',
  'updateSource',
  'gradeSource',
  'gradeDocument',
  'gradeHighlight',
  'restoreGrades',
  'sharedPassages',
  'comparePassages',
  'listOrigins',
  'derivationsOf',
  'setLink',
  'setSameClaim',
  'corroborationOf',
  'codeMatrix',
  'matrixPassages',
  'cooccurrence',
  'cooccurrencePassages',
  'tagFrequencies',
  'timeline',
  'setPassageDate',
  'analysisTable',
  'listAnalyses',
  'getAnalysis',
  'createAnalysis',
  'deleteAnalysis',
  'restoreAnalysis',
  'changeAnalysis',
  'addHypothesis',
  'addEvidence',
  'analysisReport',
  'exportQdpx',
  'importProject',
  'exportBundle',
  'mergeBundle',
  'undoMerge',
  'redoMerge'
] as const satisfies readonly ApiMethod[]

// Compile-time proof that the list names every method of ApiSpec.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>
const allMethodsListed: MissingMethods extends never ? true : MissingMethods = true
void allMethodsListed

export const IPC_PREFIX = 'workbench:'
export const ipcChannel = (method: ApiMethod): string => IPC_PREFIX + method

/** Builds the renderer-side API from a function that sends one call over a channel. */
export function makeBridge(
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>
): WorkbenchApi {
  const api: Partial<Record<ApiMethod, unknown>> = {}
  for (const method of API_METHODS)
    api[method] = (...args: unknown[]) => invoke(ipcChannel(method), ...args)
  return api as WorkbenchApi
}
