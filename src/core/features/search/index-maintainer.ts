import type { DocumentMeta } from '../../../shared/model'
import { SerialQueue } from '../../base/serial-queue'
import { tagPaths } from '../../domain/codebook/tree'
import { noteText } from '../../domain/notes/note-text'
import {
  CANDIDATE_CAP,
  DEFAULT_LIMITS,
  InvertedIndex,
  KIND_NOTE,
  KIND_TEXT,
  type IndexLimits
} from '../../engine/inverted-index'
import type { ChangeEvent, SearchSources } from '../../ports'
import { countChunks, type CountedChunks } from '../../domain/search/count-chunks'
import { buildInWorker, indexPassages } from '../../workers/index-build'
import { decodeSnapshot, encodeSnapshot } from './index-snapshot'

const SAVE_DELAY_MS = 2000
/** New documents are added to the index in batches of up to this many, waiting this long for more. */
const BATCH_MAX = 2000
const BATCH_WAIT_MS = 500

/**
 * Keeps the search index in line with the workspace: opens its snapshot (or rebuilds it in a
 * worker), catches up with what changed since, follows every change event, and writes a snapshot
 * a moment after changes, off the path of the save that caused them. Searches wait for `settled`.
 */
export class IndexMaintainer {
  private current: InvertedIndex
  private docShas = new Map<string, string>()
  private notesStamp = 0
  private saveTimer: NodeJS.Timeout | null = null
  private saving: Promise<void> = Promise.resolve()
  /** Index changes run one at a time, so that overlapping updates of one document cannot interleave. */
  private updates = new SerialQueue()
  /** Done when every change asked for so far is in the index (a snapshot being written is not waited for). */
  private changed: Promise<void> = Promise.resolve()
  /** Stops a rebuild or catch-up still under way when the workspace is closed. */
  private readonly stopping = new AbortController()
  /** The index was left unfinished (closed while being built): no snapshot is written of it. */
  private incomplete = false
  /**
   * The batch waiting for more documents (by id: the latest version wins): `release` lets it be
   * added now. Any other change closes it, so that a document imported after it goes in a later
   * batch, after that change.
   */
  private batch: {
    adds: Map<string, { meta: DocumentMeta; chunks: CountedChunks }>
    done: Promise<void>
    release: () => void
  } | null = null
  readonly ready: Promise<void>

  constructor(
    private readonly sources: SearchSources,
    /** How many candidate chunks a search ranks at most (see `IndexLimits.candidates`). */
    readonly candidates = CANDIDATE_CAP
  ) {
    this.current = this.newEngine()
    // The index is derived data: if it cannot be opened, say so; search then starts empty.
    this.ready = this.open().catch((err: unknown) =>
      this.sources.onWarning(
        `The search index could not be opened (${(err as Error).message}); search may miss documents until it is rebuilt.`
      )
    )
  }

  /** The index as it is now (a rebuild replaces it). */
  get engine(): InvertedIndex {
    return this.current
  }

  /** Follows one change of the workspace. The change is saved already: a failure here is reported, never lost work. */
  handle(event: ChangeEvent): Promise<void> {
    const done = this.apply(event)
    return done.catch((err: unknown) =>
      this.sources.onWarning(`Search index: ${(err as Error).message}`)
    )
  }

  private apply(event: ChangeEvent): Promise<void> {
    switch (event.kind) {
      case 'document-saved':
        return this.addDocument(event.meta, event.chunks)
      case 'document-removed':
        return this.whenReady(() => this.removeDocumentNow(event.id))
      case 'notes-changed':
        return this.whenReady(() => this.setNotesNow(event.docId))
      case 'codebook-changed':
        return this.whenReady(async () => {
          for (const docId of this.docShas.keys()) await this.setNotesNow(docId)
        })
      case 'restored':
        return this.whenReady(async () => {
          for (const meta of this.sources.documents()) await this.reindexNow(meta)
        })
    }
  }

  /** Waits for the index updates asked for so far: a search then sees every change made before it. */
  async settled(): Promise<void> {
    await this.ready
    this.batch?.release()
    await this.changed
  }

  private limits(): IndexLimits {
    return { ...DEFAULT_LIMITS, candidates: this.candidates }
  }

