/**
 * Child process for the fault-injection test: a short session of work (five imports, a tag,
 * highlights with notes, a document note, a memo) in the workspace DIR. It prints what was
 * acknowledged, as JSON, then closes the workspace (`close`) or kills itself with SIGKILL
 * (`kill`), leaving the journals as a crash does.
 */
import { createWorkbench } from '../core/workbench'
import { sourceWorker } from './worker'

const [mode, dir] = process.argv.slice(2)
const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const tag = (await wb.createTag({ path: 'Logistics' })).value
const docs: { id: string; title: string }[] = []
const highlights: { docId: string; id: string }[] = []
for (let i = 1; i <= 5; i++) {
  const text = `Dispatch ${i} from the northern depot\n\nThe convoy number ${i} left the harbour at dawn. Fuel was short at depot ${i}.`
  const outcome = await wb.importFile({ name: `dispatch-${i}.txt`, data: enc(text) })
  if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
  docs.push({ id: outcome.document.id, title: outcome.document.title })
  const start = text.indexOf('The convoy')
  const { value } = await wb.createAnnotation({
    docId: outcome.document.id,
    start,
    end: start + 20,
    tags: [tag.id],
    note: `note ${i}`
  })
  highlights.push({ docId: outcome.document.id, id: value.id })
}
await wb.setDocumentNote(docs[0].id, 'Checked against the port log.')
const memo = (await wb.createMemo({ title: 'Fuel', text: 'Shortages at every depot.' })).value
process.stdout.write(JSON.stringify({ docs, highlights, tag: tag.id, memo: memo.id }) + '\n')
if (mode === 'kill') process.kill(process.pid, 'SIGKILL')
await wb.close()
