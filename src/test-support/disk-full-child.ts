/**
 * Runs inside a small tmpfs (see disk-full.test.ts): fills the workspace until the disk is full,
 * then reports what the user was told, what survived, and whether temp files were left.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createWorkbench } from '../core/workbench'
import { sourceWorker } from './worker'

const dir = process.argv[2]
const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
const acknowledged: string[] = []
let failure = ''
for (let i = 0; i < 200 && !failure; i++) {
  // Each report ~200 KB: a 2 MB disk fills within a few.
  const text = `Report ${i}\n${`Ships waited at anchor off Port Averly for the ${i}th day. `.repeat(3500)}`
  const outcome = await wb.importFile({
    name: `report-${i}.txt`,
    data: new TextEncoder().encode(text)
  })
  if (outcome.status === 'imported') acknowledged.push(outcome.document.sha256)
  else if (outcome.status === 'failed') failure = outcome.error
}
await wb.close().catch(() => undefined)
const reopened = await createWorkbench(dir, { parserWorker: sourceWorker })
const present = new Set((await reopened.listDocuments()).map((d) => d.sha256))
await reopened.close().catch(() => undefined)
const temps: string[] = []
const walk = async (d: string): Promise<void> => {
  for (const e of await readdir(d, { withFileTypes: true })) {
    if (e.isDirectory()) await walk(join(d, e.name))
    else if (e.name.endsWith('.tmp')) temps.push(e.name)
  }
}
await walk(dir)
process.stdout.write(
  JSON.stringify({
    failure,
    acknowledged: acknowledged.length,
    allPresent: acknowledged.every((s) => present.has(s)),
    temps
  })
)
