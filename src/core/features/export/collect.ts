import type { ExportOptions } from '../../../shared/model'
import { pathOf, subtree, tagViews } from '../../domain/codebook/tree'
import type { CoreContext } from '../../context'
import { WorkbenchError } from '../../base/errors'
import type { ExportDocument, ExportInput } from '../../domain/export/model'

/** Gathers what an export shows, in a stable order: documents by import order, passages by position. */
export async function collectExport(
  ctx: CoreContext,
  options: ExportOptions,
  getBlocks: (docId: string) => Promise<{ start: number }[]>
): Promise<ExportInput> {
  const tags = ctx.store.data.codebook.tags
  const docs = options.docIds?.length
    ? options.docIds.map(ctx.findDocument)
    : [...ctx.store.data.documents]
  docs.sort((a, b) => a.importOrder - b.importOrder)
  let tagScope: Set<string> | null = null
  if (options.tagIds?.length) {
    tagScope = new Set()
    for (const id of options.tagIds) {
      if (!tags.some((t) => t.id === id))
        throw new WorkbenchError('not-found', `No tag with id ${id} in the codebook.`)
      for (const t of subtree(tags, id)) tagScope.add(t)
    }
  }
  const only = options.annotationIds?.length ? new Set(options.annotationIds) : null
  const documents: ExportDocument[] = []
  for (const meta of docs) {
    const file = await ctx.annotations.get(meta.id)
    const chosen = file.annotations.filter(
      (a) => (!tagScope || a.tags.some((t) => tagScope.has(t))) && (!only || only.has(a.id))
    )
    const narrowed = Boolean(tagScope || only)
    if (narrowed && chosen.length === 0) continue
    if (!narrowed && chosen.length === 0 && !file.note.trim() && !options.docIds?.length) continue
    const blocks = chosen.length ? await getBlocks(meta.id) : []
    documents.push({
      meta,
      note: narrowed ? '' : file.note,
      passages: chosen.map((a) => ({
        annotation: a,
        paragraph: Math.max(1, blocks.filter((b) => b.start <= a.position.start).length),
        tagPaths: a.tags.filter((t) => tags.some((x) => x.id === t)).map((t) => pathOf(tags, t))
      }))
    })
  }
  const scope = options.annotationIds?.length
    ? `${options.annotationIds.length} passage${options.annotationIds.length === 1 ? '' : 's'}`
    : options.tagIds?.length
      ? `tags ${options.tagIds.map((t) => pathOf(tags, t)).join(', ')}`
      : options.docIds?.length
        ? `${options.docIds.length} document${options.docIds.length === 1 ? '' : 's'}`
        : 'the whole workspace'
  return {
    exportedAt: ctx.now().toISOString(),
    scope,
    groupBy: options.groupBy ?? 'doc',
    fragment: options.fragment ?? false,
    documents,
    tagOrder: tagViews(tags, new Map()).map((t) => t.path)
  }
}
