/**
 * Child process for the crash test: imports small documents one after another and prints the
 * sha256 of each one as soon as the workbench has acknowledged it (the catalog write resolved).
 * The parent kills this process with SIGKILL at random moments.
 */
import { createWorkbench } from '../core/workbench'
import { sourceWorker } from './worker'

const [dir, startArg] = process.argv.slice(2)
const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
for (let i = Number(startArg); ; i++) {
  const outcome = await wb.importFile({
    name: `report-${i}.txt`,
    data: new TextEncoder().encode(`Field report number ${i}.\nAll quiet at the harbour.`)
  })
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
  process.stdout.write(`${outcome.document.sha256}\n`)
}
