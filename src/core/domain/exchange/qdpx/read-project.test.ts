import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { qdaSchemaErrors } from '../../../../test-support/xsd'
import type { QdaProject } from './project'
import { readQdpx } from './read-qdpx'

/**
 * Projects written by hand from the QDA-XML 1.0 standard, each imitating a habit of another tool.
 * Every one but the deliberately broken is checked against the schema first.
 */
const NS = 'xmlns="urn:QDA-XML:project:1.0"'
const G = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

async function qdpx(
  xml: string | Uint8Array,
  files: Record<string, string | Uint8Array> = {}
): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file('project.qde', xml)
  for (const [name, content] of Object.entries(files)) zip.file(name, content)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

async function read(
  bytes: Uint8Array
): Promise<{ project: QdaProject; skipped: string[]; endOffsets: string }> {
  const r = await readQdpx(bytes)
  if ('error' in r) throw new Error(r.error)
  return r
}

const quotes = (p: QdaProject): string[] =>
  p.highlights.map((h) => p.documents.find((d) => d.id === h.docId)!.text.slice(h.start, h.end))

describe('reading QDA-XML projects from other tools', () => {
  it('reads inclusive end offsets, told by the selections that quote their text', async () => {
    const text = 'Ransomware 🚢 hit 𠀀 the port on Monday.'
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Project ${NS} name="Inclusive" origin="a tool that counts the last character">
  <CodeBook><Codes><Code guid="${G(1)}" name="Attack" isCodable="true" color="#F00"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(2)}" name="Port report" plainTextPath="internal://${G(2)}.txt">
      <PlainTextSelection guid="${G(3)}" name="Ransomware 🚢" startPosition="0" endPosition="11">
        <Coding guid="${G(4)}"><CodeRef targetGUID="${G(1)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${G(5)}" name="𠀀 the port" startPosition="17" endPosition="26"/>
      <PlainTextSelection guid="${G(6)}" startPosition="31" endPosition="36"/>
    </TextSource>
  </Sources>
</Project>`
    expect(await qdaSchemaErrors(xml)).toEqual([])
    const { project, skipped, endOffsets } = await read(
      await qdpx(xml, { [`sources/${G(2)}.txt`]: text })
    )
    expect(skipped).toEqual([])
    expect(endOffsets).toBe('inclusive')
    expect(quotes(project)).toEqual(['Ransomware 🚢', '𠀀 the port', 'Monday'])
    expect(project.highlights[0].tags).toEqual([G(1)])
    expect(project.codes[0]).toMatchObject({ name: 'Attack', color: '#ff0000', parent: null })
  })

  it('reads inline text, nested codes with descriptions, selection notes and project notes', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project ${NS} name="Inline" creationDateTime="2024-05-01T10:00:00Z">
  <Users><User guid="${G(90)}" name="Ana"/></Users>
  <CodeBook><Codes>
    <Code guid="{${G(1).toUpperCase()}}" name="Actors" isCodable="false" color="#2563EB">
      <Description>Who acted</Description>
      <Code guid="${G(2)}" name="State" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(3)}" name="Statement &amp; reply" creatingUser="${G(90)}">
      <PlainTextContent>The ministry blamed a foreign state.&#13;
It gave no evidence.</PlainTextContent>
      <PlainTextSelection guid="${G(4)}" name="a foreign state" startPosition="20" endPosition="35" creatingUser="${G(90)}" creationDateTime="2024-05-01T10:05:00Z">
        <Coding guid="${G(5)}"><CodeRef targetGUID="${G(2)}"/></Coding>
        <Coding guid="${G(6)}"><CodeRef targetGUID="{${G(1)}}"/></Coding>
        <NoteRef targetGUID="${G(7)}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="${G(8)}" name="no evidence" startPosition="46" endPosition="57"/>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${G(7)}" name="on the claim"><PlainTextContent>Attribution without proof.</PlainTextContent></Note>
    <Note guid="${G(9)}" name="Project memo" creationDateTime="2024-05-02T08:00:00Z"><PlainTextContent>Compare with the wire.</PlainTextContent></Note>
  </Notes>
  <NoteRef targetGUID="${G(9)}"/>
</Project>`
    expect(await qdaSchemaErrors(xml)).toEqual([])
    const { project, skipped } = await read(await qdpx(xml))
    expect(skipped).toEqual([])
    expect(project.documents[0]).toMatchObject({
      title: 'Statement & reply',
      text: 'The ministry blamed a foreign state.\nIt gave no evidence.',
      userId: G(90)
    })
    expect(quotes(project)).toEqual(['a foreign state', 'no evidence'])
    expect(project.codes.map((c) => [c.name, c.parent, c.description])).toEqual([
      ['Actors', null, 'Who acted'],
      ['State', G(1), '']
    ])
    expect(project.highlights[0]).toMatchObject({
      tags: [G(2), G(1)],
      note: 'Attribution without proof.',
      created: '2024-05-01T10:05:00Z',
      userId: G(90)
    })
    expect(project.memos).toEqual([
      {
        id: G(9),
        title: 'Project memo',
        text: 'Compare with the wire.',
        docIds: [],
        tagIds: [],
        created: '2024-05-02T08:00:00Z',
        modified: '2024-05-02T08:00:00Z'
      }
    ])
    expect(project.users).toEqual([{ id: G(90), name: 'Ana' }])
  })

  it('reads a PDF source through its text representation, and reports its area selections', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project ${NS} name="PDF">
  <CodeBook><Codes><Code guid="${G(1)}" name="Impact" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <PDFSource guid="${G(2)}" name="Advisory.pdf" path="internal://${G(2)}.pdf">
      <PDFSelection guid="${G(3)}" page="1" firstX="10" firstY="10" secondX="200" secondY="40">
        <Coding guid="${G(4)}"><CodeRef targetGUID="${G(1)}"/></Coding>
      </PDFSelection>
      <Representation guid="${G(5)}" name="Advisory.txt" plainTextPath="internal://${G(5)}.txt">
        <PlainTextSelection guid="${G(6)}" name="cranes" startPosition="4" endPosition="10">
          <Coding guid="${G(7)}"><CodeRef targetGUID="${G(1)}"/></Coding>
        </PlainTextSelection>
      </Representation>
    </PDFSource>
    <PictureSource guid="${G(8)}" name="Photo" path="internal://photo.jpg"/>
  </Sources>
</Project>`
    expect(await qdaSchemaErrors(xml)).toEqual([])
    const bytes = await qdpx(xml, {
      [`sources/${G(2)}.pdf`]: new Uint8Array([37, 80, 68, 70]),
      [`sources/${G(5)}.txt`]: 'The cranes stopped.'
    })
    const { project, skipped } = await read(bytes)
    expect(project.documents.map((d) => [d.title, d.text])).toEqual([
      ['Advisory.pdf', 'The cranes stopped.']
    ])
    expect(quotes(project)).toEqual(['cranes'])
    expect(skipped).toEqual([
      '1 area selection(s) on the PDF “Advisory.pdf” were skipped: only selections of its text can be imported.',
      'The source “Photo” was skipped: it is picture, not text.'
    ])
  })

  it('reads a project with byte order marks, CR LF line ends and no optional parts', async () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<Project ${NS} name="Bare"><Sources><TextSource guid="${G(1)}" plainTextPath="internal://doc%201.txt"><PlainTextSelection guid="${G(2)}" startPosition="8" endPosition="16"/></TextSource></Sources></Project>`
    expect(await qdaSchemaErrors(xml.slice(1))).toEqual([])
    const text = '\uFEFFLine 1\r\nLine 2 é\r\nLine 3'
    const { project, skipped } = await read(
      await qdpx(new TextEncoder().encode(xml), { 'sources/doc 1.txt': text })
    )
    expect(skipped).toEqual([])
    expect(project.documents[0]).toMatchObject({
      title: 'Untitled source',
      text: 'Line 1\nLine 2 é\nLine 3',
      note: '',
      details: {}
    })
    expect(quotes(project)).toEqual(['Line 2 é'])
    expect(project.codes).toEqual([])
  })

  it('reads a UTF-16 project.qde', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?><Project ${NS} name="Wide"><Sources><TextSource guid="${G(1)}" name="W"><PlainTextContent>wide 𠀀 text</PlainTextContent><PlainTextSelection guid="${G(2)}" name="text" startPosition="7" endPosition="11"/></TextSource></Sources></Project>`
    const utf16 = new Uint8Array(2 + xml.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff
      utf16[3 + i * 2] = xml.charCodeAt(i) >> 8
    }
    const { project } = await read(await qdpx(utf16))
    expect(quotes(project)).toEqual(['text'])
  })

  it('skips and reports each bad selection, source and coding, and imports the rest', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project ${NS} name="Bad parts">
  <Sources>
    <TextSource guid="${G(1)}" name="Good"><PlainTextContent>Ten chars!</PlainTextContent>
      <PlainTextSelection guid="${G(2)}" startPosition="8" endPosition="3"/>
      <PlainTextSelection guid="${G(3)}" startPosition="2" endPosition="99"/>
      <PlainTextSelection guid="${G(4)}" startPosition="x" endPosition="4"/>
      <PlainTextSelection guid="${G(5)}" startPosition="0" endPosition="3"><Coding guid="${G(6)}"><CodeRef targetGUID="${G(77)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(5)}" startPosition="0" endPosition="3"/>
    </TextSource>
    <TextSource guid="${G(7)}" name="Missing file" plainTextPath="internal://gone.txt"/>
    <TextSource guid="${G(8)}" name="Outside" plainTextPath="internal://../../etc/passwd"/>
    <TextSource guid="${G(9)}" name="Elsewhere" plainTextPath="C:\\Users\\a\\doc.txt"/>
    <TextSource name="No guid"><PlainTextContent>x</PlainTextContent></TextSource>
  </Sources>
  <NoteRef targetGUID="${G(55)}"/>
</Project>`
    const { project, skipped } = await read(await qdpx(xml))
    expect(quotes(project)).toEqual(['Ten'])
    expect(skipped).toEqual([
      'The source “Missing file” was skipped: its text file “sources/gone.txt” is not in the archive.',
      'The source “Outside” was skipped: its text path “internal://../../etc/passwd” climbs out of the archive with "..".',
      'The source “Elsewhere” was skipped: its text is at “C:\\Users\\a\\doc.txt”, outside the project archive.',
      'The source “No guid” was skipped: it has no GUID.',
      'A selection in “Good” was skipped: its positions 8–3 do not lie within the text (10 characters).',
      'A selection in “Good” was skipped: its positions 2–99 do not lie within the text (10 characters).',
      'A selection in “Good” was skipped: its start or end position is missing or not a whole number.',
      'A code on a selection in “Good” was skipped: it is not in the codebook.',
      'A selection in “Good” was skipped: its GUID is used by another selection.',
      'A reference to a note that is not in the project was skipped.'
    ])
  })

  it('refuses what is not a project, in one sentence', async () => {
    const cases: [Uint8Array, string][] = [
      [await qdpx('<Project name="x"><Sources>'), 'project.qde is not well-formed XML'],
      [
        await qdpx('<Codebook/>'),
        'project.qde is not a QDA-XML project: its root element is <Codebook>, not <Project>.'
      ],
      [
        await qdpx('<!DOCTYPE p [<!ENTITY a "aaaa">]><Project name="&a;"/>'),
        'project.qde declares entities, which a QDA-XML project never needs; it was not read.'
      ],
      [
        new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]),
        'The project archive is not a zip archive, or it is damaged.'
      ]
    ]
    const zip = new JSZip()
    zip.file('notes.txt', 'hi')
    cases.push([
      await zip.generateAsync({ type: 'uint8array' }),
      'The project archive has no project.qde: it is not a QDA-XML project.'
    ])
    for (const [bytes, message] of cases) {
      const r = await readQdpx(bytes)
      expect('error' in r && r.error).toContain(message)
    }
  })
})
