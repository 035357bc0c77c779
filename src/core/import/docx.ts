import JSZip from 'jszip'
import mammoth from 'mammoth'
import { Parser } from 'htmlparser2'
import { WorkbenchError } from '../base/errors'
import { htmlToDocument } from './html'
import { metaValue, normalizeDate, type DocumentHints, type ParsedDocument } from './text-blocks'

/** Largest total uncompressed size the archive may declare; more is treated as a zip bomb. */
const MAX_UNCOMPRESSED = 512 * 1024 * 1024
/**
 * Most bytes actually inflated from the parts read (counted as they inflate, whatever the
 * archive's headers say): a zip whose headers lie about sizes is stopped here.
 */
const MAX_INFLATED = 256 * 1024 * 1024

const refuse = (message: string): WorkbenchError => new WorkbenchError('invalid-argument', message)

const OFFICE_DOCUMENT =
  /^https?:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships\/officeDocument$/

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

/** The relationships of the main part (its numbering, styles, notes and comments parts). */
async function mainRelationships(
  parts: BoundedParts,
  main: string
): Promise<{ type: string; target: string }[]> {
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : ''
  const relsName = `${folder ? `${folder}/` : ''}_rels/${main.slice(folder ? folder.length + 1 : 0)}.rels`
  if (!parts.exists(relsName)) return []
  return relationships(new TextDecoder().decode(await parts.read(relsName)), folder)
}

/** The main document part: the target of the package's officeDocument relationship. */
async function mainPart(parts: BoundedParts): Promise<string | null> {
  if (parts.exists('_rels/.rels')) {
    const rels = new TextDecoder().decode(await parts.read('_rels/.rels'))
    for (const rel of relationships(rels, '')) {
      if (OFFICE_DOCUMENT.test(rel.type) && parts.exists(rel.target)) return rel.target
    }
  }
  return parts.exists('word/document.xml') ? 'word/document.xml' : null
}

/** The relationships of a .rels part, with targets resolved against `base` (a folder). */
function relationships(xml: string, base: string): { type: string; target: string }[] {
  const out: { type: string; target: string }[] = []
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name.replace(/^.*:/, '').toLowerCase() !== 'relationship') return
        if (attribs.TargetMode?.toLowerCase() === 'external') return
        const target = attribs.Target ?? ''
        out.push({
          type: attribs.Type ?? '',
          target: resolvePath(target.startsWith('/') ? '' : base, target)
        })
      }
    },
    { xmlMode: true }
  )
  parser.write(xml)
  parser.end()
  return out
}

function resolvePath(base: string, target: string): string {
  const out: string[] = []
  for (const seg of `${base}/${target}`.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(seg)
  }
  return out.join('/')
}

interface Level {
  format: string
  text: string
  start: number
}

/**
 * The main part with each numbered paragraph's number written at its start, as Word shows it
 * ("1.", "a)", "(iii)", "2.1"): mammoth keeps lists, not their numbers. Bullets get none (the list
 * item says enough). Null when the document has no numbering.
 */
