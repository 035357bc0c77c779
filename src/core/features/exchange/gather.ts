import type { DocumentMeta } from '../../../shared/model'
import type { CaseState } from '../../domain/exchange/bundle/format'
import { caseFromWorkspace } from '../../domain/exchange/bundle/from-model'
import { recordsFromReliability } from '../../domain/exchange/bundle/reliability-records'
import type { ReliabilityFile } from '../../../shared/reliability-schemas'
import { projectFromWorkspace, type WorkspaceDocument } from '../../domain/exchange/qdpx/from-model'
import type { QdaProject } from '../../domain/exchange/qdpx/project'
import type { FeatureContext, GradeLookup } from '../../ports'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** The workspace as the plain project the QDA-XML writer takes; a document that cannot be read is left out and named. */
export async function gatherProject(
  ctx: FeatureContext,
  input: { name: string; userName: string; grades?: GradeLookup }
): Promise<{ project: QdaProject; skipped: string[] }> {
  const skipped: string[] = []
  const documents: WorkspaceDocument[] = []
  for (const meta of ctx.catalog.documents()) {
    let text: string
    let file
    try {
      text = (await ctx.contents.text(meta)).text
      file = await ctx.annotations.get(meta.id)
    } catch (err) {
      skipped.push(
        `The document “${meta.title}” was left out: it could not be read (${message(err)}).`
      )
      continue
    }
    const row = input.grades?.row(meta.id)
    const credibility = new Map<string, number>()
    for (const a of file.annotations) {
      const c = input.grades?.ownCredibility(a.id)
      if (c) credibility.set(a.id, c)
    }
    documents.push({
      meta,
      text,
      note: file.note,
      annotations: file.annotations,
      details: row
        ? {
            ...(row.sourceName ? { source: row.sourceName } : {}),
            reliability: row.reliability,
            credibility: row.credibility,
            flags: [...row.flags]
          }
        : undefined,
      credibility
    })
  }
  const first = ctx.catalog.documents()[0]
  const { project, orphans } = projectFromWorkspace({
    name: input.name,
    createdAt: first?.importedAt,
    user: { id: 'analyst', name: input.userName },
    documents,
    tags: ctx.codebook.tags(),
    memos: ctx.memos.memos()
  })
  if (orphans)
    skipped.push(
      `${orphans} orphaned highlight(s) were left out: they have no place in their document's text.`
    )
  return { project, skipped }
}

/** One document's note and highlights, and its text when asked for. */
export async function readDocument(
  ctx: FeatureContext,
  meta: DocumentMeta
): Promise<{ note: string; noteModified?: string; annotations: CaseState['annotations'] }> {
  const file = await ctx.annotations.get(meta.id)
  return {
    note: file.note,
    ...(file.noteModified ? { noteModified: file.noteModified } : {}),
    annotations: file.annotations.map((a) => ({ ...a }))
  }
}

/**
 * The case state of some documents of the workspace (every document by default), as a bundle
 * carries it: with the sources, grades and links of reliability.json when it is given.
 */
export async function gatherCase(
  ctx: FeatureContext,
  docs: readonly DocumentMeta[],
  codebookModified: string,
  reliability?: Readonly<ReliabilityFile>
): Promise<CaseState> {
  const documents = []
  for (const meta of docs) documents.push({ meta, ...(await readDocument(ctx, meta)) })
  const state = caseFromWorkspace({
    documents,
    catalog: ctx.catalog.documents(),
    tags: ctx.codebook.tags(),
    memos: ctx.memos.memos(),
    codebookModified
  })
  if (!reliability) return state
  return {
    ...state,
    ...recordsFromReliability(reliability, {
      carried: new Set(docs.map((d) => d.id)),
      named: new Set(state.documents.map((d) => d.id)),
      annotations: new Map(state.annotations.map((a) => [a.id, a.docId])),
      modified: codebookModified
    })
  }
}
