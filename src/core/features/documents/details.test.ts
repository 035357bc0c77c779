import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../../test-support/cli'
import { useTempDirs } from '../../../test-support/temp-dir'
import { enc, importText, openTestWorkbench, run } from '../../../test-support/workbench'

const tempDir = useTempDirs()

const PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Harbour closed | Coast Times</title>
<link rel="canonical" href="https://coast.example/news/harbour-closed">
<meta property="og:site_name" content="Coast Times">
</head><body><article><h1>Harbour closed</h1>
<p>The harbour was closed on Monday after a storm damaged the eastern pier, officials said.</p>
<p>Fishing boats were moved to the northern basin until repairs are done.</p></article></body></html>`

describe('document details', () => {
  it('keeps what an import finds: the web address, the language and the encoding', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const out = await wb.importFile({ name: 'harbour.html', data: enc(PAGE) })
    if (out.status !== 'imported') throw new Error('not imported')
    expect(out.document).toMatchObject({
      title: 'Harbour closed',
      source: 'Coast Times',
      url: 'https://coast.example/news/harbour-closed',
      language: 'en-GB',
      encoding: { name: 'utf-8', guessed: false }
    })
    await wb.close()
  })

  it('are edited, saved, searched, exported, undone, and can go back to what was found', async () => {
    const dir = await tempDir()
    let wb = await openTestWorkbench(dir)
    const doc = await importText(wb, 'notes.txt', 'News Summary\n\nThe pier reopened on Friday.')
    const { value, undo } = await wb.updateDocumentDetails(doc.id, {
      title: '  Pier reopens  ',
      author: 'R. Marsh',
      published: '2025-04-04',
      url: 'https://coast.example/pier'
    })
    expect(value).toMatchObject({
      title: 'Pier reopens',
      author: 'R. Marsh',
      published: '2025-04-04',
      url: 'https://coast.example/pier',
      found: { title: doc.title, author: null, published: null, url: null }
    })
    await wb.close()

    // Saved like any change: there after a restart, searched by the new title, in every export.
    wb = await openTestWorkbench(dir)
    const [again] = await wb.listDocuments()
    expect(again.title).toBe('Pier reopens')
    expect((await wb.search('title:pier')).hits.map((h) => h.docId)).toEqual([doc.id])
    expect((await wb.search('after:2025-04-01')).hits.map((h) => h.docId)).toEqual([doc.id])
    const { content } = await wb.exportWorkspace({ format: 'md', docIds: [doc.id] })
    expect(content).toContain(
      '## Pier reopens\n\n- Flags: Summary, No named source\n- Author: R. Marsh\n- Published: 2025-04-04\n- Address: https\\://coast.example/pier'
    )

    // Undo gives back every field as it was, and nothing is marked edited.
    const redo = await run(wb, undo)
    const [undone] = await wb.listDocuments()
    expect([undone.title, undone.author, undone.found]).toEqual([doc.title, null, undefined])
    await run(wb, redo)
    // Putting one detail back to its found value leaves only the others edited.
    const back = await wb.updateDocumentDetails(doc.id, { author: null })
    expect(back.value.found).toEqual({ title: doc.title, published: null, url: null })
    await wb.close()
  })

  it('refuses details that are not what they say, naming the problem, and changes nothing', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(wb, 'a.txt', 'A title\n\nSome text.')
    await expect(wb.updateDocumentDetails(doc.id, { title: '  ' })).rejects.toThrow(
      'A document needs a title.'
    )
    await expect(wb.updateDocumentDetails(doc.id, { title: null })).rejects.toThrow(
      'A document needs a title.'
    )
    await expect(wb.updateDocumentDetails(doc.id, { published: '2025-02-30' })).rejects.toThrow(
      'The publication date "2025-02-30" is not a date as YYYY-MM-DD.'
    )
    await expect(
      wb.updateDocumentDetails(doc.id, { url: 'javascript:alert(1)', author: 'X' })
    ).rejects.toThrow('"javascript:alert(1)" is not a web address')
    await expect(wb.updateDocumentDetails(doc.id, { language: 'english!' })).rejects.toThrow(
      'is not a language tag'
    )
    const [same] = await wb.listDocuments()
    expect([same.title, same.author, same.found]).toEqual(['A title', null, undefined])
    await wb.close()
  })

  it('keeps edited details through a new version of the file', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(
      wb,
      'v1.md',
      '---\ntitle: First draft\nauthor: Desk\n---\nText one.'
    )
    await wb.updateDocumentDetails(doc.id, { title: 'Port statement' })
    await wb.reimportDocument(doc.id, {
      name: 'v2.md',
      data: enc('---\ntitle: Second draft\nauthor: Press office\n---\nText two.')
    })
    const [meta] = await wb.listDocuments()
    expect(meta).toMatchObject({
      title: 'Port statement',
      author: 'Press office',
      found: { title: 'Second draft' }
    })
    await wb.close()
  })
})

describe('workbench set', () => {
  it('changes details from the command line and puts them back with --found', async () => {
    const ws = join(await tempDir(), 'ws')
    const src = await tempDir()
    await writeFile(join(src, 'a.txt'), 'Untitled notes\n\nThe ferry resumed service.')
    expect((await cli('--workspace', ws, 'import', src)).code).toBe(0)
    const [row] = JSON.parse((await cli('--workspace', ws, 'list', '--json')).out)
    const set = await cli(
      '--workspace',
      ws,
      'set',
      row.id,
      '--title',
      'Ferry resumes',
      '--published',
      '2025-05-02',
      '--json'
    )
    expect(set.code).toBe(0)
    expect(JSON.parse(set.out)).toMatchObject({ title: 'Ferry resumes', published: '2025-05-02' })
    const bad = await cli('--workspace', ws, 'set', row.id, '--published', 'May 2')
    expect(bad).toMatchObject({ code: 1 })
    expect(bad.err).toContain('"May 2" is not a date as YYYY-MM-DD')
    const back = await cli('--workspace', ws, 'set', row.id, '--found', 'title')
    expect(back.out).toBe(`${row.id}  ${row.title}  (edited: published)\n`)
  })
})
