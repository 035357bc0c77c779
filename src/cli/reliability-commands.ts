import type { Command } from 'commander'
import { Option } from 'commander'
import { WorkbenchError } from '../core/base/errors'
import {
  CREDIBILITY_LEVELS,
  RELIABILITY_LEVELS,
  SOURCE_KINDS,
  type InformationCredibility,
  type Source,
  type SourceKind,
  type SourceReliability
} from '../shared/reliability'
import type { Workbench } from '../core/workbench'
import { json, type CliIo, type WithWorkbench } from './io'

/** A source by its id, its name or one of its aliases (any case). */
async function resolveSource(wb: Workbench, ref: string): Promise<Source> {
  const sources = await wb.listSources()
  const key = ref.trim().toLowerCase()
  const found =
    sources.find((s) => s.id === ref) ??
    sources.find((s) => [s.name, ...s.aliases].some((n) => n.toLowerCase() === key))
  if (!found)
    throw new WorkbenchError(
      'not-found',
      `No source named “${ref}” (see workbench sources; give a document one with workbench source set).`
    )
  return found
}

const credibilityOption = (): Option =>
  new Option('--credibility <n>', 'information credibility, 1 to 6, or "none" to clear it').choices(
    [...CREDIBILITY_LEVELS.map(String), 'none']
  )
const reliabilityOption = (what: string): Option =>
  new Option('--reliability <letter>', `${what}, A to F, or "none" to clear it`).choices([
    ...RELIABILITY_LEVELS,
    'none'
  ])

const credibilityOf = (v: string): InformationCredibility | null =>
  v === 'none' ? null : (Number(v) as InformationCredibility)
const reliabilityOf = (v: string): SourceReliability | null =>
  v === 'none' ? null : (v as SourceReliability)

/** sources, source set, grade source/doc/annotation: sources and their Admiralty grades. */
export function registerReliabilityCommands(
  program: Command,
  io: CliIo,
  withWorkbench: WithWorkbench
): void {
  program
    .command('sources')
    .description('list the sources (outlets, agencies, authors) with their grade and documents')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const sources = await wb.listSources()
        if (opts.json)
          io.out(
            json(
              sources.map((s) => ({
                id: s.id,
                name: s.name,
                kind: s.kind,
                aliases: s.aliases,
                reliability: s.reliability.current?.value ?? null,
                documents: s.documents
              }))
            )
          )
        else if (sources.length === 0) io.out('No sources yet.\n')
        else
          for (const s of sources)
            io.out(
              `${s.id}  ${s.reliability.current?.value ?? '–'}  ${s.name}  (${s.kind}, ${s.documents.length} document${s.documents.length === 1 ? '' : 's'})\n`
            )
      })
    })

  const source = program.command('source').description("change a document's source, or a source")
  source
    .command('set')
    .description('give a document a source (created when new)')
    .argument('<docId>', 'document id (see workbench list)')
    .addOption(new Option('--source <name>', 'the source’s name').makeOptionMandatory())
    .action(async (docId: string, opts: { source: string }) => {
      await withWorkbench(false, async (wb) => {
        const { value } = await wb.setDocumentSource(docId, opts.source)
        io.out(`${docId}: ${value.source?.name ?? 'no source'}  ${value.effective.badge}\n`)
      })
    })
  source
    .command('edit')
    .description("change a source's name, kind, aliases or notes")
    .argument('<source>', 'source id, name or alias')
    .option('--name <name>', 'a new name')
    .addOption(new Option('--kind <kind>', 'what it is').choices([...SOURCE_KINDS]))
    .option('--alias <name...>', 'other names it goes by (replaces the list)')
    .option('--notes <text>', 'what you know of it')
    .action(
      async (
        ref: string,
        opts: { name?: string; kind?: SourceKind; alias?: string[]; notes?: string }
      ) => {
        await withWorkbench(false, async (wb) => {
          const s = await resolveSource(wb, ref)
          const { value } = await wb.updateSource(s.id, {
            name: opts.name,
            kind: opts.kind,
            aliases: opts.alias,
            notes: opts.notes
          })
          io.out(`${value.id}  ${value.name}  (${value.kind})\n`)
        })
      }
    )

  const grade = program
    .command('grade')
    .description('grade a source (reliability A–F), a document or a highlight (credibility 1–6)')
  grade
    .command('source')
    .argument('<source>', 'source id, name or alias')
    .addOption(reliabilityOption('source reliability').makeOptionMandatory())
    .option('--why <text>', 'the rationale', '')
    .action(async (ref: string, opts: { reliability: string; why: string }) => {
      await withWorkbench(false, async (wb) => {
        const s = await resolveSource(wb, ref)
        const { value } = await wb.gradeSource(s.id, reliabilityOf(opts.reliability), opts.why)
        io.out(`${value.name}: ${value.reliability.current?.value ?? 'ungraded'}\n`)
      })
    })
  grade
    .command('doc')
    .argument('<docId>', 'document id (see workbench list)')
    .addOption(credibilityOption())
    .addOption(reliabilityOption("this document's own reliability, in place of its source's"))
    .option('--why <text>', 'the rationale (needed for --reliability)', '')
    .action(
      async (docId: string, opts: { credibility?: string; reliability?: string; why: string }) => {
        if (opts.credibility === undefined && opts.reliability === undefined)
          throw new WorkbenchError('invalid-argument', 'Give --credibility, --reliability or both.')
        await withWorkbench(false, async (wb) => {
          const { value } = await wb.gradeDocument(
            docId,
            {
              ...(opts.credibility !== undefined
                ? { credibility: credibilityOf(opts.credibility) }
                : {}),
              ...(opts.reliability !== undefined
                ? { reliability: reliabilityOf(opts.reliability) }
                : {})
            },
            opts.why
          )
          io.out(`${docId}: ${value.effective.badge}\n`)
        })
      }
    )
  grade
    .command('annotation')
    .argument('<annotationId>', 'highlight id (see workbench annotations)')
    .addOption(credibilityOption().makeOptionMandatory())
    .option('--why <text>', 'the rationale', '')
    .action(async (id: string, opts: { credibility: string; why: string }) => {
      await withWorkbench(false, async (wb) => {
        const { value } = await wb.gradeHighlight(id, credibilityOf(opts.credibility), opts.why)
        io.out(`${id}: ${value.highlights[id]?.badge ?? value.effective.badge}\n`)
      })
    })

  registerOriginCommands(program, io, withWorkbench)
}

