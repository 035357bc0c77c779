import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../test-support/temp-dir'
import { enc, importText, openTestWorkbench, run } from '../../../test-support/workbench'

const tempDir = useTempDirs()

const LEDGER = `Cranes idle at Port Averly

Container handling stopped early on Tuesday after a deliberate intrusion into the terminal system.

The harbour master said no ship, crew member or cargo had been harmed.

Workers said the screens demanded payment in bitcoin.`

const range = (text: string, quote: string): { start: number; end: number } => {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`${quote} not found`)
  return { start, end: start + quote.length }
}

/** A copy of a workspace as it is on disk at this moment: what a crash would leave. */
async function crashCopy(dir: string): Promise<string> {
  const copy = await tempDir()
  await cp(dir, copy, { recursive: true, filter: (src) => !src.includes('workspace.lock') })
  return copy
}

describe('saving highlights', () => {
  it('appends later changes to the document’s journal, and a crash loses none of them', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    const { text } = await wb.getDocument(doc.id)
    // The first change of a session writes the whole file (after its backup).
    const first = await wb.createAnnotation({ docId: doc.id, ...range(text, 'Cranes idle') })
    const file = join(dir, 'annotations', `${doc.id}.json`)
    const saved = await readFile(file, 'utf8')
    const second = await wb.createAnnotation({
      docId: doc.id,
      ...range(text, 'screens demanded payment'),
      note: 'ransom in bitcoin'
    })
    const third = await wb.createAnnotation({ docId: doc.id, ...range(text, 'had been harmed') })
    await wb.updateAnnotation(first.value.id, { color: 'pink' })
    await wb.deleteAnnotation(third.value.id)
    await wb.setDocumentNote(doc.id, 'The port’s own account.')
    // None of these rewrote the file: each is a line of its journal.
    expect(await readFile(file, 'utf8')).toBe(saved)
    const expected = await wb.listAnnotations(doc.id)
    expect(expected.map((a) => a.id)).toEqual([first.value.id, second.value.id])
    const crashed = await crashCopy(dir)
    await wb.close()
    // Closing checkpointed the journal into the file.
    expect(await readdir(join(dir, 'annotations'))).not.toContain(`${doc.id}.journal`)

    for (const where of [dir, crashed]) {
      const again = await openTestWorkbench(where)
      expect(await again.listAnnotations(doc.id)).toEqual(expected)
      expect(await again.getDocumentNote(doc.id)).toBe('The port’s own account.')
      expect((await again.search('bitcoin')).hits.map((h) => h.kind)).toContain('note')
      await again.close()
    }
  })

  it('ignores a journal line cut short by a power cut (it was never confirmed)', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    const { text } = await wb.getDocument(doc.id)
    const kept = await wb.createAnnotation({ docId: doc.id, ...range(text, 'Cranes idle') })
    await wb.createAnnotation({ docId: doc.id, ...range(text, 'had been harmed') })
    const crashed = await crashCopy(dir)
    await wb.close()
    // The power cut falls on the append: the journal and its copy both end in half a line.
    for (const name of [`${doc.id}.journal`, `${doc.id}.journal.copy`]) {
      const journal = join(crashed, 'annotations', name)
      const line = await readFile(journal, 'utf8')
      await writeFile(journal, line.slice(0, line.length - 20))
    }
    const again = await openTestWorkbench(crashed)
    expect(await again.listAnnotations(doc.id)).toEqual([kept.value])
    expect((await again.getWorkspaceInfo()).warnings).toEqual([])
    await again.close()
  })

  it('takes a confirmed change from the journal’s copy when the journal itself is damaged', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    const { text } = await wb.getDocument(doc.id)
    const first = await wb.createAnnotation({ docId: doc.id, ...range(text, 'Cranes idle') })
    const second = await wb.createAnnotation({ docId: doc.id, ...range(text, 'had been harmed') })
    const third = await wb.createAnnotation({ docId: doc.id, ...range(text, 'harbour master') })
    const crashed = await crashCopy(dir)
    await wb.close()
    await writeFile(join(crashed, 'annotations', `${doc.id}.journal`), '')
    const again = await openTestWorkbench(crashed)
    expect((await again.listAnnotations(doc.id)).map((a) => a.id)).toEqual([
      first.value.id,
      third.value.id,
      second.value.id
    ])
    expect((await again.getWorkspaceInfo()).warnings).toEqual([
      expect.stringMatching(/journal lacks changes that its copy .*journal\.copy holds/)
    ])
    await again.close()
  })
})

