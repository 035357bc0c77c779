import type { JournalEntry } from './journal'
import type { WorkspaceFile } from './schema'

/**
 * The catalog with the journal's entries applied, in order, as the commits that wrote them applied
 * them: within an entry, removals first, then new versions, then new documents (a document already
 * in the catalog is not added twice: its entry may be replayed over a catalog that holds it).
 * The codebook and the memos are whole in an entry: the last one wins. Pure: `data` is not changed.
 */
export function replayCatalog(
  data: WorkspaceFile,
  entries: readonly JournalEntry[]
): WorkspaceFile {
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