/** reuse, origins, link derive/reject: shared passages and the origins they reveal. */
function registerOriginCommands(program: Command, io: CliIo, withWorkbench: WithWorkbench): void {
  program
    .command('reuse')
    .description('list the passages a document shares with others, longest first')
    .argument('<docId>', 'document id (see workbench list)')
    .option('--with <docId>', 'only those shared with this document')
    .option('--boilerplate', 'also passages found in very many documents')
    .option('--json', 'print JSON')
    .action(
      async (docId: string, opts: { with?: string; boilerplate?: boolean; json?: boolean }) => {
        await withWorkbench(true, async (wb) => {
          const rows = await wb.sharedPassages(docId, {
            ...(opts.with !== undefined && { withDocId: opts.with }),
            ...(opts.boilerplate && { includeBoilerplate: true })
          })
          if (opts.json) io.out(json(rows))
          else if (rows.length === 0) io.out(`${docId} shares no passage with another document.\n`)
          else
            for (const r of rows)
              io.out(
                `${r.start}-${r.end}  ${r.otherDocId} ${r.otherStart}-${r.otherEnd}  ${r.words} words  ${Math.round(r.identity * 100)}% identical${r.boilerplate ? '  boilerplate' : ''}\n`
              )
        })
      }
    )

  program
    .command('origins')
    .description('list the origins: documents joined by confirmed derivation links')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const origins = await wb.listOrigins()
        if (opts.json) io.out(json(origins))
        else if (origins.length === 0) io.out('No documents.\n')
        else
          for (const o of origins)
            io.out(
              `${o.id}  ${o.documents.join(' ')}${o.sources.length ? `  (${o.sources.join('; ')})` : ''}\n`
            )
      })
    })

  const link = program
    .command('link')
    .description('confirm or reject that a document derives from another, or from a source')
  link
    .command('derive')
    .description(
      'confirm that FROM derives from a document (by id) or a source never imported (by name)'
    )
    .argument('<from>', 'the derived document’s id')
    .argument('[to]', 'the id of the document it derives from, or the name of a source')
    .option('--source <name>', 'a source never imported, by name (whatever it looks like)')
    .action(async (from: string, toArg: string | undefined, opts: { source?: string }) => {
      await withWorkbench(false, async (wb) => {
        if ((toArg === undefined) === (opts.source === undefined))
          throw new WorkbenchError(
            'invalid-argument',
            'Give what it derives from: a document id, a source name, or --source NAME.'
          )
        const to = toArg ?? opts.source ?? ''
        const docs = await wb.listDocuments()
        const isDoc = opts.source === undefined && docs.some((d) => d.id === to)
        // A mistyped or removed id is not taken for the name of a source.
        if (!isDoc && opts.source === undefined && /^[0-9a-f]{6,}$/i.test(to))
          throw new WorkbenchError(
            'not-found',
            `No document with id ${to} in the library (see workbench list). To name a source that was never imported, give it with --source.`
          )
        const target = isDoc
          ? ({ kind: 'document', docId: to } as const)
          : ({ kind: 'source', name: to } as const)
        await wb.setLink(from, target, 'confirmed')
        const origins = await wb.listOrigins()
        const origin = origins.find((o) => o.documents.includes(from))
        io.out(
          `${from} derives from ${to}: ${origin?.documents.length ?? 1} document${origin?.documents.length === 1 ? '' : 's'} in its origin.\n`
        )
      })
    })
  link
    .command('claim')
    .description('say that two highlights of two documents make the same claim (for corroboration)')
    .argument('<annotationId>', 'a highlight id (see workbench annotations)')
    .argument('<otherAnnotationId>', 'a highlight of another document')
    .option('--remove', 'take the link away')
    .action(async (a: string, b: string, opts: { remove?: boolean }) => {
      await withWorkbench(false, async (wb) => {
        await wb.setSameClaim(a, b, !opts.remove)
        io.out(
          opts.remove
            ? `${a} and ${b}: no longer the same claim.\n`
            : `${a} and ${b}: the same claim.\n`
        )
      })
    })
  link
    .command('reject')
    .description('say that two documents do not derive from one another')
    .argument('<from>', 'a document id')
    .argument('<to>', 'the other document id')
    .action(async (from: string, to: string) => {
      await withWorkbench(false, async (wb) => {
        await wb.setLink(from, { kind: 'document', docId: to }, 'rejected')
        io.out(`${from} and ${to}: no derivation.\n`)
      })
    })
}
