import { userInfo } from 'node:os'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CoreApi } from '../shared/api'
import type { ImportLimits, ReadOptions, WorkspaceInfo } from '../shared/model'
import { analysisFeature, emptyAnalyses } from './features/analysis/analysis'
import { annotationOps } from './features/annotations/annotations'
import { keptOnTheirText } from './features/annotations/text-version'
import { codebookOps } from './features/codebook/codebook'
import { documentsFeature } from './features/documents/documents'
import { reliabilityFeature } from './features/reliability/reliability'
import { FINGERPRINTS_FILE, reuseFeature } from './features/reuse/reuse'
import { trashFeature, type TrashRecords } from './features/trash/trash'
import { reliabilityFileSchema, type ReliabilityFile } from '../shared/reliability-schemas'
import { analysesFileSchema } from '../shared/analysis-schemas'
import type { AnalysesFile } from '../shared/analysis'
import type { PathImportReport } from './features/documents/import-service'
import { exportOps } from './features/export/export-ops'
import { exchangeFeature } from './features/exchange/exchange'
import {
  emptyExchangeFile,
  exchangeFileSchema,
  type ExchangeFile
} from './features/exchange/records'
import { memoOps } from './features/memos/memos'
import { SNAPSHOT_FILE } from './features/search/index-snapshot'
import { searchFeature } from './features/search/search'
import {
  ChangeEvents,
  type AnnotationFiles,
  type Collection,
  type DocumentCatalog,
  type DocumentContents,
  type FeatureContext,
  type SearchSources
} from './ports'
import { AnnotationStore } from './store/annotation-store'
import { annotationFilesChangedSince } from './store/changed-since'
import { JsonCollection, type CollectionOptions } from './store/collection'
import { writeFileDurable } from './store/durable-write'
import { trashFileSchema } from './store/schema'
import { LAYOUT, sha256Hex } from './store/layout'
import { WorkspaceStore } from './store/workspace-store'
import { parseFile } from './workers/parse-file'
import { ParserPool } from './workers/parser-pool'
import type { WorkerSpec } from './workers/worker-protocol'

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxTextChars: 20_000_000,
  parseTimeoutMs: 60_000
}

export interface WorkbenchOptions {
  /** How to start the parser workers. */
  parserWorker: WorkerSpec
  /** How many files are parsed side by side (default: one thread per core but one). */
  parserThreads?: number
  /** The most candidate passages a search ranks (default CANDIDATE_CAP; tests use a few). */
  searchCandidates?: number
  /** How to start the search index's rebuild worker (without it, a rebuild runs in-process). */
  indexWorker?: WorkerSpec
  /** Open without taking the writer lock; every change is refused. For commands that only read. */
  readOnly?: boolean
  /**
   * When the workspace cannot be written (a full disk, a read-only medium, no permission): open
   * it read-only with a warning saying why (default), or fail with that sentence.
   */
  whenUnwritable?: 'read-only' | 'fail'
  limits?: Partial<ImportLimits>
  workerMemoryMb?: number
  /** Folder of the demo documents offered on first start. */
  sampleDir?: string
  now?: () => Date
  /** Generates the random part of new ids. */
  newId?: () => string
  onWarning?: (message: string) => void
  /** Who sets grades (default: the OS user name). */
  userName?: string
  /**
   * Finds passages shared between documents (default). Off, texts are not fingerprinted and no
   * derivation is proposed: the benchmarks measure what shared passages cost an import.
   */
  sharedPassages?: boolean
}

/** The OS user's name, for who set a grade; "unknown" when the system does not say. */
function osUserName(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}

export interface Workbench extends CoreApi {
  readonly dir: string
  /** Imports files and folders by path (the CLI's import). Not exposed to the renderer, which sends bytes. */
  importPaths(
    paths: string[],
    onProgress?: (done: number, total: number, path: string) => void,
    read?: ReadOptions
  ): Promise<PathImportReport>
  /** A document's original file, as it was imported (checked against its checksum). */
  getOriginal(id: string): Promise<Uint8Array>
  /** Fills an empty workspace from a JSON export (the CLI's restore). */
  restore(content: string, source: string): Promise<{ documents: number; passages: number }>
  /** Finishes pending search-index clean-up (maintenance; tests use it to compare with a fresh build). */
  compactIndex(): Promise<void>
  close(): Promise<void>
}

/**
 * Opens (creating if needed) the workspace in `dir` and returns the object that implements the
 * API: the composition root. It opens the stores, gives each feature the narrow ports it needs,
 * subscribes the search index to change events, and combines the features' handler maps.
 */
