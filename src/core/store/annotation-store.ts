import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { WorkbenchError } from '../base/errors'
import { SerialQueue } from '../base/serial-queue'
import { commitChange } from './commit'
import { BackupFolder, DurableJsonFile } from './json-file'
import { z } from 'zod'
import type { Annotation } from '../../shared/model'
import { annotationSchema } from '../../shared/model-schemas'
import { TwinJournal } from './twin-journal'
import { annotationFileSchema, SCHEMA_VERSION, type AnnotationFile } from './schema'
import { annotationFileName, annotationJournalName, isSafeId, LAYOUT } from './layout'

interface OpenFile {
  db: Low<AnnotationFile>
  adapter: DurableJsonFile<AnnotationFile>
  journal: TwinJournal<AnnotationEntry>
  queue: SerialQueue
  backedUp: boolean
}

/** One change to a document's highlights, as a line of its journal. */
interface AnnotationEntry {
  generation: number
  /** Highlights new or changed, whole. */
  upsert?: Annotation[]
  /** Highlights deleted, by id. */
  remove?: string[]
  /** The document note, when it changed, and when it did. */
  note?: string
  noteModified?: string
}

const entrySchema = z.object({
  generation: z.number().int().nonnegative(),
  upsert: z.array(annotationSchema).optional(),
  remove: z.array(z.string()).optional(),
  note: z.string().optional(),
  noteModified: z.string().max(64).optional()
})

/** A journal longer than this is checkpointed into its file at the next change. */
const JOURNAL_MAX_BYTES = 256 * 1024

/** Reading order: by start, then end (a sort that keeps equal ones in their order). */
export const byPosition = (x: Annotation, y: Annotation): number =>
  x.position.start - y.position.start || x.position.end - y.position.end

/**
 * One lowdb file per document (annotations/<docId>.json): highlights, tags applied, notes, with
 * a journal beside it (annotations/<docId>.journal). A save rewrites at most that document's file,
 * so it costs the same however large the workspace grows; and most saves only append a line to
 * the journal, so they cost the same however many highlights the document has. The journal is
 * checkpointed into the file at the first change of a session (after the file's backup is taken), when
 * it grows long, and on close. Files are opened on first use and kept in memory.
 */
export class AnnotationStore {
  private readonly files = new Map<string, Promise<OpenFile>>()
  private allLoaded = false
  /** Every document's backups are in one folder, read once for all of them. */
  private readonly backups: BackupFolder

  constructor(
    private readonly dir: string,
    private readonly readOnly: boolean,
    private readonly onWarning: (message: string) => void,
    /** Called after a document's annotation file was written (the search index follows). */
    private readonly onChanged: (docId: string) => Promise<void> = async () => undefined,
    /** Throws when this process may not write (read-only, or the writer lock was lost). */
    private readonly assertWritable: () => void = () => undefined
  ) {
    this.backups = new BackupFolder(join(dir, LAYOUT.backups))
  }

