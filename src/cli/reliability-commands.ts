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
}
