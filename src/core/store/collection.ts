import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import { WorkbenchError } from '../base/errors'
import { SerialQueue } from '../base/serial-queue'
import { commitChange } from './commit'
import { DurableJsonFile, type BackupFolder } from './json-file'
import { LAYOUT } from './layout'

export interface CollectionOptions<T> {
  /** The workspace folder. */
  dir: string
  /** The file's name without ".json" (e.g. "sources"): `<dir>/<name>.json`. */
  name: string
  schema: z.ZodType<T>
  /** The newest schemaVersion this code understands (a newer file is refused, never overwritten). */
  schemaVersion: number
  /** What a new workspace starts with. */
  empty: () => T
  readOnly: boolean
  onWarning: (message: string) => void
  /** Throws when this process may not write (read-only, or the writer lock was lost). */
  assertWritable?: () => void
  /** The workspace's backups folder, shared with the other files backed up into it. */
  backups?: BackupFolder
}

/**
 * A small collection of records the workspace keeps in a file of its own (the sources and their
 * grades, analyses, the trash): one JSON file through the durable adapter (atomic, fsynced,
 * backed up before the first change of a session, restored from its backup when damaged).
 * A change is made on a copy and is seen only once it is on disk. Features each get their own
 * collection, so that adding one never touches the catalog's format.
 */
export class JsonCollection<T> {
  private readonly queue = new SerialQueue()
  private backedUp = false

  private constructor(
    private readonly db: Low<T>,
    private readonly adapter: DurableJsonFile<T>,
    private readonly opts: CollectionOptions<T>
  ) {}

  static async open<T>(opts: CollectionOptions<T>): Promise<JsonCollection<T>> {
    if (!opts.readOnly) await mkdir(join(opts.dir, LAYOUT.backups), { recursive: true })
    const adapter = new DurableJsonFile<T>({
      file: join(opts.dir, `${opts.name}.json`),
      schema: opts.schema,
      schemaVersion: opts.schemaVersion,
      backupsDir: join(opts.dir, LAYOUT.backups),
      backups: opts.backups,
      keepBackups: 10,
      onWarning: opts.onWarning,
      readOnly: opts.readOnly
    })
    const db = new Low<T>(adapter, opts.empty())
    await db.read()
    return new JsonCollection(db, adapter, opts)
  }

  get data(): Readonly<T> {
    return this.db.data
  }

  /** Changes the collection on a copy and saves it; resolves once it is on disk. */
  update<R>(change: (draft: T) => R): Promise<R> {
    // The workspace's own refusal first: it says why (a full disk, say).
    this.opts.assertWritable?.()
    if (this.opts.readOnly)
      throw new WorkbenchError('locked', 'This workspace was opened read-only.')
    return this.queue.run(async () => {
      if (!this.backedUp) {
        await this.adapter.backup()
        this.backedUp = true
      }
      return commitChange(this.db, change)
    })
  }

  /** Waits for the changes asked for so far. */
  async close(): Promise<void> {
    await this.queue.run(async () => undefined)
  }
}
