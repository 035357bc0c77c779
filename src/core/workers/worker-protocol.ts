import type { DocumentFormat, ReadOptions } from '../../shared/model'
import type { CountedChunks } from '../domain/search/count-chunks'
import type { ParsedDocument } from '../import/text-blocks'

/** One file for a parser worker to read. */
export interface ParseRequest {
  format: DocumentFormat
  bytes: Uint8Array
  maxTextChars: number
  /** How to read it (web page whole or as its article, a forced encoding); absent: as an import does. */
  options?: ReadOptions
  /** False: the text is not fingerprinted (shared passages turned off). */
  fingerprints?: boolean
}

/** What a parser worker makes of a file: the document, and what is cheaper to work out there. */
export interface ParsedFile {
  doc: ParsedDocument
  textSha256: string
  words: number
  /** Its chunks with their words counted, for the search index. */
  chunks: CountedChunks
  /** Its winnowed fingerprints (encodeFingerprints), for finding passages shared with others. */
  fingerprints?: Uint8Array
}

export type ParseResponse = { ok: true; parsed: ParsedFile } | { ok: false; message: string }

/** Where a worker's script is, and how to start it (tests run it from TypeScript source). */
export interface WorkerSpec {
  file: string | URL
  execArgv?: string[]
  workerData?: unknown
}
