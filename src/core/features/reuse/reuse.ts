import type { DocumentMeta } from '../../../shared/model'
import type { ComparedPassage, ReuseRow, SharedPassagesQuery } from '../../../shared/reliability'
import { WorkbenchError } from '../../base/errors'
import { SerialQueue } from '../../base/serial-queue'
import {
  decodeFingerprints,
  FingerprintIndex,
  fingerprint,
  reuseRows,
  sharedPassagesFor,
  tokenize,
  wordDiff,
  type PairPassages
} from '../../domain/reuse'
import type { ChangeEvents, DocumentCatalog, DocumentContents } from '../../ports'

export interface ReuseDeps {
  catalog: DocumentCatalog
  contents: DocumentContents
  events: ChangeEvents
  findDocument: (id: string) => DocumentMeta
  /** The fingerprint index as last saved (it throws when there is none). */
  readIndex: () => Promise<Uint8Array>
  writeIndex: (bytes: Uint8Array) => Promise<void>
  /** False for a workspace opened read-only: the index is kept in memory only. */
  persist: boolean
  onWarning: (message: string) => void
  /** False: nothing is indexed and nothing is found (shared passages turned off, for benchmarks). */
  enabled?: boolean
}

/** The index's file in the workspace's index folder. */
export const FINGERPRINTS_FILE = 'fingerprints.bin'

/** How long after the last change the index is saved… */
const SAVE_DELAY_MS = 2000
/** …but changes wait at most this long (a long import). */
const MAX_UNSAVED_MS = 60_000
/** The documents sharing most fingerprints with one are verified by alignment, at most this many. */
const CANDIDATE_LIMIT = 200
/** Texts whose pairs are kept at once. */
const PAIR_CACHE = 64

/**
 * Shared passages: every text's winnowed fingerprints (made by the parser worker at import) go
 * into one persistent index, keyed by the text's sha256, so that a text imported again costs
 * nothing. A query takes the documents that share fingerprints with one, verifies each by
 * word-level alignment, and gives the passages with their offsets in both texts.
 *
 * The index is derived data (index/fingerprints.bin): when it is missing or damaged it is rebuilt
 * from the texts; it follows every import, new version, removal and restore.
 */
