import { statSync } from 'node:fs'
import { readFile, rm, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  Annotation,
  Block,
  DocumentMeta,
  SearchHit,
  SearchOptions,
  SearchResponse,
  Tag
} from '../../../shared/model'
import { findByPath, pathOf, subtree } from '../../domain/codebook/tree'
import { SerialQueue, writeFileDurable } from '../../store/durable-write'
import type { WorkerSpec } from '../../workers/worker-protocol'
import { buildInWorker, indexPassages } from '../../workers/index-build'
import { countPassages, type CountedPassages } from '../../domain/search/count-passages'
import { pad4 } from '../../base/byte-writer'
import { yieldToEventLoop } from '../../base/yield'
import { fold } from '../../domain/search/fold'
import {
  CANDIDATE_CAP,
  DEFAULT_LIMITS,
  InvertedIndex,
  KIND_NOTE,
  KIND_PASSAGE,
  MAX_TERMS,
  type EntryInfo,
  type IndexLimits,
  type Plan,
  type PlanTerm
} from '../../engine/inverted-index'
import { matchRanges, phraseMatcher } from '../../domain/search/match-terms'
import { parseQuery, type ParsedQuery, type Term } from '../../domain/search/parse-query'
import { makeSnippet } from '../../domain/search/snippet'

/** Bump when the index's content or shape changes: older snapshots are then rebuilt. */
export const INDEX_FORMAT = 4
const SNAPSHOT = 'search.idx'
/** Snapshots of earlier versions (MiniSearch's JSON), removed when found. */
const OLD_SNAPSHOTS = ['search.json']
const MAGIC = 0x49535741 // "AWSI", little-endian
const SAVE_DELAY_MS = 2000
/** New documents are added to the index in batches of up to this many, waiting this long for more. */
const BATCH_MAX = 2000
const BATCH_WAIT_MS = 500
/**
 * Texts kept in memory for snippets and phrases: 128 MB of plain English (a JavaScript string
 * takes one byte a character when it can, two otherwise), all the texts of about 20,000 news
 * articles. A phrase is checked in the text of each candidate passage: read from disk, a phrase
 * of common words took many times longer.
 */
const TEXT_CACHE_CHARS = 128 * 1024 * 1024

/** What the index reads from the workspace: passed in, so the index never reaches for the stores itself. */
export interface SearchSources {
  documents(): readonly DocumentMeta[]
  text(meta: DocumentMeta): Promise<{ text: string; blocks: Block[] }>
  /** The text alone (for snippets and phrases). */
  plainText(meta: DocumentMeta): Promise<string>
  notes(docId: string): Promise<{ annotations: readonly Annotation[]; note: string }>
  tags(): readonly Tag[]
  annotationsDir: string
  /** The workspace folder, whose stored texts a rebuild worker reads. */
  workspaceDir: string
  /** Where the rebuild worker is; without it a rebuild runs on this thread. */
  rebuildWorker?: WorkerSpec
}

interface SnapshotMeta {
  docs: Record<string, string>
  notesStamp: number
}

const toPlanTerm = (t: Term, fuzzy: boolean): PlanTerm =>
  t.kind === 'phrase'
    ? { kind: 'phrase', words: t.words }
    : t.kind === 'prefix'
      ? { kind: 'prefix', text: t.text }
      : { kind: 'word', text: t.text, fuzzy }

/**
 * Full-text search over passages of every document, with titles, and over the notes and tags of
 * highlights (the engine is `InvertedIndex`). Kept up to date incrementally; saved as a snapshot
 * in index/ a moment after changes, off the path of the save that caused them.
 */