export async function createWorkbench(dir: string, options: WorkbenchOptions): Promise<Workbench> {
  const store = await WorkspaceStore.open(dir, {
    readOnly: options.readOnly,
    whenUnwritable: options.whenUnwritable,
    onWarning: options.onWarning
  })
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const clock = {
    now: options.now ?? (() => new Date()),
    newId: options.newId ?? (() => randomBytes(4).toString('hex'))
  }
  const warn = (m: string): void => {
    store.warnings.push(m)
    options.onWarning?.(m)
  }
  const events = new ChangeEvents()
  /** The feature collections opened (see ports.ts, Collection), closed with the workspace. */
  const collections: JsonCollection<unknown>[] = []
  const openCollection = async <T>(
    spec: Pick<CollectionOptions<T>, 'name' | 'schema' | 'schemaVersion' | 'empty'>
  ): Promise<Collection<T>> => {
    const c = await JsonCollection.open<T>({
      ...spec,
      dir,
      readOnly: store.readOnly,
      onWarning: warn,
      assertWritable: () => store.assertWritable()
    })
    collections.push(c as JsonCollection<unknown>)
    return c
  }
  // A collection that cannot be read stops the opening: the store is closed again (its writer
  // lock released), so that the person can repair the file and open the workspace.
  let trash: Collection<TrashRecords>
  let gradeRecords: Collection<ReliabilityFile>
  let analysisRecords: Collection<AnalysesFile>
  let exchangeRecords: Collection<ExchangeFile>
  try {
    trash = await openCollection<TrashRecords>({
      name: 'trash',
      schema: trashFileSchema,
      schemaVersion: 1,
      empty: () => ({ schemaVersion: 1, items: [] })
    })
    gradeRecords = await openCollection<ReliabilityFile>({
      name: 'reliability',
      schema: reliabilityFileSchema,
      schemaVersion: 2,
      empty: () => ({
        schemaVersion: 2,
        sources: [],
        documents: {},
        highlights: {},
        links: [],
        claims: []
      })
    })
    analysisRecords = await openCollection<AnalysesFile>({
      name: 'analyses',
      schema: analysesFileSchema,
      schemaVersion: 1,
      empty: emptyAnalyses
    })
    exchangeRecords = await openCollection<ExchangeFile>({
      name: 'exchange',
      schema: exchangeFileSchema,
      schemaVersion: 1,
      empty: emptyExchangeFile
    })
  } catch (err) {
    await store.close()
    throw err
  }
  const annotationStore = new AnnotationStore(dir, store.readOnly, warn, undefined, () =>
    store.assertWritable()
  )

  // The ports: what features see of the stores.
  const catalog: DocumentCatalog = {
    documents: () => store.data.documents,
    findById: (id) => store.findById(id),
    findBySha: (sha) => store.findBySha(sha),
    add: ({ sha, build }) => store.addDocument(sha, build),
    remove: (id) => store.removeDocument(id),
    replace: (id, fields) => store.replaceDocument(id, fields)
  }
  const contents: DocumentContents = {
    checksum: sha256Hex,
    put: (content) => store.putContent(content),
    text: (meta, verify) => store.getText(meta, verify),
    original: (meta) => store.getOriginal(meta)
  }
  const versions = keptOnTheirText(annotationStore, {
    findDocument: (id) => store.findById(id),
    text: (meta) => store.getText(meta),
    warn
  })
  const annotations: AnnotationFiles = versions.files
  const sources: SearchSources = {
    documents: () => store.data.documents,
    // The index only derives from the text; the reader and exports verify it.
    text: (meta) => store.getText(meta, false),
    plainText: (meta) => store.getPlainText(meta),
    notes: (docId) => annotations.peek(docId),
    tags: () => store.data.codebook.tags,
    memos: () => store.data.memos,
    notesChangedSince: (since, live) => annotationFilesChangedSince(dir, since, live),
    readSnapshot: () => readFile(join(dir, LAYOUT.index, SNAPSHOT_FILE)),
    writeSnapshot: (bytes) => writeFileDurable(join(dir, LAYOUT.index, SNAPSHOT_FILE), bytes),
    workspaceDir: dir,
    rebuildWorker: options.indexWorker,
    persist: !store.readOnly,
    onWarning: warn
  }

  const pool = new ParserPool(
    options.parserWorker,
    { timeoutMs: limits.parseTimeoutMs, memoryMb: options.workerMemoryMb ?? 1024 },
    options.parserThreads
  )
  const search = searchFeature(sources, events, options.searchCandidates)
  const documents = documentsFeature({
    catalog,
    contents,
    annotations,
    events,
    clock,
    limits,
    parse: (name, data, read) =>
      parseFile(name, data, { limits, pool, read, fingerprints: options.sharedPassages !== false }),
    sampleDir: options.sampleDir,
    switching: versions.switching
  })
  const { findDocument } = documents
  const ctx: FeatureContext = {
    catalog,
    contents,
    annotations,
    codebook: {
      tags: () => store.data.codebook.tags,
      update: (change) => store.updateCodebook(change)
    },
    memos: { memos: () => store.data.memos, update: (change) => store.updateMemos(change) },
    whole: {
      dir,
      data: () => store.data,
      rewrite: (change) => store.rewriteCatalog(change)
    },
    events,
    clock,
    findDocument
  }
  const exporting = exportOps(ctx, {
    maxTextChars: limits.maxTextChars,
    grades: () => reliability.gradeLookup(),
    provenance: async () => {
      const links = (await reliability.listLinks()).filter((l) => l.status === 'confirmed')
      return {
        corroborationOf: async (docId) => {
          const all = await getCorroboration(docId, await reuse.sharedPassages(docId, {}))
          return Object.fromEntries(
            Object.entries(all).map(([id, c]) => [
              id,
              { documents: c.documents.length, origins: c.origins }
            ])
          )
        },
        derivedFrom: (docId) =>
          links
            .filter((l) => l.from === docId)
            .map((l) =>
              l.to.kind === 'source'
                ? { source: l.to.name }
                : { docId: l.to.docId, title: catalog.findById(l.to.docId)?.title ?? l.to.docId }
            )
      }
    },
    reliability: {
      file: () => reliability.exportFile(),
      restore: (file) => reliability.importFile(file)
    },
    analyses: {
      file: () => analysis.exportFile(),
      restore: (file) => analysis.importFile(file)
    }
  })
  const reuse = reuseFeature({
    catalog,
    contents,
    events,
    findDocument,
    readIndex: () => readFile(join(dir, LAYOUT.index, FINGERPRINTS_FILE)),
    writeIndex: (bytes) => writeFileDurable(join(dir, LAYOUT.index, FINGERPRINTS_FILE), bytes),
    persist: !store.readOnly,
    onWarning: warn,
    enabled: options.sharedPassages !== false
  })
  const reliability = reliabilityFeature({
    catalog,
    contents,
    annotations,
    events,
    clock,
    records: gradeRecords,
    canWrite: !store.readOnly,
    findDocument,
    userName: () => options.userName ?? osUserName(),
    reuse
  })
  const {
    getCorroboration,
    exportFile: _exportFile,
    importFile: _importFile,
    listLinks: _listLinks,
    exchange: reliabilityExchange,
    ...reliabilityOps
  } = reliability
  const analysis = analysisFeature({
    catalog,
    contents,
    annotations,
    tags: () => store.data.codebook.tags,
    clock,
    records: analysisRecords,
    grades: () => reliability.gradeLookup(),
    origins: () => reliability.listOrigins()
  })
  // Search's grade filters read the grades as they are when a search starts.
  sources.grades = () => reliability.gradeLookup()
  const exchange = exchangeFeature(ctx, {
    records: exchangeRecords,
    grades: () => reliability.gradeLookup(),
    reliability: reliabilityExchange,
    maxTextChars: limits.maxTextChars,
    userName: () => options.userName ?? osUserName(),
    grading: {
      setDocumentSource: async (docId, name) => ({
        sourceId: (await reliability.setDocumentSource(docId, name)).value.source?.id ?? null
      }),
      gradeSource: async (id, value, rationale) => {
        await reliability.gradeSource(id, value, rationale)
      },
      gradeDocument: async (docId, credibility, rationale) => {
        await reliability.gradeDocument(docId, { credibility }, rationale)
      },
      gradeHighlight: async (id, value, rationale) => {
        await reliability.gradeHighlight(id, value, rationale)
      }
    }
  })

  const api: Workbench = {
    dir,
    async getWorkspaceInfo(): Promise<WorkspaceInfo> {
      return {
        dir,
        schemaVersion: store.data.schemaVersion,
        documentCount: store.data.documents.length,
        limits,
        warnings: [...store.warnings]
      }
    },
    ...documents.ops,
    ...annotationOps(ctx),
    ...codebookOps(ctx),
    search: search.ops.search,
    findInDocument: async (docId, query) => {
      findDocument(docId)
      return search.ops.findInDocument(docId, query)
    },
    ...memoOps(ctx),
    ...trashFeature({
      catalog,
      annotations,
      events,
      clock,
      findDocument,
      trash
    }),
    ...reliabilityOps,
    sharedPassages: (docId, query) => reuse.sharedPassages(docId, query),
    comparePassages: (docId, otherDocId) => reuse.comparePassages(docId, otherDocId),
    corroborationOf: async (docId) =>
      getCorroboration(docId, await reuse.sharedPassages(docId, {})),
    ...analysis.ops,
    exportWorkspace: exporting.exportWorkspace,
    restoreBackup: exporting.restoreBackup,
    restore: exporting.restore,
    exportQdpx: exchange.exportQdpx,
    importProject: exchange.importProject,
    exportBundle: (options) => exchange.exportBundle(options),
    mergeBundle: (file, options) => exchange.mergeBundle(file, options),
    undoMerge: exchange.undoMerge,
    redoMerge: exchange.redoMerge,
    importPaths: (paths, onProgress, read) =>
      documents.imports.importPaths(paths, onProgress, read),
    getOriginal: (id) => store.getOriginal(findDocument(id)),
    compactIndex: () => search.index.compact(),
    close: async () => {
      if (!store.readOnly) await reliability.flush().catch(() => undefined)
      await pool.close()
      await reuse.close().catch(() => undefined)
      await search.index.close()
      await annotationStore.close()
      for (const c of collections) await c.close()
      await store.close()
    }
  }
  return api
}
