/**
 * Builders for test documents in binary formats, so that fixtures are made by us, in code, with
 * known content: a minimal but valid PDF (text drawn with a standard font) and a minimal DOCX.
 */
import JSZip from 'jszip'

const pdfEscape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`)

export interface PdfInfo {
  title?: string
  author?: string
  creationDate?: string
}

/** A PDF with one page per entry; each page is a list of lines (an empty line starts a new paragraph). */
export function makePdf(pages: string[][], info: PdfInfo = {}, openAction?: string): Uint8Array {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const catalog = add('') // placeholder, filled below
  const pagesObj = add('')
  const font = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'
  )
  const kids: number[] = []
  for (const lines of pages) {
    let y = 760
    const ops = ['BT', '/F1 12 Tf']
    for (const line of lines) {
      if (line === '') {
        y -= 18
        continue
      }
      ops.push(`1 0 0 1 72 ${y} Tm (${pdfEscape(line)}) Tj`)
      y -= 15
    }
    ops.push('ET')
    const stream = ops.join('\n')
    const content = add(
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`
    )
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`
      )
    )
  }
  objects[catalog - 1] =
    `<< /Type /Catalog /Pages ${pagesObj} 0 R${openAction ? ` /OpenAction ${openAction}` : ''} >>`
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  const infoEntries = [
    info.title && `/Title (${pdfEscape(info.title)})`,
    info.author && `/Author (${pdfEscape(info.author)})`,
    info.creationDate && `/CreationDate (${info.creationDate})`
  ].filter(Boolean)
  const infoObj = infoEntries.length ? add(`<< ${infoEntries.join(' ')} >>`) : 0
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoObj ? ` /Info ${infoObj} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

const xmlEscape = (s: string): string =>
  s.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string
  )

export interface DocxParagraph {
  text: string
  style?: 'Heading1' | 'Heading2' | 'ListParagraph'
}

/** A Word document with the given paragraphs and core properties. */
export async function makeDocx(
  paragraphs: DocxParagraph[],
  props: { title?: string; creator?: string; created?: string } = {}
): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
  )
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
  )
  const body = paragraphs
    .map(
      (p) =>
        `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xmlEscape(p.text)}</w:t></w:r></w:p>`
    )
    .join('')
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
  )
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${props.title ? `<dc:title>${xmlEscape(props.title)}</dc:title>` : ''}${props.creator ? `<dc:creator>${xmlEscape(props.creator)}</dc:creator>` : ''}${props.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${props.created}</dcterms:created>` : ''}</cp:coreProperties>`
  )
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
