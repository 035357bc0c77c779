import type { ParsedDocument } from './text-blocks'

export interface WorkerRequest {
  format: 'pdf' | 'docx'
  bytes: Uint8Array
}

export type WorkerResponse = { ok: true; doc: ParsedDocument } | { ok: false; message: string }

/** Where the parser worker's script is, and how to start it (tests run it from TypeScript source). */
export interface WorkerSpec {
  file: string | URL
  execArgv?: string[]
  workerData?: unknown
}
