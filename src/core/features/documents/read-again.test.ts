import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../../test-support/cli'
import { makePdf } from '../../../test-support/documents'
import { encode, SENTENCES } from '../../../test-support/encoded-texts'
import { useTempDirs } from '../../../test-support/temp-dir'
import { enc, openTestWorkbench } from '../../../test-support/workbench'

const tempDir = useTempDirs()

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Storm report</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<article><h1>Storm report</h1><p>The storm closed the harbour for two days, the port authority said on Monday.</p>
<p>Ferries will resume on Wednesday if the wind drops below gale force.</p></article>
<footer>Subscribe to our newsletter for more stories.</footer></body></html>`

describe('reading a document again', () => {
  it('decodes the original again with the encoding chosen, and says when a guess reads badly', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const bytes = encode(SENTENCES.russian, 'koi8-r')
    const out = await wb.importFile({
      name: 'ru.txt',
      data: bytes,
      read: { encoding: 'windows-1251' }
    })
    if (out.status !== 'imported') throw new Error('not imported')
    expect(out.document.encoding?.name).toBe('windows-1251')
    expect(out.warnings?.join(' ')).toMatch(/does not read as windows-1251/)
    const report = await wb.readDocumentAgain(out.document.id, { encoding: 'koi8-r' })
    expect(report).toMatchObject({ orphaned: 0 })
    const { meta, text } = await wb.getDocument(out.document.id)
    expect(text).toContain(SENTENCES.russian.slice(0, 20))
    expect(meta.encoding).toMatchObject({ name: 'koi8-r', guessed: false })
    await wb.close()
  })

  it('keeps a whole web page on request, at import or read again, and the article otherwise', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const whole = await wb.importFile({
      name: 'storm.html',
      data: enc(PAGE),
      read: { wholePage: true }
    })
    if (whole.status !== 'imported') throw new Error('not imported')
    const id = whole.document.id
    expect((await wb.getDocument(id)).text).toContain('Subscribe to our newsletter')
    const { text } = await wb.getDocument(id)
    const at = text.indexOf('Ferries will resume')
    await wb.createAnnotation({ docId: id, start: at, end: at + 19, tags: [] })
    const report = await wb.readDocumentAgain(id, { wholePage: false })
    expect(report).toMatchObject({ orphaned: 0 })
    const article = await wb.getDocument(id)
    expect(article.text).not.toContain('Subscribe to our newsletter')
    const [a] = await wb.listAnnotations(id)
    expect(article.text.slice(a.position.start, a.position.end)).toBe('Ferries will resume')
    await wb.close()
  })

  it('remembers how a document was read: a new version keeps the whole page, a new format drops the old encoding', async () => {
    const dir = await tempDir()
    let wb = await openTestWorkbench(dir)
    const whole = await wb.importFile({
      name: 'storm.html',
      data: enc(PAGE),
      read: { wholePage: true }
    })
    if (whole.status !== 'imported') throw new Error('not imported')
    const id = whole.document.id
    expect(whole.document.read).toEqual({ wholePage: true })
    await wb.close()
    wb = await openTestWorkbench(dir)
    expect((await wb.listDocuments())[0].read).toEqual({ wholePage: true })
    // A new version of the page, with nothing said about how to read it: still the whole page.
    await wb.reimportDocument(id, {
      name: 'storm.html',
      data: enc(PAGE.replace('two days', 'three days'))
    })
    const next = await wb.getDocument(id)
    expect(next.text).toContain('three days')
    expect(next.text).toContain('Subscribe to our newsletter')
    expect(next.meta.encoding?.name).toBe('utf-8')
    // Read again as the article: remembered as the default again.
    await wb.readDocumentAgain(id, { wholePage: false })
    expect((await wb.getDocument(id)).meta.read).toBeUndefined()
    // A new version as a PDF has no encoding: the HTML page's is not kept for it.
    await wb.reimportDocument(id, {
      name: 'storm.pdf',
      data: makePdf([['Storm report', 'The storm closed the harbour for two days.']])
    })
    const { meta } = await wb.getDocument(id)
    expect([meta.format, meta.encoding]).toEqual(['pdf', undefined])
    await wb.close()
    wb = await openTestWorkbench(dir)
    const [reloaded] = await wb.listDocuments()
    expect([reloaded.format, reloaded.encoding]).toEqual(['pdf', undefined])
    await wb.close()
  })

  it('from the command line: import --whole-page, reimport --article without a new file', async () => {
    const ws = join(await tempDir(), 'ws')
    const src = await tempDir()
    await writeFile(join(src, 'storm.html'), PAGE)
    expect((await cli('--workspace', ws, 'import', '--whole-page', src)).code).toBe(0)
    const [row] = JSON.parse((await cli('--workspace', ws, 'list', '--json')).out)
    expect((await cli('--workspace', ws, 'show', row.id)).out).toContain('Subscribe')
    const again = await cli('--workspace', ws, 'reimport', row.id, '--article')
    expect(again).toMatchObject({ code: 0, out: '0 anchored in place, 0 moved, 0 orphaned\n' })
    expect((await cli('--workspace', ws, 'show', row.id)).out).not.toContain('Subscribe')
    const none = await cli('--workspace', ws, 'reimport', row.id)
    expect(none.code).toBe(1)
    expect(none.err).toContain(
      'Give the new version of the file, or how to read the imported one again'
    )
  })
})
