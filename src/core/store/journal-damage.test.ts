import { appendFile, readdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { meta } from '../../test-support/catalog-meta'
import { useTempDirs } from '../../test-support/temp-dir'
import { importText, openTestWorkbench } from '../../test-support/workbench'
import { catalogEntrySchema, Journal, type JournalEntry } from './journal'

const tempDir = useTempDirs()

const entry = (n: number): JournalEntry => ({
  generation: 0,
  documents: [meta(n)],
  nextImportOrder: n + 1
})

/** A journal of `count` lines, written by the journal itself; and its lines. */
async function journalOf(count: number): Promise<{ file: string; lines: string[] }> {
  const file = join(await tempDir(), 'workspace.journal')
  const journal = new Journal(file, catalogEntrySchema, 'documents may be missing')
  for (let n = 1; n <= count; n++) await journal.append(entry(n))
  await journal.close()
  return { file, lines: (await readFile(file, 'utf8')).split('\n').slice(0, count) }
}

const ids = (entries: JournalEntry[]): string[] => entries.map((e) => e.documents[0].id)

describe('a damaged journal', () => {
  it('reports a complete last line that fails its checksum (only a line without its newline is a torn write)', async () => {
    const { file, lines } = await journalOf(3)
    const journal = new Journal(file, catalogEntrySchema, 'documents may be missing')
    // The last line whole, newline included, but one byte changed: damage, not a torn append.
    await writeFile(
      file,
      [lines[0], lines[1], lines[2].replace('Report 3', 'Report X'), ''].join('\n')
    )
    const warnings: string[] = []
    expect(ids(await journal.read(0, (w) => warnings.push(w)))).toEqual(['doc1', 'doc2'])
    expect(warnings).toEqual([
      expect.stringMatching(
        /workspace\.journal: line 3 is damaged and was skipped; documents may be missing\./
      )
    ])
    // The same line cut short (no newline) is a torn write: skipped without a word.
    await writeFile(file, [lines[0], lines[1], lines[2].slice(0, 40)].join('\n'))
    const torn: string[] = []
    expect(ids(await journal.read(0, (w) => torn.push(w)))).toEqual(['doc1', 'doc2'])
    expect(torn).toEqual([])
  })

  it('is moved aside, not deleted, when it is emptied, and says where', async () => {
    const { file, lines } = await journalOf(3)
    const damaged = [lines[0], lines[1].replace('Report 2', 'Report X'), lines[2], ''].join('\n')
    await writeFile(file, damaged)
    const journal = new Journal(file, catalogEntrySchema, 'documents may be missing')
    const warnings: string[] = []
    await journal.read(0, (w) => warnings.push(w))
    await journal.clear()
    const dir = join(file, '..')
    const kept = (await readdir(dir)).filter((n) => n.startsWith('workspace.journal.damaged-'))
    expect(kept).toHaveLength(1)
    expect(await readdir(dir)).not.toContain('workspace.journal')
    expect(await readFile(join(dir, kept[0]), 'utf8')).toBe(damaged)
    expect(warnings).toEqual([
      expect.stringMatching(/workspace\.journal: line 2 is damaged/),
      `${file} had a damaged line; it was kept as ${join(dir, kept[0])} instead of being deleted.`
    ])
    // A journal without damage is simply emptied.
    await journal.append(entry(4))
    await journal.clear()
    expect((await readdir(dir)).filter((n) => n.startsWith('workspace.journal'))).toEqual(kept)
  })

  it("keeps the catalog journal's damaged line, and its copy's, when the workspace is opened (the checkpoint empties them)", async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    await importText(wb, 'a.txt', 'A first report about the harbour.')
    await importText(wb, 'b.txt', 'A second report about the cranes.')
    // The journal as a crash left it: never checkpointed. Its copy is damaged the same way.
    const journal = await readFile(join(dir, 'workspace.journal'), 'utf8')
    await wb.close()
    const [first, second] = journal.split('\n')
    const damaged = [first, second.replace('cranes', 'crane5'), ''].join('\n')
    await writeFile(join(dir, 'workspace.journal'), damaged)
    await writeFile(join(dir, 'workspace.journal.copy'), damaged)
    const reopened = await openTestWorkbench(dir)
    const { warnings } = await reopened.getWorkspaceInfo()
    await reopened.close()
    const names = await readdir(dir)
    const kept = names.filter((n) => n.startsWith('workspace.journal.damaged-'))
    const keptCopy = names.filter((n) => n.startsWith('workspace.journal.copy.damaged-'))
    expect([kept.length, keptCopy.length]).toEqual([1, 1])
    expect(await readFile(join(dir, kept[0]), 'utf8')).toBe(damaged)
    expect(await readFile(join(dir, keptCopy[0]), 'utf8')).toBe(damaged)
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/workspace\.journal: line 2 is damaged/),
        expect.stringContaining(`it was kept as ${join(dir, kept[0])}`),
        expect.stringContaining(`it was kept as ${join(dir, keptCopy[0])}`)
      ])
    )
  })

  it("keeps an annotation journal's damaged line when its file is next rewritten", async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    const doc = await importText(wb, 'a.txt', 'Ships waited at anchor off Port Averly for a week.')
    await wb.createAnnotation({ docId: doc.id, start: 0, end: 5 })
    await wb.createAnnotation({ docId: doc.id, start: 6, end: 12, note: 'how long?' })
    const file = join(dir, 'annotations', `${doc.id}.journal`)
    const journal = await readFile(file, 'utf8')
    await wb.close()
    const damaged = journal.replace('how long?', 'how lang?')
    await writeFile(file, damaged)
    const reopened = await openTestWorkbench(dir)
    await reopened.getDocument(doc.id)
    await reopened.createAnnotation({ docId: doc.id, start: 13, end: 19 })
    const { warnings } = await reopened.getWorkspaceInfo()
    await reopened.close()
    const kept = (await readdir(join(dir, 'annotations'))).filter((n) => n.includes('.damaged-'))
    expect(kept).toHaveLength(1)
    expect(await readFile(join(dir, 'annotations', kept[0]), 'utf8')).toBe(damaged)
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /\.journal: line 1 is damaged and was skipped; changes to highlights/
        ),
        expect.stringContaining(`it was kept as ${join(dir, 'annotations', kept[0])}`)
      ])
    )
  })

  it('reads a journal longer than the longest string, line by line', async () => {
    // 540 MB, more than V8's longest string (2^29 - 24 characters): whole lines, then a long
    // stretch of zero bytes (sparse: it costs no disk), then whole lines again.
    const { file, lines } = await journalOf(3)
    const size = 540 * 1024 * 1024
    await truncate(file, size)
    await appendFile(file, `\n${lines[0]}\n`)
    const warnings: string[] = []
    const journal = new Journal(file, catalogEntrySchema, 'documents may be missing')
    const entries = await journal.read(0, (w) => warnings.push(w))
    expect(ids(entries)).toEqual(['doc1', 'doc2', 'doc3', 'doc1'])
    expect(warnings).toEqual([
      expect.stringMatching(
        /workspace\.journal: line 4 is too long to read \(\d+ MB\) and was skipped/
      )
    ])
  }, 60_000)

  it('reads lines by the chunk, whatever the size of the whole journal', async () => {
    const { file } = await journalOf(400)
    // Lines of ~600 bytes read 1 KB at a time: lines cross chunk boundaries everywhere.
    const journal = new Journal(file, catalogEntrySchema, 'documents may be missing', {
      chunkBytes: 1024,
      maxLineBytes: 2048
    })
    const warnings: string[] = []
    const entries = await journal.read(0, (w) => warnings.push(w))
    expect(ids(entries)).toEqual(Array.from({ length: 400 }, (_, i) => `doc${i + 1}`))
    expect(warnings).toEqual([])
    const small = new Journal(file, catalogEntrySchema, 'documents may be missing', {
      maxLineBytes: 100
    })
    const skipped: string[] = []
    expect(await small.read(0, (w) => skipped.push(w))).toEqual([])
    expect(skipped[0]).toMatch(/workspace\.journal: line 1 is too long to read/)
  })

  it.skipIf(process.platform !== 'linux')(
    'that cannot be read at all is named in one plain sentence',
    async () => {
      const dir = await tempDir()
      // A journal whose reading fails (EIO): opening /proc/self/mem works, reading at 0 does not.
      await symlink('/proc/self/mem', join(dir, 'workspace.journal'))
      const journal = new Journal(
        join(dir, 'workspace.journal'),
        catalogEntrySchema,
        'documents may be missing'
      )
      const error = await journal.read(0, () => undefined).catch((e: unknown) => e as Error)
      expect(error).toBeInstanceOf(Error)
      expect((error as Error).message).toBe(
        `The journal ${join(dir, 'workspace.journal')} could not be read (EIO).`
      )
    }
  )
})
