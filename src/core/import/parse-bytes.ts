import type { DocumentFormat } from '../../shared/model'
import { WorkbenchError } from '../base/errors'
import { decodeText } from './decode'
import { htmlToDocument } from './html'
import { markdownToDocument } from './markdown'
import { plainTextToDocument } from './plain-text'
import type { ParsedDocument } from './text-blocks'

/**
 * Turns a file's bytes into normalized text with structure (run in a parser worker). Throws
 * WorkbenchError with a reason a person can act on. The PDF and Word readers are loaded the first
 * time they are needed, so that a worker that only reads text starts quickly.
 */
export async function parseBytes(
  format: DocumentFormat,
  bytes: Uint8Array,
  maxTextChars: number
): Promise<ParsedDocument> {
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
      doc = await (await import('./pdf')).pdfToDocument(bytes)
      break
    case 'docx':
      doc = await (await import('./docx')).docxToDocument(bytes)
      break
  }
  if (doc.text.length > maxTextChars) {
    throw new WorkbenchError(
      'invalid-argument',
      `its text is ${doc.text.length.toLocaleString('en-US')} characters long, over the limit of ${maxTextChars.toLocaleString('en-US')}`
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
  return doc
}
