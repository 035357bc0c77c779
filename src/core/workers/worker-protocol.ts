import type { DocumentFormat } from '../../shared/model'
import type { CountedPassages } from '../domain/search/count-passages'
import type { ParsedDocument } from '../import/text-blocks'

/** One file for a parser worker to read. */
export interface ParseRequest {
  format: DocumentFormat
  bytes: Uint8Array
  maxTextChars: number
}

/** What a parser worker makes of a file: the document, and what is cheaper to work out there. */
export interface ParsedFile {
  doc: ParsedDocument
  textSha256: string
  words: number
  /** Its passages with their words counted, for the search index. */
  passages: CountedPassages
}

export type ParseResponse = { ok: true; parsed: ParsedFile } | { ok: false; message: string }

/** Where a worker's script is, and how to start it (tests run it from TypeScript source). */
export interface WorkerSpec {
  file: string | URL
  execArgv?: string[]
  workerData?: unknown
}
