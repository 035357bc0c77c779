import { mkdir, open as openFile, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeDocx, makePdf } from '../test-support/documents'
import { useTempDirs } from '../test-support/temp-dir'
import { sourceWorker } from '../test-support/worker'
import { createWorkbench, type WorkbenchOptions } from './workbench'

const tempDir = useTempDirs()
const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const open = (
  dir: string,
  extra: Partial<WorkbenchOptions> = {}
): ReturnType<typeof createWorkbench> =>
  createWorkbench(dir, {
    parserWorker: sourceWorker,
    now: () => new Date('2025-03-06T09:00:00Z'),
    ...extra
  })

const ARTICLE_HTML = `<html><head><title>Cranes idle at Port Averly</title><meta name="author" content="Mara Quist">
<meta property="og:site_name" content="The Averly Ledger"><meta name="date" content="2025-03-04"></head>
<body><h1>Cranes idle at Port Averly</h1><p>Container traffic stopped on Tuesday.</p><script>steal()</script></body></html>`

describe('importing documents', () => {
  it('imports every supported format with text, structure and metadata', async () => {
    const wb = await open(await tempDir())
    const files: [string, Uint8Array][] = [
      [
        'wire.txt',
        enc(
          'Port Averly halts operations\nA cyberattack stopped the cranes on Tuesday.\nShips are waiting offshore.'
        )
      ],
      [
        'statement.md',
        enc(
          '---\ntitle: Port Authority statement\nauthor: Port Authority\ndate: 2025-03-05\n---\n# Statement\n\nOperations resume **Thursday**.'
        )
      ],
      ['ledger.html', enc(ARTICLE_HTML)],
      [
        'report.pdf',
        makePdf([['Incident summary', '', 'Systems were isolated at 06:10.']], {
          title: 'Incident report',
          author: 'CERT Averly',
          creationDate: 'D:20250307000000Z'
        })
      ],
      [
        'briefing.docx',
        await makeDocx(
          [{ text: 'Briefing', style: 'Heading1' }, { text: 'Ransom demand unconfirmed.' }],
          {
            title: 'Ministry briefing',
            creator: 'Ministry of Transport',
            created: '2025-03-08T10:00:00Z'
          }
        )
      ]
    ]
    const outcomes = []
    for (const [name, data] of files) outcomes.push(await wb.importFile({ name, data }))
    expect(outcomes.map((o) => o.status)).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'imported'
    ])
    const docs = await wb.listDocuments()
    expect(
      docs.map((d) => [d.format, d.title, d.author, d.published, d.source, d.importOrder])
    ).toEqual([
      ['txt', 'Port Averly halts operations', null, null, null, 1],
      ['md', 'Port Authority statement', 'Port Authority', '2025-03-05', null, 2],
      ['html', 'Cranes idle at Port Averly', 'Mara Quist', '2025-03-04', 'The Averly Ledger', 3],
      ['pdf', 'Incident report', 'CERT Averly', '2025-03-07', null, 4],
      ['docx', 'Ministry briefing', 'Ministry of Transport', '2025-03-08', null, 5]
    ])
    const html = await wb.getDocument(docs[2].id)
    expect(html.text).toBe('Cranes idle at Port Averly\n\nContainer traffic stopped on Tuesday.')
    expect(html.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph'])
    expect((await wb.getDocument(docs[3].id)).text).toBe(
      'Incident summary\n\nSystems were isolated at 06:10.'
    )
    expect(docs[0]).toMatchObject({
      words: 15,
      originalName: 'wire.txt',
      importedAt: '2025-03-06T09:00:00.000Z'
    })
    await wb.close()
  })

  it('stores the text, its structure and the original file in a pack, in the layout of DESIGN.md', async () => {
    const dir = await tempDir()
    const wb = await open(dir)
    const outcome = await wb.importFile({ name: 'wire.txt', data: enc('Ships wait offshore.') })
    if (outcome.status !== 'imported') throw new Error('expected an import')
    const { sha256, stored } = outcome.document
    expect((await readdir(dir)).sort()).toEqual([
      'annotations',
      'backups',
      'index',
      'texts',
      'workspace.journal',
      'workspace.journal.copy',
      'workspace.json',
      'workspace.lock',
      'workspace.lock-owner.json'
    ])
    expect(stored).toMatchObject({ pack: 'pack-000001.awp', text: 20, original: 20 })
    const pack = await readFile(join(dir, 'texts', 'pack-000001.awp'))
    expect(pack.toString('utf8', stored?.at, (stored?.at ?? 0) + 20)).toBe('Ships wait offshore.')
    expect(new TextDecoder().decode(await wb.getOriginal(outcome.document.id))).toBe(
      'Ships wait offshore.'
    )
    // New documents are appended to the journal; closing folds it into the catalog.
    expect(await readFile(join(dir, 'workspace.journal'), 'utf8')).toContain(sha256)
    await wb.close()
    const catalog = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))
    expect(catalog).toMatchObject({
      schemaVersion: 1,
      documents: [{ id: outcome.document.id, sha256, stored }]
    })
    expect(await readdir(dir)).not.toContain('workspace.journal')
  })

  it('reports the same content imported again as a duplicate and stores nothing new', async () => {
    const dir = await tempDir()
    const wb = await open(dir)
    const first = await wb.importFile({ name: 'a.txt', data: enc('Same words.') })
    const catalog = (): Promise<string[]> =>
      Promise.all(
        ['workspace.json', 'workspace.journal'].map((f) => readFile(join(dir, f), 'utf8'))
      )
    const before = await catalog()
    const packSize = (await stat(join(dir, 'texts', 'pack-000001.awp'))).size
    const again = await wb.importFile({ name: 'copy-of-a.txt', data: enc('Same words.') })
    expect(first.status).toBe('imported')
    expect(again).toMatchObject({
      status: 'duplicate',
      name: 'copy-of-a.txt',
      title: 'Same words'
    })
    expect(await catalog()).toEqual(before)
    expect((await stat(join(dir, 'texts', 'pack-000001.awp'))).size).toBe(packSize)
    await wb.close()
  })

  it.each([
    [
      'an unsupported type',
      'photo.jpg',
      enc('xx'),
      /^\.jpg files are not supported \(supported: .txt/
    ],
    ['an empty file', 'empty.txt', new Uint8Array(), /^the file is empty$/],
    [
      'binary data named .txt',
      'random.txt',
      new Uint8Array([1, 2, 0, 4, 5, 0, 7]),
      /^this is not a text file/
    ],
    [
      'an executable named .pdf',
      'invoice.pdf',
      new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
      /^this is not a PDF file/
    ],
    [
      'a damaged .docx',
      'memo.docx',
      enc('PK\u0003\u0004 not really a zip'),
      /^the \.docx archive is damaged/
    ],
    [
      'a PDF without text',
      'scan.pdf',
      makePdf([[]]),
      /no text layer \(a scanned PDF needs OCR first\)/
    ]
  ])('refuses %s with a reason', async (_, name, data, reason) => {
    const dir = await tempDir()
    const wb = await open(dir)
    const outcome = await wb.importFile({ name, data })
    expect(outcome).toMatchObject({ status: 'failed', name, error: expect.stringMatching(reason) })
    expect(await wb.listDocuments()).toEqual([])
    expect(await readdir(join(dir, 'texts'))).toEqual([])
    await wb.close()
  })

  it('enforces the file size and text length limits, naming the limit', async () => {
    const wb = await open(await tempDir(), { limits: { maxFileBytes: 1024, maxTextChars: 50 } })
    expect(await wb.importFile({ name: 'big.txt', data: enc('x '.repeat(1000)) })).toMatchObject({
      status: 'failed',
      error: 'the file is 2 KB, over the 1 KB limit for one file'
    })
    expect(await wb.importFile({ name: 'long.txt', data: enc('word '.repeat(20)) })).toMatchObject({
      status: 'failed',
      error: 'its text is 99 characters long, over the limit of 50'
    })
    await wb.close()
  })

  it('imports a folder recursively, never stopping at a bad file', async () => {
    const src = await tempDir()
    await mkdir(join(src, 'sub', 'deeper'), { recursive: true })
    await writeFile(join(src, 'a.txt'), 'First report.')
    await writeFile(join(src, 'sub', 'b.md'), '# Second report')
    await writeFile(join(src, 'sub', 'deeper', 'c.html'), '<p>Third report</p>')
    await writeFile(join(src, 'sub', 'broken.pdf'), 'not a pdf')
    await writeFile(join(src, 'sub', 'photo.jpg'), 'ignored in folders')
    await writeFile(join(src, '.hidden.txt'), 'ignored')
    await writeFile(join(src, 'dup.txt'), 'First report.')
    const wb = await open(await tempDir())
    const report = await wb.importPaths([src, join(src, 'missing.txt')])
    expect(report.imported.map((d) => d.title).sort()).toEqual([
      'First report',
      'Second report',
      'Third report'
    ])
    expect(report.duplicates).toEqual([
      {
        id: report.imported.find((d) => d.title === 'First report')?.id,
        path: join(src, 'dup.txt')
      }
    ])
    expect(report.failed).toEqual([
      { path: join(src, 'missing.txt'), error: 'no such file or folder' },
      {
        path: join(src, 'sub', 'broken.pdf'),
        error: 'this is not a PDF file (it does not start with %PDF-)'
      }
    ])
    await wb.close()
  })
})

