import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { meta } from '../../test-support/catalog-meta'
import { useTempDirs } from '../../test-support/temp-dir'
import { importText, openTestWorkbench } from '../../test-support/workbench'
import type { DocumentMeta } from '../../shared/model'
import { catalogEntrySchema, Journal } from './journal'

const tempDir = useTempDirs()

/** A copy of a workspace as it is on disk at this moment: what a crash would leave. */
async function crashCopy(dir: string): Promise<string> {
  const copy = await tempDir()
  await cp(dir, copy, { recursive: true, filter: (src) => !src.includes('workspace.lock') })
  return copy
}

describe('the catalog journal', () => {
  it('reads back the entries of its generation, in order', async () => {
    const dir = await tempDir()
    const journal = new Journal(
      join(dir, 'workspace.journal'),
      catalogEntrySchema,
      'documents may be missing'
    )
    await journal.append({ generation: 1, documents: [meta(1)], nextImportOrder: 2 })
    await journal.append({ generation: 2, documents: [meta(2), meta(3)], nextImportOrder: 4 })
    await journal.append({ generation: 2, documents: [meta(4)], nextImportOrder: 5 })
    const warnings: string[] = []
    const entries = await journal.read(2, (w) => warnings.push(w))
    expect(entries.map((e) => e.documents.map((d) => d.id))).toEqual([['doc2', 'doc3'], ['doc4']])
    expect(warnings).toEqual([])
  })

  it('ignores a last line cut short, and skips a damaged line with a warning', async () => {
    const dir = await tempDir()
    const file = join(dir, 'workspace.journal')
    const journal = new Journal(file, catalogEntrySchema, 'documents may be missing')
    for (let n = 1; n <= 3; n++)
      await journal.append({ generation: 0, documents: [meta(n)], nextImportOrder: n + 1 })
    const lines = (await readFile(file, 'utf8')).split('\n')
    // A power cut in the middle of the last append.
    await writeFile(file, [...lines.slice(0, 3), lines[2].slice(0, 30)].join('\n'))
    const torn: string[] = []
    expect((await journal.read(0, (w) => torn.push(w))).length).toBe(3)
    expect(torn).toEqual([])
    // One changed byte inside the second line: its checksum no longer holds.
    await writeFile(
      file,
      [lines[0], lines[1].replace('Report 2', 'Report X'), lines[2], ''].join('\n')
    )
    const damaged: string[] = []
    const entries = await journal.read(0, (w) => damaged.push(w))
    expect(entries.map((e) => e.documents[0].id)).toEqual(['doc1', 'doc3'])
    expect(damaged).toEqual([expect.stringMatching(/workspace\.journal: line 2 is damaged/)])
  })

  it('keeps imports that were never checkpointed into the catalog (a crash), and checkpoints them on open', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const a = await importText(wb, 'a.txt', 'First report about the harbour.')
    const b = await importText(wb, 'b.txt', 'Second report about the cranes.')
    const crashed = await crashCopy(dir)
    await wb.close()
    expect(JSON.parse(await readFile(join(crashed, 'workspace.json'), 'utf8')).documents).toEqual(
      []
    )

    const reopened = await openTestWorkbench(crashed)
    expect((await reopened.listDocuments()).map((d) => d.id)).toEqual([a.id, b.id])
    expect((await reopened.search('cranes')).hits.map((h) => h.docId)).toEqual([b.id])
    const c = await importText(reopened, 'c.txt', 'Third report.')
    expect(c.importOrder).toBe(3)
    await reopened.close()
    const catalog = JSON.parse(await readFile(join(crashed, 'workspace.json'), 'utf8'))
    expect(catalog.documents.map((d: DocumentMeta) => d.id)).toEqual([a.id, b.id, c.id])
    expect(await readdir(crashed)).not.toContain('workspace.journal')
  })

  it('never brings back a document removed after its journal line was written', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const a = await importText(wb, 'a.txt', 'A report that will be removed.')
    const b = await importText(wb, 'b.txt', 'A report that stays.')
    const stale = await readFile(join(dir, 'workspace.journal'))
    await wb.removeDocument(a.id)
    await wb.close()
    // As if emptying the journal after the catalog was rewritten had not happened (a crash).
    await writeFile(join(dir, 'workspace.journal'), stale)
    const reopened = await openTestWorkbench(dir)
    expect((await reopened.listDocuments()).map((d) => d.id)).toEqual([b.id])
    expect((await reopened.getWorkspaceInfo()).warnings).toEqual([])
    await reopened.close()
  })

  it('saves every change to the catalog by appending to the journal, and a crash loses none of them', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const a = await importText(wb, 'a.txt', 'A report that will be removed.')
    const b = await importText(wb, 'b.txt', 'A report with a second version.')
    const c = await importText(wb, 'c.txt', 'A report that stays as it is.')
    await wb.close()
    const reopened = await openTestWorkbench(dir)
    const catalog = await readFile(join(dir, 'workspace.json'), 'utf8')
    const tag = await reopened.createTag({ path: 'Attribution' })
    await reopened.createMemo({ title: 'Who did it?', text: 'Two sources disagree.' })
    await reopened.removeDocument(a.id)
    await reopened.reimportDocument(b.id, {
      name: 'b.txt',
      data: new TextEncoder().encode('A report with a second version, now longer.')
    })
    // None of it rewrote the catalog file: each change was one line in the journal.
    expect(await readFile(join(dir, 'workspace.json'), 'utf8')).toBe(catalog)
    const crashed = await crashCopy(dir)
    await reopened.close()

    const after = await openTestWorkbench(crashed)
    const docs = await after.listDocuments()
    expect(docs.map((d) => d.id)).toEqual([b.id, c.id])
    expect(docs[0].chars).toBe('A report with a second version, now longer.'.length)
    expect((await after.getDocument(b.id)).text).toBe('A report with a second version, now longer.')
    expect((await after.listTags()).map((t) => t.name)).toEqual([tag.value.name])
    expect((await after.listMemos()).map((m) => m.title)).toEqual(['Who did it?'])
    expect((await after.search('stays')).hits.map((h) => h.docId)).toEqual([c.id])
    await after.close()
  })

  it('rewrites the whole catalog for a change that works on the documents directly (a restore)', async () => {
    const source = await tempDir()
    const wb = await openTestWorkbench(source)
    await importText(wb, 'a.txt', 'A report to back up.')
    await wb.createTag({ path: 'Attribution' })
    const backup = await wb.exportWorkspace({ format: 'json' })
    await wb.close()
    const dir = await tempDir()
    const target = await openTestWorkbench(dir)
    await target.restoreBackup({
      name: 'backup.json',
      data: new TextEncoder().encode(backup.content)
    })
    const saved = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))
    expect(saved.documents.map((d: DocumentMeta) => d.title)).toEqual(['A report to back up'])
    expect(saved.codebook.tags.map((t: { name: string }) => t.name)).toEqual(['Attribution'])
    await target.close()
  })

  it('imports a folder in the order of its files, however long each takes to read', async () => {
    const dir = await tempDir()
    const src = await tempDir()
    // The first file is large and slow to read and parse; the others are tiny.
    await writeFile(
      join(src, 'a-large.txt'),
      `Large report. ${'Many more words here. '.repeat(200_000)}`
    )
    for (const n of ['b', 'c', 'd']) await writeFile(join(src, `${n}.txt`), `Report ${n}.`)
    const wb = await openTestWorkbench(dir)
    const report = await wb.importPaths([src])
    expect(report.failed).toEqual([])
    expect((await wb.listDocuments()).map((d) => d.originalName)).toEqual([
      'a-large.txt',
      'b.txt',
      'c.txt',
      'd.txt'
    ])
    await wb.close()
  })

  it('saves imports asked for together in the order they were asked for', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const names = Array.from({ length: 12 }, (_, i) => `r${i}.txt`)
    // Longer texts first, so that later (shorter) files would finish parsing earlier.
    const outcomes = await Promise.all(
      names.map((name, i) =>
        importText(wb, name, `Report ${i}. ${'More words. '.repeat(400 - i * 30)}`)
      )
    )
    expect(outcomes.map((d) => d.importOrder)).toEqual(names.map((_, i) => i + 1))
    expect((await wb.listDocuments()).map((d) => d.originalName)).toEqual(names)
    await wb.close()
    await rm(join(dir, 'index'), { recursive: true, force: true })
    const reopened = await openTestWorkbench(dir)
    expect((await reopened.listDocuments()).map((d) => d.originalName)).toEqual(names)
    await reopened.close()
  })
})
