import type { DocumentMeta, Memo } from '../../shared/model'
import { WorkbenchError } from '../base/errors'
import { failed, succeeded, type Outcome } from '../base/group-commit'
import type { JournalEntry } from './journal'
import type { WorkspaceFile } from './schema'

/**
 * What a commit of the catalog writes, worked out without touching a file: given the catalog in
 * memory and a batch of changes, the plan says whether the batch is saved by appending one line to
 * the journal (and which line) or by rewriting the catalog file; what the catalog is once it is
 * saved; and what each change came to. The catalog (catalog.ts) carries the plan out.
 */

/** The parts of the catalog that a change to the codebook or the memos may touch. */
export interface CatalogEdit {
  codebook: WorkspaceFile['codebook']
  memos: Memo[]
}

/** Makes a new document's metadata, given its import order and a test for ids in use. */
export type BuildDocument = (order: number, taken: (id: string) => boolean) => DocumentMeta

export type AddDocumentResult =
  { status: 'added'; meta: DocumentMeta } | { status: 'duplicate'; meta: DocumentMeta }

/** One change to the catalog, saying what it touches. */
export type CatalogChange =
  /** A new document, unless one imported from the same file is in the library. */
  | { kind: 'add'; sha: string; build: BuildDocument }
  /** A document taken out of the library. */
  | { kind: 'remove'; id: string }
  /** New content fields for a document (a new version). */
  | { kind: 'replace'; id: string; fields: Partial<DocumentMeta> }
  /** A change to the codebook or the memos (or both), made on copies of them; never the documents. */
  | {
      kind: 'edit'
      touches: readonly (keyof CatalogEdit)[]
      change: (draft: CatalogEdit) => unknown
    }
  /** A change to anything (made on a copy of the whole catalog); the catalog file is rewritten. */
  | { kind: 'rewrite'; change: (draft: WorkspaceFile) => unknown }

/** The catalog in memory, with its look-ups (built once per list of documents). */
export interface CatalogView {
  data: WorkspaceFile
  bySha: ReadonlyMap<string, DocumentMeta>
  byId: ReadonlyMap<string, DocumentMeta>
}

/** The journal, as far as a plan needs it. */
export interface JournalState {
  /** Documents added to the journal since it was last emptied. */
  documents: number
  bytes: number
  /** An append failed and could not be undone: the next commit rewrites the catalog. */
  broken: boolean
}

/** The journal is checkpointed into the catalog file once it holds this many documents (or a quarter of the catalog)… */
export const JOURNAL_MAX_DOCUMENTS = 2000
/** …or this many bytes (each change to the codebook appends the whole codebook). */
export const JOURNAL_MAX_BYTES = 8 * 1024 * 1024

export type CommitPlan =
  | {
      write: 'append'
      entry: JournalEntry
      data: WorkspaceFile
      outcomes: Outcome<unknown>[]
      /** The new documents, when the batch did nothing else to the list (its look-ups can grow). */
      grown: DocumentMeta[] | null
    }
  | {
      write: 'rewrite'
      why: 'journal-full' | 'journal-broken' | 'whole-change'
      /** The catalog file to write: with a new generation, which voids the journal's lines. */
      data: WorkspaceFile
      outcomes: Outcome<unknown>[]
    }
  /** Nothing to save (every change was a duplicate or failed). */
  | { write: 'nothing'; outcomes: Outcome<unknown>[] }

/** Plans the commit of a batch of changes, applied in order; a change that fails is left out whole. */
export function planCommit(
  view: CatalogView,
  batch: readonly CatalogChange[],
  journal: JournalState
): CommitPlan {
  const why = rewriteReason(view.data, batch, journal)
  if (why === null) {
    const run = applyChanges(view, batch)
    if (!run.entry) return { write: 'nothing', outcomes: run.outcomes }
    return {
      write: 'append',
      entry: run.entry,
      data: run.data,
      outcomes: run.outcomes,
      grown: run.grown
    }
  }
  // The whole file is written: changes that say what they touch are applied as for the journal;
  // each change to anything else gets a copy of the catalog of its own, dropped if it fails.
  const outcomes: Outcome<unknown>[] = []
  let current: CatalogView | WorkspaceFile = view
  let start = 0
  for (let i = 0; i <= batch.length; i++) {
    const change = batch[i]
    if (change && change.kind !== 'rewrite') continue
    if (i > start) {
      const run = applyChanges(viewOf(current), batch.slice(start, i))
      outcomes.push(...run.outcomes)
      if (run.entry) current = run.data
    }
    if (change) {
      const draft: WorkspaceFile = structuredClone(dataOf(current))
      try {
        outcomes.push(succeeded(change.change(draft)))
        current = draft
      } catch (err) {
        outcomes.push(failed(err))
      }
    }
    start = i + 1
  }
  const data = { ...dataOf(current), catalogGeneration: view.data.catalogGeneration + 1 }
  return { write: 'rewrite', why, data, outcomes }
}

function rewriteReason(
  data: WorkspaceFile,
  batch: readonly CatalogChange[],
  journal: JournalState
): (CommitPlan & { write: 'rewrite' })['why'] | null {
  if (batch.some((c) => c.kind === 'rewrite')) return 'whole-change'
  if (journal.broken) return 'journal-broken'
  const full =
    journal.documents >= Math.max(JOURNAL_MAX_DOCUMENTS, data.documents.length / 4) ||
    journal.bytes >= JOURNAL_MAX_BYTES
  return full ? 'journal-full' : null
}

