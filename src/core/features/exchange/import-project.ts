import type { FilePayload } from '../../../shared/api'
import type { ProjectImportReport } from '../../../shared/exchange'
import type { Annotation, DocumentMeta, Memo, Tag } from '../../../shared/model'
import type { InformationCredibility, SourceReliability } from '../../../shared/reliability'
import { CREDIBILITY_LEVELS, RELIABILITY_LEVELS } from '../../../shared/reliability'
import { WorkbenchError } from '../../base/errors'
import { withoutControls } from '../../domain/text/control-chars'
import { describeRange } from '../../domain/anchoring/describe'
import { findChild, MAX_TAG_DEPTH, MAX_TAG_NAME, TAG_PALETTE } from '../../domain/codebook/tree'
import type { QdaProject } from '../../domain/exchange/qdpx/project'
import { readQdpx } from '../../domain/exchange/qdpx/read-qdpx'
import type { FeatureContext } from '../../ports'
import { addKnownText } from './add-text'

/** The grading calls an import makes for the grades a project carries (the reliability feature's). */
export interface ImportGrading {
  setDocumentSource(docId: string, name: string): Promise<{ sourceId: string | null }>
  gradeSource(sourceId: string, value: SourceReliability, rationale: string): Promise<void>
  gradeDocument(
    docId: string,
    credibility: InformationCredibility,
    rationale: string
  ): Promise<void>
  gradeHighlight(id: string, value: InformationCredibility, rationale: string): Promise<void>
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/**
 * Imports a QDA-XML project into the open workspace: its texts as documents (a text that is here
 * already is matched, not added again), its codes into the codebook (matched by path), its
 * selections as highlights with their codes and notes, its notes as memos, its variables as
 * document details and grades. The archive is read and checked whole before anything is written;
 * after that, one bad part is skipped and reported, never the whole import.
 */
export async function importProject(
  ctx: FeatureContext,
  file: FilePayload,
  options: { maxTextChars: number; grading?: ImportGrading }
): Promise<ProjectImportReport> {
  const read = await readQdpx(file.data)
  if ('error' in read)
    throw new WorkbenchError(
      'invalid-argument',
      `${file.name} was not imported: ${lower(read.error)}`
    )
  const { project } = read
  const skipped = [...read.skipped]
  const now = ctx.clock.now().toISOString()
  const report: ProjectImportReport = {
    documents: 0,
    matchedDocuments: 0,
    codes: 0,
    selections: 0,
    memos: 0,
    endOffsets: read.endOffsets,
    skipped
  }

  const codeIds = await importCodes(ctx, project, report)

  // Documents: matched by their text, else added with the text exactly as the project has it.
  const docIds = new Map<string, DocumentMeta>()
  const texts = new Map<string, string>()
  for (const d of project.documents) {
    if (!d.text.trim()) {
      skipped.push(`The source “${d.title}” was skipped: it has no text.`)
      continue
    }
    if (d.text.length > options.maxTextChars) {
      skipped.push(
        `The source “${d.title}” was skipped: its text is longer than ${options.maxTextChars.toLocaleString('en')} characters.`
      )
      continue
    }
    const textSha = ctx.contents.checksum(d.text)
    const here = ctx.catalog.documents().find((m) => m.textSha256 === textSha)
    try {
      if (here) {
        docIds.set(d.id, here)
        report.matchedDocuments++
      } else {
        const { meta, added } = await addKnownText(ctx, {
          title: d.title.trim() || 'Untitled source',
          text: d.text,
          author: d.details.author,
          published: d.details.published,
          source: d.details.source,
          originalName: `${safeName(d.title)}.txt`,
          importedAt: now
        })
        if (!added && meta.textSha256 !== textSha) {
          skipped.push(
            `The source “${d.title}” was skipped: another text of the same file is here.`
          )
          continue
        }
        docIds.set(d.id, meta)
        if (added) report.documents++
        else report.matchedDocuments++
      }
      texts.set(d.id, d.text)
    } catch (err) {
      skipped.push(`The source “${d.title}” was skipped: ${message(err)}`)
    }
  }

  // Selections, one document's file at a time.
  const known = new Set(ctx.codebook.tags().map((t) => t.id))
  const graded: { id: string; value: InformationCredibility }[] = []
  for (const d of project.documents) {
    const meta = docIds.get(d.id)
    const text = texts.get(d.id)
    if (!meta || text === undefined) continue
    const mine = project.highlights.filter((h) => h.docId === d.id)
    try {
      await ctx.annotations.update(meta.id, (draft) => {
        if (d.note && !draft.note.includes(d.note))
          draft.note = draft.note ? `${draft.note}\n\n${d.note}` : d.note
        for (const h of mine) {
          if (!(h.start >= 0 && h.end <= text.length && h.start < h.end)) {
            skipped.push(
              `A selection of “${d.title}” was skipped: its place (${h.start}–${h.end}) is outside the text.`
            )
            continue
          }
          if (!text.slice(h.start, h.end).trim()) {
            skipped.push(`A selection of “${d.title}” was skipped: it selects only white space.`)
            continue
          }
          const tags = [
            ...new Set(h.tags.map((t) => codeIds.get(t)).filter((t): t is string => !!t))
          ].filter((t) => known.has(t))
          const same = draft.annotations.find(
            (a) =>
              a.status === 'anchored' && a.position.start === h.start && a.position.end === h.end
          )
          if (same) {
            same.tags = [...new Set([...same.tags, ...tags])]
            if (h.note && !same.note.includes(h.note))
              same.note = same.note ? `${same.note}\n\n${h.note}` : h.note
            if (h.credibility)
              graded.push({ id: same.id, value: h.credibility as InformationCredibility })
            report.selections++
            continue
          }
          const annotation: Annotation = {
            id: `${meta.id}.${ctx.clock.newId()}`,
            docId: meta.id,
            ...describeRange(text, h.start, h.end),
            status: 'anchored',
            color: h.color ?? 'yellow',
            tags,
            note: h.note,
            created: h.created ?? now,
            modified: h.modified ?? h.created ?? now
          }
          draft.annotations.push(annotation)
          if (h.credibility)
            graded.push({ id: annotation.id, value: h.credibility as InformationCredibility })
          report.selections++
        }
        draft.annotations.sort(
          (a, b) => a.position.start - b.position.start || a.position.end - b.position.end
        )
      })
      ctx.events.emit({ kind: 'notes-changed', docId: meta.id })
    } catch (err) {
      skipped.push(`The selections of “${d.title}” were skipped: ${message(err)}`)
    }
  }

  // Notes that stand alone become memos (one already here with the same title and text is not added again).
  const memos: Memo[] = []
  const here = ctx.memos.memos()
  for (const m of project.memos) {
    const title = m.title.trim() || 'Untitled note'
    if (here.some((x) => x.title === title && x.text === m.text)) continue
    memos.push({
      id: `m${ctx.clock.newId()}`,
      title,
      text: m.text,
      docIds: [
        ...new Set(m.docIds.map((id) => docIds.get(id)?.id).filter((x): x is string => !!x))
      ],
      tagIds: [...new Set(m.tagIds.map((id) => codeIds.get(id)).filter((x): x is string => !!x))],
      created: m.created || now,
      modified: m.modified || m.created || now
    })
  }
  if (memos.length) {
    await ctx.memos.update((draft) => {
      draft.memos.push(...memos)
    })
    report.memos = memos.length
  }

  if (options.grading)
    await importGrades(project, docIds, graded, options.grading, file.name, skipped)
  return report
}

/** The project's codes into the codebook, parents first, matched by path; returns project code id → ours. */
async function importCodes(
  ctx: FeatureContext,
  project: QdaProject,
  report: ProjectImportReport
): Promise<Map<string, string>> {
  const map = new Map<string, string>()
  const byId = new Map(project.codes.map((c) => [c.id, c]))
  await ctx.codebook.update((draft) => {
    const tags = draft.codebook.tags
    const depth = new Map<string, number>()
    const place = (code: Tag, seen: Set<string>): string | null => {
      const done = map.get(code.id)
      if (done) return done
      if (seen.has(code.id)) return null
      seen.add(code.id)
      const parentCode = code.parent ? byId.get(code.parent) : undefined
      const parent = parentCode ? place(parentCode, seen) : null
      const d = parent ? (depth.get(parent) ?? 1) + 1 : 1
      if (d > MAX_TAG_DEPTH) {
        report.skipped.push(`The code “${code.name}” was skipped: it is nested too deeply.`)
        return null
      }
      const name = code.name.replace(/\//g, '∕').trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_NAME)
      if (!name) return null
      let tag: Tag | undefined = findChild(tags, parent, name)
      if (!tag) {
        tag = {
          id: `t${ctx.clock.newId()}`,
          name,
          parent,
          color: /^#[0-9a-f]{6}$/i.test(code.color)
            ? code.color.toLowerCase()
            : (tags.find((t) => t.id === parent)?.color ??
              TAG_PALETTE[tags.length % TAG_PALETTE.length]),
          description: code.description
        }
        tags.push(tag)
        report.codes++
      } else if (!tag.description && code.description) tag.description = code.description
      depth.set(tag.id, d)
      map.set(code.id, tag.id)
      return tag.id
    }
    for (const code of project.codes) place(code, new Set())
  })
  if (report.codes) ctx.events.emit({ kind: 'codebook-changed' })
  return map
}

async function importGrades(
  project: QdaProject,
  docIds: ReadonlyMap<string, DocumentMeta>,
  highlights: { id: string; value: InformationCredibility }[],
  grading: ImportGrading,
  fileName: string,
  skipped: string[]
): Promise<void> {
  const rationale = `Imported from ${fileName}`
  const reliabilities = new Set<string>(RELIABILITY_LEVELS)
  const credibilities = new Set<number>(CREDIBILITY_LEVELS)
  const graded = new Set<string>()
  for (const d of project.documents) {
    const meta = docIds.get(d.id)
    if (!meta) continue
    const { source, reliability, credibility } = d.details
    try {
      if (source?.trim()) {
        const { sourceId } = await grading.setDocumentSource(meta.id, source.trim())
        if (sourceId && reliability && reliabilities.has(reliability) && !graded.has(sourceId)) {
          graded.add(sourceId)
          await grading.gradeSource(sourceId, reliability as SourceReliability, rationale)
        }
      }
      if (credibility && credibilities.has(credibility))
        await grading.gradeDocument(meta.id, credibility as InformationCredibility, rationale)
    } catch (err) {
      skipped.push(`The grades of “${d.title}” were skipped: ${message(err)}`)
    }
  }
  for (const h of highlights)
    try {
      if (credibilities.has(h.value)) await grading.gradeHighlight(h.id, h.value, rationale)
    } catch (err) {
      skipped.push(`A passage's credibility was skipped: ${message(err)}`)
    }
}

const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1)
const safeName = (s: string): string =>
  (
    withoutControls(s)
      .replace(/[\\/:*?"<>|]/g, '_')
      .trim() || 'source'
  ).slice(0, 120)
