import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../test-support/temp-dir'
import { enc, importText, openTestWorkbench, run } from '../../../test-support/workbench'
import type { Workbench } from '../../workbench'

const tempDir = useTempDirs()

async function withHighlight(wb: Workbench): Promise<{ id: string; annotation: string }> {
  const doc = await importText(wb, 'claim.md', '# A claim\n\nThe minister denied every report.')
  const { text } = await wb.getDocument(doc.id)
  const start = text.indexOf('denied')
  const tag = (await wb.createTag({ path: 'Denials' })).value
  const a = await wb.createAnnotation({ docId: doc.id, start, end: start + 6, tags: [tag.id] })
  await wb.setDocumentNote(doc.id, 'Official line.')
  return { id: doc.id, annotation: a.value.id }
}

describe('the Trash', () => {
  it('keeps a removed document with its highlights and note, and gives them back on restore', async () => {
    const dir = await tempDir()
    let wb = await openTestWorkbench(dir)
    const { id, annotation } = await withHighlight(wb)
    const removed = await wb.removeDocument(id)
    expect(removed.value.title).toBe('A claim')
    expect(await wb.listDocuments()).toEqual([])
    expect((await wb.search('minister')).hits).toEqual([])
    expect((await wb.search('tag:Denials')).hits).toEqual([])
    await wb.close()

    // The Trash outlives the session.
    wb = await openTestWorkbench(dir)
    const trash = await wb.listTrash()
    expect(trash.map((t) => [t.meta.id, t.meta.title, t.highlights])).toEqual([[id, 'A claim', 1]])
    await wb.restoreDocument(id)
    expect((await wb.listDocuments()).map((d) => d.id)).toEqual([id])
    expect((await wb.listAnnotations(id)).map((a) => a.id)).toEqual([annotation])
    expect(await wb.getDocumentNote(id)).toBe('Official line.')
    expect((await wb.search('minister')).hits.map((h) => h.docId)).toEqual([id])
    expect(await wb.listTrash()).toEqual([])
    await wb.close()
  })

  it('undoes a removal, and redoes it', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const { id } = await withHighlight(wb)
    const { undo } = await wb.removeDocument(id)
    expect(undo).toEqual({ method: 'restoreDocument', args: [id] })
    const redo = await run(wb, undo)
    expect((await wb.listDocuments()).map((d) => d.id)).toEqual([id])
    await run(wb, redo)
    expect(await wb.listDocuments()).toEqual([])
    expect((await wb.listTrash()).map((t) => t.meta.id)).toEqual([id])
    await wb.close()
  })

  it('forgets its documents and their highlights when emptied', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const { id } = await withHighlight(wb)
    await wb.removeDocument(id)
    expect(await wb.emptyTrash()).toEqual({ documents: 1 })
    expect(await wb.listTrash()).toEqual([])
    await expect(wb.restoreDocument(id)).rejects.toThrow(`No document with id ${id} in the Trash.`)
    // The same file imported again starts clean.
    const again = await importText(wb, 'claim.md', '# A claim\n\nThe minister denied every report.')
    expect(await wb.listAnnotations(again.id)).toEqual([])
    await wb.close()
  })

  it('keeps a document removed while the Trash is being emptied', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const first = await withHighlight(wb)
    const second = await importText(wb, 'other.md', '# Another\n\nThe port stayed closed.')
    await wb.removeDocument(first.id)
    const [emptied] = await Promise.all([wb.emptyTrash(), wb.removeDocument(second.id)])
    expect(emptied).toEqual({ documents: 1 })
    expect((await wb.listTrash()).map((t) => t.meta.id)).toEqual([second.id])
    await wb.restoreDocument(second.id)
    expect((await wb.listDocuments()).map((d) => d.id)).toEqual([second.id])
    await wb.close()
  })

  it('empties what it can when one document’s annotation file is damaged, and names that one', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const damaged = await withHighlight(wb)
    const fine = await importText(wb, 'other.md', '# Another\n\nThe port stayed closed.')
    await wb.removeDocument(damaged.id)
    await wb.removeDocument(fine.id)
    await wb.close()
    await writeFile(join(dir, 'annotations', `${damaged.id}.json`), '{"schemaVersion":1,"docId":"')
    // …and its backups are gone too (one damaged file alone is put back from its backup).
    for (const name of await readdir(join(dir, 'backups')))
      if (name.startsWith(`${damaged.id}-`)) await rm(join(dir, 'backups', name))
    const again = await openTestWorkbench(dir)
    await expect(again.emptyTrash()).rejects.toThrow(
      /The Trash could not be emptied of “A claim”: .*The other documents were removed for good\./
    )
    expect((await again.listTrash()).map((t) => t.meta.id)).toEqual([damaged.id])
    await again.close()
  })

  it('gives a document in the Trash its tag back when the tag’s deletion is undone', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const { id, annotation } = await withHighlight(wb)
    const [tag] = await wb.listTags()
    await wb.removeDocument(id)
    const deletion = await wb.deleteTag(tag.id)
    await run(wb, deletion.undo)
    await wb.restoreDocument(id)
    const [back] = await wb.listAnnotations(id)
    expect([back.id, back.tags]).toEqual([annotation, [tag.id]])
    await wb.close()
  })

  it('clears a document from the Trash when its file is imported again, highlights and all', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const { id, annotation } = await withHighlight(wb)
    await wb.removeDocument(id)
    const again = await wb.importFile({
      name: 'claim.md',
      data: enc('# A claim\n\nThe minister denied every report.')
    })
    if (again.status !== 'imported') throw new Error('not imported')
    // A document's id comes from its file: the file imported again is the same document.
    expect(again.document.id).toBe(id)
    expect((await wb.listAnnotations(id)).map((a) => a.id)).toEqual([annotation])
    expect((await wb.restoreDocument(id)).value.id).toBe(id)
    expect(await wb.listTrash()).toEqual([])
    expect((await wb.listDocuments()).map((d) => d.id)).toEqual([id])
    await wb.close()
  })

  it('names a damaged trash file and what to do, and leaves the library as it was', async () => {
    const dir = await tempDir()
    let wb = await openTestWorkbench(dir)
    const { id } = await withHighlight(wb)
    await wb.close()
    await writeFile(join(dir, 'trash.json'), '{"schemaVersion":1,"items":[{"meta":')
    await expect(openTestWorkbench(dir)).rejects.toThrow(
      /trash\.json is damaged .* move it away or repair it/
    )
    await rm(join(dir, 'trash.json'))
    wb = await openTestWorkbench(dir)
    expect((await wb.listDocuments()).map((d) => d.id)).toEqual([id])
    await wb.close()
  })
})
