import { writeFile } from 'node:fs/promises'
import { Command, CommanderError, Option } from 'commander'
import { toApiError, WorkbenchError } from '../core/base/errors'
import { registerAnalysisCommands } from './analysis-commands'
import { registerAnnotationCommands } from './annotation-commands'
import { registerExportCommands } from './export-commands'
import { registerExchangeCommands } from './exchange-commands'
import { registerReliabilityCommands } from './reliability-commands'
import type { DocumentGradeRow } from '../shared/reliability'
import type { WorkerSpec } from '../core/workers/worker-protocol'
import { defaultWorkspaceDir } from '../core/host/paths'
import { createWorkbench, type Workbench } from '../core/workbench'
import {
  DETAIL_FIELDS,
  type DetailField,
  type DetailsPatch,
  type DocumentMeta,
  type ImportLimits
} from '../shared/model'
import {
  CLEAR_LINE,
  collect,
  json,
  positive,
  queryAfterOptions,
  terminalIo,
  type CliIo
} from './io'

export type { CliIo } from './io'

/**
 * The `workbench` command: the same core as the app, no Electron. Exit codes: 0 success, 1 when
 * something failed (a file that did not import, an unknown id), 2 on a usage error.
 */
export async function runCli(
  argv: string[],
  io: CliIo,
  worker: WorkerSpec,
  indexWorker?: WorkerSpec
): Promise<number> {
  let failed = false
  io = terminalIo(io)
  const program = buildProgram(io, worker, () => (failed = true), indexWorker)
  try {
    await program.parseAsync(queryAfterOptions(argv), { from: 'user' })
    return failed ? 1 : 0
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2
    io.err(`workbench: ${toApiError(err).message}\n`)
    return 1
  }
}

