import { readFile, writeFile } from 'node:fs/promises'
import { Option, type Command } from 'commander'
import { WorkbenchError } from '../core/base/errors'
import { EXPORT_FORMATS, type ExportFormat } from '../shared/model'
import { exportQdpx } from './exchange-commands'
import { collect, resolveTagArg, type CliIo, type WithWorkbench } from './io'

export function registerExportCommands(
  program: Command,
  io: CliIo,
  withWorkbench: WithWorkbench
): void {
  program
    .command('export')
    .description(
      'export annotated notes (md), the whole workspace (json), W3C Web Annotations (w3c), tagged passages (csv) or a REFI-QDA project for other QDA tools (qdpx, with -o)'
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...EXPORT_FORMATS, 'qdpx'])
        .default('md')
    )
    .option('--doc <id>', 'only this document; repeat for several', collect)
    .option(
      '--tag <tag>',
      'only passages with this tag (path or id) or its sub-tags; repeat for several',
      collect
    )
    .addOption(
      new Option('--group-by <what>', 'Markdown grouped by document or by theme')
        .choices(['doc', 'tag'])
        .default('doc')
    )
    .option('--title <title>', "the Markdown brief's title")
    .option(
      '--grades <filters>',
      'only passages of these grades: "reliability:A-B credibility:1-3", "ungraded"'
    )
    .option('--memos', 'the memos alone (md or csv), those the chosen documents and tags reach')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(
      async (opts: {
        format: ExportFormat | 'qdpx'
        doc?: string[]
        tag?: string[]
        groupBy: 'doc' | 'tag'
        title?: string
        memos?: boolean
        grades?: string
        output?: string
      }) => {
        const { format } = opts
        await withWorkbench(true, async (wb) => {
          if (format === 'qdpx') {
            if (opts.doc?.length || opts.tag?.length || opts.grades || opts.memos)
              throw new WorkbenchError(
                'invalid-argument',
                'The qdpx format always holds the whole workspace; --doc, --tag, --grades and --memos do not apply to it.'
              )
            return exportQdpx(wb, io, opts.output)
          }
          const tags = await wb.listTags()
          const tagIds = (opts.tag ?? []).map((ref) => resolveTagArg(tags, ref).id)
          if (opts.format === 'json' && (opts.doc?.length || tagIds.length || opts.grades)) {
            throw new WorkbenchError(
              'invalid-argument',
              'The json format always holds the whole workspace; --doc, --tag and --grades do not apply to it.'
            )
          }
          const result = await wb.exportWorkspace({
            format,
            docIds: opts.doc,
            tagIds,
            groupBy: opts.groupBy,
            title: opts.title,
            memosOnly: opts.memos,
            ...(opts.grades !== undefined && { grades: opts.grades })
          })
          if (opts.output) {
            await writeFile(opts.output, result.content)
            io.err(
              opts.memos
                ? `wrote ${opts.output}: ${result.memos} memos\n`
                : `wrote ${opts.output}: ${result.documents} documents, ${result.passages} passages, ${result.memos} memos\n`
            )
          } else io.out(result.content)
          for (const line of result.leftOut ?? []) io.err(`left out: ${line}\n`)
        })
      }
    )

  program
    .command('backup')
    .description(
      'write a full backup of the workspace (everything but the original files) to one JSON file'
    )
    .option(
      '-o, --output <file>',
      'where to write it',
      `analyst-workbench-backup-${new Date().toISOString().slice(0, 10)}.json`
    )
    .action(async (opts: { output: string }) => {
      await withWorkbench(true, async (wb) => {
        const result = await wb.exportWorkspace({ format: 'json' })
        await writeFile(opts.output, result.content)
        io.out(`wrote ${opts.output}: ${result.documents} documents, ${result.passages} passages\n`)
        for (const line of result.leftOut ?? []) io.err(`left out: ${line}\n`)
      })
    })

  program
    .command('restore')
    .description(
      'fill an empty workspace from a json export (refuses a workspace that has anything in it)'
    )
    .argument('<file>', 'a file written by: workbench export --format json')
    .action(async (file: string) => {
      let content: string
      try {
        content = await readFile(file, 'utf8')
      } catch {
        throw new WorkbenchError('not-found', `Cannot read ${file}.`)
      }
      await withWorkbench(false, async (wb) => {
        const { documents, passages } = await wb.restore(content, file)
        io.out(`restored ${documents} documents and ${passages} passages into ${wb.dir}\n`)
      })
    })
}