  private open(docId: string): Promise<OpenFile> {
    if (!isSafeId(docId))
      throw new WorkbenchError('invalid-argument', `Invalid document id ${docId}.`)
    let file = this.files.get(docId)
    if (!file) {
      file = (async () => {
        const adapter: DurableJsonFile<AnnotationFile> = new DurableJsonFile<AnnotationFile>({
          // A file with backups was written before: if it is missing, the newest is put back.
          expected: async () => (await adapter.listBackups()).length > 0,
          file: join(this.dir, LAYOUT.annotations, annotationFileName(docId)),
          schema: annotationFileSchema,
          schemaVersion: SCHEMA_VERSION,
          backupsDir: join(this.dir, LAYOUT.backups),
          backups: this.backups,
          keepBackups: 5,
          onWarning: this.onWarning,
          readOnly: this.readOnly
        })
        const db = new Low<AnnotationFile>(adapter, emptyFile(docId))
        await db.read()
        const journal = new TwinJournal(
          join(this.dir, LAYOUT.annotations, annotationJournalName(docId)),
          entrySchema,
          'changes to highlights saved in it are missing'
        )
        const entries = await journal.read(db.data.generation, this.onWarning)
        if (entries.length) db.data = replay(db.data, entries)
        return { db, adapter, journal, queue: new SerialQueue(), backedUp: false }
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
    if (this.files.has(docId) || !isSafeId(docId)) return this.get(docId)
    // The folder is listed once; files written since are opened through `update`, so in `files`.
    this.onDisk ??= readdir(join(this.dir, LAYOUT.annotations)).then(
      (names) => new Set(names),
      () => new Set<string>()
    )
    if (!(await this.onDisk).has(annotationFileName(docId)) && !this.files.has(docId))
      return emptyFile(docId)
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
    const settled = await Promise.allSettled([...this.files.values()])
    const out: AnnotationFile[] = []
    for (const [i, docId] of [...this.files.keys()].entries()) {
      const r = settled[i]
      if (r.status === 'fulfilled') out.push(r.value.db.data)
      else if (!this.damaged.has(docId)) {
        const problem = r.reason instanceof Error ? r.reason.message : String(r.reason)
        this.damaged.set(docId, problem)
        this.onWarning(
          `The highlights of document ${docId} could not be read and are left out: ${problem}`
        )
      }
    }
    return out
  }

  /** Annotation files `all` left out, with why: a full backup lists them. */
  unreadable(): { docId: string; problem: string }[] {
    return [...this.damaged].map(([docId, problem]) => ({ docId, problem }))
  }

  private readonly damaged = new Map<string, string>()

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
    // The workspace's own refusal first: it says why (a full disk, say).
    this.assertWritable()
    if (this.readOnly) throw new WorkbenchError('locked', 'This workspace was opened read-only.')
    const file = await this.open(docId)
    return file.queue
      .run(async () => {
        const first = !file.backedUp
        if (first) {
          await file.adapter.backup()
          file.backedUp = true
        }
        if (
          topLevelOnly &&
          !first &&
          !file.journal.broken &&
          file.journal.bytes < JOURNAL_MAX_BYTES
        ) {
          const before = file.db.data
          const draft = { ...before }
          const result = change(draft)
          const entry = difference(before, draft)
          if (entry !== null) {
            if (entry !== 'unchanged') await file.journal.append(entry)
            file.db.data = draft
            return result
          }
          // A change to more than highlights and the note: the file is rewritten below.
        }
        return this.rewrite(file, change, topLevelOnly)
      })
      .then(async (result) => {
        await this.onChanged(docId)
        return result
      })
  }

  /** Writes the whole file with a change made (and a new generation), and empties its journal. */
  private async rewrite<R>(
    file: OpenFile,
    change: (draft: AnnotationFile) => R,
    topLevelOnly: boolean
  ): Promise<R> {
    const result = await commitChange(
      file.db,
      (draft) => {
        const r = change(draft)
        draft.generation = file.db.data.generation + 1
        return r
      },
      topLevelOnly ? (d) => ({ ...d }) : structuredClone
    )
    await file.journal.clear()
    // A backup of every version written: if the file is then lost, the backup and the journal's
    // lines (of this generation) give back all of it.
    await file.adapter.backup().catch(() => undefined)
    return result
  }

  /** Checkpoints every journal: writes its lines into its file (on close: the next start reads one file each). */
  async close(): Promise<void> {
    for (const opening of this.files.values()) {
      const file = await opening.catch(() => null)
      if (!file) continue
      await file.queue.run(async () => {
        if (file.journal.bytes > 0 && !this.readOnly)
          await this.rewrite(file, () => undefined, true).catch(() => undefined)
        await file.journal.close()
      })
    }
  }
}

const emptyFile = (docId: string): AnnotationFile => ({
  schemaVersion: SCHEMA_VERSION,
  docId,
  note: '',
  annotations: [],
  generation: 0
})

/**
 * What a change did, as a journal line: the highlights it added or replaced (found by identity:
 * a change that keeps the others keeps them as they were), those it removed, and the note. Null
 * when it changed anything else.
 */
function difference(
  before: AnnotationFile,
  after: AnnotationFile
): AnnotationEntry | 'unchanged' | null {
  if (after.docId !== before.docId || after.generation !== before.generation) return null
  if (after.schemaVersion !== before.schemaVersion) return null
  if (after.textSha256 !== before.textSha256 || after.previous !== before.previous) return null
  const old = new Map(before.annotations.map((a) => [a.id, a]))
  const upsert = after.annotations.filter((a) => old.get(a.id) !== a)
  const kept = new Set(after.annotations.map((a) => a.id))
  const remove = before.annotations.filter((a) => !kept.has(a.id)).map((a) => a.id)
  const entry: AnnotationEntry = { generation: before.generation }
  if (upsert.length) entry.upsert = upsert
  if (remove.length) entry.remove = remove
  if (after.note !== before.note) entry.note = after.note
  if (after.noteModified !== before.noteModified) {
    // A time taken away (an undone merge) is not a journal line: the file is rewritten.
    if (after.noteModified === undefined) return null
    entry.noteModified = after.noteModified
  }
  return entry.upsert || entry.remove || entry.note !== undefined || entry.noteModified
    ? entry
    : 'unchanged'
}

/** A file with its journal's lines applied, in order, as the changes that wrote them did. */
function replay(data: AnnotationFile, entries: AnnotationEntry[]): AnnotationFile {
  let { annotations, note, noteModified } = data
  for (const e of entries) {
    const gone = new Set([...(e.remove ?? []), ...(e.upsert ?? []).map((a) => a.id)])
    annotations = annotations.filter((a) => !gone.has(a.id)).concat(e.upsert ?? [])
    annotations.sort(byPosition)
    if (e.note !== undefined) note = e.note
    if (e.noteModified !== undefined) noteModified = e.noteModified
  }
  return { ...data, annotations, note, ...(noteModified !== undefined ? { noteModified } : {}) }
}
