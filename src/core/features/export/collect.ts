import type { Block, ExportOptions } from '../../../shared/model'
import { locate, outlineOf, type Outline } from '../../domain/search/locate'
import { tagScope, taggedWithin, type TagScope } from '../../domain/codebook/tag-rules'
import { tagPaths, tagViews } from '../../domain/codebook/tree'
import type { FeatureContext, GradeLookup } from '../../ports'
import {
  extractGradeFilters,
  gradeFilterLabel,
  matchesGradeFilters,
  type GradeFilter
} from '../../../shared/grade-filters'
import { badgeText } from '../../../shared/reliability'
import { toApiError, WorkbenchError } from '../../base/errors'
import type {
  ExportDocument,
  ExportDerivation,
  ExportGrade,
  ExportInput,
  ExportMemo
} from '../../domain/export/model'

const DEFAULT_TITLE = 'Analyst Workbench notes'

/** The grade filters of an export, or a clear error naming what cannot be read. */
function gradeFiltersOf(text: string | undefined): GradeFilter[] {
  if (!text?.trim()) return []
  const { filters, rest, errors } = extractGradeFilters(text)
  if (errors.length)
    throw new WorkbenchError('invalid-argument', `Grades to export: ${errors.join(' ')}`)
  if (rest)
    throw new WorkbenchError(
      'invalid-argument',
      `Grades to export are written as reliability:A-B, credibility:1-3 or ungraded, not “${rest}”.`
    )
  return filters
}

/** Who else carries each passage, and what each document derives from (for exports). */
export interface ExportProvenance {
  corroborationOf: (
    docId: string
  ) => Promise<Record<string, { documents: number; origins: number }>>
  derivedFrom: (docId: string) => ExportDerivation[]
}

/** A grade for an export, or undefined when neither half is graded. */
function gradeOf(
  reliability: ExportGrade['reliability'],
  credibility: ExportGrade['credibility']
): ExportGrade | undefined {
  if (reliability === null && credibility === null) return undefined
  return { reliability, credibility, badge: badgeText(reliability, credibility) }
}

const withGrade = (grade: ExportGrade | undefined): { grade?: ExportGrade } =>
  grade ? { grade } : {}

/** The heading of the section a passage starts in, when the document has headings. */
function sectionOf(outline: Outline, offset: number, title: string): { section?: string } {
  const heading = locate(outline, offset, title)?.heading
  return heading ? { section: heading } : {}
}

/** The page of the last block starting at or before `offset`, when blocks have pages (PDFs). */
function pageOf(blocks: { start: number; page?: number }[], offset: number): { page?: number } {
  let page: number | undefined
  for (const b of blocks) {
    if (b.start > offset) break
    if (b.page !== undefined) page = b.page
  }
  return page === undefined ? {} : { page }
}

/**
 * The memos an export reaches: all of them for the whole workspace, else those linked to a chosen
 * document or to a chosen tag (or one below it); with their documents' titles and tags' paths.
 */
function chosenMemos(
  ctx: FeatureContext,
  options: ExportOptions,
  within: TagScope | null,
  paths: Map<string, string>
): ExportMemo[] {
  const docIds = options.docIds?.length ? new Set(options.docIds) : null
  const titles = new Map(ctx.catalog.documents().map((d) => [d.id, d.title]))
  return ctx.memos
    .memos()
    .filter(
      (m) =>
        (!docIds || m.docIds.some((id) => docIds.has(id))) &&
        (!within || taggedWithin({ tags: m.tagIds }, within))
    )
    .map((memo) => ({
      memo,
      docTitles: memo.docIds.flatMap((id) => titles.get(id) ?? []),
      tagPaths: memo.tagIds.flatMap((id) => paths.get(id) ?? [])
    }))
}

/** Gathers what an export shows, in a stable order: documents by import order, passages by position. */
export async function collectExport(
  ctx: FeatureContext,
  options: ExportOptions,
  getContent: (docId: string) => Promise<{ text: string; blocks: Block[] }>,
  grades?: GradeLookup,
  provenance?: ExportProvenance
): Promise<ExportInput & { leftOut: string[] }> {
  const tags = ctx.codebook.tags()
  const leftOut: string[] = []
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
  const graded = gradeFiltersOf(options.grades)
  const passesGrades = (docId: string, annotationId: string): boolean =>
    graded.length === 0 || (!!grades && matchesGradeFilters(graded, grades.of(docId, annotationId)))
  const documents: ExportDocument[] = []
  for (const meta of docs) {
    let file
    try {
      file = await ctx.annotations.get(meta.id)
    } catch (err) {
      leftOut.push(`"${meta.title}": its highlights could not be read (${toApiError(err).message})`)
      continue
    }
    const chosen = file.annotations.filter(
      (a) =>
        (!within || taggedWithin(a, within)) &&
        (!only || only.has(a.id)) &&
        passesGrades(meta.id, a.id)
    )
    const narrowed = Boolean(within || only || graded.length)
    if (narrowed && chosen.length === 0) continue
    if (!narrowed && chosen.length === 0 && !file.note.trim() && !options.docIds?.length) continue
    let content: { text: string; blocks: Block[] } = { text: '', blocks: [] }
    try {
      if (chosen.length) content = await getContent(meta.id)
    } catch (err) {
      leftOut.push(`"${meta.title}": its text could not be read (${toApiError(err).message})`)
      continue
    }
    const { text, blocks } = content
    const outline = outlineOf(text, blocks)
    const row = grades?.row(meta.id)
    const carried = chosen.length ? await provenance?.corroborationOf(meta.id) : undefined
    const derivedFrom = provenance?.derivedFrom(meta.id) ?? []
    const docGrade = row ? gradeOf(row.reliability, row.credibility) : undefined
    documents.push({
      meta,
      note: narrowed ? '' : file.note,
      ...(row?.sourceName ? { sourceName: row.sourceName } : {}),
      ...(docGrade ? { grade: docGrade } : {}),
      ...(row?.flags.length ? { flags: row.flags } : {}),
      ...(derivedFrom.length ? { derivedFrom } : {}),
      passages: chosen.map((a) => ({
        annotation: a,
        paragraph: Math.max(1, blocks.filter((b) => b.start <= a.position.start).length),
        ...pageOf(blocks, a.position.start),
        ...sectionOf(outline, a.position.start, meta.title),
        tagPaths: a.tags.flatMap((t) => {
          const path = paths.get(t)
          return path === undefined ? [] : [path]
        }),
        ...(grades && row
          ? withGrade(gradeOf(row.reliability, grades.ownCredibility(a.id) ?? row.credibility))
          : {}),
        ...(carried?.[a.id] ? { corroboration: carried[a.id] } : {})
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
  const gradedScope = graded.length ? `, graded ${graded.map(gradeFilterLabel).join(', ')}` : ''
  return {
    title: options.title?.trim() || DEFAULT_TITLE,
    // Only the Markdown brief and a memos-only export hold memos (and so report them).
    memos:
      options.fragment || only || (options.format !== 'md' && !options.memosOnly)
        ? []
        : chosenMemos(ctx, options, within, paths),
    memosOnly: options.memosOnly ?? false,
    exportedAt: ctx.clock.now().toISOString(),
    scope: scope + gradedScope,
    groupBy: options.groupBy ?? 'doc',
    fragment: options.fragment ?? false,
    documents,
    tagOrder: tagViews(tags, new Map()).map((t) => t.path),
    leftOut
  }
}
