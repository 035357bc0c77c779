import JSZip from 'jszip'
import mammoth from 'mammoth'
import { Parser } from 'htmlparser2'
import { WorkbenchError } from '../base/errors'
import { htmlToDocument } from './html'
import { metaValue, normalizeDate, type DocumentHints, type ParsedDocument } from './text-blocks'

/** Largest total uncompressed size we agree to inflate; more is treated as a zip bomb. */
const MAX_UNCOMPRESSED = 512 * 1024 * 1024

/** Reads a Word document with mammoth (to HTML, then our HTML-to-text) and its core properties. */
export async function docxToDocument(bytes: Uint8Array): Promise<ParsedDocument> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw new WorkbenchError(
      'invalid-argument',
      'this is not a Word .docx file (it is not a zip archive)'
    )
  }
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (err) {
    throw new WorkbenchError(
      'invalid-argument',
      `the .docx archive is damaged (${(err as Error).message})`
    )
  }
  let total = 0
  zip.forEach((_, file) => {
    total +=
      (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0
  })
  if (total > MAX_UNCOMPRESSED) {
    throw new WorkbenchError(
      'invalid-argument',
      `the .docx would expand to ${Math.round(total / 1048576)} MB, more than the ${MAX_UNCOMPRESSED / 1048576} MB allowed`
    )
  }
  if (!zip.file('word/document.xml')) {
    throw new WorkbenchError(
      'invalid-argument',
      'this is not a Word .docx file (word/document.xml is missing)'
    )
  }
  let html: string
  try {
    // Images carry no text: drop them instead of inlining them as data URIs.
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }))
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage })).value
  } catch (err) {
    throw new WorkbenchError(
      'invalid-argument',
      `the .docx could not be read (${(err as Error).message})`
    )
  }
  const doc = htmlToDocument(html)
  const core = zip.file('docProps/core.xml')
  doc.hints = core ? readCoreProperties(await core.async('string')) : {}
  return doc
}

function readCoreProperties(xml: string): DocumentHints {
  const values = new Map<string, string>()
  let current: string | null = null
  const parser = new Parser(
    {
      onopentag(name) {
        current = name.toLowerCase()
      },
      ontext(text) {
        if (current) values.set(current, (values.get(current) ?? '') + text)
      },
      onclosetag() {
        current = null
      }
    },
    { xmlMode: true }
  )
  parser.write(xml)
  parser.end()
  return {
    title: metaValue(values.get('dc:title')),
    author: metaValue(values.get('dc:creator')),
    published: normalizeDate(values.get('dcterms:created')),
    source: metaValue(values.get('dc:publisher'))
  }
}
