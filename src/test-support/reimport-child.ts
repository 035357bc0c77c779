/**
 * Child process for the kill-at-every-step tests. `setup DIR` imports a document and highlights
 * two passages in it. `reimport DIR N` replaces it with a new version and kills itself with
 * SIGKILL at its Nth fsync (every durable step of a write ends in one), or prints "done" if the
 * replacement took fewer. `open DIR N` does the same while opening the workspace (and whatever
 * repair that takes).
 */
import { open } from 'node:fs/promises'
import { createWorkbench } from '../core/workbench'
import { sourceWorker } from './worker'

export const VERSION_1 =
  'The convoy left the harbour at dawn.\n\nOfficials said the bridge was closed.\n\nNo one was hurt.'
export const VERSION_2 =
  'Updated report.\n\nThe convoy left the harbour at dawn on Tuesday.\n\nNo one was hurt.\n\nOfficials said the bridge was closed.'

const [mode, dir, at] = process.argv.slice(2)
const enc = (s: string): Uint8Array => new TextEncoder().encode(s)

if (mode === 'setup') {
  const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
  const outcome = await wb.importFile({ name: 'report.txt', data: enc(VERSION_1) })
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
  for (const quote of ['the harbour at dawn', 'the bridge was closed']) {
    const start = VERSION_1.indexOf(quote)
    await wb.createAnnotation({ docId: outcome.document.id, start, end: start + quote.length })
  }
  await wb.close()
  process.stdout.write(`${outcome.document.id}\n`)
} else if (mode === 'reimport' || mode === 'open') {
  // In `open`, the opening itself is what is killed (a repair, say); then nothing else is done.
  if (mode === 'open') await killAtSync(Number(at))
  const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
  if (mode === 'open') {
    await wb.close()
    process.stdout.write('done\n')
    process.exit(0)
  }
  const [doc] = await wb.listDocuments()
  await killAtSync(Number(at))
  await wb.reimportDocument(doc.id, { name: 'report-v2.txt', data: enc(VERSION_2) })
  await wb.close()
  process.stdout.write('done\n')
}

/** From now on, every fsync counts; the process is killed at the Nth, before it is made. */
async function killAtSync(at: number): Promise<void> {
  const probe = await open(process.execPath, 'r')
  const proto = Object.getPrototypeOf(probe) as Record<'sync' | 'datasync', () => Promise<void>>
  await probe.close()
  let syncs = 0
  for (const name of ['sync', 'datasync'] as const) {
    const real = proto[name]
    proto[name] = function (this: unknown) {
      if (++syncs >= at) process.kill(process.pid, 'SIGKILL')
      return real.call(this)
    }
  }
}
