// Starts a TypeScript worker script from source (tests only; the app runs the built JavaScript).
import { workerData } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

await tsImport(workerData.tsFile, import.meta.url)
