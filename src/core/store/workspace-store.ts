import { createHash } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { Low } from 'lowdb'
import type { Block, DocumentMeta, StoredRef } from '../../shared/model'
import { WorkbenchError } from '../base/errors'
import { SerialQueue } from '../base/serial-queue'
import { removeStaleTempFiles } from './durable-write'
import { wasWritten } from './durable-write'
import { catalogEntrySchema, Journal, type JournalEntry } from './journal'
import { DurableJsonFile } from './json-file'
import { lockWorkspace } from './lock'
import { PackReader, PackWriter } from './pack-store'
import {
  parseBlocks,
  emptyWorkspace,
  SCHEMA_VERSION,
  workspaceFileSchema,
  type WorkspaceFile
} from './schema'

/** The folders and files of a workspace, as DESIGN.md lays them out. */
export const LAYOUT = {
  catalog: 'workspace.json',
  journal: 'workspace.journal',
  annotations: 'annotations',
  texts: 'texts',
  originals: 'originals',
  index: 'index',
  backups: 'backups'
} as const

/** Made in a new workspace. (originals/ holds the files of documents imported by earlier versions.) */
const FOLDERS = [LAYOUT.annotations, LAYOUT.texts, LAYOUT.index, LAYOUT.backups]

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')

export interface OpenStoreOptions {
  /** Open without the writer lock, for commands that only read. Writes are then refused. */
  readOnly?: boolean
  onWarning?: (message: string) => void
}

/**
 * A change waiting to be saved. `change` works on a copy of the whole catalog; the others say
 * what they do, so that they can be saved by appending to the journal.
 */
interface PendingChange {
  change: (draft: WorkspaceFile) => unknown
  /** A new document. */
  add?: NewDocument
  /** A document taken out of the library. */
  remove?: string
  /** New content fields for a document (a new version). */
  replace?: { id: string; fields: Partial<DocumentMeta> }
  /** Rewrite the catalog file, whatever the batch holds. */
  rewrite?: boolean
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
}

/** Thrown when a change reaches for the documents of a light draft: it needs a whole copy. */
class NeedsWholeCatalog extends Error {}

interface NewDocument {
  sha: string
  build: (order: number, taken: (id: string) => boolean) => DocumentMeta
}

export type AddDocumentResult =
  { status: 'added'; meta: DocumentMeta } | { status: 'duplicate'; meta: DocumentMeta }

/** About 32 MB of verified text kept in memory (see getText). */
const VERIFIED_CACHE_CHARS = 16 * 1024 * 1024

/** The journal is folded into the catalog file once it holds this many documents (or a quarter of the catalog)… */
const JOURNAL_MAX_DOCUMENTS = 2000
/** …or this many bytes (each change to the codebook appends the whole codebook). */
const JOURNAL_MAX_BYTES = 8 * 1024 * 1024

/**
 * The workspace on disk: the catalog (lowdb, with its journal), and the packs of texts and
 * original files. Only this class touches those files.
 */
export class WorkspaceStore {
  private readonly queue = new SerialQueue()
  private readonly packs: PackWriter
  private readonly reader: PackReader
  private pending: PendingChange[] = []
  private scheduled = false
  /** Documents added to the journal since it was last emptied. */
  private journalDocuments = 0
  readonly warnings: string[] = []

  private constructor(
    readonly dir: string,
    private readonly db: Low<WorkspaceFile>,
    private readonly adapter: DurableJsonFile<WorkspaceFile>,
    private readonly release: (() => Promise<void>) | null,
    private readonly lockLost: () => string | null,
    private readonly journal: Journal<JournalEntry>
  ) {
    this.packs = new PackWriter(join(dir, LAYOUT.texts))
    this.reader = new PackReader(join(dir, LAYOUT.texts))
  }

