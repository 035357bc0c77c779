import { randomBytes } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { CoreApi, FilePayload } from '../shared/api'
import { ByteBudget } from '../shared/byte-budget'
import type {
  DocumentFormat,
  DocumentMeta,
  ImportLimits,
  ImportOutcome,
  ReanchorReport,
  StoredRef,
  WorkspaceInfo
} from '../shared/model'
import { anchorQuote } from './domain/anchoring/match-quote'
import { describeRange } from './domain/anchoring/describe'
import { annotationOps } from './features/annotations/annotations'
import { codebookOps } from './features/codebook/codebook'
import { documentPart } from './domain/document-part'
import type { CoreContext } from './context'
import { memoOps } from './features/memos/memos'
import { exportOps } from './features/export/export-ops'
import { SearchIndex } from './features/search/search-index'
import { AnnotationStore } from './store/annotation-store'
import { toApiError, WorkbenchError } from './base/errors'
import { checkFileSize, parseFile } from './workers/parse-file'
import { ParserPool } from './workers/parser-pool'
import type { ParsedFile } from './workers/worker-protocol'
import { chooseTitle } from './import/title'
import { expandPaths } from './import/walk'
import type { WorkerSpec } from './workers/worker-protocol'
import { SerialQueue } from './base/serial-queue'
import { LAYOUT, sha256Hex } from './store/layout'
import { WorkspaceStore } from './store/workspace-store'

/**
 * How many files an import works on at once (parsing some while others are saved: they share
 * their fsyncs), and how many bytes of files it holds at most.
 */
export const IMPORT_CONCURRENCY = 16
const IMPORT_BYTES = 64 * 1024 * 1024

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
  limits?: Partial<ImportLimits>
  workerMemoryMb?: number
  /** Folder of the demo documents offered on first start. */
  sampleDir?: string
  now?: () => Date
  /** Generates the random part of new ids. */
  newId?: () => string
  onWarning?: (message: string) => void
}

export interface PathImportReport {
  imported: { id: string; title: string; path: string }[]
  duplicates: { id: string; path: string }[]
  failed: { path: string; error: string }[]
}

export interface Workbench extends CoreApi {
  readonly dir: string
  /** Imports files and folders by path (the CLI's import). Not exposed to the renderer, which sends bytes. */
  importPaths(
    paths: string[],
    onProgress?: (done: number, total: number, path: string) => void
  ): Promise<PathImportReport>
  /** A document's original file, as it was imported (checked against its checksum). */
  getOriginal(id: string): Promise<Uint8Array>
  /** Fills an empty workspace from a JSON export (the CLI's restore). */
  restore(content: string, source: string): Promise<{ documents: number; passages: number }>
  /** Finishes pending search-index clean-up (maintenance; tests use it to compare with a fresh build). */
  compactIndex(): Promise<void>
  close(): Promise<void>
}

