import type { DocumentFormat, ReadOptions } from '../../shared/model'
import { WorkbenchError } from '../base/errors'
import { decodeText, type Decoded } from './decode'
import { plausibilityWarnings } from './text-plausibility'
import { markdownToDocument } from './markdown'
import { plainTextToDocument } from './plain-text'
import type { ParsedDocument } from './text-blocks'
import { webPageToDocument } from './web-page'

/**
 * Turns a file's bytes into normalized text with structure (run in a parser worker). Throws
 * WorkbenchError with a reason a person can act on. The PDF and Word readers are loaded the first
 * time they are needed, so that a worker that only reads text starts quickly.
 *
 * `options` (both optional, for an import or a "Read again as…"): `wholePage` keeps a web page
 * whole instead of its article; `encoding` decodes a text, Markdown or HTML file with that
 * encoding instead of the one it declares or appears to have.
 */
export async function parseBytes(
  format: DocumentFormat,
  bytes: Uint8Array,
  maxTextChars: number,
  options: ReadOptions = {}
): Promise<ParsedDocument> {
  let doc: ParsedDocument
  const decoded = (markup = false): Decoded =>
    decodeText(bytes, { encoding: options.encoding, markup, skipPlausibility: true })
  // Mojibake is looked for in the text made of the file (not in a page's markup and scripts).
  const withEncoding = (d: Decoded, read: (text: string) => ParsedDocument): ParsedDocument => {
    const parsed = read(d.text)
    parsed.hints.encoding = d.encoding
    parsed.warnings = [
      ...d.warnings,
      ...plausibilityWarnings(parsed.text, d.encoding.name),
      ...parsed.warnings
    ]
    return parsed
  }
  switch (format) {
    case 'txt':
      doc = withEncoding(decoded(), plainTextToDocument)
      break
    case 'md':
      doc = withEncoding(decoded(), markdownToDocument)
      break
    case 'html':
      doc = withEncoding(decoded(true), (text) =>
        webPageToDocument(text, { wholePage: options.wholePage })
      )
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