async function numberLists(parts: BoundedParts, main: string): Promise<string | null> {
  const folder = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : ''
  let numberingName = `${folder || 'word'}/numbering.xml`
  let stylesName = `${folder || 'word'}/styles.xml`
  for (const rel of await mainRelationships(parts, main)) {
    if (rel.type.endsWith('/numbering')) numberingName = rel.target
    if (rel.type.endsWith('/styles')) stylesName = rel.target
  }
  if (!parts.exists(numberingName)) return null
  const numbering = new TextDecoder().decode(await parts.read(numberingName))
  const abstracts = new Map<string, Map<number, Level>>()
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>()
  for (const m of numbering.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g
  )) {
    const levels = new Map<number, Level>()
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const val = (tag: string): string | undefined =>
        new RegExp(`<w:${tag}\\b[^>]*w:val="([^"]*)"`).exec(l[2])?.[1]
      levels.set(Number(l[1]), {
        format: val('numFmt') ?? 'decimal',
        text: val('lvlText') ?? '',
        start: Number(val('start') ?? 1)
      })
    }
    abstracts.set(m[1], levels)
  }
  for (const m of numbering.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = /<w:abstractNumId\b[^>]*w:val="([^"]+)"/.exec(m[2])?.[1]
    if (abstract === undefined) continue
    const starts = new Map<number, number>()
    for (const o of m[2].matchAll(
      /<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g
    )) {
      const start = /<w:startOverride\b[^>]*w:val="(\d+)"/.exec(o[2])?.[1]
      if (start !== undefined) starts.set(Number(o[1]), Number(start))
    }
    nums.set(m[1], { abstract, starts })
  }
  if (nums.size === 0) return null

  // Paragraph styles that carry numbering (numbered headings).
  const styleNumbering = new Map<string, { numId: string; level: number }>()
  if (parts.exists(stylesName)) {
    const styles = new TextDecoder().decode(await parts.read(stylesName))
    for (const s of styles.matchAll(
      /<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g
    )) {
      const numId = /<w:numId\b[^>]*w:val="([^"]+)"/.exec(s[2])?.[1]
      if (numId === undefined) continue
      const level = Number(/<w:ilvl\b[^>]*w:val="(\d+)"/.exec(s[2])?.[1] ?? 0)
      styleNumbering.set(s[1], { numId, level })
    }
  }

  const counters = new Map<string, number[]>()
  const restarted = new Set<string>()
  const xml = new TextDecoder().decode(await parts.read(main))
  let changed = false
  const out = xml.replace(
    /<w:p((?:\s[^>]*?)?)(?<!\/)>([\s\S]*?)<\/w:p>/g,
    (whole, attrs: string, inner: string) => {
      const pPr = /^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)
      const props = pPr?.[1] ?? ''
      let numId = /<w:numId\b[^>]*w:val="([^"]+)"/.exec(props)?.[1]
      let level = Number(/<w:ilvl\b[^>]*w:val="(\d+)"/.exec(props)?.[1] ?? 0)
      if (numId === undefined) {
        const style = /<w:pStyle\b[^>]*w:val="([^"]+)"/.exec(props)?.[1]
        const fromStyle = style ? styleNumbering.get(style) : undefined
        if (!fromStyle) return whole
        numId = fromStyle.numId
        level = fromStyle.level
      }
      // A deleted paragraph (tracked change) is not counted.
      if (/<w:rPr>[\s\S]*?<w:del\b/.test(props)) return whole
      const num = nums.get(numId)
      const levels = num && abstracts.get(num.abstract)
      if (!num || !levels || numId === '0') return whole
      const counter = counters.get(num.abstract) ?? []
      counters.set(num.abstract, counter)
      if (!restarted.has(numId)) {
        restarted.add(numId)
        for (const [l, start] of num.starts) counter[l] = start - 1
      }
      const lvl = levels.get(level)
      counter[level] = (counter[level] ?? (lvl?.start ?? 1) - 1) + 1
      counter.length = level + 1
      if (!lvl || lvl.format === 'bullet' || lvl.format === 'none') return whole
      const label = lvl.text.replace(/%(\d)/g, (_, d: string) => {
        const l = Number(d) - 1
        const value = counter[l] ?? levels.get(l)?.start ?? 1
        return formatNumber(value, levels.get(l)?.format ?? 'decimal')
      })
      if (!label.trim()) return whole
      changed = true
      const runXml = `<w:r><w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>`
      const at = pPr ? pPr.index + pPr[0].length : 0
      return `<w:p${attrs}>${inner.slice(0, at)}${runXml}${inner.slice(at)}</w:p>`
    }
  )
  return changed ? out : null
}

const escapeXml = (s: string): string =>
  s.replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n)
    case 'upperLetter':
      return letters(n).toUpperCase()
    case 'lowerRoman':
      return roman(n).toLowerCase()
    case 'upperRoman':
      return roman(n)
    case 'decimalZero':
      return String(n).padStart(2, '0')
    default:
      return String(n)
  }
}

/** a, b, … z, aa, bb, … as Word counts. */
function letters(n: number): string {
  if (n < 1) return String(n)
  const letter = String.fromCharCode(97 + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n)
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I']
  ]
  let out = ''
  for (const [v, s] of table)
    while (n >= v) {
      out += s
      n -= v
    }
  return out
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