  static async open(dir: string, options: OpenStoreOptions = {}): Promise<WorkspaceStore> {
    const warnings: string[] = []
    const warn = (m: string): void => {
      warnings.push(m)
      options.onWarning?.(m)
    }
    let release: (() => Promise<void>) | null = null
    let lockLost: string | null = null
    if (!options.readOnly) {
      await mkdir(dir, { recursive: true })
      for (const folder of FOLDERS) await mkdir(join(dir, folder), { recursive: true })
      release = await lockWorkspace(dir, (err) => {
        lockLost = `The workspace lock was lost (${err.message}): another process may be writing to this workspace. To protect your work, changes are refused until you restart the app.`
        warn(lockLost)
      })

      for (const folder of ['.', ...FOLDERS]) await removeStaleTempFiles(join(dir, folder))
    } else if (!(await isDirectory(dir))) {
      throw new WorkbenchError('not-found', `No workspace at ${dir}. Import documents first.`)
    }
    const adapter = new DurableJsonFile<WorkspaceFile>({
      file: join(dir, LAYOUT.catalog),
      schema: workspaceFileSchema,
      schemaVersion: SCHEMA_VERSION,
      backupsDir: join(dir, LAYOUT.backups),
      onWarning: warn,
      readOnly: options.readOnly
    })
    const db = new Low(adapter, emptyWorkspace())
    const journal = new Journal(
      join(dir, LAYOUT.journal),
      catalogEntrySchema,
      'documents imported in that batch may be missing from the library (their files are still in the workspace)'
    )
    let store: WorkspaceStore
    try {
      await db.read()
      // Imports saved in the journal since the catalog was last rewritten (after a crash).
      const entries = await journal.read(db.data.catalogGeneration, warn)
      if (entries.length) db.data = replay(db.data, entries)
      store = new WorkspaceStore(dir, db, adapter, release, () => lockLost, journal)
      if (!options.readOnly) {
        // Writes the catalog (a new workspace gets its file now), and empties the journal.
        if (entries.length || !(await exists(join(dir, LAYOUT.catalog)))) await store.fold()
        else await journal.clear()
        await adapter.backup()
      }
    } catch (err) {
      await release?.()
      throw err
    }
    store.warnings.push(...warnings)
    return store
  }

  get data(): Readonly<WorkspaceFile> {
    return this.db.data
  }

  private lookup: {
    list: readonly DocumentMeta[]
    bySha: Map<string, DocumentMeta>
    byId: Map<string, DocumentMeta>
  } | null = null

  /** Look-ups into the catalog's documents, built once per list (each save gives a new list). */
  private lookups(): { bySha: Map<string, DocumentMeta>; byId: Map<string, DocumentMeta> } {
    const list = this.db.data.documents
    if (this.lookup?.list !== list)
      this.lookup = {
        list,
        bySha: new Map(list.map((d) => [d.sha256, d])),
        byId: new Map(list.map((d) => [d.id, d]))
      }
    return this.lookup
  }

  /** The document with this id, if any (a lookup: a scan took ~2 ms at 100,000 documents). */
  findById(id: string): DocumentMeta | undefined {
    return this.lookups().byId.get(id)
  }

  /** The document imported from a file with this checksum, if any (a lookup, not a scan). */
  findBySha(sha: string): DocumentMeta | undefined {
    return this.lookups().bySha.get(sha)
  }

  /**
   * Adds an imported document to the catalog, unless one from the same file is there already.
   * `build` gets the import order and a test for ids in use. Group-committed like `update`; a
   * batch made only of new documents is saved by appending to the journal.
   */
  addDocument(sha: string, build: NewDocument['build']): Promise<AddDocumentResult> {
    const add: NewDocument = { sha, build }
    const change = (draft: WorkspaceFile): AddDocumentResult => {
      const dup = draft.documents.find((d) => d.sha256 === sha)
      if (dup) return { status: 'duplicate', meta: dup }
      const ids = new Set(draft.documents.map((d) => d.id))
      const meta = build(draft.nextImportOrder, (id) => ids.has(id))
      draft.nextImportOrder++
      draft.documents.push(meta)
      return { status: 'added', meta }
    }
    return this.enqueue(change, { add }) as Promise<AddDocumentResult>
  }

  /** Rewrites the catalog file with everything in memory, and empties the journal. */
  private fold(): Promise<unknown> {
    return this.enqueue(() => undefined, { rewrite: true })
  }

