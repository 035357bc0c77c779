import type { Annotation, DocumentMeta, Memo, Tag } from '../../../../shared/model'
import type { QdaDocumentDetails, QdaProject, QdaUser } from './project'

/** What the export reads of one document of the workspace. */
export interface WorkspaceDocument {
  meta: Pick<DocumentMeta, 'id' | 'title' | 'author' | 'published' | 'source' | 'importedAt'>
  text: string
  note: string
  annotations: readonly Annotation[]
  /**
   * Grades and flags, when the workspace keeps them, and the name of the source the document is
   * assigned to in the Sources view (over the `source` line it was imported with).
   */
  details?: Pick<QdaDocumentDetails, 'reliability' | 'credibility' | 'flags'> &
    Partial<Pick<QdaDocumentDetails, 'source'>>
  /** Passage credibility (1–6) by annotation id, when the workspace keeps it. */
  credibility?: ReadonlyMap<string, number>
}

/**
 * The workspace's documents, codebook and memos as the plain project the QDA-XML writer takes.
 * Orphaned highlights have no place in their text and are left out (counted in `orphans`).
 */
export function projectFromWorkspace(input: {
  name: string
  createdAt?: string
  user: QdaUser
  documents: readonly WorkspaceDocument[]
  tags: readonly Tag[]
  memos: readonly Memo[]
}): { project: QdaProject; orphans: number } {
  let orphans = 0
  const project: QdaProject = {
    name: input.name,
    created: input.createdAt,
    users: [input.user],
    documents: [],
    codes: input.tags.map((t) => ({ ...t })),
    highlights: [],
    memos: input.memos.map((m) => ({ ...m }))
  }
  const docIds = new Set(input.documents.map((d) => d.meta.id))
  for (const d of input.documents) {
    const m = d.meta
    project.documents.push({
      id: m.id,
      title: m.title,
      text: d.text,
      note: d.note,
      details: { author: m.author, published: m.published, source: m.source, ...d.details },
      created: m.importedAt,
      userId: input.user.id
    })
    for (const a of d.annotations) {
      if (a.status === 'orphaned') {
        orphans++
        continue
      }
      const credibility = d.credibility?.get(a.id)
      project.highlights.push({
        id: a.id,
        docId: a.docId,
        start: a.position.start,
        end: a.position.end,
        tags: a.tags,
        note: a.note,
        color: a.color,
        created: a.created,
        modified: a.modified,
        userId: input.user.id,
        ...(credibility ? { credibility } : {})
      })
    }
  }
  // A memo exported with some documents links only those.
  for (const memo of project.memos) memo.docIds = memo.docIds.filter((id) => docIds.has(id))
  return { project, orphans }
}