export function reuseFeature(deps: ReuseDeps) {
  let index = new FingerprintIndex()
  const queue = new SerialQueue()
  let saveTimer: ReturnType<typeof setTimeout> | null = null
  let dirty = false
  /** Marks the index changed: answers worked out before are not used after it. */
  const touched = (): void => {
    dirty = true
    pairCache.clear()
  }
  /** Each text's pairs, as the reader's details last asked for them, while nothing changed. */
  const pairCache = new Map<string, PairPassages[]>()

  /**
   * The library's texts (sha → the documents with it) and each document's text, kept in step with every
   * change event (made at open from the catalog, made again after a restore): a query or an
   * import never goes through every document.
   */
  let bySha = new Map<string, Set<string>>()
  let byDoc = new Map<string, string>()
  const addDoc = (sha: string, docId: string): void => {
    const set = bySha.get(sha)
    if (set) set.add(docId)
    else bySha.set(sha, new Set([docId]))
  }
  const rebuildMaps = (): void => {
    bySha = new Map()
    byDoc = new Map()
    for (const meta of deps.catalog.documents()) {
      addDoc(meta.textSha256, meta.id)
      byDoc.set(meta.id, meta.textSha256)
    }
  }
  rebuildMaps()
  /** The documents that have this text (two files of one article have one text). */
  const docsOf = (sha: string): string[] => [...(bySha.get(sha) ?? [])]
  /** Records that a document now has this text (null: it is gone); returns the text it had. */
  const follow = (docId: string, sha: string | null): string | null => {
    const before = byDoc.get(docId) ?? null
    if (before !== null) {
      const set = bySha.get(before)
      set?.delete(docId)
      if (set?.size === 0) bySha.delete(before)
    }
    if (sha === null) byDoc.delete(docId)
    else {
      byDoc.set(docId, sha)
      addDoc(sha, docId)
    }
    return before
  }
  /** Drops a text no document has any more. */
  const dropIfGone = (sha: string | null): void => {
    if (sha !== null && index.has(sha) && !bySha.has(sha)) {
      index.remove(sha)
      touched()
    }
  }

  async function addFromText(meta: DocumentMeta): Promise<void> {
    if (index.has(meta.textSha256)) return
    try {
      const { text } = await deps.contents.text(meta, false)
      index.add(meta.textSha256, fingerprint(text))
      touched()
    } catch {
      // A damaged text: it is reported where it is opened, and shares nothing until repaired.
    }
  }

  /** Drops the texts no document of the library has any more (removed, or replaced by a new version). */
  function prune(): void {
    for (const sha of index.documents())
      if (!bySha.has(sha)) {
        index.remove(sha)
        touched()
      }
  }

  async function catchUp(): Promise<void> {
    prune()
    for (const meta of deps.catalog.documents()) await addFromText(meta)
    scheduleSave()
  }

  /**
   * Opens the index with the first use (a command that never asks for shared passages never
   * reads it), and brings it up to date with the library.
   */
  let opened: Promise<void> | null = null
  const open = (): Promise<void> =>
    (opened ??= (async () => {
      try {
        index = FingerprintIndex.decode(await deps.readIndex())
      } catch {
        index = new FingerprintIndex() // none yet, or damaged: rebuilt from the texts
        touched()
      }
      await catchUp()
    })())
  /** Every use runs after the index is open, one at a time. */
  const enabled = deps.enabled !== false
  const use = <T>(task: () => Promise<T>, none: T): Promise<T> =>
    enabled
      ? queue.run(async () => {
          await open()
          return task()
        })
      : Promise.resolve(none)

  /**
   * Saves a moment after the last change; during a long import, at most once a minute (the
   * index is derived data: what is not saved yet is made again from the texts at the next open).
   */
  let unsavedSince = 0
  function scheduleSave(): void {
    if (!deps.persist || !dirty) return
    const now = Date.now()
    if (!unsavedSince) unsavedSince = now
    if (saveTimer) {
      if (now - unsavedSince >= MAX_UNSAVED_MS) return // the timer set will save
      clearTimeout(saveTimer)
    }
    saveTimer = setTimeout(() => {
      saveTimer = null
      unsavedSince = 0
      void queue.run(save)
    }, SAVE_DELAY_MS)
  }

  async function save(): Promise<void> {
    if (!deps.persist || !dirty) return
    dirty = false
    try {
      await deps.writeIndex(index.encode())
    } catch (err) {
      dirty = true
      deps.onWarning(
        `The index of shared passages could not be saved (${(err as Error).message}); it will be rebuilt when the workspace opens.`
      )
    }
  }

  deps.events.subscribe((event) => {
    switch (event.kind) {
      case 'document-saved': {
        const { meta, fingerprints } = event
        const before = follow(meta.id, meta.textSha256)
        void use(async () => {
          if (before !== meta.textSha256) dropIfGone(before) // a new version's old text
          if (!index.has(meta.textSha256)) {
            let added = false
            if (fingerprints)
              try {
                added = index.add(meta.textSha256, decodeFingerprints(fingerprints))
              } catch {
                added = false // made with other parameters: made again from the text
              }
            if (added) touched()
            else await addFromText(meta)
          }
          scheduleSave()
        }, undefined)
        return
      }
      case 'document-removed': {
        const before = follow(event.id, null)
        void use(async () => {
          dropIfGone(before)
          scheduleSave()
        }, undefined)
        return
      }
      case 'restored':
        rebuildMaps()
        void use(catchUp, undefined)
        return
      default:
        return
    }
  })

  /** The passages `meta` shares with the other documents of the library, most words first. */
  async function pairsOf(
    meta: DocumentMeta,
    query: SharedPassagesQuery,
    limit = CANDIDATE_LIMIT
  ): Promise<PairPassages[]> {
    const { text } = await deps.contents.text(meta, false)
    if (!index.has(meta.textSha256)) {
      index.add(meta.textSha256, fingerprint(text))
      touched()
    }
    const withSha =
      query.withDocId !== undefined ? deps.findDocument(query.withDocId).textSha256 : undefined
    // One pair asked for: that candidate is verified however many others share more.
    const options = {
      includeBoilerplate: query.includeBoilerplate,
      ...(withSha === undefined && { limit })
    }
    const texts = new Map<string, string>()
    for (const c of index.candidates(meta.textSha256, options)) {
      if (c.sha === meta.textSha256 || (withSha !== undefined && c.sha !== withSha)) continue
      const id = docsOf(c.sha)[0]
      const other = id === undefined ? undefined : deps.catalog.findById(id)
      if (!other) continue
      try {
        texts.set(c.sha, (await deps.contents.text(other, false)).text)
      } catch {
        // a damaged text shares nothing until it is repaired
      }
    }
    return sharedPassagesFor(
      index,
      { sha: meta.textSha256, text },
      (sha) => texts.get(sha),
      options
    )
  }

  /**
   * The documents with the very same text as this one (two files of one article): the index
   * holds a text once, so they share it whole, one verbatim passage.
   */
  async function twinsOf(
    meta: DocumentMeta,
    onlyDocId?: string
  ): Promise<{ docId: string; pair: PairPassages }[]> {
    const twins = docsOf(meta.textSha256).filter(
      (id) => id !== meta.id && (onlyDocId === undefined || id === onlyDocId)
    )
    if (twins.length === 0) return []
    const { text } = await deps.contents.text(meta, false)
    const words = tokenize(text).length
    if (words === 0) return []
    const side = { start: 0, end: text.length, words }
    const whole = {
      a: side,
      b: side,
      matches: words,
      identity: 1,
      verbatim: true,
      boilerplate: false,
      score: 2 * words
    }
    return twins.map((id) => ({ docId: id, pair: { sha: meta.textSha256, passages: [whole] } }))
  }

  return {
    /** The passages a document shares with others: the rows of `reuse DOC_ID`, longest first. */
    sharedPassages: (docId: string, query: SharedPassagesQuery = {}): Promise<ReuseRow[]> =>
      use(async () => {
        const meta = deps.findDocument(docId)
        if (query.withDocId === docId)
          throw new WorkbenchError(
            'invalid-argument',
            'A document is compared with another one, not with itself.'
          )
        const rows: ReuseRow[] = []
        for (const pair of await pairsOf(meta, query))
          for (const other of docsOf(pair.sha))
            if (other !== docId && (query.withDocId === undefined || other === query.withDocId))
              rows.push(...reuseRows(docId, [pair], () => other))
        for (const t of await twinsOf(meta, query.withDocId))
          rows.push(...reuseRows(docId, [t.pair], () => t.docId))
        rows.sort((x, y) => y.words - x.words)
        return query.includeBoilerplate ? rows : rows.filter((r) => !r.boilerplate)
      }, []),
    /**
     * The passages two documents share, in the order of the first, each with its word diff;
     * boilerplate too, flagged (the compare view shows it behind a toggle).
     */
    comparePassages: (docId: string, otherDocId: string): Promise<ComparedPassage[]> =>
      use(async () => {
        const meta = deps.findDocument(docId)
        const other = deps.findDocument(otherDocId)
        if (meta.id === other.id) return []
        const pairs =
          meta.textSha256 === other.textSha256
            ? (await twinsOf(meta, otherDocId)).map((t) => t.pair)
            : await pairsOf(meta, { withDocId: otherDocId, includeBoilerplate: true })
        const rows = reuseRows(docId, pairs, () => otherDocId)
        if (rows.length === 0) return []
        const a = (await deps.contents.text(meta, false)).text
        const b = (await deps.contents.text(other, false)).text
        return rows
          .sort((x, y) => x.start - y.start || x.otherStart - y.otherStart)
          .map((r) => {
            if (r.identity === 1) return { ...r, changed: [], otherChanged: [] }
            const d = wordDiff(a, { start: r.start, end: r.end }, b, {
              start: r.otherStart,
              end: r.otherEnd
            })
            return { ...r, changed: d.a, otherChanged: d.b }
          })
      }, []),
    /**
     * The documents a document shares passages with, as the library is now (kept while nothing
     * changes: the reader's details ask for them often).
     */
    pairsFor: (docId: string): Promise<{ docId: string; pair: PairPassages }[]> =>
      use(async () => {
        const meta = deps.catalog.findById(docId)
        if (!meta) return []
        const key = meta.textSha256
        let pairs = pairCache.get(key)
        if (!pairs) {
          pairs = await pairsOf(meta, {})
          if (pairCache.size >= PAIR_CACHE) pairCache.clear()
          pairCache.set(key, pairs)
        }
        return [
          ...pairs.flatMap((pair) =>
            docsOf(pair.sha)
              .filter((other) => other !== docId)
              .map((other) => ({ docId: other, pair }))
          ),
          ...(await twinsOf(meta))
        ]
      }, []),
    /** Saves the index now if it changed (before closing). */
    close: (): Promise<void> => {
      if (saveTimer) clearTimeout(saveTimer)
      saveTimer = null
      return queue.run(save)
    }
  }
}

export type ReuseFeature = ReturnType<typeof reuseFeature>
