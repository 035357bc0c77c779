/**
 * Runs inside a small tmpfs (see unwritable-real.test.ts). `setup DIR`: makes a workspace with one
 * document. `check DIR`: opens it as the app does and as the CLI does, after the parent made the
 * disk full or read-only, and prints what the person was told and what worked, as JSON.
 */
import { readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../cli/program'
import { toApiError } from '../core/base/errors'
import { createWorkbench } from '../core/workbench'
import { sourceWorker } from './worker'

const [mode, dir] = process.argv.slice(2)

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(
    argv,
    { out: (s) => (out += s), err: (s) => (err += s), isTTY: false },
    sourceWorker
  )
  return { code, out, err }
}

if (mode === 'setup') {
  const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
  const outcome = await wb.importFile({
    name: 'harbour.txt',
    data: new TextEncoder().encode('Ships waited at anchor off Port Averly.')
  })
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
  await wb.close()
} else {
  const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
  const { warnings } = await wb.getWorkspaceInfo()
  const titles = (await wb.listDocuments()).map((d) => d.title)
  const tagError = await wb.createTag({ path: 'Weather' }).then(
    () => null,
    (err: unknown) => toApiError(err).message
  )
  await wb.close()
  const lockLeft = (await readdir(dir)).includes('workspace.lock')
  const list = await cli('-w', dir, 'list')
  const file = join(tmpdir(), `cranes-${process.pid}.txt`)
  await writeFile(file, 'The cranes stood idle.')
  const imported = await cli('-w', dir, 'import', file)
  process.stdout.write(JSON.stringify({ warnings, titles, tagError, lockLeft, list, imported }))
}