  private newEngine(): InvertedIndex {
    return new InvertedIndex(this.limits())
  }

  /** Loads the snapshot when it is of this format and catches up with what changed since; else rebuilds. */
  private async open(): Promise<void> {
    let loaded = false
    try {
      const { meta, engine } = await decodeSnapshot(await this.sources.readSnapshot())
      engine.setLimits(this.limits())
      this.current = engine
      this.docShas = new Map(Object.entries(meta.docs))
      this.notesStamp = meta.notesStamp
      loaded = true
    } catch {
      // missing, damaged or of another format: rebuilt below (it is derived data)
    }
    if (!loaded) {
      this.current = this.newEngine()
      this.docShas.clear()
      this.notesStamp = 0
      await this.rebuildInWorker()
      if (this.stopped()) return
    }
    const changed = await this.catchUp()
    if (changed && !this.incomplete) this.scheduleSave()
  }

  /** Closing stopped the index being built: it is left as it is, and built again next time. */
  private stopped(): boolean {
    if (this.stopping.signal.aborted) this.incomplete = true
    return this.incomplete
  }

  /**
   * Builds every document's chunks in a worker thread, so that the app answers meanwhile.
   * Whatever it could not do (a worker that fails to start, an unreadable text) is left to
   * catchUp, which does it here and reports it.
   */
  private async rebuildInWorker(): Promise<void> {
    const docs = this.sources.documents()
    const spec = this.sources.rebuildWorker
    if (!spec || docs.length === 0) return
    try {
      const { engine, built } = await buildInWorker(
        spec,
        {
          dir: this.sources.workspaceDir,
          documents: docs.map(({ id, title, textSha256, originalName, stored }) => ({
            id,
            title,
            textSha256,
            originalName,
            stored
          }))
        },
        this.stopping.signal
      )
      const shas = new Map(docs.map((d) => [d.id, d.textSha256]))
      engine.setLimits(this.limits())
      this.current = engine
      for (const id of built) this.docShas.set(id, shas.get(id) as string)
    } catch {
      this.current = this.newEngine()
      this.docShas.clear()
    }
  }

  /** Brings the index in line with the catalog and with annotation files changed since the snapshot. */
  private async catchUp(): Promise<boolean> {
    let changed = false
    const live = new Map(this.sources.documents().map((d) => [d.id, d]))
    for (const id of [...this.docShas.keys()]) {
      if (!live.has(id) || live.get(id)?.textSha256 !== this.docShas.get(id)) {
        this.removeDocumentNow(id)
        changed = true
      }
    }
    for (const meta of live.values()) {
      if (this.docShas.has(meta.id)) continue
      if (this.stopped()) return changed
      try {
        await this.addDocumentNow(meta)
        changed = true
      } catch (err) {
        // One unreadable text must not keep every other document out of search.
        this.sources.onWarning(
          `"${meta.title}" could not be indexed for search: ${(err as Error).message}`
        )
      }
    }
    const startedAt = Date.now()
    // A document's notes changed since the snapshot when its annotation file or journal did.
    // One second of slack: a file written in the same instant as the stamp is read again.
    const stale = await this.sources.notesChangedSince(this.notesStamp - 1000, new Set(live.keys()))
    for (const docId of stale) {
      try {
        await this.setNotesNow(docId)
        changed = true
      } catch (err) {
        this.sources.onWarning(
          `The notes of one document could not be indexed for search: ${(err as Error).message}`
        )
      }
    }
    this.notesStamp = startedAt
    return changed
  }

  private async addDocumentNow(meta: DocumentMeta): Promise<void> {
    const { text, blocks } = await this.sources.text(meta)
    indexPassages(this.current, meta, countChunks(text, blocks))
    this.docShas.set(meta.id, meta.textSha256)
  }

  private async reindexNow(meta: DocumentMeta): Promise<void> {
    this.removeDocumentNow(meta.id)
    await this.addDocumentNow(meta)
    await this.setNotesNow(meta.id)
  }

  private removeDocumentNow(docId: string): void {
    this.current.removeDocument(docId)
    this.docShas.delete(docId)
  }