const dataOf = (c: CatalogView | WorkspaceFile): WorkspaceFile => ('data' in c ? c.data : c)

/** A view with look-ups: those given, or built for a catalog made in this batch. */
function viewOf(c: CatalogView | WorkspaceFile): CatalogView {
  if ('data' in c) return c
  return {
    data: c,
    bySha: new Map(c.documents.map((d) => [d.sha256, d])),
    byId: new Map(c.documents.map((d) => [d.id, d]))
  }
}

const notFound = (id: string): WorkbenchError =>
  new WorkbenchError('not-found', `No document with id ${id} in this workspace.`)

/**
 * Applies changes that say what they touch: new documents, removals and new versions as what they
 * are, the codebook and the memos on copies. The journal line holds the new documents, the
 * removals, the new versions, and the codebook and the memos whole when a change touched them
 * (they are small). Nothing here copies the list of documents more than once, so a batch costs
 * the same with a hundred thousand documents as with ten. `entry` is null when nothing changed.
 */
function applyChanges(
  view: CatalogView,
  batch: readonly CatalogChange[]
): {
  entry: JournalEntry | null
  data: WorkspaceFile
  outcomes: Outcome<unknown>[]
  grown: DocumentMeta[] | null
} {
  const { data, bySha, byId } = view
  /** What the batch changed so far: the list (copied at its first change), codebook, memos. */
  const changed: {
    documents: DocumentMeta[] | null
    codebook: CatalogEdit['codebook'] | null
    memos: Memo[] | null
  } = { documents: null, codebook: null, memos: null }
  const docs = (): DocumentMeta[] => (changed.documents ??= data.documents.slice())
  let next = data.nextImportOrder
  /** The new documents, as they are at this point of the batch. */
  const fresh: DocumentMeta[] = []
  const removed = new Set<string>()
  const replaced = new Map<string, DocumentMeta>()
  const outcomes: Outcome<unknown>[] = []

  /** The document in the library, as of this point of the batch, imported from a file with this checksum. */
  const live = (sha: string): DocumentMeta | undefined => {
    for (const m of fresh) if (m.sha256 === sha) return m
    for (const m of replaced.values()) if (m.sha256 === sha) return m
    const d = bySha.get(sha)
    if (!d || removed.has(d.id)) return undefined
    const now = replaced.get(d.id)
    return now ? (now.sha256 === sha ? now : undefined) : d
  }
  const taken = (id: string): boolean =>
    (byId.has(id) && !removed.has(id)) || fresh.some((d) => d.id === id)

  for (const c of batch) {
    try {
      outcomes.push(succeeded(apply(c)))
    } catch (err) {
      outcomes.push(failed(err))
    }
  }

  function apply(c: CatalogChange): unknown {
    switch (c.kind) {
      case 'add': {
        const dup = live(c.sha)
        if (dup) return { status: 'duplicate', meta: dup } satisfies AddDocumentResult
        const meta = c.build(next, taken)
        next++
        fresh.push(meta)
        docs().push(meta)
        return { status: 'added', meta } satisfies AddDocumentResult
      }
      case 'remove': {
        const list = docs()
        const at = list.findIndex((d) => d.id === c.id)
        if (at < 0) throw notFound(c.id)
        const [gone] = list.splice(at, 1)
        const f = fresh.findIndex((d) => d.id === gone.id)
        if (f >= 0) fresh.splice(f, 1)
        else removed.add(gone.id)
        replaced.delete(gone.id)
        return gone
      }
      case 'replace': {
        const list = docs()
        const at = list.findIndex((d) => d.id === c.id)
        if (at < 0) throw notFound(c.id)
        const meta = { ...list[at], ...c.fields }
        list[at] = meta
        const f = fresh.findIndex((d) => d.id === meta.id)
        if (f >= 0) fresh[f] = meta
        else replaced.set(meta.id, meta)
        return meta
      }
      case 'edit': {
        // Copies of its own: a change that fails halfway leaves nothing behind.
        const draft: Partial<CatalogEdit> = {}
        const book = c.touches.includes('codebook')
        const notes = c.touches.includes('memos')
        if (book) draft.codebook = structuredClone(changed.codebook ?? data.codebook)
        if (notes) draft.memos = structuredClone(changed.memos ?? data.memos)
        const result = c.change(draft as CatalogEdit)
        if (book) changed.codebook = draft.codebook ?? null
        if (notes) changed.memos = draft.memos ?? null
        return result
      }
      case 'rewrite':
        throw new Error('a change to the whole catalog cannot be appended') // planCommit never asks
    }
  }

  const { documents, codebook, memos } = changed
  if (documents === null && codebook === null && memos === null)
    return { entry: null, data, outcomes, grown: null }
  const entry: JournalEntry = {
    generation: data.catalogGeneration,
    documents: fresh,
    nextImportOrder: next
  }
  if (removed.size) entry.removed = [...removed]
  if (replaced.size) entry.replaced = [...replaced.values()]
  if (codebook) entry.tags = codebook.tags
  if (memos) entry.memos = memos
  const after: WorkspaceFile = {
    ...data,
    documents: documents ?? data.documents,
    codebook: codebook ?? data.codebook,
    memos: memos ?? data.memos,
    nextImportOrder: next
  }
  const grown = removed.size || replaced.size ? null : fresh
  return { entry, data: after, outcomes, grown }
}
