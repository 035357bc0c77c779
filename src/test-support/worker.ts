import { fileURLToPath } from 'node:url'
import type { WorkerSpec } from '../core/workers/worker-protocol'

/** The parser worker run from its TypeScript source (unit tests run without a build). */
export const sourceWorker: WorkerSpec = {
  file: fileURLToPath(new URL('./ts-worker.mjs', import.meta.url)),
  workerData: { tsFile: fileURLToPath(new URL('../core/workers/parse-worker.ts', import.meta.url)) }
}

/** The search index's rebuild worker, run from its TypeScript source. */
export const sourceIndexWorker: WorkerSpec = {
  file: fileURLToPath(new URL('./ts-worker.mjs', import.meta.url)),
  workerData: { tsFile: fileURLToPath(new URL('../core/workers/index-worker.ts', import.meta.url)) }
}
