import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { CoreApi, FilePayload } from '../shared/api'
import type { DocumentMeta, ImportLimits, ImportOutcome, WorkspaceInfo } from '../shared/model'
import { toApiError, WorkbenchError } from './errors'
import { checkFileSize, parseFile } from './import/parse-file'
import { countWords } from './import/text-blocks'
import { chooseTitle } from './import/title'
import { expandPaths } from './import/walk'
import type { WorkerSpec } from './import/worker-protocol'
import { sha256Hex, WorkspaceStore } from './store/workspace-store'

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxTextChars: 20_000_000,
  parseTimeoutMs: 60_000
}

export interface WorkbenchOptions {
  /** How to start the PDF/DOCX parser worker. */
  parserWorker: WorkerSpec
  /** Open without taking the writer lock; every change is refused. For commands that only read. */
  readOnly?: boolean
  limits?: Partial<ImportLimits>
  workerMemoryMb?: number
  /** Folder of the demo documents offered on first start. */
  sampleDir?: string
  now?: () => Date
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

  const findDocument = (id: string): DocumentMeta => {
    const doc = store.data.documents.find((d) => d.id === id)
    if (!doc) throw new WorkbenchError('not-found', `No document with id ${id} in this workspace.`)
    return doc
  }

  const newId = (sha: string, taken: Set<string>): string => {
    for (let n = 10; n <= 64; n += 2) {
      const id = sha.slice(0, n)
      if (!taken.has(id)) return id
    }
    throw new WorkbenchError('internal', 'Could not allocate a document id.')
  }

  async function importFile(file: FilePayload): Promise<ImportOutcome> {
    const name = basename(file.name.replace(/\\/g, '/'))
    try {
      const sha = sha256Hex(file.data)
      const existing = store.data.documents.find((d) => d.sha256 === sha)
      if (existing) return { status: 'duplicate', name, id: existing.id, title: existing.title }
      const { format, doc } = await parseFile(name, file.data, {
        limits,
        workerMemoryMb: options.workerMemoryMb ?? 1024,
        worker: options.parserWorker
      })
      const textSha256 = await store.putText(doc.text, doc.blocks)
      const ext = extname(name).slice(1).toLowerCase()
      await store.putOriginal(sha, ext, file.data)
      const title = chooseTitle(doc, name)
      return await store.update((draft): ImportOutcome => {
        const dup = draft.documents.find((d) => d.sha256 === sha)
        if (dup) return { status: 'duplicate', name, id: dup.id, title: dup.title }
        const meta: DocumentMeta = {
          id: newId(sha, new Set(draft.documents.map((d) => d.id))),
          title,
          author: doc.hints.author ?? null,
          published: doc.hints.published ?? null,
          source: doc.hints.source ?? null,
          originalName: name,
          format,
          sha256: sha,
          textSha256,
          bytes: file.data.byteLength,
          chars: doc.text.length,
          words: countWords(doc.text),
          importedAt: now().toISOString(),
          importOrder: draft.nextImportOrder
        }
        draft.nextImportOrder++
        draft.documents.push(meta)
        return { status: 'imported', name, document: meta }
      })
    } catch (err) {
      // A bad file never stops a batch: it is reported with its reason and nothing is stored for it.
      return { status: 'failed', name, error: toApiError(err).message }
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
    for (const path of files) {
      try {
        checkFileSize((await stat(path)).size, limits)
        const outcome = await importFile({ name: path, data: await readFile(path) })
        if (outcome.status === 'imported')
          report.imported.push({ id: outcome.document.id, title: outcome.document.title, path })
        else if (outcome.status === 'duplicate') report.duplicates.push({ id: outcome.id, path })
        else report.failed.push({ path, error: outcome.error })
      } catch (err) {
        report.failed.push({ path, error: toApiError(err).message })
      }
      onProgress?.(++done, files.length, path)
    }
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
    importFile,
    async removeDocument(id) {
      findDocument(id)
      return store.update((draft) => {
        const index = draft.documents.findIndex((d) => d.id === id)
        if (index < 0)
          throw new WorkbenchError('not-found', `No document with id ${id} in this workspace.`)
        return draft.documents.splice(index, 1)[0]
      })
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
    importPaths,
    close: () => store.close()
  }
  return api
}
