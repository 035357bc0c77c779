import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { Option } from 'commander'
import { WorkbenchError } from '../core/base/errors'
import { resolveTagRef, tagScope, taggedWithin } from '../core/domain/codebook/tag-rules'
import type { Workbench } from '../core/workbench'
import {
  HIGHLIGHT_COLORS,
  TEXT_ENCODINGS,
  type Annotation,
  type ReadOptions,
  type TagView
} from '../shared/model'
import {
  collect,
  json,
  positiveInt,
  resolveTagArg as resolveTag,
  type CliIo,
  type WithWorkbench
} from './io'

/** Tags by path, created when new — as the app's Tags box does on Enter. */
async function ensureTags(wb: Workbench, refs: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const ref of refs) {
    const tags = await wb.listTags()
    const found = resolveTagRef(tags, ref)
    ids.push(found ? found.id : (await wb.createTag({ path: ref })).value.id)
  }
  return ids
}

function annotationRow(a: Annotation, tags: TagView[]): Record<string, unknown> {
  const paths = new Map(tags.map((t) => [t.id, t.path]))
  return {
    id: a.id,
    docId: a.docId,
    quote: a.quote.exact,
    start: a.position.start,
    end: a.position.end,
    tags: a.tags.map((t) => paths.get(t) ?? t),
    note: a.note,
    color: a.color,
    status: a.status
  }
}

function printAnnotation(io: CliIo, row: Record<string, unknown>): void {
  const tags = (row.tags as string[]).map((t) => `#${t}`).join(' ')
  io.out(
    `${row.id}  ${row.status === 'orphaned' ? '[orphaned] ' : ''}“${String(row.quote).replace(/\s+/g, ' ')}”${tags ? `  ${tags}` : ''}\n`
  )
  if (row.note) io.out(`    ${String(row.note).replace(/\n/g, '\n    ')}\n`)
}