  /** Takes a document out of the catalog; resolves with it. Saved by appending to the journal. */
  removeDocument(id: string): Promise<DocumentMeta> {
    return this.enqueue(
      (draft) => {
        const at = draft.documents.findIndex((d) => d.id === id)
        if (at < 0) throw notFound(id)
        return draft.documents.splice(at, 1)[0]
      },
      { remove: id }
    ) as Promise<DocumentMeta>
  }

  /** Changes a document's content fields (a new version); resolves with the new metadata. */
  replaceDocument(id: string, fields: Partial<DocumentMeta>): Promise<DocumentMeta> {
    return this.enqueue(
      (draft) => {
        const d = draft.documents.find((x) => x.id === id)
        if (!d) throw notFound(id)
        return Object.assign(d, fields)
      },
      { replace: { id, fields } }
    ) as Promise<DocumentMeta>
  }

  get readOnly(): boolean {
    return this.release === null
  }

  /**
   * Applies a change to the catalog and writes it durably. The change is made on a copy and only
   * becomes visible once it is on disk: if the write fails, memory and disk still agree.
   *
   * Group commit: changes asked for while a write is under way are applied together, in the order
   * they were asked for, and saved with one write. Each caller still learns of its own result only
   * once the file holding it is on disk; a change that throws is left out and the rest are kept.
   */
  update<R>(change: (draft: WorkspaceFile) => R): Promise<R> {
    return this.enqueue(change) as Promise<R>
  }

  private enqueue(
    change: (draft: WorkspaceFile) => unknown,
    kind: Pick<PendingChange, 'add' | 'remove' | 'replace' | 'rewrite'> = {}
  ): Promise<unknown> {
    this.assertWritable()
    return new Promise<unknown>((resolve, reject) => {
      this.pending.push({ change, ...kind, resolve, reject })
      if (this.scheduled) return
      this.scheduled = true
      void this.queue.run(() => {
        this.scheduled = false
        return this.commitBatch(this.pending.splice(0))
      })
    })
  }

  private async commitBatch(batch: PendingChange[]): Promise<void> {
    const journalFull =
      this.journalDocuments >= Math.max(JOURNAL_MAX_DOCUMENTS, this.db.data.documents.length / 4) ||
      this.journal.bytes >= JOURNAL_MAX_BYTES
    if (!this.journal.broken && !journalFull && !batch.some((p) => p.rewrite)) {
      try {
        return await this.appendBatch(batch)
      } catch (err) {
        if (!(err instanceof NeedsWholeCatalog)) throw err
        // A change that works on the documents directly: the whole catalog is rewritten.
      }
    }
    return this.rewriteBatch(batch)
  }

  /** Saves a batch by rewriting the whole catalog file (and voiding the journal). */
  private async rewriteBatch(batch: PendingChange[]): Promise<void> {
    for (;;) {
      const draft = structuredClone(this.db.data)
      const results: unknown[] = []
      let failed = -1
      for (let i = 0; i < batch.length; i++) {
        try {
          results.push(batch[i].change(draft))
        } catch (err) {
          batch[i].reject(err)
          failed = i
          break
        }
      }
      if (failed >= 0) {
        // The failed change may have half-changed the copy: start again from the saved data without it.
        batch = batch.filter((_, i) => i !== failed)
        if (batch.length === 0) return
        continue
      }
      // A rewrite of the catalog holds everything the journal did: raising the generation voids
      // the journal's lines, even if emptying it below does not happen.
      draft.catalogGeneration = this.db.data.catalogGeneration + 1
      try {
        await this.adapter.write(draft)
      } catch (err) {
        if (wasWritten(err)) this.db.data = draft // the file holds the new data: memory follows it
        for (const p of batch) p.reject(err)
        return
      }
      this.db.data = draft
      batch.forEach((p, i) => p.resolve(results[i]))
      await this.journal.clear()
      this.journalDocuments = 0
      return
    }
  }

