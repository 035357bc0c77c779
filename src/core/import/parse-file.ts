import { extname } from 'node:path'
import type { DocumentFormat, ImportLimits } from '../../shared/model'
import { EXTENSION_FORMATS } from '../../shared/model'
import { fileTooLarge } from '../../shared/format'
import { WorkbenchError } from '../errors'
import { decodeText } from './decode'
import { htmlToDocument } from './html'
import { markdownToDocument } from './markdown'
import { plainTextToDocument } from './plain-text'
import { parseInWorker } from './run-worker'
import type { ParsedDocument } from './text-blocks'
import type { WorkerSpec } from './worker-protocol'

export interface ParseOptions {
  limits: ImportLimits
  workerMemoryMb: number
  worker: WorkerSpec
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

/** Turns a file's bytes into normalized text with structure. Throws WorkbenchError with a reason a person can act on. */
export async function parseFile(
  name: string,
  bytes: Uint8Array,
  opts: ParseOptions
): Promise<{ format: DocumentFormat; doc: ParsedDocument }> {
  const format = formatOf(name)
  checkFileSize(bytes.byteLength, opts.limits)
  if (bytes.byteLength === 0) throw new WorkbenchError('invalid-argument', 'the file is empty')
  let doc: ParsedDocument
  switch (format) {
    case 'txt':
      doc = plainTextToDocument(decodeText(bytes).text)
      break
    case 'md':
      doc = markdownToDocument(decodeText(bytes).text)
      break
    case 'html':
      doc = htmlToDocument(decodeText(bytes).text)
      break
    case 'pdf':
    case 'docx':
      doc = await parseInWorker(
        opts.worker,
        { format, bytes },
        { timeoutMs: opts.limits.parseTimeoutMs, memoryMb: opts.workerMemoryMb }
      )
      break
  }
  if (doc.text.length > opts.limits.maxTextChars) {
    throw new WorkbenchError(
      'invalid-argument',
      `its text is ${doc.text.length.toLocaleString('en-US')} characters long, over the limit of ${opts.limits.maxTextChars.toLocaleString('en-US')}`
    )
  }
  if (doc.text.trim() === '') {
    throw new WorkbenchError(
      'invalid-argument',
      format === 'pdf'
        ? 'the PDF has no text layer (a scanned PDF needs OCR first)'
        : 'no text was found in the file'
    )
  }
  return { format, doc }
}