  private async setNotesNow(docId: string): Promise<void> {
    const engine = this.current
    engine.clearNotes(docId)
    if (!engine.hasDocument(docId)) return
    const { annotations, note } = await this.sources.notes(docId)
    if (!engine.hasDocument(docId)) return // removed meanwhile
    engine.clearNotes(docId)
    const paths = tagPaths(this.sources.tags())
    for (const a of annotations) {
      const text = noteText(a, paths)
      if (!text) continue
      engine.addEntry(docId, KIND_NOTE, a.position.start, a.position.end, text, a.id)
    }
    if (note.trim()) engine.addEntry(docId, KIND_NOTE, 0, 0, note)
  }

  /**
   * Indexes a document (again). `chunks`, counted where the document was parsed, spare reading
   * back its text and counting its words on this thread. Such documents are added in batches: a
   * batch waits a moment for more to come (a bulk import), or until a search needs it.
   */
  private async addDocument(meta: DocumentMeta, chunks?: CountedChunks): Promise<void> {
    await this.ready
    if (chunks) {
      const batch = this.batch ?? this.startBatch()
      batch.adds.set(meta.id, { meta, chunks })
      if (batch.adds.size >= BATCH_MAX) {
        batch.release()
        this.batch = null
      }
      await batch.done
    } else await this.change(() => this.reindexNow(meta))
    this.scheduleSave()
  }

  private startBatch(): NonNullable<IndexMaintainer['batch']> {
    let release = (): void => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const timer = setTimeout(release, BATCH_WAIT_MS)
    const adds: NonNullable<IndexMaintainer['batch']>['adds'] = new Map()
    const done = this.change(async () => {
      await gate
      clearTimeout(timer)
      if (this.batch?.adds === adds) this.batch = null
      const batch = [...adds.values()]
      for (const { meta } of batch) {
        this.removeDocumentNow(meta.id)
        this.current.addDocument(meta.id, meta.title)
        this.docShas.set(meta.id, meta.textSha256)
      }
      this.current.addCountedEntries(
        batch.map(({ meta, chunks }) => ({ key: meta.id, kind: KIND_TEXT, entries: chunks }))
      )
      for (const { meta } of batch) await this.setNotesNow(meta.id)
    })
    return (this.batch = { adds, done, release })
  }

  private async whenReady(fn: () => Promise<void> | void): Promise<void> {
    await this.ready
    await this.change(fn)
    this.scheduleSave()
  }

  /** Runs a change of the index in turn; searches from now on wait for it, not for snapshots. */
  private change(fn: () => Promise<void> | void): Promise<void> {
    if (this.batch) {
      this.batch.release()
      this.batch = null
    }
    const done = this.updates.run(async () => fn())
    this.changed = done.catch(() => undefined)
    return done
  }

  private scheduleSave(): void {
    if (!this.sources.persist) return
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      void this.save()
    }, SAVE_DELAY_MS)
    this.saveTimer.unref()
  }

  private save(): Promise<void> {
    if (this.incomplete) return this.saving
    this.saving = this.saving.then(async () => {
      try {
        // Encoded inside the update queue (nothing changes the index meanwhile), a slice at a
        // time: the app keeps answering while a large index is saved.
        const bytes = await this.updates.run(() =>
          encodeSnapshot(
            { docs: Object.fromEntries(this.docShas), notesStamp: this.notesStamp },
            this.current
          )
        )
        await this.sources.writeSnapshot(bytes)
      } catch (err) {
        this.sources.onWarning(
          `The search index could not be saved (${(err as Error).message}); it will be rebuilt next time.`
        )
      }
    })
    return this.saving
  }

  /**
   * On close: stops a rebuild still under way (a snapshot is not written of it, and the next
   * start builds the index again; quitting during a rebuild of 100,000 documents would otherwise
   * wait minutes), then writes a pending snapshot.
   */
  async close(): Promise<void> {
    this.stopping.abort()
    await this.settled().catch(() => undefined)
    if (this.saveTimer) {
      clearTimeout(this.saveTimer)
      this.saveTimer = null
      await this.save()
    }
    await this.saving
  }

  /** Finishes pending index clean-up, so that scores are exactly those of a fresh build (tests). */
  async compact(): Promise<void> {
    await this.ready
    this.current.vacuum()
  }
}
