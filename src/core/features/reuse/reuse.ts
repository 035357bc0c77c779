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

/** How long after the last change the index is saved. */
const SAVE_DELAY_MS = 2000
/** The documents sharing most fingerprints with one are verified by alignment, at most this many. */
const CANDIDATE_LIMIT = 200
/**
 * At import, derivations are proposed from the documents sharing most with the new one, at most
 * this many: the import stays fast however much a library repeats itself.
 */
const PROPOSAL_CANDIDATES = 20

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

  const live = (): Map<string, string> => {
    const bySha = new Map<string, string>()
    for (const meta of deps.catalog.documents()) bySha.set(meta.textSha256, meta.id)
    return bySha
  }

  async function addFromText(meta: DocumentMeta): Promise<void> {
    if (index.has(meta.textSha256)) return
    try {
      const { text } = await deps.contents.text(meta, false)
      index.add(meta.textSha256, fingerprint(text))
      dirty = true
    } catch {
      // A damaged text: it is reported where it is opened, and shares nothing until repaired.
    }
  }

  /** Drops the texts no document of the library has any more (removed, or replaced by a new version). */
  function prune(): void {
    const shas = live()
    for (const sha of index.documents())
      if (!shas.has(sha)) {
        index.remove(sha)
        dirty = true
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
        dirty = true
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

  function scheduleSave(): void {
    if (!deps.persist || !dirty || saveTimer) return
    saveTimer = setTimeout(() => {
      saveTimer = null
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
        void use(async () => {
          prune() // a new version's old text
          if (!index.has(meta.textSha256)) {
            let added = false
            if (fingerprints)
              try {
                added = index.add(meta.textSha256, decodeFingerprints(fingerprints))
              } catch {
                added = false // made with other parameters: made again from the text
              }
            if (added) dirty = true
            else await addFromText(meta)
          }
          scheduleSave()
        }, undefined)
        return
      }
      case 'document-removed':
        void use(async () => {
          prune()
          scheduleSave()
        }, undefined)
        return
      case 'restored':
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
    const shas = live()
    const { text } = await deps.contents.text(meta, false)
    if (!index.has(meta.textSha256)) index.add(meta.textSha256, fingerprint(text))
    const withSha =
      query.withDocId !== undefined ? deps.findDocument(query.withDocId).textSha256 : undefined
    const options = { includeBoilerplate: query.includeBoilerplate, limit }
    const texts = new Map<string, string>()
    for (const c of index.candidates(meta.textSha256, options)) {
      if (c.sha === meta.textSha256 || (withSha !== undefined && c.sha !== withSha)) continue
      const id = shas.get(c.sha)
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
        const shas = live()
        const rows = reuseRows(docId, await pairsOf(meta, query), (sha) => shas.get(sha) ?? sha)
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
        const pairs = await pairsOf(meta, { withDocId: otherDocId, includeBoilerplate: true })
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
    /** The same, as pairs (for proposing derivation links). */
    pairs: (docId: string): Promise<{ docId: string; pair: PairPassages }[]> =>
      use(async () => {
        const meta = deps.catalog.findById(docId)
        if (!meta) return []
        const shas = live()
        return (await pairsOf(meta, {}, PROPOSAL_CANDIDATES)).flatMap((pair) => {
          const other = shas.get(pair.sha)
          return other ? [{ docId: other, pair }] : []
        })
      }, []),
    /** The passages two documents share as the library is now (none when either is gone). */
    pairWith: (docId: string, otherDocId: string): Promise<PairPassages | null> =>
      use(async () => {
        const meta = deps.catalog.findById(docId)
        if (!meta || !deps.catalog.findById(otherDocId) || docId === otherDocId) return null
        return (await pairsOf(meta, { withDocId: otherDocId }))[0] ?? null
      }, null),
    /** Saves the index now if it changed (before closing). */
    close: (): Promise<void> => {
      if (saveTimer) clearTimeout(saveTimer)
      saveTimer = null
      return queue.run(save)
    }
  }
}

export type ReuseFeature = ReturnType<typeof reuseFeature>
