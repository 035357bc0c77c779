import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { WorkbenchError } from '../errors'
import { SerialQueue } from './durable-write'
import { commitChange } from './commit'
import { DurableJsonFile } from './json-file'
import { annotationFileSchema, SCHEMA_VERSION, type AnnotationFile } from './schema'
import { LAYOUT } from './workspace-store'

interface OpenFile {
  db: Low<AnnotationFile>
  adapter: DurableJsonFile<AnnotationFile>
  queue: SerialQueue
  backedUp: boolean
}

const SAFE_ID = /^[A-Za-z0-9_-]+$/

/**
 * One lowdb file per document (annotations/<docId>.json): highlights, tags applied, notes. A save
 * rewrites only that document's file, so it costs the same however large the workspace grows.
 * Files are opened on first use and kept in memory.
 */
export class AnnotationStore {
  private readonly files = new Map<string, Promise<OpenFile>>()
  private allLoaded = false

  constructor(
    private readonly dir: string,
    private readonly readOnly: boolean,
    private readonly onWarning: (message: string) => void,
    /** Called after a document's annotation file was written (the search index follows). */
    private readonly onChanged: (docId: string) => Promise<void> = async () => undefined,
    /** Throws when this process may not write (read-only, or the writer lock was lost). */
    private readonly assertWritable: () => void = () => undefined
  ) {}

  private open(docId: string): Promise<OpenFile> {
    if (!SAFE_ID.test(docId))
      throw new WorkbenchError('invalid-argument', `Invalid document id ${docId}.`)
    let file = this.files.get(docId)
    if (!file) {
      file = (async () => {
        const adapter = new DurableJsonFile<AnnotationFile>({
          file: join(this.dir, LAYOUT.annotations, `${docId}.json`),
          schema: annotationFileSchema,
          schemaVersion: SCHEMA_VERSION,
          backupsDir: join(this.dir, LAYOUT.backups),
          keepBackups: 5,
          onWarning: this.onWarning,
          readOnly: this.readOnly
        })
        const db = new Low<AnnotationFile>(adapter, {
          schemaVersion: SCHEMA_VERSION,
          docId,
          note: '',
          annotations: []
        })
        await db.read()
        return { db, adapter, queue: new SerialQueue(), backedUp: false }
      })()
      // A file that failed to load stays failed (with its message) until the workspace is opened
      // again: its damaged content was moved aside, and reading "nothing" now would show the
      // document as having no highlights.
      this.files.set(docId, file)
    }
    return file
  }

  async get(docId: string): Promise<Readonly<AnnotationFile>> {
    return (await this.open(docId)).db.data
  }

  /**
   * Like `get`, but a document without an annotation file is not opened (and kept in memory) for
   * it: its empty content is returned. For readers that visit every document, as indexing does.
   */
  async peek(docId: string): Promise<Readonly<AnnotationFile>> {
    if (this.files.has(docId) || !SAFE_ID.test(docId)) return this.get(docId)
    // The folder is listed once; files written since are opened through `update`, so in `files`.
    this.onDisk ??= readdir(join(this.dir, LAYOUT.annotations)).then(
      (names) => new Set(names),
      () => new Set<string>()
    )
    if (!(await this.onDisk).has(`${docId}.json`) && !this.files.has(docId))
      return { schemaVersion: SCHEMA_VERSION, docId, note: '', annotations: [] }
    return this.get(docId)
  }

  /** The names in annotations/ when first asked (see `peek`). */
  private onDisk: Promise<Set<string>> | null = null

  /** Every annotation file in the workspace (loaded once, then kept up to date in memory). */
  async all(): Promise<Readonly<AnnotationFile>[]> {
    if (!this.allLoaded) {
      let names: string[] = []
      try {
        names = await readdir(join(this.dir, LAYOUT.annotations))
      } catch {
        // no annotations yet
      }
      for (const name of names) {
        if (name.endsWith('.json') && !name.startsWith('.')) await this.open(name.slice(0, -5))
      }
      this.allLoaded = true
    }
    return Promise.all([...this.files.values()].map(async (f) => (await f).db.data))
  }

  /**
   * Changes one document's annotation file and writes it durably. The change is made on a copy
   * that replaces the data in memory only once it is on disk. `topLevelOnly` is for changes that
   * only assign the file's own fields (a new annotations list, say) and never change an
   * annotation in place: the copy is then shallow, which matters with thousands of annotations.
   */
  async update<R>(
    docId: string,
    change: (draft: AnnotationFile) => R,
    topLevelOnly = false
  ): Promise<R> {
    if (this.readOnly) throw new WorkbenchError('locked', 'This workspace was opened read-only.')
    this.assertWritable()
    const file = await this.open(docId)
    return file.queue
      .run(async () => {
        if (!file.backedUp) {
          await file.adapter.backup()
          file.backedUp = true
        }
        return commitChange(file.db, change, topLevelOnly ? (d) => ({ ...d }) : structuredClone)
      })
      .then(async (result) => {
        await this.onChanged(docId)
        return result
      })
  }
}
