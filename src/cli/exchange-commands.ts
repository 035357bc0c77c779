import { readFile, writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { WorkbenchError } from '../core/base/errors'
import type { MergeReport } from '../shared/exchange'
import { collect, json, resolveTagArg, type CliIo, type WithWorkbench } from './io'

/** A file named on the command line, read whole; one sentence naming it when it cannot be. */
async function readInput(path: string): Promise<{ name: string; data: Uint8Array }> {
  try {
    return { name: path, data: new Uint8Array(await readFile(path)) }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new WorkbenchError(
      'not-found',
      code === 'EISDIR' ? `${path} is a folder, not a file.` : `Cannot read ${path}.`
    )
  }
}

/** Writes what a command made; one sentence naming the file when it cannot. */
export async function writeOutput(path: string, data: Uint8Array): Promise<void> {
  try {
    await writeFile(path, data)
  } catch (err) {
    throw new WorkbenchError(
      'io',
      `Could not write ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`
    )
  }
}

/** `export --format qdpx`: the project goes to a file, never to standard output (it is a zip). */
export async function exportQdpx(
  wb: Parameters<Parameters<WithWorkbench>[1]>[0],
  io: CliIo,
  output: string | undefined
): Promise<void> {
  if (!output)
    throw new WorkbenchError(
      'invalid-argument',
      'A QDA project is a zip file: name it with -o FILE.qdpx.'
    )
  const result = await wb.exportQdpx()
  await writeOutput(output, result.data)
  io.err(
    `wrote ${output}: ${result.documents} documents, ${result.highlights} highlights, ${result.codes} codes, ${result.memos} memos\n`
  )
  for (const line of result.skipped) io.err(`left out: ${line}\n`)
}

function printMerge(io: CliIo, r: MergeReport): void {
  const verb = r.dryRun ? 'would change' : 'changed'
  if (!r.changed)
    io.out(`nothing to merge: the workspace already holds everything in ${r.bundleId}\n`)
  else {
    io.out(
      `${r.dryRun ? 'dry run: ' : ''}merging ${r.bundleId} from ${r.from}${r.threeWay ? '' : ' (first exchange)'}\n`
    )
    for (const [what, n] of Object.entries(r.counts))
      if (!what.endsWith('kept') || n) io.out(`  ${what}: ${n}\n`)
    for (const d of r.newDocuments) io.out(`  new document ${d.id}  ${d.title}\n`)
    for (const c of r.conflicts)
      io.out(
        `  conflict: ${c.kind} ${c.id} ${c.field}: kept ${JSON.stringify(c.kept.value)} (${c.kept.label}, ${c.kept.time}), not ${JSON.stringify(c.other.value)} (${c.other.label}, ${c.other.time})\n`
      )
    for (const m of r.marked)
      io.out(`  both edited the same lines of ${m.kind} ${m.id} ${m.field}: marked in the note\n`)
    for (const line of r.repairs) io.out(`  ${line}\n`)
    io.out(`${r.changes.length} records ${verb}, ${r.conflicts.length} conflicts\n`)
    if (r.mergeId) io.out(`undo with: workbench bundle undo ${r.mergeId}\n`)
  }
  for (const line of r.skipped) io.err(`note: ${line}\n`)
}

export function registerExchangeCommands(
  program: Command,
  io: CliIo,
  withWorkbench: WithWorkbench
): void {
  program
    .command('import-project')
    .description(
      'import a REFI-QDA project (.qdpx or .qde, from ATLAS.ti, MAXQDA, NVivo, QualCoder…) into the workspace'
    )
    .argument('<file>', 'the project file')
    .option('--json', 'print the report as JSON')
    .action(async (path: string, opts: { json?: boolean }) => {
      const file = await readInput(path)
      await withWorkbench(false, async (wb) => {
        const r = await wb.importProject(file)
        if (opts.json) io.out(json(r))
        else {
          io.out(
            `imported ${path}: ${r.documents} documents (${r.matchedDocuments} already here), ${r.codes} new codes, ${r.selections} highlights, ${r.memos} memos\n`
          )
          for (const line of r.skipped) io.err(`skipped: ${line}\n`)
        }
      })
    })

  const bundle = program
    .command('bundle')
    .description('case bundles (.awb): carry work on a case to another laptop and merge it back')

  bundle
    .command('export')
    .description(
      'write a case bundle of the chosen documents (default: all), their highlights, notes, the codebook and memos'
    )
    .option('--doc <id>', 'this document; repeat for several', collect)
    .option(
      '--tag <tag>',
      'the documents with a highlight of this tag (path or id) or its sub-tags; repeat for several',
      collect
    )
    .requiredOption('-o, --output <file>', 'where to write the bundle (.awb)')
    .action(async (opts: { doc?: string[]; tag?: string[]; output: string }) => {
      await withWorkbench(false, async (wb) => {
        const tags = await wb.listTags()
        const tagIds = (opts.tag ?? []).map((ref) => resolveTagArg(tags, ref).id)
        const r = await wb.exportBundle({
          ...(opts.doc?.length ? { docIds: opts.doc } : {}),
          ...(tagIds.length ? { tagIds } : {})
        })
        await writeOutput(opts.output, r.data)
        io.out(
          `wrote ${opts.output}: bundle ${r.bundleId}, ${r.documents} documents, ${r.highlights} highlights\n`
        )
      })
    })

  bundle
    .command('merge')
    .description('merge a case bundle from another laptop into the workspace (undoable)')
    .argument('<file>', 'the bundle (.awb)')
    .option('--dry-run', 'say what would change, and change nothing')
    .option('--json', 'print the merge report as JSON')
    .action(async (path: string, opts: { dryRun?: boolean; json?: boolean }) => {
      const file = await readInput(path)
      await withWorkbench(!!opts.dryRun, async (wb) => {
        const r = await wb.mergeBundle(file, { dryRun: !!opts.dryRun })
        if (opts.json) io.out(json(r))
        else printMerge(io, r)
      })
    })

  bundle
    .command('undo')
    .description('put the workspace back as it was before a merge')
    .argument('<merge-id>', 'the id the merge printed')
    .action(async (id: string) => {
      await withWorkbench(false, async (wb) => {
        const r = await wb.undoMerge(id)
        io.out(
          `undid ${r.value.mergeId}: the workspace is as before the merge (redo with: workbench bundle redo ${id})\n`
        )
      })
    })

  bundle
    .command('redo')
    .description('make an undone merge again')
    .argument('<merge-id>', 'the id the merge printed')
    .action(async (id: string) => {
      await withWorkbench(false, async (wb) => {
        const r = await wb.redoMerge(id)
        io.out(`redid ${r.value.mergeId}\n`)
      })
    })
}
