/**
 * Child process for the crash test: imports small documents and highlights a passage in each,
 * printing every write as soon as the workbench has acknowledged it ("doc <sha256>", "ann <id>").
 * The parent kills this process with SIGKILL at random moments.
 */
import { createWorkbench } from '../core/workbench'
import { sourceWorker } from './worker'

const [dir, startArg] = process.argv.slice(2)
const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
for (let i = Number(startArg); ; i++) {
  const text = `Field report number ${i}.\nAll quiet at the harbour.`
  const outcome = await wb.importFile({
    name: `report-${i}.txt`,
    data: new TextEncoder().encode(text)
  })
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
  process.stdout.write(`doc ${outcome.document.sha256}\n`)
  const { value } = await wb.createAnnotation({
    docId: outcome.document.id,
    start: 0,
    end: 12,
    note: `note ${i}`
  })
  process.stdout.write(`ann ${value.id}\n`)
}