describe('the workspace', () => {
  it('keeps documents across restarts', async () => {
    const dir = await tempDir()
    const wb = await open(dir)
    await wb.importFile({ name: 'a.txt', data: enc('Kept across restarts.') })
    await wb.close()
    const again = await open(dir)
    expect((await again.listDocuments()).map((d) => d.title)).toEqual(['Kept across restarts'])
    await again.close()
  })

  it('lets one writer in at a time, with a clear message for the second', async () => {
    const dir = await tempDir()
    const wb = await open(dir)
    await expect(open(dir)).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringMatching(/is in use by another Analyst Workbench process/)
    })
    const reader = await open(dir, { readOnly: true })
    expect(await reader.listDocuments()).toEqual([])
    expect(await reader.importFile({ name: 'x.txt', data: enc('x') })).toMatchObject({
      status: 'failed',
      error: 'This workspace was opened read-only.'
    })
    await reader.close()
    await wb.close()
    const next = await open(dir)
    await next.close()
  })

  it('says which document is missing and refuses unknown ids', async () => {
    const dir = await tempDir()
    const wb = await open(dir)
    await expect(wb.getDocument('nope')).rejects.toMatchObject({
      code: 'not-found',
      message: 'No document with id nope in this workspace.'
    })
    const outcome = await wb.importFile({ name: 'a.txt', data: enc('Text that will be damaged.') })
    if (outcome.status !== 'imported') throw new Error('expected an import')
    // Another text of the same length where this one was, in its pack.
    const { pack, at } = outcome.document.stored ?? { pack: '', at: 0 }
    const fh = await openFile(join(dir, 'texts', pack), 'r+')
    await fh.write(Buffer.from('Text that was changed here'), 0, 26, at)
    await fh.close()
    await expect(wb.getDocument(outcome.document.id)).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(
        /is damaged .*Use Replace with new version… with a\.txt to restore it/
      )
    })
    // Replacing it with the same file repairs the text.
    await wb.reimportDocument(outcome.document.id, {
      name: 'a.txt',
      data: enc('Text that will be damaged.')
    })
    expect((await wb.getDocument(outcome.document.id)).text).toBe('Text that will be damaged.')
    await wb.close()
  })

  it('removes a document from the library, keeping its files', async () => {
    const dir = await tempDir()
    const wb = await open(dir)
    const outcome = await wb.importFile({ name: 'a.txt', data: enc('To be removed.') })
    if (outcome.status !== 'imported') throw new Error('expected an import')
    expect((await wb.removeDocument(outcome.document.id)).value.title).toBe('To be removed')
    expect(await wb.listDocuments()).toEqual([])
    expect(await readdir(join(dir, 'texts'))).toEqual(['pack-000001.awp'])
    const again = await wb.importFile({ name: 'a.txt', data: enc('To be removed.') })
    expect(again.status).toBe('imported')
    expect(again.status === 'imported' && (await wb.getDocument(again.document.id)).text).toBe(
      'To be removed.'
    )
    await wb.close()
  })

  it('opens the sample workspace from the demo documents', async () => {
    const wb = await open(await tempDir(), {
      sampleDir: join(import.meta.dirname, '../../resources/demo')
    })
    const outcomes = await wb.openSampleWorkspace()
    expect(outcomes.length).toBeGreaterThanOrEqual(4)
    expect(outcomes.every((o) => o.status === 'imported')).toBe(true)
    expect(new Set((await wb.listDocuments()).map((d) => d.format)).size).toBeGreaterThanOrEqual(3)
    await wb.close()
  })
})