  /**
   * Saves a batch by appending one line to the journal: new documents, removals and new versions
   * as what they are; the codebook and the memos whole, when a change touched them (they are
   * small). Nothing here copies the list of documents more than once, so a change costs the same
   * with a hundred thousand documents as with ten. Throws NeedsWholeCatalog, having changed
   * nothing, when a change works on the documents some other way.
   */
  private async appendBatch(batch: PendingChange[]): Promise<void> {
    const data = this.db.data
    const { bySha, byId } = this.lookups()
    let documents: DocumentMeta[] | null = null // copied at the first change to the list
    const docs = (): DocumentMeta[] => (documents ??= data.documents.slice())
    let book: WorkspaceFile['codebook'] | null = null
    let memos: WorkspaceFile['memos'] | null = null
    let next = data.nextImportOrder
    const entry: JournalEntry = {
      generation: data.catalogGeneration,
      documents: [],
      nextImportOrder: next
    }
    const removed = new Set<string>()
    const replaced = new Map<string, DocumentMeta>()
    const outcomes: (() => void)[] = []
    /** The document in the library, as of this point of the batch, imported from a file with this checksum. */
    const live = (sha: string): DocumentMeta | undefined => {
      for (const m of entry.documents) if (m.sha256 === sha) return m
      for (const m of replaced.values()) if (m.sha256 === sha) return m
      const d = bySha.get(sha)
      if (!d || removed.has(d.id)) return undefined
      const now = replaced.get(d.id)
      return now ? (now.sha256 === sha ? now : undefined) : d
    }
    for (const p of batch) {
      try {
        if (p.add) {
          const dup = live(p.add.sha)
          if (dup) {
            outcomes.push(() => p.resolve({ status: 'duplicate', meta: dup }))
            continue
          }
          const taken = (id: string): boolean =>
            (byId.has(id) && !removed.has(id)) || entry.documents.some((d) => d.id === id)
          const meta = p.add.build(next, taken)
          next++
          entry.documents.push(meta)
          docs().push(meta)
          outcomes.push(() => p.resolve({ status: 'added', meta }))
        } else if (p.remove !== undefined) {
          const at = docs().findIndex((d) => d.id === p.remove)
          if (at < 0) throw notFound(p.remove)
          const [gone] = docs().splice(at, 1)
          const fresh = entry.documents.findIndex((d) => d.id === gone.id)
          if (fresh >= 0) entry.documents.splice(fresh, 1)
          else removed.add(gone.id)
          replaced.delete(gone.id)
          outcomes.push(() => p.resolve(gone))
        } else if (p.replace) {
          const list = docs()
          const at = list.findIndex((d) => d.id === p.replace?.id)
          if (at < 0) throw notFound(p.replace.id)
          const meta = { ...list[at], ...p.replace.fields }
          list[at] = meta
          const fresh = entry.documents.findIndex((d) => d.id === meta.id)
          if (fresh >= 0) entry.documents[fresh] = meta
          else replaced.set(meta.id, meta)
          outcomes.push(() => p.resolve(meta))
        } else {
          // A change to the codebook or the memos, made on copies of them; the documents are
          // out of its reach (reaching for them means it needs the whole catalog).
          const draft = {
            ...data,
            nextImportOrder: next,
            codebook: (book ??= structuredClone(data.codebook)),
            memos: (memos ??= structuredClone(data.memos))
          }
          Object.defineProperty(draft, 'documents', {
            get: () => {
              throw new NeedsWholeCatalog()
            },
            set: () => {
              throw new NeedsWholeCatalog()
            }
          })
          const snapshot = JSON.stringify([book, memos])
          let result: unknown
          try {
            result = p.change(draft)
          } catch (err) {
            // Undo what the failed change did to the copies before passing the error on.
            ;[book, memos] = JSON.parse(snapshot) as [typeof book, typeof memos]
            throw err
          }
          book = draft.codebook
          memos = draft.memos
          outcomes.push(() => p.resolve(result))
        }
      } catch (err) {
        if (err instanceof NeedsWholeCatalog) throw err
        outcomes.push(() => p.reject(err))
      }
    }
    const changed =
      documents !== null || book !== null || memos !== null || next !== data.nextImportOrder
    if (changed) {
      if (removed.size) entry.removed = [...removed]
      if (replaced.size) entry.replaced = [...replaced.values()]
      if (book) entry.tags = book.tags
      if (memos) entry.memos = memos
      entry.nextImportOrder = next
      try {
        await this.journal.append(entry)
      } catch (err) {
        for (const p of batch) p.reject(err)
        return
      }
      this.journalDocuments += entry.documents.length
      const list = documents ?? data.documents
      this.db.data = {
        ...data,
        documents: list,
        codebook: book ?? data.codebook,
        memos: memos ?? data.memos,
        nextImportOrder: next
      }
      if (removed.size || replaced.size) this.lookup = null
      else {
        // The look-ups grow with the list instead of being built again.
        for (const meta of entry.documents) {
          bySha.set(meta.sha256, meta)
          byId.set(meta.id, meta)
        }
        this.lookup = { list, bySha, byId }
      }
    }
    for (const outcome of outcomes) outcome()
  }

