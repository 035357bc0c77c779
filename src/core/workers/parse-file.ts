import { extname } from 'node:path'
import type { DocumentFormat, ImportLimits, ReadOptions } from '../../shared/model'
import { EXTENSION_FORMATS } from '../../shared/model'
import { fileTooLarge } from '../../shared/format'
import { WorkbenchError } from '../base/errors'
import type { ParserPool } from './parser-pool'
import type { ParsedFile } from './worker-protocol'

export interface ParseOptions {
  limits: ImportLimits
  pool: ParserPool
  /** How to read the file (see ReadOptions); absent: as an import does by default. */
  read?: ReadOptions
  /** Also fingerprint its text for shared passages (default). */
  fingerprints?: boolean
}

const SUPPORTED_LIST = Object.keys(EXTENSION_FORMATS)
  .map((e) => `.${e}`)
  .join(', ')

export function formatOf(name: string): DocumentFormat {
  const ext = extname(name).slice(1).toLowerCase()
  const format = EXTENSION_FORMATS[ext]
  if (!format) {
    throw new WorkbenchError(
      'invalid-argument',
      ext
        ? `.${ext} files are not supported (supported: ${SUPPORTED_LIST})`
        : `the file has no extension, so its type is unknown (supported: ${SUPPORTED_LIST})`
    )
  }
  return format
}

export function checkFileSize(bytes: number, limits: ImportLimits): void {
  if (bytes > limits.maxFileBytes) {
    throw new WorkbenchError('invalid-argument', fileTooLarge(bytes, limits.maxFileBytes))
  }
}

/**
 * Turns a file's bytes into normalized text with structure, in a parser worker (see
 * parse-bytes.ts). Throws WorkbenchError with a reason a person can act on.
 */
export async function parseFile(
  name: string,
  bytes: Uint8Array,
  opts: ParseOptions
): Promise<{ format: DocumentFormat } & ParsedFile> {
  const format = formatOf(name)
  checkFileSize(bytes.byteLength, opts.limits)
  if (bytes.byteLength === 0) throw new WorkbenchError('invalid-argument', 'the file is empty')
  const parsed = await opts.pool.parse({
    format,
    bytes,
    maxTextChars: opts.limits.maxTextChars,
    ...(opts.read ? { options: opts.read } : {}),
    ...(opts.fingerprints === false && { fingerprints: false })
  })
  return { format, ...parsed }
}
