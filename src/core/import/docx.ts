import JSZip from 'jszip'
import mammoth from 'mammoth'
import { Parser } from 'htmlparser2'
import { WorkbenchError } from '../base/errors'
import { htmlToDocument } from './html'
import { metaValue, normalizeDate, type DocumentHints, type ParsedDocument } from './text-blocks'
import { escapeXml, numberLists } from './docx-numbering'
import { mainPart, mainRelationships } from './docx-parts'

/** Largest total uncompressed size the archive may declare; more is treated as a zip bomb. */
const MAX_UNCOMPRESSED = 512 * 1024 * 1024
/**
 * Most bytes actually inflated from the parts read (counted as they inflate, whatever the
 * archive's headers say): a zip whose headers lie about sizes is stopped here.
 */
const MAX_INFLATED = 256 * 1024 * 1024

const refuse = (message: string): WorkbenchError => new WorkbenchError('invalid-argument', message)

/**
 * Reads a Word document with mammoth (to HTML, then our HTML-to-text) and its core properties.
 * The main part is the one `_rels/.rels` names; list numbers ("1.", "a)") are written into the
 * text as Word shows them; pictures become "[Image: alt text]"; footnotes, endnotes and comments
 * come last, as marked blocks; tracked changes are read as accepted (insertions kept, deletions
 * left out). Every part mammoth reads is inflated through a counter that stops at MAX_INFLATED.
 */
export async function docxToDocument(bytes: Uint8Array): Promise<ParsedDocument> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    throw refuse('this is not a Word .docx file (it is not a zip archive)')
  }
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (err) {
    throw refuse(`the .docx archive is damaged (${zipProblem(err)})`)
  }
  let total = 0
  zip.forEach((_, file) => {
    total +=
      (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0
  })
  if (total > MAX_UNCOMPRESSED) {
    throw refuse(
      `the .docx would expand to ${Math.round(total / 1048576)} MB, more than the ${MAX_UNCOMPRESSED / 1048576} MB allowed`
    )
  }
  const parts = new BoundedParts(zip)
  const main = await mainPart(parts)
  if (!main) throw refuse('this is not a Word .docx file (it has no main document part)')

  const numbered = await numberLists(parts, main)
  const file = {
    exists: (name: string): boolean => parts.exists(name),
    read: async (name: string, encoding?: string): Promise<string | Uint8Array> => {
      if (name === main && numbered !== null)
        return encoding ? numbered : new TextEncoder().encode(numbered)
      const data = await parts.read(name)
      if (encoding === 'base64') return Buffer.from(data).toString('base64')
      return encoding ? new TextDecoder(encoding).decode(data) : data
    }
  }
  let html: string
  try {
    // Images carry no text: their alt text is kept, their bytes are never read.
    const convertImage = mammoth.images.imgElement(async () => ({ src: '' }))
    const input = { file } as unknown as Parameters<typeof mammoth.convertToHtml>[0]
    html = (
      await mammoth.convertToHtml(input, {
        convertImage,
        styleMap: ['comment-reference => sup'],
        externalFileAccess: false
      } as Parameters<typeof mammoth.convertToHtml>[1])
    ).value
  } catch (err) {
    if (err instanceof WorkbenchError) throw err
    throw refuse(`the .docx could not be read (${wordProblem(err)})`)
  }
  html = await nameCommentAuthors(parts, main, html)
  const doc = htmlToDocument(html, { imageAlt: true, notes: true })
  doc.hints = parts.exists('docProps/core.xml')
    ? readCoreProperties(new TextDecoder().decode(await parts.read('docProps/core.xml')))
    : {}
  return doc
}

/** One plain sentence for what a zip library says, never its own wording. */
function zipProblem(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err)
  if (/end of central directory|is this a zip/i.test(m))
    return 'its table of contents is missing or cut short'
  if (/size mismatch|crc32|corrupted/i.test(m))
    return 'a part of it does not match its recorded size or checksum'
  if (/encrypted/i.test(m)) return 'it is encrypted'
  if (/compression/i.test(m)) return 'it uses a compression method Word files do not use'
  return 'it could not be unpacked'
}