  /** Throws unless this process may write: it holds the writer lock and has not lost it. */
  assertWritable(): void {
    if (this.readOnly) throw new WorkbenchError('locked', 'This workspace was opened read-only.')
    const lost = this.lockLost()
    if (lost) throw new WorkbenchError('locked', lost)
  }

  /**
   * Stores a document's text, structure and original file (one record in a pack, see
   * pack-store.ts); resolves once they are on disk, with the text's checksum and where they are.
   * Every call writes a new record: a new version never reuses one that may have been damaged.
   */
  async putContent(content: {
    sha256: string
    ext: string
    original: Uint8Array
    text: string
    blocks: Block[]
    /** The text's checksum, when the caller has it already. */
    textSha256?: string
  }): Promise<{ textSha256: string; stored: StoredRef }> {
    this.assertWritable()
    const textSha256 = content.textSha256 ?? sha256Hex(content.text)
    const stored = await this.packs.put({
      sha256: content.sha256,
      textSha256,
      ext: content.ext,
      text: content.text,
      blocks: JSON.stringify(content.blocks),
      original: content.original
    })
    return { textSha256, stored }
  }

  /** A document's original file, as imported (checked against its checksum). */
  async getOriginal(meta: DocumentMeta): Promise<Uint8Array> {
    let bytes: Uint8Array
    const where = meta.stored
      ? `texts/${meta.stored.pack}`
      : `originals/${meta.sha256}.${extname(meta.originalName).slice(1).toLowerCase()}`
    if (meta.stored?.original === 0)
      throw new WorkbenchError(
        'not-found',
        `The original file of "${meta.title}" is not in the workspace (it was restored from a backup, which holds texts only).`
      )
    try {
      bytes = meta.stored
        ? await this.reader.original(meta.stored)
        : await readFile(join(this.dir, where))
    } catch {
      throw new WorkbenchError(
        'corrupt',
        `The original file of "${meta.title}" is missing from the workspace (${where}).`
      )
    }
    if (sha256Hex(bytes) !== meta.sha256)
      throw new WorkbenchError(
        'corrupt',
        `The original file of "${meta.title}" is damaged (${where} does not match its checksum).`
      )
    return bytes
  }

  /**
   * Texts read and verified in this session, by checksum, up to a size: a text never changes
   * under its checksum, and hashing a 5 MB text again for every highlight made in it is slow.
   */
  private verified = new Map<string, { text: string; blocks: Block[] }>()
  private verifiedChars = 0

  /** A document's text and structure. `verify` checks the text against its checksum (skipped for derived uses). */
  async getText(meta: DocumentMeta, verify = true): Promise<{ text: string; blocks: Block[] }> {
    const known = this.verified.get(meta.textSha256)
    if (known) {
      this.verified.delete(meta.textSha256)
      this.verified.set(meta.textSha256, known)
      return { text: known.text, blocks: known.blocks }
    }
    const read = await this.readText(meta, verify)
    if (verify) {
      this.verified.set(meta.textSha256, read)
      this.verifiedChars += read.text.length
      for (const [sha, t] of this.verified) {
        if (this.verifiedChars <= VERIFIED_CACHE_CHARS || sha === meta.textSha256) break
        this.verified.delete(sha)
        this.verifiedChars -= t.text.length
      }
    }
    return { text: read.text, blocks: read.blocks }
  }

