import type { DocumentFormat, ReadOptions } from '../../shared/model'
import { WorkbenchError } from '../base/errors'
import { decodeText, type Decoded } from './decode'
import { plausibilityWarnings } from './text-plausibility'
import { markdownToDocument } from './markdown'
import { plainTextToDocument } from './plain-text'
import { MAX_BLOCKS, type ParsedDocument } from './text-blocks'
import { webPageToDocument } from './web-page'

/**
 * A Markdown file of more lines than this is read as plain text: the Markdown parser builds an
 * object for each of its blocks (a file of a million one-letter paragraphs took a gigabyte),
 * while the plain-text reader keeps a text of any number of lines in a bounded structure.
 */
export const MAX_MARKDOWN_LINES = 4 * MAX_BLOCKS

function markdownOrPlain(text: string): ParsedDocument {
  let lines = 1
  for (
    let i = text.indexOf('\n');
    i !== -1 && lines <= MAX_MARKDOWN_LINES;
    i = text.indexOf('\n', i + 1)
  )
    lines++
  if (lines <= MAX_MARKDOWN_LINES) return markdownToDocument(text)
  const doc = plainTextToDocument(text)
  doc.warnings = [
    ...doc.warnings,
    `it has more than ${MAX_MARKDOWN_LINES.toLocaleString('en-US')} lines, so it was read as plain text (its Markdown formatting was not applied)`
  ]
  return doc
}

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
      doc = withEncoding(decoded(), markdownOrPlain)
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
