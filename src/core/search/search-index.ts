import { readFile, stat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import type {
  Annotation,
  Block,
  DocumentMeta,
  SearchHit,
  SearchOptions,
  SearchResponse,
  Tag
} from '../../shared/model'
import { findByPath, pathOf, subtree } from '../codebook/tree'
import { SerialQueue, writeFileDurable } from '../store/durable-write'
import { chunkText } from './chunks'
import { fold, tokenize } from './fold'
import { hasPhrase, matchRanges, wordMatches } from './match-terms'
import { parseQuery, type ParsedQuery, type Term } from './parse-query'
import { makeSnippet } from './snippet'

/** Bump when the index's content or shape changes: older snapshots are then rebuilt. */
export const INDEX_FORMAT = 1
const SNAPSHOT = 'search.json'
const SAVE_DELAY_MS = 2000
/** About 128 MB of text (JavaScript strings take 2 bytes a character) kept for snippets and phrases. */
const TEXT_CACHE_CHARS = 64 * 1024 * 1024

interface Entry {
  id: string
  kind: 'passage' | 'note'
  docId: string
  start: number
  end: number
  text: string
  title: string
  annotationId?: string
}

/** What the index reads from the workspace: passed in, so the index never reaches for the stores itself. */
export interface SearchSources {
  documents(): readonly DocumentMeta[]
  text(meta: DocumentMeta): Promise<{ text: string; blocks: Block[] }>
  notes(docId: string): Promise<{ annotations: readonly Annotation[]; note: string }>
  tags(): readonly Tag[]
  annotationsDir: string
}

interface Snapshot {
  format: number
  docs: Record<string, string>
  docEntries: Record<string, string[]>
  noteEntries: Record<string, string[]>
  notesStamp: number
  index: unknown
}

const miniOptions = {
  fields: ['text', 'title'],
  storeFields: ['kind', 'docId', 'start', 'end', 'annotationId'],
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => fold(term) || null,
  searchOptions: { boost: { title: 1.5 } },
  autoVacuum: { minDirtCount: 200, minDirtFactor: 0.15, batchSize: 2000, batchWait: 5 }
}

const termQuery = (t: Term, fuzzy: boolean): Query => {
  if (t.kind === 'phrase')
    return { combineWith: 'AND', queries: t.words, fuzzy: false, prefix: false }
  if (t.kind === 'prefix')
    return { combineWith: 'OR', queries: [t.text], prefix: true, fuzzy: false }
  return {
    combineWith: 'OR',
    queries: [t.text],
    prefix: false,
    fuzzy: fuzzy && t.text.length >= 5 ? 0.2 : false
  }
}

/**
 * Full-text search (minisearch) over passages of every document, with titles, and over the notes
 * and tags of highlights. Kept up to date incrementally; saved as a snapshot in index/ a moment
 * after changes, off the path of the save that caused them.
 */
export class SearchIndex {
  private mini = new MiniSearch<Entry>(miniOptions)
  private docShas = new Map<string, string>()
  private docEntries = new Map<string, string[]>()
  private noteEntries = new Map<string, string[]>()
  private notesStamp = 0
  private texts = new Map<string, string>()
  private textChars = 0
  private saveTimer: NodeJS.Timeout | null = null
  private saving: Promise<void> = Promise.resolve()
  /** Index changes run one at a time, so that overlapping updates of one document cannot interleave. */
  private updates = new SerialQueue()
  readonly ready: Promise<void>

  constructor(
    private readonly dir: string,
    private readonly sources: SearchSources,
    private readonly persist: boolean,
    private readonly onWarning: (message: string) => void
  ) {
    // The index is derived data: if it cannot be opened, say so; search then starts empty.
    this.ready = this.open().catch((err: unknown) =>
      this.onWarning(
        `The search index could not be opened (${(err as Error).message}); search may miss documents until it is rebuilt.`
      )
    )
  }

  private get file(): string {
    return join(this.dir, SNAPSHOT)
  }

  /** Loads the snapshot when it is of this format and catches up with what changed since; else rebuilds. */
  private async open(): Promise<void> {
    let loaded = false
    try {
      const snap = JSON.parse(await readFile(this.file, 'utf8')) as Snapshot
      if (snap.format === INDEX_FORMAT) {
        this.mini = MiniSearch.loadJS(snap.index as never, miniOptions)
        this.docShas = new Map(Object.entries(snap.docs))
        this.docEntries = new Map(Object.entries(snap.docEntries))
        this.noteEntries = new Map(Object.entries(snap.noteEntries))
        this.notesStamp = snap.notesStamp
        loaded = true
      }
    } catch {
      // missing or damaged: rebuilt below (it is derived data)
    }
    if (!loaded) {
      this.mini = new MiniSearch<Entry>(miniOptions)
      this.docShas.clear()
      this.docEntries.clear()
      this.noteEntries.clear()
      this.notesStamp = 0
    }
    const changed = await this.catchUp()
    if (changed) this.scheduleSave()
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
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue
      const docId = name.slice(0, -5)
      if (!live.has(docId)) continue
      let mtimeMs: number
      try {
        ;({ mtimeMs } = await stat(join(this.sources.annotationsDir, name)))
      } catch {
        continue // moved aside meanwhile (a damaged file being restored)
      }
      // One second of slack: a file written in the same instant as the stamp is indexed again.
      if (mtimeMs >= this.notesStamp - 1000) {
        try {
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

  private add(entry: Entry): void {
    if (this.mini.has(entry.id)) this.mini.discard(entry.id)
    this.mini.add(entry)
  }

  private async addDocumentNow(meta: DocumentMeta): Promise<void> {
    const { text, blocks } = await this.sources.text(meta)
    const ids: string[] = []
    for (const c of chunkText(text, blocks)) {
      const id = `p:${meta.id}:${c.start}`
      this.add({
        id,
        kind: 'passage',
        docId: meta.id,
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        title: meta.title
      })
      ids.push(id)
    }
    this.docEntries.set(meta.id, ids)
    this.docShas.set(meta.id, meta.textSha256)
  }

  private removeDocumentNow(docId: string): void {
    for (const id of [
      ...(this.docEntries.get(docId) ?? []),
      ...(this.noteEntries.get(docId) ?? [])
    ]) {
      if (this.mini.has(id)) this.mini.discard(id)
    }
    this.docEntries.delete(docId)
    this.noteEntries.delete(docId)
    this.docShas.delete(docId)
  }

  private async setNotesNow(docId: string): Promise<void> {
    for (const id of this.noteEntries.get(docId) ?? []) if (this.mini.has(id)) this.mini.discard(id)
    const meta = this.sources.documents().find((d) => d.id === docId)
    if (!meta) {
      this.noteEntries.delete(docId)
      return
    }
    const { annotations, note } = await this.sources.notes(docId)
    const tags = this.sources.tags()
    const ids: string[] = []
    for (const a of annotations) {
      const text = [a.note, ...a.tags.map((t) => pathOf(tags, t).replace(/\//g, ' '))]
        .join('\n')
        .trim()
      if (!text) continue
      const id = `a:${a.id}`
      this.add({
        id,
        kind: 'note',
        docId,
        start: a.position.start,
        end: a.position.end,
        text,
        title: meta.title,
        annotationId: a.id
      })
      ids.push(id)
    }
    if (note.trim()) {
      const id = `n:${docId}`
      this.add({ id, kind: 'note', docId, start: 0, end: 0, text: note, title: meta.title })
      ids.push(id)
    }
    this.noteEntries.set(docId, ids)
  }

  // ---- incremental updates, called by the workbench after each change ----

  async addDocument(meta: DocumentMeta): Promise<void> {
    await this.ready
    await this.updates.run(async () => {
      this.removeDocumentNow(meta.id)
      await this.addDocumentNow(meta)
      await this.setNotesNow(meta.id)
    })
    this.scheduleSave()
  }

  async removeDocument(docId: string): Promise<void> {
    await this.ready
    await this.updates.run(async () => this.removeDocumentNow(docId))
    this.scheduleSave()
  }

  async setNotes(docId: string): Promise<void> {
    await this.ready
    await this.updates.run(() => this.setNotesNow(docId))
    this.scheduleSave()
  }

  /** After codebook changes (tag paths are indexed with the notes). */
  async reindexAllNotes(): Promise<void> {
    await this.ready
    await this.updates.run(async () => {
      for (const docId of this.docShas.keys()) await this.setNotesNow(docId)
    })
    this.scheduleSave()
  }

  // ---- queries ----

  /**
   * Document texts for snippets and phrase checks, kept in memory up to a size budget (least
   * recently used out), keyed by the text's checksum so that a new version is never served stale.
   */
  private async textOf(docId: string): Promise<string> {
    const meta = this.sources.documents().find((d) => d.id === docId)
    if (!meta) return ''
    const key = meta.textSha256
    const cached = this.texts.get(key)
    if (cached !== undefined) {
      this.texts.delete(key)
      this.texts.set(key, cached)
      return cached
    }
    const text = (await this.sources.text(meta)).text
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

  private toQuery(parsed: ParsedQuery): Query {
    const main: Query = {
      combineWith: 'AND',
      queries: parsed.groups.map((g) => ({
        combineWith: 'OR',
        queries: g.map((t) => termQuery(t, true))
      }))
    }
    const excludeWords = parsed.exclude.filter((t) => t.kind !== 'phrase')
    if (excludeWords.length === 0) return main
    return {
      combineWith: 'AND_NOT',
      queries: [main, ...excludeWords.map((t) => termQuery(t, false))]
    }
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

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    await this.ready
    const parsed = parseQuery(query)
    const { warnings } = parsed
    if (options.typeahead && !/\s$/.test(query)) {
      const last = parsed.groups[parsed.groups.length - 1]
      const term = last?.[last.length - 1]
      if (term?.kind === 'word') last[last.length - 1] = { kind: 'prefix', text: term.text }
    }
    if (parsed.groups.length === 0) return { hits: [], total: 0, warnings }

    const tagRefs = [...parsed.filters.tags, ...(options.tagId ? [options.tagId] : [])]
    const tagIds = this.resolveTags(tagRefs, warnings)
    const docs = new Map(this.sources.documents().map((d) => [d.id, d]))
    const docRefs = [...parsed.filters.docs, ...(options.docId ? [options.docId] : [])]
    const after = options.after || parsed.filters.after
    const before = options.before || parsed.filters.before
    const allowedDoc = (docId: string): boolean => {
      const d = docs.get(docId)
      if (!d) return false
      if (
        docRefs.length &&
        !docRefs.some((r) => d.id === r || (r.length >= 4 && d.id.startsWith(r)))
      )
        return false
      if (
        parsed.filters.titles.length &&
        !parsed.filters.titles.every((w) => fold(d.title).includes(w))
      )
        return false
      if (after && !(d.published && d.published.slice(0, 10) >= after)) return false
      if (before && !(d.published && d.published.slice(0, 10) <= before)) return false
      return true
    }
    const tagged = tagIds ? await this.taggedRanges(tagIds, docs) : null

    const raw = this.mini.search(this.toQuery(parsed), {
      filter: (r) => allowedDoc(r.docId as string)
    })
    // Equal scores are ordered by document and position, not by the index's internal ids, so the
    // same workspace always lists results in the same order however its index was built.
    raw.sort(
      (a, b) =>
        b.score - a.score ||
        (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)
    )
    const phrases =
      parsed.groups.some((g) => g.some((t) => t.kind === 'phrase')) ||
      parsed.exclude.some((t) => t.kind === 'phrase')
    const limit = options.limit ?? 50
    const hits: SearchHit[] = []
    let total = 0
    for (const r of raw) {
      if (tagged && !this.inTagged(r, tagged)) continue
      const text =
        r.kind === 'note'
          ? await this.noteText(r)
          : phrases || hits.length < limit
            ? (await this.textOf(r.docId)).slice(r.start, r.end)
            : ''
      if (phrases && !this.satisfies(r, text, parsed)) continue
      total++
      if (hits.length < limit) hits.push(this.toHit(r, text, parsed, docs))
      // Past the limit, phrase checks need each passage's text: count up to a bound, then stop.
      if (phrases && hits.length >= limit && total >= limit * 4) break
    }
    return { hits, total, warnings }
  }

  private satisfies(r: SearchResult, text: string, parsed: ParsedQuery): boolean {
    const matched = new Set(r.queryTerms)
    const groupOk = (g: Term[]): boolean =>
      g.some((t) =>
        t.kind === 'phrase' ? hasPhrase(text, t.words) : matched.has(t.text) || t.kind === 'prefix'
      )
    if (!parsed.groups.every(groupOk)) return false
    return !parsed.exclude.some((t) => t.kind === 'phrase' && hasPhrase(text, t.words))
  }

  private async noteText(r: SearchResult): Promise<string> {
    const { annotations, note } = await this.sources.notes(r.docId)
    if (!r.annotationId) return note
    const a = annotations.find((x) => x.id === r.annotationId)
    if (!a) return ''
    const tags = this.sources.tags()
    return [a.note, ...a.tags.map((t) => `#${pathOf(tags, t)}`)].filter(Boolean).join(' ')
  }

  private toHit(
    r: SearchResult,
    text: string,
    parsed: ParsedQuery,
    docs: Map<string, DocumentMeta>
  ): SearchHit {
    const terms = parsed.groups.flat()
    const phraseWords = new Set(terms.flatMap((t) => (t.kind === 'phrase' ? t.words : [])))
    const { snippet, marks } = makeSnippet(
      text,
      (w) => phraseWords.has(w) || terms.some((t) => wordMatches(t, w))
    )
    const hit: SearchHit = {
      kind: r.kind,
      docId: r.docId,
      title: docs.get(r.docId)?.title ?? '',
      score: r.score,
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
    r: SearchResult,
    tagged: Map<string, { start: number; end: number; id: string }[]>
  ): boolean {
    const ranges = tagged.get(r.docId)
    if (!ranges) return false
    if (r.kind === 'note')
      return r.annotationId ? ranges.some((x) => x.id === r.annotationId) : false
    return ranges.some((x) => x.start < r.end && x.end > r.start)
  }

  async findInDocument(docId: string, query: string): Promise<{ start: number; end: number }[]> {
    await this.ready
    const text = await this.textOf(docId)
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
    this.saving = this.saving.then(async () => {
      const snapshot: Snapshot = {
        format: INDEX_FORMAT,
        docs: Object.fromEntries(this.docShas),
        docEntries: Object.fromEntries(this.docEntries),
        noteEntries: Object.fromEntries(this.noteEntries),
        notesStamp: this.notesStamp,
        index: this.mini.toJSON()
      }
      try {
        await writeFileDurable(this.file, JSON.stringify(snapshot))
      } catch (err) {
        this.onWarning(
          `The search index could not be saved (${(err as Error).message}); it will be rebuilt next time.`
        )
      }
    })
    return this.saving
  }

  /** Writes a pending snapshot now (on close). */
  async flush(): Promise<void> {
    await this.ready.catch(() => undefined)
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
    await this.mini.vacuum()
  }
}
