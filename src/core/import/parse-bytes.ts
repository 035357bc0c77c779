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
  let paragraph = 0
  let longest = 0
  for (let i = 0; i < text.length && lines <= MAX_MARKDOWN_LINES;) {
    const end = text.indexOf('\n', i)
    const line = (end === -1 ? text.length : end) - i
    paragraph = line === 0 ? 0 : paragraph + line
    if (paragraph > longest) longest = paragraph
    if (end === -1) break
    lines++
    i = end + 1
  }
  const why =
    lines > MAX_MARKDOWN_LINES
      ? `it has more than ${MAX_MARKDOWN_LINES.toLocaleString('en-US')} lines`
      : longest > MAX_MARKDOWN_PARAGRAPH
        ? `it has a paragraph of more than ${MAX_MARKDOWN_PARAGRAPH.toLocaleString('en-US')} characters`
        : null
  if (why === null) return markdownToDocument(text)
  const doc = plainTextToDocument(text)
  doc.warnings = [
    ...doc.warnings,
    `${why}, so it was read as plain text (its Markdown formatting was not applied)`
  ]
  return doc
}

/**
 * A Markdown paragraph longer than this is not given to the Markdown parser either: its inline
 * rules take time that grows with the square of a paragraph's length on some input (400 KB of
 * "*a*a…" took 23 s).
 */
export const MAX_MARKDOWN_PARAGRAPH = 50_000

/** No real page nests its elements this deep; parsing one that does takes minutes. */
export const MAX_HTML_DEPTH = 10_000

/** Elements that have no end tag, or whose end tag may be left out (they do not nest). */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp html head body'.split(
    ' '
  )
)

/** How deep a page's elements nest at most, from its tags alone (a linear scan, no parsing). */
export function htmlDepth(html: string): number {
  let depth = 0
  let deepest = 0
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const name = m[2].toLowerCase()
    if (NOT_NESTING.has(name) || m[3] === '/') continue
    if (m[1] === '/') depth = Math.max(0, depth - 1)
    else if (++depth > deepest) deepest = depth
  }
  return deepest
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
      doc = withEncoding(decoded(true), (text) => {
        const depth = htmlDepth(text)
        if (depth > MAX_HTML_DEPTH)
          throw new WorkbenchError(
            'invalid-argument',
            `the page nests its elements ${depth.toLocaleString('en-US')} levels deep (no real page nests more than a few hundred), so it was not imported`
          )
        return webPageToDocument(text, { wholePage: options.wholePage })
      })
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