describe('highlights', () => {
  it('creates a highlight with W3C quote and position selectors, in its own file', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    const { text } = await wb.getDocument(doc.id)
    const { value: a, undo } = await wb.createAnnotation({
      docId: doc.id,
      ...range(text, 'a deliberate intrusion'),
      color: 'green',
      note: 'Port calls it deliberate'
    })
    expect(a).toMatchObject({
      docId: doc.id,
      status: 'anchored',
      color: 'green',
      note: 'Port calls it deliberate',
      tags: [],
      quote: {
        type: 'TextQuoteSelector',
        exact: 'a deliberate intrusion',
        prefix: text.slice(
          range(text, 'a deliberate').start - 32,
          range(text, 'a deliberate').start
        )
      },
      position: { type: 'TextPositionSelector', ...range(text, 'a deliberate intrusion') }
    })
    expect(a.quote.suffix).toBe(' into the terminal system.\n\nThe ')
    expect(undo).toEqual({ method: 'deleteAnnotation', args: [a.id] })
    const file = JSON.parse(await readFile(join(dir, 'annotations', `${doc.id}.json`), 'utf8'))
    expect(file).toMatchObject({ schemaVersion: 1, docId: doc.id, annotations: [{ id: a.id }] })
    await wb.close()
    const again = await openTestWorkbench(dir)
    expect(await again.listAnnotations(doc.id)).toEqual([a])
    await again.close()
  })

  it.each([
    ['an empty range', 10, 10, /is not inside the document .* or is empty/],
    ['a range past the end', 0, 10_000, /is not inside the document/],
    [
      'only white space',
      LEDGER.indexOf('\n\n'),
      LEDGER.indexOf('\n\n') + 2,
      /Only white space is selected/
    ]
  ])('refuses %s', async (_, start, end, message) => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    await expect(wb.createAnnotation({ docId: doc.id, start, end })).rejects.toThrow(message)
    await wb.close()
  })

  it('lists highlights in reading order, overlapping ones included', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    const later = await wb.createAnnotation({
      docId: doc.id,
      ...range(LEDGER, 'screens demanded payment')
    })
    const outer = await wb.createAnnotation({
      docId: doc.id,
      ...range(LEDGER, 'Container handling stopped early on Tuesday')
    })
    const inner = await wb.createAnnotation({ docId: doc.id, ...range(LEDGER, 'stopped early') })
    expect((await wb.listAnnotations(doc.id)).map((a) => a.id)).toEqual([
      outer.value.id,
      inner.value.id,
      later.value.id
    ])
    // With a range: those whose passage overlaps it (a reader asks for the part it shows first).
    const tuesday = range(LEDGER, 'Tuesday')
    expect((await wb.listAnnotations(doc.id, tuesday)).map((a) => a.id)).toEqual([outer.value.id])
    const stopped = range(LEDGER, 'early')
    expect((await wb.listAnnotations(doc.id, stopped)).map((a) => a.id)).toEqual([
      outer.value.id,
      inner.value.id
    ])
    expect(await wb.listAnnotations(doc.id, { start: 0, end: outer.value.position.start })).toEqual(
      []
    )
    await wb.close()
  })

  it('undoes and redoes recolouring, retagging, notes and deletion', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    const tag = (await wb.createTag({ path: 'Claims/Attribution' })).value
    const { value: a } = await wb.createAnnotation({
      docId: doc.id,
      ...range(LEDGER, 'a deliberate intrusion')
    })
    const edit = await wb.updateAnnotation(a.id, {
      color: 'pink',
      tags: [tag.id],
      note: 'Who says so?'
    })
    expect(edit.value).toMatchObject({ color: 'pink', tags: [tag.id], note: 'Who says so?' })
    const redo = await run(wb, edit.undo)
    expect((await wb.listAnnotations(doc.id))[0]).toMatchObject({
      color: 'yellow',
      tags: [],
      note: ''
    })
    await run(wb, redo)
    expect((await wb.listAnnotations(doc.id))[0]).toMatchObject({
      color: 'pink',
      tags: [tag.id],
      note: 'Who says so?'
    })

    const deletion = await wb.deleteAnnotation(a.id)
    expect(await wb.listAnnotations(doc.id)).toEqual([])
    const redoDelete = await run(wb, deletion.undo)
    expect(await wb.listAnnotations(doc.id)).toEqual([deletion.value])
    await run(wb, redoDelete)
    expect(await wb.listAnnotations(doc.id)).toEqual([])
    await wb.close()
  })

  it('keeps a note per document, with undo', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    expect(await wb.getDocumentNote(doc.id)).toBe('')
    const change = await wb.setDocumentNote(
      doc.id,
      'Local paper; usually reliable on port matters.'
    )
    expect(await wb.getDocumentNote(doc.id)).toBe('Local paper; usually reliable on port matters.')
    await run(wb, change.undo)
    expect(await wb.getDocumentNote(doc.id)).toBe('')
    await wb.close()
  })
})

