import type { DocumentMeta, ExportOptions, ExportResult, StoredRef } from '../../../shared/model'
import type { FeatureContext, GradeLookup, RecordMeta } from '../../ports'
import type { ReliabilityFile } from '../../../shared/reliability-schemas'
import type { AnalysesFile } from '../../../shared/analysis'
import { WorkbenchError } from '../../base/errors'
import { collectExport, type ExportProvenance } from './collect'
import { renderCsv } from '../../domain/export/csv'
import { checkBackup, linksToWhatIsThere } from './check-backup'
import { DUMP_VERSION, dumpSchema, renderDump, type Dump } from './dump'
import { renderMarkdown } from '../../domain/export/markdown'
import { passageCount } from '../../domain/export/model'
import { renderW3c } from '../../domain/export/w3c'

const DEFAULT_MAX_TEXT_CHARS = 20_000_000

const FILES = {
  md: { ext: 'md', mimeType: 'text/markdown' },
  json: { ext: 'json', mimeType: 'application/json' },
  w3c: { ext: 'jsonld', mimeType: 'application/ld+json' },
  csv: { ext: 'csv', mimeType: 'text/csv' }
} as const

export function exportOps(
  ctx: FeatureContext,
  extra: {
    grades?: () => Promise<GradeLookup>
    /** Corroboration and confirmed derivations, read when an export starts. */
    provenance?: () => Promise<ExportProvenance>
    /** The longest text a restore accepts, as an import's limit (default 20 million characters). */
    maxTextChars?: number
    /** Sources, grades and links: read for the backup, and put back by a restore. */
    reliability?: {
      file: () => Promise<ReliabilityFile>
      restore: (file: ReliabilityFile) => Promise<void>
    }
    /** Analyses of competing hypotheses and passage dates: read for the backup, put back by a restore. */
    analyses?: {
      file: () => Promise<AnalysesFile>
      restore: (file: AnalysesFile) => Promise<void>
    }
  } = {}
) {
  async function exportWorkspace(options: ExportOptions): Promise<ExportResult> {
    const day = ctx.clock.now().toISOString().slice(0, 10)
    const { ext, mimeType } = FILES[options.format]
    if (options.memosOnly && options.format !== 'md' && options.format !== 'csv')
      throw new WorkbenchError(
        'invalid-argument',
        'Memos on their own are exported as Markdown or CSV; the backup and W3C annotations hold them with everything else.'
      )
    const what = options.memosOnly
      ? 'memos'
      : { md: 'notes', json: 'backup', w3c: 'annotations', csv: 'passages' }[options.format]
    const filename = `analyst-workbench-${what}-${day}.${ext}`
    if (options.format === 'json') {
      const docs = ctx.catalog.documents()
      const texts: Dump['texts'] = {}
      const annotations: Dump['annotations'] = {}
      // A damaged text or annotation file is left out and listed; the rest is backed up.
      const unreadable: NonNullable<Dump['unreadable']> = []
      const textless = new Set<string>()
      for (const meta of docs) {
        try {
          texts[meta.textSha256] ??= await ctx.contents.text(meta)
        } catch (err) {
          unreadable.push({ id: meta.id, title: meta.title, part: 'text', problem: message(err) })
          textless.add(meta.id)
          continue
        }
        try {
          const file = await ctx.annotations.get(meta.id)
          if (file.annotations.length || file.note) annotations[meta.id] = structuredClone(file)
        } catch (err) {
          unreadable.push({
            id: meta.id,
            title: meta.title,
            part: 'highlights',
            problem: message(err)
          })
        }
      }
      const { catalogGeneration: _generation, ...catalog } = structuredClone(ctx.whole.data())
      // Where this workspace keeps its texts means nothing in another one.
      const workspace = {
        ...catalog,
        documents: catalog.documents
          .filter((d) => !textless.has(d.id))
          .map(({ stored: _stored, ...d }) => d)
      }
      const content = renderDump(
        ctx.clock.now().toISOString(),
        workspace,
        texts,
        annotations,
        await extra.reliability?.file(),
        unreadable,
        await extra.analyses?.file()
      )
      return {
        filename,
        mimeType,
        content,
        documents: workspace.documents.length,
        passages: Object.values(annotations).reduce((n, f) => n + f.annotations.length, 0),
        memos: catalog.memos.length,
        ...(unreadable.length
          ? {
              leftOut: unreadable.map(
                (u) => `"${u.title}": its ${u.part} could not be read (${u.problem})`
              )
            }
          : {})
      }
    }
    const input = await collectExport(
      ctx,
      options,
      (docId) => ctx.contents.text(ctx.findDocument(docId)),
      await extra.grades?.(),
      await extra.provenance?.()
    )
    const content =
      options.format === 'md'
        ? renderMarkdown(input)
        : options.format === 'csv'
          ? renderCsv(input)
          : renderW3c(input)
    return {
      filename,
      mimeType,
      content,
      documents: input.memosOnly ? 0 : input.documents.length,
      passages: input.memosOnly ? 0 : passageCount(input),
      memos: input.memos.length,
      ...(input.leftOut.length ? { leftOut: input.leftOut } : {})
    }
  }

  /** Fills an empty workspace from a JSON export, checking every text against its checksum first. */
  async function restore(
    content: string,
    source: string
  ): Promise<{ documents: number; passages: number }> {
    let raw: unknown
    try {
      raw = JSON.parse(content)
    } catch {
      throw new WorkbenchError(
        'invalid-argument',
        `${source} is not an Analyst Workbench export: it is not JSON.`
      )
    }
    const version = (raw as { version?: unknown } | null)?.version
    if (typeof version === 'number' && version > DUMP_VERSION) {
      throw new WorkbenchError(
        'newer-schema',
        `${source} was written by a newer version of Analyst Workbench (export version ${version}; this version reads up to ${DUMP_VERSION}).`
      )
    }
    const parsed = dumpSchema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new WorkbenchError(
        'invalid-argument',
        `${source} is not an Analyst Workbench export (at ${issue?.path.join('.') || 'the top'}: ${issue?.message}).`
      )
    }
    const problem = checkBackup(parsed.data, extra.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS)
    if (problem) throw new WorkbenchError('corrupt', `${source} was not restored: ${problem}.`)
    const dump = linksToWhatIsThere(parsed.data)
    const current = ctx.whole.data()
    if (current.documents.length || current.codebook.tags.length || current.memos.length) {
      throw new WorkbenchError(
        'invalid-argument',
        `The workspace ${ctx.whole.dir} is not empty (${current.documents.length} documents, ${current.codebook.tags.length} tags). Restore only into an empty workspace: choose a new folder with --workspace.`
      )
    }
    for (const meta of dump.workspace.documents) {
      const t = dump.texts[meta.textSha256]
      if (!t || ctx.contents.checksum(t.text) !== meta.textSha256) {
        throw new WorkbenchError(
          'corrupt',
          `${source} is damaged: the text of "${meta.title}" is missing or does not match its checksum. Nothing was restored.`
        )
      }
    }
    // The backup holds texts, not original files: each text is stored with an empty original.
    const stored = new Map<string, StoredRef>()
    for (const meta of dump.workspace.documents) {
      if (stored.has(meta.textSha256)) continue
      const t = dump.texts[meta.textSha256]
      const put = await ctx.contents.put({
        sha256: meta.sha256,
        ext: '',
        original: new Uint8Array(0),
        text: t.text,
        blocks: t.blocks,
        textSha256: meta.textSha256,
        meta: recordMetaOf(meta)
      })
      stored.set(meta.textSha256, put.stored)
    }
    // Through the annotation store, which keeps each file's backups, journal and generation.
    for (const [docId, file] of Object.entries(dump.annotations)) {
      await ctx.annotations.update(docId, (draft) => {
        draft.note = file.note
        if (file.noteModified) draft.noteModified = file.noteModified
        draft.annotations = file.annotations
      })
    }
    await ctx.whole.rewrite((draft) => {
      Object.assign(draft, structuredClone(dump.workspace))
      for (const d of draft.documents) d.stored = stored.get(d.textSha256) as StoredRef // all put above
    })
    if (dump.reliability) await extra.reliability?.restore(dump.reliability)
    if (dump.analyses) await extra.analyses?.restore(dump.analyses)
    ctx.events.emit({ kind: 'restored' })
    return {
      documents: dump.workspace.documents.length,
      passages: Object.values(dump.annotations).reduce((n, f) => n + f.annotations.length, 0)
    }
  }

  return {
    exportWorkspace,
    restore,
    restoreBackup: (file: { name: string; data: Uint8Array }) =>
      restore(new TextDecoder().decode(file.data), file.name)
  }
}

/** What a restored document's pack record says of it (see RecordMeta). */
function recordMetaOf(meta: Omit<DocumentMeta, 'stored'>): RecordMeta {
  const { importOrder: _order, ...fields } = meta
  return fields
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
