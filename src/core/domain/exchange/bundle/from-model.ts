import type { Annotation, DocumentMeta, Memo, Tag } from '../../../../shared/model'
import type { CaseDocument, CaseState } from './format'

/**
 * The case state of chosen documents of a workspace, as a bundle carries it and the merge takes
 * it. The whole codebook and every memo go with it; documents that a memo links but that were
 * not chosen are named (`included: false`) so that the other laptop can match them by text.
 */
export function caseFromWorkspace(input: {
  documents: readonly {
    meta: DocumentMeta
    note: string
    noteModified?: string
    annotations: readonly Annotation[]
  }[]
  /** Every document of the workspace, to name the ones memos link. */
  catalog: readonly DocumentMeta[]
  tags: readonly Tag[]
  memos: readonly Memo[]
  /** When the codebook last changed, for tag fields that have no time of their own. */
  codebookModified: string
}): CaseState {
  const chosen = new Set(input.documents.map((d) => d.meta.id))
  // Records carry the times their fields changed (see change-times.ts); a field with none changed
  // when the record was made (`modified` stands for it).
  const doc = (
    meta: DocumentMeta,
    note: string,
    noteModified: string | undefined,
    included: boolean
  ): CaseDocument => {
    const t = { ...pickDetails(meta.times), ...(noteModified ? { note: noteModified } : {}) }
    return {
      id: meta.id,
      textSha256: meta.textSha256,
      sha256: meta.sha256,
      title: meta.title,
      author: meta.author,
      published: meta.published,
      source: meta.source,
      originalName: meta.originalName,
      format: meta.format,
      importedAt: meta.importedAt,
      note,
      included,
      modified: meta.importedAt,
      ...(Object.keys(t).length ? { times: t } : {})
    }
  }
  const documents = input.documents.map((d) => doc(d.meta, d.note, d.noteModified, true))
  const linked = new Set(input.memos.flatMap((m) => m.docIds).filter((id) => !chosen.has(id)))
  for (const meta of input.catalog)
    if (linked.has(meta.id)) documents.push(doc(meta, '', undefined, false))
  const known = new Set(documents.map((d) => d.id))
  return {
    documents,
    tags: input.tags.map((t) => ({ ...t, modified: input.codebookModified })),
    annotations: input.documents.flatMap((d) => d.annotations.map((a) => ({ ...a }))),
    memos: input.memos.map((m) => ({ ...m, docIds: m.docIds.filter((id) => known.has(id)) }))
  }
}

/** The change times of the details a case document carries (the address and language stay home). */
function pickDetails(times: DocumentMeta['times']): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of ['title', 'author', 'published', 'source'] as const) {
    const t = times?.[f]
    if (t) out[f] = t
  }
  return out
}