  private readText(
    meta: DocumentMeta,
    verify: boolean
  ): Promise<{ text: string; blocks: Block[] }> {
    return readStoredText(this.dir, meta, verify, this.reader)
  }

  /** A document's text alone, not checked against its checksum: for derived uses (search snippets). */
  async getPlainText(meta: DocumentMeta): Promise<string> {
    return (
      this.verified.get(meta.textSha256)?.text ??
      (await readStoredText(this.dir, meta, false, this.reader, false)).text
    )
  }

  async close(): Promise<void> {
    await this.packs.close()
    await this.reader.close()
    while (this.scheduled || this.pending.length) await this.queue.run(async () => undefined)
    // Fold the journal into the catalog, so that the next start reads one file.
    if (this.journal.bytes > 0 && !this.readOnly && !this.lockLost())
      await this.fold().catch(() => undefined)
    await this.queue.run(async () => undefined)
    await this.journal.close()
    await this.release?.()
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory()
  } catch {
    return false
  }
}

/** The catalog with the journal's entries applied, in order (documents already in it are not added twice). */
function replay(data: WorkspaceFile, entries: JournalEntry[]): WorkspaceFile {
  let documents = [...data.documents]
  const ids = new Set(documents.map((d) => d.id))
  let { codebook, memos } = data
  let next = data.nextImportOrder
  for (const e of entries) {
    if (e.removed?.length) {
      const gone = new Set(e.removed)
      documents = documents.filter((d) => !gone.has(d.id))
      for (const id of gone) ids.delete(id)
    }
    if (e.replaced?.length) {
      const fresh = new Map(e.replaced.map((d) => [d.id, d]))
      documents = documents.map((d) => fresh.get(d.id) ?? d)
    }
    for (const d of e.documents) {
      if (ids.has(d.id)) continue
      documents.push(d)
      ids.add(d.id)
    }
    if (e.tags) codebook = { tags: e.tags }
    if (e.memos) memos = e.memos
    next = Math.max(next, e.nextImportOrder)
  }
  return { ...data, documents, codebook, memos, nextImportOrder: next }
}

const notFound = (id: string): WorkbenchError =>
  new WorkbenchError('not-found', `No document with id ${id} in this workspace.`)

/**
 * Reads a stored text and its structure from a workspace folder. Used by the store, and by the
 * search index's rebuild worker, which reads texts on its own thread.
 */
export async function readStoredText(
  dir: string,
  meta: Pick<DocumentMeta, 'title' | 'textSha256' | 'originalName' | 'stored'>,
  verify: boolean,
  reader: PackReader,
  withBlocks = true
): Promise<{ text: string; blocks: Block[] }> {
  const where = meta.stored ? `texts/${meta.stored.pack}` : `texts/${meta.textSha256}.txt`
  let text: string
  let blocksJson: string | null = null
  try {
    if (meta.stored) ({ text, blocks: blocksJson } = await reader.text(meta.stored))
    else text = await readFile(join(dir, where), 'utf8')
  } catch {
    throw new WorkbenchError(
      'corrupt',
      `The text of "${meta.title}" is missing from the workspace (${where}). Use Replace with new version… with ${meta.originalName} to restore it.`
    )
  }
  if (verify && sha256Hex(text) !== meta.textSha256) {
    throw new WorkbenchError(
      'corrupt',
      `The text of "${meta.title}" is damaged (${where} does not match its checksum). Use Replace with new version… with ${meta.originalName} to restore it.`
    )
  }
  let blocks: Block[] = [{ kind: 'paragraph', start: 0, end: text.length }]
  if (!withBlocks) return { text, blocks: [] }
  try {
    blocksJson ??= await readFile(join(dir, LAYOUT.texts, `${meta.textSha256}.blocks.json`), 'utf8')
    blocks = parseBlocks(JSON.parse(blocksJson), text.length) ?? blocks
  } catch {
    // Structure is a convenience: without it the text still reads as one block.
  }
  return { text, blocks }
}
