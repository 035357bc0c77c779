import type { ExportOptions } from '../../../shared/model'
import { tagScope, taggedWithin, type TagScope } from '../../domain/codebook/tag-rules'
import { tagPaths, tagViews } from '../../domain/codebook/tree'
import type { FeatureContext } from '../../ports'
import { WorkbenchError } from '../../base/errors'
import type { ExportDocument, ExportInput } from '../../domain/export/model'

/** Gathers what an export shows, in a stable order: documents by import order, passages by position. */
export async function collectExport(
  ctx: FeatureContext,
  options: ExportOptions,
  getBlocks: (docId: string) => Promise<{ start: number }[]>
): Promise<ExportInput> {
  const tags = ctx.codebook.tags()
  const docs = options.docIds?.length
    ? options.docIds.map(ctx.findDocument)
    : [...ctx.catalog.documents()]
  docs.sort((a, b) => a.importOrder - b.importOrder)
  let within: TagScope | null = null
  if (options.tagIds?.length) {
    for (const id of options.tagIds)
      if (!tags.some((t) => t.id === id))
        throw new WorkbenchError('not-found', `No tag with id ${id} in the codebook.`)
    within = tagScope(tags, options.tagIds)
  }
  const paths = tagPaths(tags)
  const only = options.annotationIds?.length ? new Set(options.annotationIds) : null
  const documents: ExportDocument[] = []
  for (const meta of docs) {
    const file = await ctx.annotations.get(meta.id)
    const chosen = file.annotations.filter(
      (a) => (!within || taggedWithin(a, within)) && (!only || only.has(a.id))
    )
    const narrowed = Boolean(within || only)
    if (narrowed && chosen.length === 0) continue
    if (!narrowed && chosen.length === 0 && !file.note.trim() && !options.docIds?.length) continue
    const blocks = chosen.length ? await getBlocks(meta.id) : []
    documents.push({
      meta,
      note: narrowed ? '' : file.note,
      passages: chosen.map((a) => ({
        annotation: a,
        paragraph: Math.max(1, blocks.filter((b) => b.start <= a.position.start).length),
        tagPaths: a.tags.flatMap((t) => {
          const path = paths.get(t)
          return path === undefined ? [] : [path]
        })
      }))
    })
  }
  const scope = options.annotationIds?.length
    ? `${options.annotationIds.length} passage${options.annotationIds.length === 1 ? '' : 's'}`
    : options.tagIds?.length
      ? `tags ${options.tagIds.map((t) => paths.get(t) ?? '').join(', ')}`
      : options.docIds?.length
        ? `${options.docIds.length} document${options.docIds.length === 1 ? '' : 's'}`
        : 'the whole workspace'
  return {
    exportedAt: ctx.clock.now().toISOString(),
    scope,
    groupBy: options.groupBy ?? 'doc',
    fragment: options.fragment ?? false,
    documents,
    tagOrder: tagViews(tags, new Map()).map((t) => t.path)
  }
}