export function registerAnnotationCommands(
  program: Command,
  io: CliIo,
  withWorkbench: WithWorkbench
): void {
  program
    .command('annotate')
    .description('highlight a passage, found by its text, with tags, a note and a colour')
    .argument('<docId>', 'document id (see workbench list)')
    .requiredOption('--quote <text>', 'the exact text to highlight')
    .option(
      '--occurrence <n>',
      'which occurrence of the quote, when it appears more than once',
      positiveInt,
      1
    )
    .option(
      '--tag <path>',
      'a tag such as "Actors/Lazarus Group" (created when new); repeat for several',
      collect
    )
    .option('--note <text>', 'a note on the passage')
    .addOption(
      new Option('--color <color>', 'highlight colour')
        .choices([...HIGHLIGHT_COLORS])
        .default('yellow')
    )
    .option('--json', 'print the annotation as JSON')
    .action(
      async (
        docId: string,
        opts: {
          quote: string
          occurrence: number
          tag?: string[]
          note?: string
          color: Annotation['color']
          json?: boolean
        }
      ) => {
        await withWorkbench(false, async (wb) => {
          const { text, meta } = await wb.getDocument(docId)
          let start = -1
          for (let n = 0; n < opts.occurrence; n++) {
            start = text.indexOf(opts.quote, start + 1)
            if (start < 0) break
          }
          if (start < 0 || opts.quote === '') {
            const count = opts.quote ? text.split(opts.quote).length - 1 : 0
            throw new WorkbenchError(
              'not-found',
              count === 0
                ? `The quote was not found in "${meta.title}" (${docId}). It must match the document's text exactly (see workbench show ${docId}).`
                : `The quote appears ${count} time${count === 1 ? '' : 's'} in "${meta.title}", so there is no occurrence ${opts.occurrence}.`
            )
          }
          const tags = await ensureTags(wb, opts.tag ?? [])
          const { value } = await wb.createAnnotation({
            docId,
            start,
            end: start + opts.quote.length,
            tags,
            note: opts.note,
            color: opts.color
          })
          const row = annotationRow(value, await wb.listTags())
          if (opts.json) io.out(json(row))
          else printAnnotation(io, row)
        })
      }
    )

  program
    .command('annotations')
    .description('list highlights with their tags and notes')
    .option('--doc <id>', 'only this document')
    .option('--tag <path>', 'only passages with this tag or one of its sub-tags')
    .option('--json', 'print JSON')
    .action(async (opts: { doc?: string; tag?: string; json?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const tags = await wb.listTags()
        const docIds = opts.doc
          ? [(await wb.getDocument(opts.doc)).meta.id]
          : (await wb.listDocuments()).map((d) => d.id)
        const only = opts.tag ? tagScope(tags, [resolveTag(tags, opts.tag).id]) : null
        const rows: Record<string, unknown>[] = []
        for (const id of docIds) {
          const grades = await wb.getDocumentReliability(id)
          const annotations = (await wb.listAnnotations(id)).filter(
            (a) => !only || taggedWithin(a, only)
          )
          const carried = annotations.length ? await wb.corroborationOf(id) : {}
          for (const a of annotations) {
            const g = grades.highlights[a.id] ?? grades.effective
            const c = carried[a.id]
            rows.push({
              ...annotationRow(a, tags),
              credibility: g.credibility,
              corroboration: { documents: c?.documents.length ?? 0, origins: c?.origins ?? 0 }
            })
          }
        }
        if (opts.json) io.out(json(rows))
        else if (rows.length === 0) io.out('No annotations.\n')
        else rows.forEach((r) => printAnnotation(io, r))
      })
    })

  program
    .command('search')
    .description(
      'search every document, note and tag: words, "phrases", prefix*, -exclude, OR, tag:, doc:, title:, after:, before:'
    )
    .argument('<query...>', 'what to look for (words starting with - exclude: -harbour)')
    .option('--limit <n>', 'at most this many passages', positiveInt, 20)
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { limit: number; json?: boolean }) => {
      const query = words.join(' ')
      await withWorkbench(true, async (wb) => {
        const { hits, total, totalIsLowerBound, warnings } = await wb.search(query, {
          limit: opts.limit
        })
        for (const w of warnings) io.err(`note: ${w}\n`)
        if (opts.json) {
          io.out(
            json(
              hits.map((h) => ({
                kind: h.kind,
                ...(h.memoId ? { memoId: h.memoId } : {}),
                ...(h.annotationId ? { annotationId: h.annotationId } : {}),
                ...(h.location ? { location: h.location } : {}),
                docId: h.docId,
                title: h.title,
                score: Math.round(h.score * 1000) / 1000,
                snippet: h.snippet,
                start: h.start,
                end: h.end
              }))
            )
          )
          return
        }
        if (hits.length === 0) io.out('No matches.\n')
        for (const h of hits) {
          // Matches shown between » « so that they stand out without colour.
          let snippet = ''
          let at = 0
          for (const [s, e] of h.marks) {
            snippet += `${h.snippet.slice(at, s)}»${h.snippet.slice(s, e)}«`
            at = e
          }
          snippet += h.snippet.slice(at)
          const where = [
            h.location?.heading && `§ ${h.location.heading}`,
            h.location?.page !== undefined && `page ${h.location.page}`
          ].filter(Boolean)
          const id = h.kind === 'memo' ? `memo ${h.memoId ?? ''}` : h.docId
          const kind = h.kind === 'text' ? '' : `  (${h.kind})`
          const place = where.length ? `  (${where.join(', ')})` : ''
          io.out(`${id}  ${h.title}${kind}${place}\n    ${snippet}\n`)
        }
        if (totalIsLowerBound) io.out(`… and more (use --limit)\n`)
        else if (total > hits.length) io.out(`… ${total - hits.length} more (use --limit)\n`)
      })
    })

  program
    .command('reimport')
    .description(
      'replace a document with a new version of its file, keeping and re-anchoring its annotations'
    )
    .argument('<docId>', 'document id')
    .argument('[path]', 'the new version of the file (without it: the file imported, read again)')
    .addOption(
      new Option(
        '--encoding <name>',
        'decode a text, Markdown or web page with this encoding'
      ).choices([...TEXT_ENCODINGS])
    )
    .option('--whole-page', 'keep the whole web page, not only its article')
    .option('--article', 'keep only the article of a web page (the default)')
    .option('--json', 'print the counts as JSON')
    .action(
      async (
        docId: string,
        path: string | undefined,
        opts: {
          json?: boolean
          encoding?: (typeof TEXT_ENCODINGS)[number]
          wholePage?: boolean
          article?: boolean
        }
      ) => {
        await withWorkbench(false, async (wb) => {
          const read: ReadOptions = {}
          if (opts.encoding) read.encoding = opts.encoding
          if (opts.wholePage || opts.article) read.wholePage = Boolean(opts.wholePage)
          let report
          if (path === undefined) {
            if (!opts.encoding && !opts.wholePage && !opts.article)
              throw new WorkbenchError(
                'invalid-argument',
                'Give the new version of the file, or how to read the imported one again (--encoding, --whole-page or --article).'
              )
            // What is not said is read as the document was last read.
            const last = (await wb.listDocuments()).find((d) => d.id === docId)?.read
            report = await wb.readDocumentAgain(docId, { ...last, ...read })
          } else {
            let data: Uint8Array
            try {
              data = await readFile(path)
            } catch {
              throw new WorkbenchError('not-found', `Cannot read ${path}.`)
            }
            report = await wb.reimportDocument(docId, {
              name: path,
              data,
              ...(Object.keys(read).length > 0 ? { read } : {})
            })
          }
          if (opts.json) io.out(json(report))
          else
            io.out(
              `${report.anchored} anchored in place, ${report.moved} moved, ${report.orphaned} orphaned\n`
            )
        })
      }
    )

  program
    .command('tags')
    .description('list the codebook with how many passages carry each tag')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const tags = await wb.listTags()
        if (opts.json)
          io.out(
            json(
              tags.map((t) => ({
                id: t.id,
                name: t.name,
                path: t.path,
                parent: t.parent,
                color: t.color,
                count: t.count
              }))
            )
          )
        else if (tags.length === 0)
          io.out(
            'The codebook is empty. Create a tag with: workbench tag create "Actors/Lazarus Group"\n'
          )
        else
          for (const t of tags)
            io.out(`${'  '.repeat(t.path.split('/').length - 1)}${t.name}  (${t.count})\n`)
      })
    })

  const tag = program
    .command('tag')
    .description('change the codebook: create, rename, move, merge or delete tags')
  tag
    .command('create')
    .argument('<path>', 'e.g. "Actors/Lazarus Group" (parents are created as needed)')
    .option('--color <css-color>', 'tag colour, e.g. #2563eb')
    .option('--description <text>', 'what the tag means')
    .action(async (path: string, opts: { color?: string; description?: string }) => {
      await withWorkbench(false, async (wb) => {
        const { value } = await wb.createTag({
          path,
          color: opts.color,
          description: opts.description
        })
        io.out(`created ${value.id}  ${path}\n`)
      })
    })
  tag
    .command('rename')
    .argument('<tag>', 'tag path or id')
    .argument('<newName>', 'the new name (not a path)')
    .action(async (ref: string, name: string) => {
      await withWorkbench(false, async (wb) => {
        const t = resolveTag(await wb.listTags(), ref)
        await wb.updateTag(t.id, { name })
        io.out(`renamed ${t.path} to ${name}\n`)
      })
    })
  tag
    .command('move')
    .argument('<tag>', 'tag path or id')
    .argument('<parent>', 'new parent tag path or id, or "/" for the top level')
    .action(async (ref: string, parentRef: string) => {
      await withWorkbench(false, async (wb) => {
        const tags = await wb.listTags()
        const t = resolveTag(tags, ref)
        const parent = parentRef === '/' ? null : resolveTag(tags, parentRef).id
        await wb.updateTag(t.id, { parent })
        io.out(`moved ${t.path} under ${parentRef === '/' ? 'the top level' : parentRef}\n`)
      })
    })
  tag
    .command('merge')
    .argument('<from>', 'tag to merge away (path or id)')
    .argument('<into>', 'tag that receives its passages (path or id)')
    .action(async (fromRef: string, intoRef: string) => {
      await withWorkbench(false, async (wb) => {
        const tags = await wb.listTags()
        const from = resolveTag(tags, fromRef)
        const into = resolveTag(tags, intoRef)
        await wb.mergeTags(from.id, into.id)
        io.out(`merged ${from.path} into ${into.path}\n`)
      })
    })
  tag
    .command('delete')
    .argument('<tag>', 'tag path or id (its sub-tags are deleted too)')
    .action(async (ref: string) => {
      await withWorkbench(false, async (wb) => {
        const t = resolveTag(await wb.listTags(), ref)
        const { value } = await wb.deleteTag(t.id)
        io.out(
          `deleted ${t.path}; removed from ${value.passages} passage${value.passages === 1 ? '' : 's'}\n`
        )
      })
    })
}