function buildProgram(
  io: CliIo,
  worker: WorkerSpec,
  markFailed: () => void,
  indexWorker?: WorkerSpec
): Command {
  const program = new Command('workbench')
    .description(
      'Analyst Workbench from the command line: import, read, annotate and tag documents in a workspace.'
    )
    .addOption(
      new Option('-w, --workspace <dir>', 'workspace folder').default(
        defaultWorkspaceDir(),
        "the app's workspace"
      )
    )
    .showHelpAfterError('(run workbench --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })

  const withWorkbench = async (
    readOnly: boolean,
    fn: (wb: Workbench) => Promise<void>,
    limits?: Partial<ImportLimits>
  ): Promise<void> => {
    const wb = await createWorkbench(program.opts<{ workspace: string }>().workspace, {
      parserWorker: worker,
      indexWorker,
      readOnly,
      // A command that writes fails with the reason rather than doing nothing read-only.
      whenUnwritable: 'fail',
      limits,
      onWarning: (m) => io.err(`warning: ${m}\n`)
    })
    try {
      await fn(wb)
    } finally {
      await wb.close()
    }
  }

  program
    .command('import')
    .description('import files and folders (recursively): .txt .md .html .htm .pdf .docx')
    .argument('<path...>', 'files or folders to import')
    .option('--json', 'print the result as JSON')
    .option('--whole-page', 'keep whole web pages, not only their articles')
    .option('--max-file-mb <n>', 'largest file to accept, in MB', (v) =>
      positive(v, '--max-file-mb')
    )
    .action(
      async (
        paths: string[],
        opts: { json?: boolean; maxFileMb?: number; wholePage?: boolean }
      ) => {
        const limits = opts.maxFileMb ? { maxFileBytes: opts.maxFileMb * 1024 * 1024 } : undefined
        await withWorkbench(
          false,
          async (wb) => {
            const report = await wb.importPaths(
              paths,
              (done, total, path) => {
                if (io.isTTY && !opts.json)
                  io.err(`${CLEAR_LINE}importing ${done}/${total} ${path}`)
              },
              opts.wholePage ? { wholePage: true } : undefined
            )
            if (io.isTTY && !opts.json) io.err(CLEAR_LINE)
            if (opts.json) io.out(json(report))
            else {
              for (const d of report.imported) {
                io.out(`imported   ${d.id}  ${d.title}  (${d.path})\n`)
                for (const w of d.warnings ?? []) io.out(`           note: ${w}\n`)
              }
              for (const d of report.duplicates)
                io.out(`duplicate  ${d.id}  ${d.path} is already in the workspace\n`)
              io.out(
                `${report.imported.length} imported, ${report.duplicates.length} duplicate, ${report.failed.length} failed\n`
              )
            }
            for (const f of report.failed) io.err(`failed: ${f.path}: ${f.error}\n`)
            if (report.failed.length > 0) markFailed()
          },
          limits
        )
      }
    )

  program
    .command('list')
    .description('list the documents in the workspace')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const docs = await wb.listDocuments()
        const grades = new Map((await wb.listDocumentGrades()).map((g) => [g.docId, g]))
        if (opts.json) io.out(json(docs.map((d) => listRow(d, grades.get(d.id)))))
        else if (docs.length === 0)
          io.out('The workspace has no documents. Import some with: workbench import PATH...\n')
        else
          for (const d of docs)
            io.out(
              `${d.id}  ${(d.published ?? '').padEnd(10)}  ${String(d.words).padStart(7)} words  ${d.title}${d.source ? ` — ${d.source}` : ''}\n`
            )
      })
    })

  program
    .command('show')
    .description("print a document's text")
    .argument('<id>', 'document id (see workbench list)')
    .option('--json', 'print the metadata and text as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withWorkbench(true, async (wb) => {
        const { meta, text } = await wb.getDocument(id)
        io.out(opts.json ? json({ ...meta, text }) : text + '\n')
      })
    })

  program
    .command('original')
    .description('save the file a document was imported from, exactly as it was')
    .argument('<id>', 'document id (see workbench list)')
    .requiredOption('-o, --output <file>', 'where to save it (an existing file is not replaced)')
    .action(async (id: string, opts: { output: string }) => {
      await withWorkbench(true, async (wb) => {
        const bytes = await wb.getOriginal(id)
        try {
          await writeFile(opts.output, bytes, { flag: 'wx' })
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code
          throw new WorkbenchError(
            'invalid-argument',
            code === 'EEXIST'
              ? `${opts.output} already exists; choose another name`
              : `could not write ${opts.output} (${(err as Error).message})`
          )
        }
        io.out(`saved ${bytes.byteLength} bytes to ${opts.output}\n`)
      })
    })

  program
    .command('set')
    .description(
      "change a document's details; an empty value clears one, --found puts a detail back to the value found at import"
    )
    .argument('<id>', 'document id (see workbench list)')
    .option('--title <title>', 'title')
    .option('--author <author>', 'author')
    .option('--source <source>', 'source: publisher, outlet or site')
    .option('--published <date>', 'publication date, YYYY-MM-DD')
    .option('--url <url>', "the document's web address (never fetched)")
    .option('--language <tag>', 'language, as en, fr or pt-BR')
    .option(
      '--found <field>',
      'put this detail back to the value found at import; repeat for several',
      collect
    )
    .option('--json', 'print the updated metadata as JSON')
    .action(
      async (
        id: string,
        opts: Partial<Record<DetailField, string>> & { found?: string[]; json?: boolean }
      ) => {
        await withWorkbench(false, async (wb) => {
          const meta = (await wb.listDocuments()).find((d) => d.id === id)
          const patch: DetailsPatch = {}
          for (const field of opts.found ?? []) {
            if (!(DETAIL_FIELDS as readonly string[]).includes(field))
              throw new WorkbenchError(
                'invalid-argument',
                `--found takes one of ${DETAIL_FIELDS.join(', ')}; "${field}" is none of them.`
              )
            const f = field as DetailField
            if (meta?.found && f in meta.found) patch[f] = meta.found[f] ?? null
          }
          for (const field of DETAIL_FIELDS)
            if (opts[field] !== undefined) patch[field] = opts[field] || null
          if (Object.keys(patch).length === 0 && !opts.found?.length)
            throw new WorkbenchError(
              'invalid-argument',
              'Say what to change: --title, --author, --source, --published, --url, --language or --found.'
            )
          const { value } = await wb.updateDocumentDetails(id, patch)
          if (opts.json) io.out(json(value))
          else {
            const edited = Object.keys(value.found ?? {})
            io.out(
              `${value.id}  ${value.title}${edited.length ? `  (edited: ${edited.join(', ')})` : ''}\n`
            )
          }
        })
      }
    )

  registerAnnotationCommands(program, io, (readOnly, fn) => withWorkbench(readOnly, fn))
  registerExportCommands(program, io, (readOnly, fn) => withWorkbench(readOnly, fn))
  registerReliabilityCommands(program, io, (readOnly, fn) => withWorkbench(readOnly, fn))
  registerAnalysisCommands(program, io, (readOnly, fn) => withWorkbench(readOnly, fn))
  registerExchangeCommands(program, io, (readOnly, fn) => withWorkbench(readOnly, fn))
  return program
}

function listRow(d: DocumentMeta, g: DocumentGradeRow | undefined): Record<string, unknown> {
  return {
    id: d.id,
    title: d.title,
    // The document's source record when it has one, else the publisher its file names.
    source: g?.sourceName ?? d.source,
    published: d.published,
    words: d.words,
    sha256: d.sha256,
    reliability: g?.reliability ?? null,
    credibility: g?.credibility ?? null,
    flags: g?.flags ?? []
  }
}