export class SearchIndex {
  private engine = this.newEngine()
  private docShas = new Map<string, string>()
  private notesStamp = 0
  private texts = new Map<string, string>()
  private textChars = 0
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
    adds: Map<string, { meta: DocumentMeta; passages: CountedPassages }>
    done: Promise<void>
    release: () => void
  } | null = null
  readonly ready: Promise<void>

  constructor(
    private readonly dir: string,
    private readonly sources: SearchSources,
    private readonly persist: boolean,
    private readonly onWarning: (message: string) => void,
    /** How many candidate passages a search ranks at most (see `IndexLimits.candidates`). */
    private readonly candidates = CANDIDATE_CAP
  ) {
    // The index is derived data: if it cannot be opened, say so; search then starts empty.
    this.ready = this.open().catch((err: unknown) =>
      this.onWarning(
        `The search index could not be opened (${(err as Error).message}); search may miss documents until it is rebuilt.`
      )
    )
  }

  private limits(): IndexLimits {
    return { ...DEFAULT_LIMITS, candidates: this.candidates }
  }

  private newEngine(): InvertedIndex {
    return new InvertedIndex(this.limits())
  }

  private get file(): string {
    return join(this.dir, SNAPSHOT)
  }

  /** Loads the snapshot when it is of this format and catches up with what changed since; else rebuilds. */
  private async open(): Promise<void> {
    let loaded = false
    for (const old of OLD_SNAPSHOTS)
      await rm(join(this.dir, old), { force: true }).catch(() => undefined)
    try {
      const { meta, engine } = await decodeSnapshot(await readFile(this.file))
      engine.setLimits(this.limits())
      this.engine = engine
      this.docShas = new Map(Object.entries(meta.docs))
      this.notesStamp = meta.notesStamp
      loaded = true
    } catch {
      // missing, damaged or of another format: rebuilt below (it is derived data)
    }
    if (!loaded) {
      this.engine = this.newEngine()
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
   * Builds every document's passages in a worker thread, so that the app answers meanwhile.
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
      this.engine = engine
      for (const id of built) this.docShas.set(id, shas.get(id) as string)
    } catch {
      this.engine = this.newEngine()
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
        this.onWarning(`"${meta.title}" could not be indexed for search: ${(err as Error).message}`)
      }
    }
    let names: string[] = []
    try {
      names = await readdir(this.sources.annotationsDir)
    } catch {
      // no annotations yet
    }
    const startedAt = Date.now()
    // A document's notes changed since the snapshot when its annotation file or journal did.
    const reindexed = new Set<string>()
    const files = names.flatMap((name) => {
      const docId = /^([A-Za-z0-9_-]+)\.(?:json|journal)$/.exec(name)?.[1]
      return docId && live.has(docId) ? [{ name, docId }] : []
    })
    const times = await modifiedTimes(
      this.sources.annotationsDir,
      files.map((f) => f.name)
    )
    for (const [i, { docId }] of files.entries()) {
      if (reindexed.has(docId)) continue
      const mtimeMs = times[i]
      if (mtimeMs === undefined) continue // moved aside meanwhile (a damaged file being restored)
      // One second of slack: a file written in the same instant as the stamp is indexed again.
      if (mtimeMs >= this.notesStamp - 1000) {
        try {
          reindexed.add(docId)
          await this.setNotesNow(docId)
          changed = true
        } catch (err) {
          this.onWarning(
            `The notes of one document could not be indexed for search: ${(err as Error).message}`
          )
        }
      }
    }
    this.notesStamp = startedAt
    return changed
  }

  private async addDocumentNow(meta: DocumentMeta): Promise<void> {
    const { text, blocks } = await this.sources.text(meta)
    indexPassages(this.engine, meta, countPassages(text, blocks))
    this.docShas.set(meta.id, meta.textSha256)
  }

  private removeDocumentNow(docId: string): void {
    this.engine.removeDocument(docId)
    this.docShas.delete(docId)
  }

  private async setNotesNow(docId: string): Promise<void> {
    this.engine.clearNotes(docId)
    if (!this.engine.hasDocument(docId)) return
    const { annotations, note } = await this.sources.notes(docId)
    if (!this.engine.hasDocument(docId)) return // removed meanwhile
    this.engine.clearNotes(docId)
    const tags = this.sources.tags()
    for (const a of annotations) {
      const text = [a.note, ...a.tags.map((t) => pathOf(tags, t).replace(/\//g, ' '))]
        .join('\n')
        .trim()
      if (!text) continue
      this.engine.addEntry(docId, KIND_NOTE, a.position.start, a.position.end, text, a.id)
    }
    if (note.trim()) this.engine.addEntry(docId, KIND_NOTE, 0, 0, note)
  }

  // ---- incremental updates, called by the workbench after each change ----

  /**
   * Indexes a document (again). `passages`, counted where the document was parsed, spare reading
   * back its text and counting its words on this thread. Such documents are added in batches: a
   * batch waits a moment for more to come (a bulk import), or until a search needs it.
   */
  async addDocument(meta: DocumentMeta, passages?: CountedPassages): Promise<void> {
    await this.ready
    if (passages) {
      const batch = this.batch ?? this.startBatch()
      batch.adds.set(meta.id, { meta, passages })
      if (batch.adds.size >= BATCH_MAX) {
        batch.release()
        this.batch = null
      }
      await batch.done
    } else
      await this.change(async () => {
        this.removeDocumentNow(meta.id)
        await this.addDocumentNow(meta)
        await this.setNotesNow(meta.id)
      })
    this.scheduleSave()
  }

  private startBatch(): NonNullable<SearchIndex['batch']> {
    let release = (): void => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const timer = setTimeout(release, BATCH_WAIT_MS)
    const adds: NonNullable<SearchIndex['batch']>['adds'] = new Map()
    const done = this.change(async () => {
      await gate
      clearTimeout(timer)
      if (this.batch?.adds === adds) this.batch = null
      const batch = [...adds.values()]
      for (const { meta } of batch) {
        this.removeDocumentNow(meta.id)
        this.engine.addDocument(meta.id, meta.title)
        this.docShas.set(meta.id, meta.textSha256)
      }
      this.engine.addCountedEntries(
        batch.map(({ meta, passages }) => ({ key: meta.id, kind: KIND_PASSAGE, entries: passages }))
      )
      for (const { meta } of batch) await this.setNotesNow(meta.id)
    })
    return (this.batch = { adds, done, release })
  }

  async removeDocument(docId: string): Promise<void> {
    await this.ready
    await this.change(() => this.removeDocumentNow(docId))
    this.scheduleSave()
  }

  async setNotes(docId: string): Promise<void> {
    await this.ready
    await this.change(() => this.setNotesNow(docId))
    this.scheduleSave()
  }

  /** After codebook changes (tag paths are indexed with the notes). */
  async reindexAllNotes(): Promise<void> {
    await this.ready
    await this.change(async () => {
      for (const docId of this.docShas.keys()) await this.setNotesNow(docId)
    })
    this.scheduleSave()
  }

  // ---- queries ----

  /**
   * Document texts for snippets and phrase checks, kept in memory up to a size budget (least
   * recently used out), keyed by the text's checksum so that a new version is never served stale.
   */
  private async textOf(meta: DocumentMeta | undefined): Promise<string> {
    if (!meta) return ''
    const key = meta.textSha256
    const cached = this.texts.get(key)
    if (cached !== undefined) {
      this.texts.delete(key)
      this.texts.set(key, cached)
      return cached
    }
    const text = await this.sources.plainText(meta)
    if (this.texts.has(key)) return text // filled meanwhile by another lookup
    this.texts.set(key, text)
    this.textChars += text.length
    for (const [k, t] of this.texts) {
      if (this.textChars <= TEXT_CACHE_CHARS || k === key) break
      this.texts.delete(k)
      this.textChars -= t.length
    }
    return text
  }

  private byId: { list: readonly DocumentMeta[]; map: Map<string, DocumentMeta> } | null = null
  /** What filters look at, for every document of the catalog, made once per version of it. */
  private filterView: {
    list: readonly DocumentMeta[]
    titles: string[]
    days: (string | null)[]
  } | null = null

  /**
   * The documents that filters allow, by id: one pass over the catalog with titles folded and
   * dates cut in advance (a look-up per document was tens of milliseconds at 100,000 documents).
   */
  private documentsWhere(filters: {
    docRefs: string[]
    titles: string[]
    after: string | null | undefined
    before: string | null | undefined
  }): string[] {
    const list = this.sources.documents()
    if (this.filterView?.list !== list)
      this.filterView = {
        list,
        titles: list.map((d) => fold(d.title)),
        days: list.map((d) => d.published?.slice(0, 10) ?? null)
      }
    const { titles, days } = this.filterView
    const { docRefs, after, before } = filters
    const out: string[] = []
    for (let i = 0; i < list.length; i++) {
      const id = list[i].id
      if (docRefs.length && !docRefs.some((r) => id === r || (r.length >= 4 && id.startsWith(r))))
        continue
      if (!filters.titles.every((w) => titles[i].includes(w))) continue
      const day = days[i]
      if (after && !(day && day >= after)) continue
      if (before && !(day && day <= before)) continue
      out.push(id)
    }
    return out
  }

  private catalogVersions = new WeakMap<readonly DocumentMeta[], number>()
  private catalogCount = 0

  /** A number that changes whenever the catalog does (each save gives a new list). */
  private catalogVersion(): number {
    const list = this.sources.documents()
    let v = this.catalogVersions.get(list)
    if (v === undefined) this.catalogVersions.set(list, (v = ++this.catalogCount))
    return v
  }

  /** The catalog by id; rebuilt only when the catalog changed (each save gives a new list). */
  private documentsById(): Map<string, DocumentMeta> {
    const list = this.sources.documents()
    if (this.byId?.list !== list) this.byId = { list, map: new Map(list.map((d) => [d.id, d])) }
    return this.byId.map
  }

  /** Resolves tag references (path, name or id) to the set of tag ids they cover, sub-tags included. */
  private resolveTags(refs: string[], warnings: string[]): Set<string> | null {
    if (refs.length === 0) return null
    const tags = this.sources.tags()
    const ids = new Set<string>()
    for (const ref of refs) {
      const tag =
        tags.find((t) => t.id === ref) ??
        findByPath(tags, ref) ??
        (() => {
          const byName = tags.filter((t) => fold(t.name) === fold(ref))
          return byName.length === 1 ? byName[0] : undefined
        })()
      if (!tag) warnings.push(`There is no tag "${ref}"; nothing can match it.`)
      else for (const id of subtree(tags, tag.id)) ids.add(id)
    }
    return ids
  }

  /** Waits for the index updates asked for so far: a search then sees every change made before it. */
  private async settled(): Promise<void> {
    await this.ready
    this.batch?.release()
    await this.changed
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

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    await this.settled()
    const parsed = parseQuery(query)
    const { warnings } = parsed
    if (options.typeahead && !/\s$/.test(query)) {
      const last = parsed.groups[parsed.groups.length - 1]
      const term = last?.[last.length - 1]
      if (term?.kind === 'word') last[last.length - 1] = { kind: 'prefix', text: term.text }
    }
    if (parsed.groups.length === 0)
      return { hits: [], total: 0, totalIsLowerBound: false, warnings }

    const tagRefs = [...parsed.filters.tags, ...(options.tagId ? [options.tagId] : [])]
    const tagIds = this.resolveTags(tagRefs, warnings)
    const docs = this.documentsById()
    const docRefs = [...parsed.filters.docs, ...(options.docId ? [options.docId] : [])]
    const after = options.after || parsed.filters.after
    const before = options.before || parsed.filters.before
    const tagged = tagIds ? await this.taggedRanges(tagIds, docs) : null
    const filtered =
      docRefs.length > 0 || parsed.filters.titles.length > 0 || Boolean(after) || Boolean(before)
    const plan: Plan = {
      groups: parsed.groups.map((g) => g.map((t) => toPlanTerm(t, true))),
      exclude: parsed.exclude.filter((t) => t.kind !== 'phrase').map((t) => toPlanTerm(t, false))
    }
    if (filtered) {
      const filters = { docRefs, titles: parsed.filters.titles, after, before }
      const key = JSON.stringify([filters, this.catalogVersion()])
      plan.allowDocs = { key, keys: () => this.documentsWhere(filters) }
    }
    if (tagged) plan.allowEntry = (id) => this.inTagged(this.engine.info(id), tagged)
    if (parsed.groups.flat().length > MAX_TERMS)
      warnings.push(`Only the first ${MAX_TERMS} words of a query are searched for.`)
    const matches = this.engine.search(plan)

    const phrases =
      parsed.groups.some((g) => g.some((t) => t.kind === 'phrase')) ||
      parsed.exclude.some((t) => t.kind === 'phrase')
    const limit = options.limit ?? 50
    const hits: SearchHit[] = []
    let total = 0
    // Only the best matches are sorted. Phrases are checked against the text in that order, until
    // one match past the limit shows that there are more.
    const matchers = new Map(
      [...parsed.groups.flat(), ...parsed.exclude].flatMap((t) =>
        t.kind === 'phrase' ? [[t, phraseMatcher(t.words)] as const] : []
      )
    )
    // A word of a snippet is marked when the query stood for it in the index.
    const isMatch = (w: string): boolean => matches.words.has(w)
    let want = phrases ? limit * 2 : limit
    let totalIsLowerBound = false
    let done = 0
    scan: for (;;) {
      const order = this.engine.top(matches, want)
      for (; done < order.length; done++) {
        const i = order[done]
        const r = this.engine.info(matches.ids[i])
        const text =
          r.kind === KIND_NOTE
            ? await this.noteText(r)
            : phrases || hits.length < limit
              ? (await this.textOf(docs.get(r.doc))).slice(r.start, r.end)
              : ''
        if (phrases && !this.satisfies(matches.masks[i], text, parsed, matchers)) continue
        total++
        if (hits.length < limit) hits.push(this.toHit(r, matches.scores[i], text, isMatch, docs))
        if (!phrases && hits.length >= limit) break scan
        if (phrases && total > limit) {
          totalIsLowerBound = true
          break scan
        }
      }
      if (order.length < want || order.length >= matches.count) break
      want *= 4
    }
    if (!phrases) total = matches.count
    else if (totalIsLowerBound) total = hits.length
    if (matches.capped) {
      totalIsLowerBound = true
      warnings.push(
        `This search matches more than ${this.candidates.toLocaleString('en-US')} passages: the newest of them are shown. Add a word, a phrase or a filter to narrow it.`
      )
    }
    return { hits, total, totalIsLowerBound, warnings }
  }

  /** Whether a match holds: each group has a word it matched, or a phrase found word for word in the text. */
  private satisfies(
    mask: number,
    text: string,
    parsed: ParsedQuery,
    matchers: Map<Term, (text: string) => boolean>
  ): boolean {
    const has = (t: Term): boolean => matchers.get(t)?.(text) ?? false
    let bit = 0
    const groupOk = (g: Term[]): boolean => {
      let ok = false
      for (const t of g) {
        const matched = bit < MAX_TERMS && (mask & (1 << bit)) !== 0
        bit++
        if (matched && (t.kind !== 'phrase' || has(t))) ok = true
      }
      return ok
    }
    // Every group is visited, so that each term's bit is counted in order.
    const results = parsed.groups.map(groupOk)
    if (!results.every(Boolean)) return false
    return !parsed.exclude.some((t) => t.kind === 'phrase' && has(t))
  }

  private async noteText(r: EntryInfo): Promise<string> {
    const { annotations, note } = await this.sources.notes(r.doc)
    if (!r.annotationId) return note
    const a = annotations.find((x) => x.id === r.annotationId)
    if (!a) return ''
    const tags = this.sources.tags()
    return [a.note, ...a.tags.map((t) => `#${pathOf(tags, t)}`)].filter(Boolean).join(' ')
  }

  private toHit(
    r: EntryInfo,
    score: number,
    text: string,
    isMatch: (word: string) => boolean,
    docs: Map<string, DocumentMeta>
  ): SearchHit {
    const { snippet, marks } = makeSnippet(text, isMatch)
    const hit: SearchHit = {
      kind: r.kind === KIND_NOTE ? 'note' : 'passage',
      docId: r.doc,
      title: docs.get(r.doc)?.title ?? '',
      score,
      start: r.start,
      end: r.end,
      snippet,
      marks
    }
    if (r.annotationId) hit.annotationId = r.annotationId
    return hit
  }

  private async taggedRanges(
    tagIds: Set<string>,
    docs: Map<string, DocumentMeta>
  ): Promise<Map<string, { start: number; end: number; id: string }[]>> {
    const out = new Map<string, { start: number; end: number; id: string }[]>()
    for (const docId of docs.keys()) {
      let annotations: readonly Annotation[]
      try {
        ;({ annotations } = await this.sources.notes(docId))
      } catch {
        continue // a damaged annotation file: reported where it is opened, not a reason to fail the search
      }
      const ranges = annotations
        .filter((a) => a.tags.some((t) => tagIds.has(t)))
        .map((a) => ({ start: a.position.start, end: a.position.end, id: a.id }))
      if (ranges.length) out.set(docId, ranges)
    }
    return out
  }

  private inTagged(
    r: EntryInfo,
    tagged: Map<string, { start: number; end: number; id: string }[]>
  ): boolean {
    const ranges = tagged.get(r.doc)
    if (!ranges) return false
    if (r.kind === KIND_NOTE)
      return r.annotationId ? ranges.some((x) => x.id === r.annotationId) : false
    return ranges.some((x) => x.start < r.end && x.end > r.start)
  }

  async findInDocument(docId: string, query: string): Promise<{ start: number; end: number }[]> {
    await this.settled()
    const text = await this.textOf(this.documentsById().get(docId))
    return matchRanges(text, parseQuery(query))
  }

  // ---- snapshot ----

  private scheduleSave(): void {
    if (!this.persist) return
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
            this.engine
          )
        )
        await writeFileDurable(this.file, bytes)
      } catch (err) {
        this.onWarning(
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
    this.engine.vacuum()
  }
}

/** The snapshot file: a magic number, the format, then the index's own metadata and the engine. */
async function encodeSnapshot(meta: SnapshotMeta, engine: InvertedIndex): Promise<Uint8Array> {
  // Padded with spaces, so that the engine's part starts 4-byte aligned (it is read as views).
  const json = new TextEncoder().encode(JSON.stringify(meta))
  const metaBytes = new Uint8Array(json.length + pad4(json.length)).fill(0x20)
  metaBytes.set(json)
  const body = await engine.serialize(yieldToEventLoop)
  const out = new Uint8Array(12 + metaBytes.length + body.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, INDEX_FORMAT, true)
  view.setUint32(8, metaBytes.length, true)
  out.set(metaBytes, 12)
  out.set(body, 12 + metaBytes.length)
  return out
}

async function decodeSnapshot(
  data: Uint8Array
): Promise<{ meta: SnapshotMeta; engine: InvertedIndex }> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  if (data.length < 12 || view.getUint32(0, true) !== MAGIC)
    throw new Error('not a search index snapshot')
  if (view.getUint32(4, true) !== INDEX_FORMAT) throw new Error('a search index of another format')
  const metaLength = view.getUint32(8, true)
  const meta = JSON.parse(
    new TextDecoder().decode(data.subarray(12, 12 + metaLength))
  ) as SnapshotMeta
  const engine = await InvertedIndex.deserialize(data.subarray(12 + metaLength), yieldToEventLoop)
  for (const key of engine.documentKeys())
    if (!(key in meta.docs)) throw new Error('the search index snapshot is inconsistent')
  return { meta, engine }
}

/**
 * The modification time of each file (undefined where it is gone), a slice of files at a time with
 * the event loop free in between. Synchronous: a promise for each of 10,000 annotation files took
 * about 450 ms before a reopened workspace could answer, these calls about 55 ms.
 */
async function modifiedTimes(dir: string, names: string[]): Promise<(number | undefined)[]> {
  const out: (number | undefined)[] = new Array(names.length)
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && i % 1000 === 0) await yieldToEventLoop()
    try {
      out[i] = statSync(join(dir, names[i]), { throwIfNoEntry: false })?.mtimeMs
    } catch {
      out[i] = undefined // unreadable: treated as gone, as before
    }
  }
  return out
}
