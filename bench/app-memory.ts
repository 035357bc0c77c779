/**
 * Child process of the benchmark: opens a workspace as the app's main process does, answers the
 * benchmark's queries, and prints what it took and the memory it holds (JSON on stdout). Run apart
 * from the benchmark so that the benchmark's own copy of the corpus is not counted.
 */
import { join } from 'node:path'
import { createWorkbench } from '../src/core/workbench'
import { QUERIES } from './corpus'

const [dir] = process.argv.slice(2)
const started = performance.now()
const wb = await createWorkbench(dir, {
  parserWorker: { file: join(import.meta.dirname, '../out/main/parse-worker.js') },
  indexWorker: { file: join(import.meta.dirname, '../out/main/index-worker.js') }
})
await wb.search('jury', { limit: 50 })
const firstAnswerMs = performance.now() - started
for (const q of QUERIES) await wb.search(q, { limit: 50 })
global.gc?.()
const { heapUsed, rss } = process.memoryUsage()
await wb.close()
process.stdout.write(
  JSON.stringify({ firstAnswerMs, heapMb: heapUsed / 1048576, rssMb: rss / 1048576 }) + '\n'
)