describe('re-importing a changed document', () => {
  it('keeps the id and annotations, re-anchors them and reports anchored, moved and orphaned', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    const keep = await wb.createAnnotation({ docId: doc.id, ...range(LEDGER, 'Cranes idle') })
    const move = await wb.createAnnotation({
      docId: doc.id,
      ...range(LEDGER, 'no ship, crew member or cargo had been harmed')
    })
    const fuzzy = await wb.createAnnotation({
      docId: doc.id,
      ...range(LEDGER, 'the screens demanded payment in bitcoin')
    })
    const lose = await wb.createAnnotation({
      docId: doc.id,
      ...range(LEDGER, 'a deliberate intrusion into the terminal system')
    })
    const v2 = LEDGER.replace('a deliberate intrusion into the terminal system', 'an IT outage')
      .replace('The harbour master', 'UPDATE: Ships are moving again.\n\nThe harbour master')
      .replace(
        'the screens demanded payment in bitcoin',
        'the screens demanded a payment in bitcoin'
      )
    const report = await wb.reimportDocument(doc.id, { name: 'ledger-v2.txt', data: enc(v2) })
    expect(report).toEqual({ anchored: 1, moved: 2, orphaned: 1 })
    const after = new Map((await wb.listAnnotations(doc.id)).map((a) => [a.id, a]))
    const { text, meta } = await wb.getDocument(doc.id)
    expect(text).toBe(v2)
    expect(meta).toMatchObject({ id: doc.id, importOrder: 1, originalName: 'ledger-v2.txt' })
    for (const a of [keep, move, fuzzy]) {
      const now = after.get(a.value.id)
      expect(now?.status).toBe('anchored')
      expect(text.slice(now?.position.start, now?.position.end)).toBe(now?.quote.exact)
    }
    expect(after.get(fuzzy.value.id)?.quote.exact).toBe('the screens demanded a payment in bitcoin')
    expect(after.get(lose.value.id)).toMatchObject({ status: 'orphaned', quote: lose.value.quote })

    const orphan = after.get(lose.value.id)
    if (!orphan) throw new Error('orphan missing')
    const reattached = await wb.reattachAnnotation(
      orphan.id,
      ...(Object.values(range(text, 'an IT outage')) as [number, number])
    )
    expect(reattached.value).toMatchObject({ status: 'anchored', quote: { exact: 'an IT outage' } })
    await run(wb, reattached.undo)
    expect((await wb.listAnnotations(doc.id)).find((a) => a.id === orphan.id)?.status).toBe(
      'orphaned'
    )
    await wb.close()
  })

  it('refuses a file that is another document already, and a file that does not parse', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const a = await importText(wb, 'a.txt', 'First document.')
    await importText(wb, 'b.txt', 'Second document.')
    await expect(
      wb.reimportDocument(a.id, { name: 'b.txt', data: enc('Second document.') })
    ).rejects.toThrow('b.txt is already in the library as "Second document"')
    await expect(wb.reimportDocument(a.id, { name: 'a.pdf', data: enc('nope') })).rejects.toThrow(
      'a.pdf: this is not a PDF file'
    )
    expect((await wb.getDocument(a.id)).text).toBe('First document.')
    await wb.close()
  })
})