/** Opens (creating if needed) the workspace in `dir` and returns the object that implements the API. */
export async function createWorkbench(dir: string, options: WorkbenchOptions): Promise<Workbench> {
  const store = await WorkspaceStore.open(dir, {
    readOnly: options.readOnly,
    onWarning: options.onWarning
  })
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const now = options.now ?? (() => new Date())
  const warn = (m: string): void => {
    store.warnings.push(m)
    options.onWarning?.(m)
  }
  // The index is derived data: a failure to update it is reported, never lost work.
  const indexing = (what: Promise<void>): Promise<void> =>
    what.catch((err: unknown) => warn(`Search index: ${toApiError(err).message}`))
  // A change is confirmed once it is saved, without waiting for the index: while it is rebuilt
  // (minutes at 100,000 documents) or saved, a highlight would wait as long. Searches still wait
  // for every index change asked for before them, so they see it.
  const inBackground = (what: Promise<void>): Promise<void> => {
    void indexing(what)
    return Promise.resolve()
  }
  const annotations = new AnnotationStore(
    dir,
    store.readOnly,
    warn,
    (docId) => inBackground(index.setNotes(docId)),
    () => store.assertWritable()
  )
  const index: SearchIndex = new SearchIndex(
    join(dir, LAYOUT.index),
    {
      documents: () => store.data.documents,
      // The index only derives from the text; the reader and exports verify it.
      text: (meta) => store.getText(meta, false),
      plainText: (meta) => store.getPlainText(meta),
      notes: (docId) => annotations.peek(docId),
      tags: () => store.data.codebook.tags,
      annotationsDir: join(dir, LAYOUT.annotations),
      workspaceDir: dir,
      rebuildWorker: options.indexWorker
    },
    !store.readOnly,
    warn,
    options.searchCandidates
  )

  const findDocument = (id: string): DocumentMeta => {
    const doc = store.findById(id)
    if (!doc) throw new WorkbenchError('not-found', `No document with id ${id} in this workspace.`)
    return doc
  }

  const ctx: CoreContext = {
    store,
    annotations,
    now,
    newId: options.newId ?? (() => randomBytes(4).toString('hex')),
    findDocument,
    getText: async (meta) => (await store.getText(meta)).text
  }

  const newDocId = (sha: string, taken: (id: string) => boolean): string => {
    for (let n = 10; n <= 64; n += 2) {
      const id = sha.slice(0, n)
      if (!taken(id)) return id
    }
    throw new WorkbenchError('internal', 'Could not allocate a document id.')
  }

  const pool = new ParserPool(
    options.parserWorker,
    { timeoutMs: limits.parseTimeoutMs, memoryMb: options.workerMemoryMb ?? 1024 },
    options.parserThreads
  )
  const parse = (name: string, data: Uint8Array): ReturnType<typeof parseFile> =>
    parseFile(name, data, { limits, pool })

  /**
   * Imports may run side by side (parsing and writing their files), but enter the catalog in the
   * order they were asked for, so that the library's import order is the order of the files.
   */
  const importTurns = new Turns()

  const importFile = (file: FilePayload): Promise<ImportOutcome> =>
    importWithTurn(file, importTurns.take())

  /** `onStored` is called once the file's bytes are no longer needed (its content is on disk). */
  async function importWithTurn(
    file: FilePayload,
    turn: Turn,
    onStored?: () => void
  ): Promise<ImportOutcome> {
    const name = basename(file.name.replace(/\\/g, '/'))
    try {
      const sha = sha256Hex(file.data)
      const existing = store.findBySha(sha)
      if (existing) return { status: 'duplicate', name, id: existing.id, title: existing.title }
      const parsed = await parse(name, file.data)
      const ext = extname(name).slice(1).toLowerCase()
      const { stored } = await store.putContent({
        sha256: sha,
        ext,
        original: file.data,
        text: parsed.doc.text,
        blocks: parsed.doc.blocks,
        textSha256: parsed.textSha256
      })
      onStored?.()
      const title = chooseTitle(parsed.doc, name)
      await turn.mine()
      const saved = store.addDocument(sha, (order, taken) => ({
        id: newDocId(sha, taken),
        ...contentFields(parsed, name, sha, stored, file.data.byteLength, title),
        importedAt: now().toISOString(),
        importOrder: order
      }))
      turn.pass()
      const result = await saved
      if (result.status === 'duplicate')
        return { status: 'duplicate', name, id: result.meta.id, title: result.meta.title }
      // Indexed after the import is acknowledged, one document after another; searches wait for
      // the index to catch up, so they still see every document imported before them.
      void indexing(index.addDocument(result.meta, parsed.passages))
      return { status: 'imported', name, document: result.meta }
    } catch (err) {
      // A bad file never stops a batch: it is reported with its reason and nothing is stored for it.
      return { status: 'failed', name, error: toApiError(err).message }
    } finally {
      onStored?.()
      turn.pass()
    }
  }

  async function importPaths(
    paths: string[],
    onProgress?: (done: number, total: number, path: string) => void
  ): Promise<PathImportReport> {
    const report: PathImportReport = { imported: [], duplicates: [], failed: [] }
    const { files, missing } = await expandPaths(paths)
    report.failed.push(...missing)
    let done = 0
    // A few files at a time: their parsing and writes overlap, and their catalog entries are
    // saved together. Reports keep the order of the files.
    // Files are read a few at a time, within a budget of bytes held (given back once a file's
    // content is stored, before it waits for its turn in the catalog).
    const budget = new ByteBudget(IMPORT_BYTES)
    const outcomes = await mapConcurrent(files, IMPORT_CONCURRENCY, async (path) => {
      // Taken before anything is awaited, so that the turns follow the order of the files.
      const turn = importTurns.take()
      let outcome: ImportOutcome
      let give = (): void => undefined
      try {
        const { size } = await stat(path)
        checkFileSize(size, limits)
        give = await budget.take(size)
        outcome = await importWithTurn({ name: path, data: await readFile(path) }, turn, give)
      } catch (err) {
        turn.pass()
        outcome = { status: 'failed', name: path, error: toApiError(err).message }
      } finally {
        give()
      }
      onProgress?.(++done, files.length, path)
      return outcome
    })
    outcomes.forEach((outcome, i) => {
      const path = files[i]
      if (outcome.status === 'imported')
        report.imported.push({ id: outcome.document.id, title: outcome.document.title, path })
      else if (outcome.status === 'duplicate') report.duplicates.push({ id: outcome.id, path })
      else report.failed.push({ path, error: outcome.error })
    })
    return report
  }

  /**
   * Replaces a document's text with a new version of its file. The id, import order and
   * annotations stay; every annotation (orphans included) is anchored again in the new text.
   */
  /** Re-imports run one at a time per document, so that two new versions cannot interleave. */
  const reimportQueues = new Map<string, SerialQueue>()

  function reimportDocument(docId: string, file: FilePayload): Promise<ReanchorReport> {
    findDocument(docId)
    let queue = reimportQueues.get(docId)
    if (!queue) reimportQueues.set(docId, (queue = new SerialQueue()))
    return queue.run(() => replaceDocument(docId, file))
  }

  async function replaceDocument(docId: string, file: FilePayload): Promise<ReanchorReport> {
    findDocument(docId)
    const name = basename(file.name.replace(/\\/g, '/'))
    const sha = sha256Hex(file.data)
    const other = store.data.documents.find((d) => d.sha256 === sha && d.id !== docId)
    if (other)
      throw new WorkbenchError(
        'invalid-argument',
        `${name} is already in the library as "${other.title}".`
      )
    let parsed
    try {
      parsed = await parse(name, file.data)
    } catch (err) {
      throw new WorkbenchError('invalid-argument', `${name}: ${toApiError(err).message}`)
    }
    const { doc } = parsed
    const { stored } = await store.putContent({
      sha256: sha,
      ext: extname(name).slice(1).toLowerCase(),
      original: file.data,
      text: doc.text,
      blocks: doc.blocks,
      textSha256: parsed.textSha256
    })
    const report: ReanchorReport = { anchored: 0, moved: 0, orphaned: 0 }
    const before = structuredClone(await annotations.get(docId))
    await annotations.update(docId, (draft) => {
      for (const a of draft.annotations) {
        const found = anchorQuote(doc.text, a.quote, a.position)
        if (found.status === 'orphaned') {
          a.status = 'orphaned'
          report.orphaned++
          continue
        }
        const same = found.method === 'position' && a.status === 'anchored'
        Object.assign(a, describeRange(doc.text, found.start, found.end), { status: 'anchored' })
        if (same) report.anchored++
        else report.moved++
      }
      draft.annotations.sort((x, y) => x.position.start - y.position.start)
    })
    try {
      await store.replaceDocument(
        docId,
        contentFields(parsed, name, sha, stored, file.data.byteLength, chooseTitle(doc, name))
      )
    } catch (err) {
      // The catalog still serves the old text: put the highlights back where they were in it.
      await annotations
        .update(docId, (draft) => Object.assign(draft, before))
        .catch(() => undefined)
      throw err
    }
    await inBackground(index.addDocument(findDocument(docId), parsed.passages))
    return report
  }

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
    async listDocuments() {
      return store.data.documents.map((d) => ({ ...d }))
    },
    async getDocument(id) {
      const meta = findDocument(id)
      return { meta: { ...meta }, ...(await store.getText(meta)) }
    },
    async getDocumentPart(id, from, maxChars) {
      const meta = findDocument(id)
      return documentPart({ meta: { ...meta }, ...(await store.getText(meta)) }, from, maxChars)
    },
    getOriginal: (id) => store.getOriginal(findDocument(id)),
    importFile,
    async removeDocument(id) {
      findDocument(id)
      const removed = await store.removeDocument(id)
      await inBackground(index.removeDocument(id))
      return removed
    },
    async openSampleWorkspace() {
      if (!options.sampleDir)
        throw new WorkbenchError(
          'not-found',
          'The sample documents are not installed with this copy of the app.'
        )
      const { files } = await expandPaths([options.sampleDir])
      const outcomes: ImportOutcome[] = []
      for (const path of files)
        outcomes.push(await importFile({ name: path, data: await readFile(path) }))
      return outcomes
    },
    reimportDocument,
    ...annotationOps(ctx),
    ...withNotesReindexed(codebookOps(ctx), () => inBackground(index.reindexAllNotes())),
    search: (query, opts) => index.search(query, opts),
    findInDocument: async (docId, query) => {
      findDocument(docId)
      return index.findInDocument(docId, query)
    },
    ...memoOps(ctx),
    ...exportOps(ctx, {
      getText: (meta) => store.getText(meta),
      afterRestore: async () => {
        for (const meta of store.data.documents) await indexing(index.addDocument(meta))
      }
    }),
    importPaths,
    compactIndex: () => index.compact(),
    close: async () => {
      await pool.close()
      await index.close()
      await annotations.close()
      await store.close()
    }
  }
  return api
}

