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

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

const run = (text: string): string =>
  `<w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`
const para = (inner: string, pPr = ''): string =>
  `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`
const listItem = (text: string, level: number, numId = 1): string =>
  para(run(text), `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`)

/** A 1×1 PNG, for a picture that only needs to exist. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
  ),
  (c) => c.charCodeAt(0)
)

/**
 * A Word document with what Word writes and readers lose: its main part somewhere else than
 * word/document.xml (named by _rels/.rels), numbered lists ("1.", "a)") that restart, a footnote,
 * an endnote, a comment, tracked changes (an insertion and a deletion) and a picture with alt text.
 * `expectedText` is what an import must read from it.
 */
export async function makeWordFixture(): Promise<{ bytes: Uint8Array; expectedText: string }> {
  const zip = new JSZip()
  const main = 'content/report-body.xml'
  zip.file(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/content/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/content/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/content/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/><Override PartName="/content/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`
  )
  zip.file(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/${main}"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`
  )
  zip.file(
    'content/_rels/report-body.xml.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdN" Type="${REL}/numbering" Target="numbering.xml"/><Relationship Id="rIdF" Type="${REL}/footnotes" Target="footnotes.xml"/><Relationship Id="rIdE" Type="${REL}/endnotes" Target="endnotes.xml"/><Relationship Id="rIdC" Type="${REL}/comments" Target="comments.xml"/><Relationship Id="rIdImg" Type="${REL}/image" Target="media/quay.png"/></Relationships>`
  )
  zip.file('content/media/quay.png', PNG)
  const level = (ilvl: number, fmt: string, text: string): string =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`
  zip.file(
    'content/numbering.xml',
    `${XML_HEAD}<w:numbering ${W_NS}><w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}${level(1, 'lowerLetter', '%2)')}${level(2, 'lowerRoman', '(%3)')}</w:abstractNum><w:abstractNum w:abstractNumId="1">${level(0, 'bullet', '•')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>`
  )
  const notePart = (tag: 'footnote' | 'endnote', id: number, text: string): string =>
    `${XML_HEAD}<w:${tag}s ${W_NS}><w:${tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${tag}><w:${tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${tag}><w:${tag} w:id="${id}">${para(run(text))}</w:${tag}></w:${tag}s>`
  zip.file(
    'content/footnotes.xml',
    notePart('footnote', 1, 'Measured at the old tide gauge in 2023.')
  )
  zip.file('content/endnotes.xml', notePart('endnote', 1, 'Figures from the port authority.'))
  zip.file(
    'content/comments.xml',
    `${XML_HEAD}<w:comments ${W_NS}><w:comment w:id="0" w:author="Mara Quist" w:initials="MQ">${para(run('Check this date with the harbour master.'))}</w:comment></w:comments>`
  )
  const picture = `<w:r><w:drawing><wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1" descr="The new quay at low tide"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="quay.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  const body = [
    para(run('Harbour works report'), '<w:pStyle w:val="Heading1"/>'),
    para(
      `${run('The quay was raised by forty centimetres')}<w:r><w:footnoteReference w:id="1"/></w:r>${run(' over two winters.')}`
    ),
    listItem('Survey the old wall', 0),
    listItem('Order the stone', 1),
    listItem('Check the quarry', 2),
    listItem('Hire the masons', 1),
    listItem('Rebuild the wall', 0),
    listItem('A bullet point', 0, 2),
    listItem('A list that starts again', 0, 3),
    para(
      `${run('The budget was ')}<w:del w:id="10" w:author="Mara Quist"><w:r><w:delText>two</w:delText></w:r></w:del><w:ins w:id="11" w:author="Mara Quist">${run('three')}</w:ins>${run(' million euros.')}`
    ),
    `<w:p><w:pPr><w:rPr><w:del w:id="12" w:author="Mara Quist"/></w:rPr></w:pPr><w:del w:id="13" w:author="Mara Quist"><w:r><w:delText>A deleted paragraph.</w:delText></w:r></w:del></w:p>`,
    para(
      `<w:commentRangeStart w:id="0"/>${run('Work ended on 12 March.')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`
    ),
    para(picture),
    para(`${run('Costs were shared')}<w:r><w:endnoteReference w:id="1"/></w:r>${run('.')}`)
  ].join('')
  zip.file(main, `${XML_HEAD}<w:document ${W_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`)
  zip.file(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Harbour works report</dc:title><dc:creator>Port of Averly</dc:creator></cp:coreProperties>`
  )
  const expectedText = [
    'Harbour works report',
    'The quay was raised by forty centimetres[1] over two winters.',
    '1. Survey the old wall',
    'a) Order the stone',
    '(i) Check the quarry',
    'b) Hire the masons',
    '2. Rebuild the wall',
    'A bullet point',
    '1. A list that starts again',
    'The budget was three million euros.',
    'Work ended on 12 March.[MQ1]',
    '[Image: The new quay at low tide]',
    'Costs were shared[2].',
    '1. Measured at the old tide gauge in 2023.',
    '2. Figures from the port authority.',
    '[MQ1] Mara Quist: Check this date with the harbour master.'
  ].join('\n\n')
  return {
    bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
    expectedText
  }
}

/** One page of a hand-made PDF (see makePdfFixture). */
export interface PdfPageSpec {
  /** Lines in Helvetica (WinAnsi: a soft hyphen is \u00ad); '' starts a new paragraph. */
  lines?: string[]
  /** Lines of right-to-left text (Arabic or Hebrew), drawn as most PDF writers do: glyphs in visual order. */
  rtlLines?: string[]
  /**
   * How the right-to-left glyphs are drawn: the line as one string in visual order (most
   * writers), word by word from the left, or glyph by glyph in reading order from the right.
   */
  rtlDrawing?: 'visual' | 'words' | 'logical-glyphs'
  /** Text annotations (comments) on the page. */
  comments?: { contents: string; author?: string; subtype?: 'Text' | 'FreeText' | 'Highlight' }[]
  /** Form fields on the page. */
  fields?: { name: string; label?: string; value: string; choices?: string[] }[]
  /** The page's content stream is damaged (a corrupt compressed stream). */
  damaged?: boolean
  /** The page's content stream as these Flate-compressed bytes, instead of `lines`. */
  flateContent?: Uint8Array
}

/** Isolated presentation forms, as PDF writers map shaped Arabic glyphs (NFKC gives the letters back). */
const ARABIC_FORMS: Record<string, string> = {
  ا: '\ufe8d',
  ب: '\ufe8f',
  ت: '\ufe95',
  ة: '\ufe93',
  ج: '\ufe9d',
  ح: '\ufea1',
  د: '\ufea9',
  ر: '\ufead',
  س: '\ufeb1',
  ع: '\ufec9',
  ف: '\ufed1',
  ق: '\ufed5',
  ك: '\ufed9',
  ل: '\ufedd',
  م: '\ufee1',
  ن: '\ufee5',
  ه: '\ufee9',
  و: '\ufeed',
  ي: '\ufef1'
}

const pdfString = (s: string): string =>
  `(${Buffer.from(s, 'latin1')
    .toString('latin1')
    .replace(/[\\()]/g, (c) => `\\${c}`)})`
const utf16String = (s: string): string =>
  `<FEFF${[...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`

/**
 * A PDF written by hand, object by object, with what real files have and text extraction loses:
 * form fields with values, comments, right-to-left text in a font mapped to Arabic presentation
 * forms, hyphenated line ends, a damaged page, and junk before the `%PDF-` header.
 */
export function makePdfFixture(pages: PdfPageSpec[], opts: { prefix?: string } = {}): Uint8Array {
  const objects: (string | Buffer)[] = []
  const add = (body: string | Buffer): number => objects.push(body)
  const catalog = add('')
  const pagesObj = add('')
  const helvetica = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'
  )
  // A Type 3 font for right-to-left text: one empty glyph per character, mapped by ToUnicode.
  const rtlChars = [...new Set(pages.flatMap((p) => [...(p.rtlLines ?? []).join('')]))]
  let rtlFont = 0
  const codeOf = new Map(rtlChars.map((c, i) => [c, i + 33]))
  if (rtlChars.length) {
    const glyph = add('<< /Length 9 >>\nstream\n500 0 d0\nendstream')
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /RTL def 1 begincodespacerange <00> <FF> endcodespacerange ${rtlChars.length} beginbfchar ${rtlChars
      .map(
        (c) =>
          `<${(codeOf.get(c) as number).toString(16)}> <${[...(c === ' ' ? ' ' : (ARABIC_FORMS[c] ?? c))].map((u) => u.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`
      )
      .join(' ')} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`
    const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`)
    rtlFont = add(
      `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << ${rtlChars.map((_, i) => `/g${i} ${glyph} 0 R`).join(' ')} >> /Encoding << /Type /Encoding /Differences [33 ${rtlChars.map((_, i) => `/g${i}`).join(' ')}] >> /FirstChar 33 /LastChar ${32 + rtlChars.length} /Widths [${rtlChars.map(() => 500).join(' ')}] /ToUnicode ${toUnicode} 0 R /Resources << >> >>`
    )
  }
  const kids: number[] = []
  const fields: number[] = []
  for (const page of pages) {
    const pageObj = add('')
    kids.push(pageObj)
    let y = 760
    const ops = ['BT', '/F1 12 Tf']
    for (const line of page.lines ?? []) {
      if (line === '') {
        y -= 18
        continue
      }
      ops.push(`1 0 0 1 72 ${y} Tm ${pdfString(line)} Tj`)
      y -= 15
    }
    const hex = (chars: string[]): string =>
      `<${chars.map((c) => (codeOf.get(c) as number).toString(16).padStart(2, '0')).join('')}>`
    for (const line of page.rtlLines ?? []) {
      // Visual order: the last letter of the line is drawn first, at the left.
      const visual = [...line].reverse()
      let x = 540 - visual.length * 6
      ops.push('/F2 12 Tf')
      if (page.rtlDrawing === 'words') {
        for (const word of visual.join('').split(' ')) {
          ops.push(`1 0 0 1 ${x} ${y} Tm ${hex([...word])} Tj`)
          x += (word.length + 1) * 6
        }
      } else if (page.rtlDrawing === 'logical-glyphs') {
        ;[...line].forEach((c, i) => ops.push(`1 0 0 1 ${534 - i * 6} ${y} Tm ${hex([c])} Tj`))
      } else ops.push(`1 0 0 1 ${x} ${y} Tm ${hex(visual)} Tj`)
      ops.push('/F1 12 Tf')
      y -= 15
    }
    ops.push('ET')
    const stream = ops.join('\n')
    const content = page.flateContent
      ? add(
          Buffer.concat([
            Buffer.from(
              `<< /Length ${page.flateContent.byteLength} /Filter /FlateDecode >>\nstream\n`,
              'latin1'
            ),
            page.flateContent,
            Buffer.from('\nendstream', 'latin1')
          ])
        )
      : page.damaged
        ? add(
            Buffer.concat([
              Buffer.from('<< /Length 64 /Filter /FlateDecode >>\nstream\n', 'latin1'),
              Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff)),
              Buffer.from('\nendstream', 'latin1')
            ])
          )
        : add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`)
    const annots: number[] = []
    let ay = 500
    for (const c of page.comments ?? []) {
      const subtype = c.subtype ?? 'Text'
      const extra =
        subtype === 'Highlight'
          ? ` /QuadPoints [72 ${ay + 12} 200 ${ay + 12} 72 ${ay} 200 ${ay}]`
          : subtype === 'FreeText'
            ? ' /DA (/Helv 10 Tf 0 g)'
            : ''
      annots.push(
        add(
          `<< /Type /Annot /Subtype /${subtype} /Rect [72 ${ay} 200 ${ay + 12}] /Contents ${utf16String(c.contents)}${c.author ? ` /T ${utf16String(c.author)}` : ''}${extra} /P ${pageObj} 0 R >>`
        )
      )
      ay -= 20
    }
    for (const f of page.fields ?? []) {
      const kind = f.choices
        ? `/FT /Ch /Ff 131072 /Opt [${f.choices.map(utf16String).join(' ')}]`
        : '/FT /Tx'
      const field = add(
        `<< /Type /Annot /Subtype /Widget ${kind} /T ${pdfString(f.name)}${f.label ? ` /TU ${utf16String(f.label)}` : ''} /V ${utf16String(f.value)} /Rect [300 ${ay} 500 ${ay + 14}] /DA (/Helv 10 Tf 0 g) /F 4 /P ${pageObj} 0 R >>`
      )
      annots.push(field)
      fields.push(field)
      ay -= 20
    }
    objects[pageObj - 1] =
      `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${helvetica} 0 R${rtlFont ? ` /F2 ${rtlFont} 0 R` : ''} >> >> /Contents ${content} 0 R${annots.length ? ` /Annots [${annots.map((a) => `${a} 0 R`).join(' ')}]` : ''} >>`
  }
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
  objects[catalog - 1] =
    `<< /Type /Catalog /Pages ${pagesObj} 0 R${fields.length ? ` /AcroForm << /Fields [${fields.map((f) => `${f} 0 R`).join(' ')}] /DR << /Font << /Helv ${font} 0 R >> >> /DA (/Helv 10 Tf 0 g) >>` : ''} >>`
  objects[pagesObj - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let length = parts[0].length
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(length)
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1')
    ])
    parts.push(chunk)
    length += chunk.length
  })
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`
  xref += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`
  parts.push(Buffer.from(xref, 'latin1'))
  // Junk before the header, as mail gateways and download managers leave: offsets stay those of
  // the PDF itself, as pdf.js (like other readers) expects.
  if (opts.prefix) parts.unshift(Buffer.from(opts.prefix, 'latin1'))
  return new Uint8Array(Buffer.concat(parts))
}