function wordProblem(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err)
  if (
    /size mismatch|crc32|corrupted|invalid (?:stored|block|distance|code)|unexpected end/i.test(m)
  )
    return 'a part of it is damaged'
  if (/Maximum call stack/i.test(m)) return 'its structure is nested too deeply'
  if (/xml|unexpected|unclosed|attribute|entity/i.test(m)) return 'its XML is malformed'
  return 'its content is not in the form Word writes'
}

/**
 * The archive's parts, each inflated at most once, all of them together within MAX_INFLATED
 * bytes counted as they come out of the inflater.
 */
class BoundedParts {
  private inflated = 0
  private readonly cache = new Map<string, Uint8Array>()

  constructor(private readonly zip: JSZip) {}

  exists(name: string): boolean {
    return this.zip.file(name) !== null
  }

  async read(name: string): Promise<Uint8Array> {
    const cached = this.cache.get(name)
    if (cached) return cached
    const entry = this.zip.file(name)
    if (!entry) throw refuse(`the .docx archive is damaged (its part ${name} is missing)`)
    const chunks: Uint8Array[] = []
    const data = await new Promise<Uint8Array>((resolve, reject) => {
      // JSZip's documented streaming reader (missing from its type declarations).
      const stream = (
        entry as unknown as {
          internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array>
        }
      ).internalStream('uint8array')
      let size = 0
      stream
        .on('data', (chunk: Uint8Array) => {
          size += chunk.byteLength
          this.inflated += chunk.byteLength
          if (this.inflated > MAX_INFLATED) {
            stream.pause()
            chunks.length = 0
            reject(
              refuse(
                `the .docx expands to more than ${MAX_INFLATED / 1048576} MB of text and markup (more than its archive says): it may be a zip bomb`
              )
            )
            return
          }
          chunks.push(chunk)
        })
        .on('error', (err: Error) =>
          reject(refuse(`the .docx archive is damaged (${zipProblem(err)})`))
        )
        .on('end', () => {
          const out = new Uint8Array(size)
          let at = 0
          for (const c of chunks) {
            out.set(c, at)
            at += c.byteLength
          }
          resolve(out)
        })
        .resume()
    })
    this.cache.set(name, data)
    return data
  }
}

/**
 * Mammoth heads each comment "Comment [MQ1]": "[MQ1] Mara Quist" instead, from the comments part,
 * so that the comment reads "[MQ1] Mara Quist: …" after the text that refers to it as [MQ1].
 */
async function nameCommentAuthors(
  parts: BoundedParts,
  main: string,
  html: string
): Promise<string> {
  if (!html.includes('<dt id="comment-')) return html
  const name = (await mainRelationships(parts, main)).find((r) =>
    r.type.endsWith('/comments')
  )?.target
  const authors = new Map<string, string>()
  if (name && parts.exists(name)) {
    const xml = new TextDecoder().decode(await parts.read(name))
    for (const m of xml.matchAll(/<w:comment\b([^>]*)>/g)) {
      const id = /w:id="([^"]*)"/.exec(m[1])?.[1]
      const author = /w:author="([^"]*)"/.exec(m[1])?.[1]
      if (id !== undefined && author) authors.set(id, author)
    }
  }
  return html.replace(
    /<dt id="comment-([^"]+)">Comment (\[[^\]<]*\])<\/dt>/g,
    (_, id: string, label: string) =>
      `<dt id="comment-${id}">${label}${authors.has(id) ? ` ${escapeXml(decodeXmlAttribute(authors.get(id) as string))}` : ''}</dt>`
  )
}

const decodeXmlAttribute = (s: string): string =>
  s.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] as string
  )

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
