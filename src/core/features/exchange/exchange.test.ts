import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { PORT_TEXT } from '../../../test-support/qda-sample'
import { useTempDirs } from '../../../test-support/temp-dir'
import { enc, importText, openTestWorkbench } from '../../../test-support/workbench'
import { qdaSchemaErrors } from '../../../test-support/xsd'
import { readQdpx } from '../../domain/exchange/qdpx/read-qdpx'
import type { Workbench } from '../../workbench'

const tempDir = useTempDirs()
const NS = 'xmlns="urn:QDA-XML:project:1.0"'
const G = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

async function zip(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const z = new JSZip()
  for (const [name, content] of Object.entries(files)) z.file(name, content)
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** A workspace with a text holding astral characters, a small codebook, highlights, notes and a memo. */
async function sampleWorkspace(wb: Workbench) {
  const doc = await importText(wb, 'port.txt', PORT_TEXT)
  const { text } = await wb.getDocument(doc.id)
  const actors = (await wb.createTag({ path: 'Actors', description: 'Who did what' })).value
  const group = (await wb.createTag({ path: 'Actors/𠀀𠀁 Group' })).value
  const impact = (await wb.createTag({ path: 'Impact' })).value
  const at = (q: string) => ({ start: text.indexOf(q), end: text.indexOf(q) + q.length })
  await wb.createAnnotation({
    docId: doc.id,
    ...at('cranes 🚢 after'),
    tags: [impact.id],
    note: 'Cranes stopped 🚢.'
  })
  await wb.createAnnotation({ docId: doc.id, ...at('𠀀𠀁 Group'), tags: [group.id, actors.id] })
  await wb.setDocumentNote(doc.id, 'Check the crane log.')
  await wb.createMemo({
    title: 'Timeline',
    text: 'Day 1: attack.',
    docIds: [doc.id],
    tagIds: [impact.id]
  })
  return { doc, text }
}

/** What a person sees of a workspace, without its ids: documents, codebook paths, highlights, notes, memos. */
async function view(wb: Workbench) {
  const tags = await wb.listTags()
  const path = (id: string) => tags.find((t) => t.id === id)?.path
  const docs = await wb.listDocuments()
  const out = []
  for (const d of docs.sort((a, b) => a.textSha256.localeCompare(b.textSha256))) {
    const { text } = await wb.getDocument(d.id)
    out.push({
      title: d.title,
      text,
      note: await wb.getDocumentNote(d.id),
      highlights: (await wb.listAnnotations(d.id)).map((a) => ({
        start: a.position.start,
        end: a.position.end,
        quote: a.quote.exact,
        tags: a.tags.map(path).sort(),
        note: a.note,
        color: a.color
      }))
    })
  }
  const memos = (await wb.listMemos()).map((m) => ({
    title: m.title,
    text: m.text,
    docs: m.docIds.length,
    tags: m.tagIds.map(path)
  }))
  return {
    docs: out,
    codebook: tags.map((t) => [t.path, t.color, t.description]).sort(),
    memos
  }
}

describe('REFI-QDA projects out and in', () => {
  it('exports a project that the QDA-XML schema accepts', async () => {
    const wb = await openTestWorkbench(await tempDir())
    try {
      await sampleWorkspace(wb)
      const out = await wb.exportQdpx()
      expect(out).toMatchObject({ documents: 1, highlights: 2, codes: 3, memos: 1, skipped: [] })
      expect(out.filename).toMatch(/\.qdpx$/)
      const z = await JSZip.loadAsync(out.data)
      const xml = await z.file('project.qde')!.async('string')
      expect(await qdaSchemaErrors(xml)).toEqual([])
      expect(xml).toContain('PlainTextSelection')
    } finally {
      await wb.close()
    }
  })

  it('writes the source a document is assigned to, and its grades, as document variables', async () => {
    const wb = await openTestWorkbench(await tempDir())
    try {
      const { doc } = await sampleWorkspace(wb)
      const given = await wb.setDocumentSource(doc.id, 'Harbour Authority')
      await wb.gradeSource(given.value.source!.id, 'B', 'Right on port news before.')
      await wb.gradeDocument(doc.id, { credibility: 2 }, 'Matches the notice.')
      const read = await readQdpx((await wb.exportQdpx()).data)
      if ('error' in read) throw new Error(read.error)
      expect(read.project.documents[0].details).toMatchObject({
        source: 'Harbour Authority',
        reliability: 'B',
        credibility: 2
      })
    } finally {
      await wb.close()
    }
  })

  it('round trip: our export imported into a new workspace gives back the same documents, codebook, highlights, tags and notes', async () => {
    const a = await openTestWorkbench(await tempDir())
    const b = await openTestWorkbench(await tempDir())
    try {
      await sampleWorkspace(a)
      const out = await a.exportQdpx()
      const report = await b.importProject({ name: 'case.qdpx', data: out.data })
      expect(report).toMatchObject({ documents: 1, codes: 3, selections: 2, memos: 1, skipped: [] })
      expect(await view(b)).toEqual(await view(a))
      // Astral characters: the positions are UTF-16 offsets again.
      const [doc] = await b.listDocuments()
      const quotes = (await b.listAnnotations(doc.id)).map((x) => x.quote.exact)
      expect(quotes).toEqual(['cranes 🚢 after', '𠀀𠀁 Group'])
      // Importing it again matches everything and adds nothing.
      const again = await b.importProject({ name: 'case.qdpx', data: out.data })
      expect(again).toMatchObject({ documents: 0, matchedDocuments: 1, codes: 0, memos: 0 })
      expect(await view(b)).toEqual(await view(a))
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('imports projects of other tools: inclusive ends, inline text, a PDF through its text, into a workspace with work in it', async () => {
    const wb = await openTestWorkbench(await tempDir())
    try {
      await wb.createTag({ path: 'Attack' })
      const inclusive = `<?xml version="1.0" encoding="UTF-8"?>
<Project ${NS} name="Inclusive">
  <CodeBook><Codes><Code guid="${G(1)}" name="Attack" isCodable="true" color="#F00"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(2)}" name="Port report" plainTextPath="internal://${G(2)}.txt">
      <PlainTextSelection guid="${G(3)}" name="Ransomware 🚢" startPosition="0" endPosition="11">
        <Coding guid="${G(4)}"><CodeRef targetGUID="${G(1)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${G(5)}" name="𠀀 the port" startPosition="17" endPosition="26"/>
      <PlainTextSelection guid="${G(6)}" startPosition="500" endPosition="900"/>
    </TextSource>
    <TextSource guid="${G(7)}" name="Statement">
      <PlainTextContent>The ministry blamed a foreign state.</PlainTextContent>
      <PlainTextSelection guid="${G(8)}" name="a foreign state" startPosition="20" endPosition="35">
        <NoteRef targetGUID="${G(9)}"/>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="${G(10)}" name="Advisory.pdf" path="internal://${G(10)}.pdf">
      <Representation guid="${G(11)}" name="Advisory.txt" plainTextPath="internal://${G(11)}.txt">
        <PlainTextSelection guid="${G(12)}" name="cranes" startPosition="4" endPosition="9">
          <Coding guid="${G(13)}"><CodeRef targetGUID="${G(1)}"/></Coding>
        </PlainTextSelection>
      </Representation>
    </PDFSource>
  </Sources>
  <Notes><Note guid="${G(9)}" name="on the claim"><PlainTextContent>Attribution without proof.</PlainTextContent></Note></Notes>
</Project>`
      const data = await zip({
        'project.qde': inclusive,
        [`sources/${G(2)}.txt`]: 'Ransomware 🚢 hit 𠀀 the port on Monday.',
        [`sources/${G(10)}.pdf`]: new Uint8Array([37, 80, 68, 70]),
        [`sources/${G(11)}.txt`]: 'The cranes stopped.'
      })
      const report = await wb.importProject({ name: 'other.qdpx', data })
      expect(report).toMatchObject({
        documents: 3,
        codes: 0,
        selections: 4,
        endOffsets: 'inclusive'
      })
      expect(report.skipped).toHaveLength(1)
      expect(report.skipped[0]).toMatch(/Port report/)
      const v = await view(wb)
      const quotes = v.docs.flatMap((d) => d.highlights.map((h) => [h.quote, h.tags, h.note]))
      expect(quotes).toEqual(
        expect.arrayContaining([
          ['Ransomware 🚢', ['Attack'], ''],
          ['𠀀 the port', [], ''],
          ['a foreign state', [], 'Attribution without proof.'],
          ['cranes', ['Attack'], '']
        ])
      )
      // The code was matched by its path: one "Attack" tag.
      expect(v.codebook.map((c) => c[0])).toEqual(['Attack'])
    } finally {
      await wb.close()
    }
  })

  it('refuses a hostile project in one sentence naming the file, and writes nothing', async () => {
    const wb = await openTestWorkbench(await tempDir())
    try {
      await sampleWorkspace(wb)
      const before = await view(wb)
      const climbing = await zip({ 'project.qde': '<Project/>', '../../evil.txt': 'x' })
      await expect(wb.importProject({ name: 'evil.qdpx', data: climbing })).rejects.toThrow(
        /^evil\.qdpx was not imported: /
      )
      await expect(
        wb.importProject({ name: 'junk.qdpx', data: enc('PK\u0003\u0004 not a zip') })
      ).rejects.toThrow(/^junk\.qdpx was not imported/)
      expect(await view(wb)).toEqual(before)
    } finally {
      await wb.close()
    }
  })
})