describe('damaged annotation files', () => {
  it('restores the newest backup and says so', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    const kept = await wb.createAnnotation({ docId: doc.id, ...range(LEDGER, 'Cranes idle') })
    await wb.close()
    // The next session backs the file up before its first change, then the file gets damaged.
    const second = await openTestWorkbench(dir)
    await second.createAnnotation({ docId: doc.id, ...range(LEDGER, 'harbour master') })
    const saved = await second.listAnnotations(doc.id)
    await second.close()
    await writeFile(join(dir, 'annotations', `${doc.id}.json`), '{"schemaVersion":1,"docId":"')
    const third = await openTestWorkbench(dir)
    // The backup taken when the second session wrote the file holds what it saved.
    expect(saved).not.toEqual([kept.value])
    expect(await third.listAnnotations(doc.id)).toEqual(saved)
    const { warnings } = await third.getWorkspaceInfo()
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${doc.id}\\.json was damaged \\(the file is not complete JSON .*the backup ${doc.id}-\\S+\\.json was restored`
        )
      )
    ])
    expect(
      (await readdir(join(dir, 'annotations'))).some((n) => n.startsWith(`${doc.id}.json.corrupt-`))
    ).toBe(true)
    await third.close()
  })

  it('without a backup, keeps refusing rather than showing the document as empty', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    await wb.close()
    await writeFile(join(dir, 'annotations', `${doc.id}.json`), 'null')
    const again = await openTestWorkbench(dir)
    await expect(again.listAnnotations(doc.id)).rejects.toMatchObject({ code: 'corrupt' })
    await expect(again.listAnnotations(doc.id)).rejects.toMatchObject({ code: 'corrupt' })
    await expect(
      again.createAnnotation({ docId: doc.id, ...range(LEDGER, 'Cranes idle') })
    ).rejects.toMatchObject({ code: 'corrupt' })
    await again.close()
  })
})

describe('re-importing, under pressure', () => {
  it('runs two new versions of one document one after the other, leaving text and highlights consistent', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(wb, 'ledger.txt', LEDGER)
    await wb.createAnnotation({ docId: doc.id, ...range(LEDGER, 'harbour master') })
    const v2 = LEDGER.replace('Cranes idle', 'Cranes still idle')
    const v3 = LEDGER.replace('Workers said', 'Dock workers said')
    await Promise.all([
      wb.reimportDocument(doc.id, { name: 'v2.txt', data: enc(v2) }),
      wb.reimportDocument(doc.id, { name: 'v3.txt', data: enc(v3) })
    ])
    const { text } = await wb.getDocument(doc.id)
    expect(text).toBe(v3)
    for (const a of await wb.listAnnotations(doc.id))
      expect(text.slice(a.position.start, a.position.end)).toBe(a.quote.exact)
    await wb.close()
  })
})
