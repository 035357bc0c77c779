import type { Annotation, DocumentMeta, Memo, Tag } from '../../../../shared/model'
import type { CaseDocument, CaseState } from './format'

/** The per-field change times the workspace keeps, when it keeps them (else `modified` stands for every field). */
export type FieldTimes = ReadonlyMap<string, Record<string, string>>

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
  times?: FieldTimes
  /** When the codebook last changed, for tags that have no time of their own. */
  codebookModified: string
}): CaseState {
  const times = (id: string): Record<string, string> | undefined => input.times?.get(id)
  const chosen = new Set(input.documents.map((d) => d.meta.id))
  const doc = (
    meta: DocumentMeta,
    note: string,
    modified: string,
    included: boolean
  ): CaseDocument => {
    const t = times(meta.id)
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
      modified,
      ...(t ? { times: t } : {})
    }
  }
  const documents = input.documents.map((d) =>
    doc(d.meta, d.note, d.noteModified ?? d.meta.importedAt, true)
  )
  const linked = new Set(input.memos.flatMap((m) => m.docIds).filter((id) => !chosen.has(id)))
  for (const meta of input.catalog)
    if (linked.has(meta.id)) documents.push(doc(meta, '', meta.importedAt, false))
  const known = new Set(documents.map((d) => d.id))
  return {
    documents,
    tags: input.tags.map((t) => ({
      ...t,
      modified: input.codebookModified,
      ...(times(t.id) ? { times: times(t.id) } : {})
    })),
    annotations: input.documents.flatMap((d) =>
      d.annotations.map((a) => ({ ...a, ...(times(a.id) ? { times: times(a.id) } : {}) }))
    ),
    memos: input.memos.map((m) => ({
      ...m,
      docIds: m.docIds.filter((id) => known.has(id)),
      ...(times(m.id) ? { times: times(m.id) } : {})
    }))
  }
}