/** Tag paths are indexed with the notes: changes to the codebook re-index them. */
function withNotesReindexed<T extends Record<string, unknown>>(
  ops: T,
  reindex: () => Promise<void>
): T {
  const out: Record<string, unknown> = { ...ops }
  for (const name of ['updateTag', 'mergeTags', 'deleteTag', 'applyTagState']) {
    const fn = ops[name] as (...args: unknown[]) => Promise<unknown>
    out[name] = async (...args: unknown[]) => {
      const result = await fn(...args)
      await reindex()
      return result
    }
  }
  return out as T
}

/** The catalog fields that come from a file's content: the same for a first import and a new version. */
function contentFields(
  parsed: { format: DocumentFormat } & ParsedFile,
  name: string,
  sha256: string,
  stored: StoredRef,
  bytes: number,
  title: string
): Omit<DocumentMeta, 'id' | 'importedAt' | 'importOrder'> {
  const { doc } = parsed
  return {
    title,
    author: doc.hints.author ?? null,
    published: doc.hints.published ?? null,
    source: doc.hints.source ?? null,
    originalName: name,
    format: parsed.format,
    sha256,
    textSha256: parsed.textSha256,
    stored,
    bytes,
    chars: doc.text.length,
    words: parsed.words
  }
}

interface Turn {
  /** Resolves once every earlier turn has passed. */
  mine: () => Promise<void>
  /** Lets the next turn go (idempotent). */
  pass: () => void
}

/** Hands out turns in the order they were taken; a turn's holder waits for the ones before it. */
class Turns {
  private tail: Promise<void> = Promise.resolve()

  take(): Turn {
    const before = this.tail
    let pass!: () => void
    this.tail = new Promise<void>((resolve) => (pass = resolve))
    return { mine: () => before, pass }
  }
}

/** Maps `items` with at most `limit` calls under way at once; results in the order of the items. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
