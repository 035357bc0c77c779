import { readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../../test-support/cli'
import { hostileBackups, makeBackup } from '../../../test-support/hostile'
import { useTempDirs } from '../../../test-support/temp-dir'
import { openTestWorkbench } from '../../../test-support/workbench'

const tempDir = useTempDirs()

/** Every file of a folder with its size: what a refused restore must leave as it found it. */
async function listing(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name)
    out.push(`${path.slice(dir.length)} ${e.isFile() ? (await stat(path)).size : 'dir'}`)
  }
  return out.sort()
}

describe('restore of a hostile backup', () => {
  it('restores the backup the hostile ones are made from, and a codebook exactly 32 deep', async () => {
    for (const backup of [
      makeBackup({ documents: 2, tags: 3, highlights: 4 }),
      makeBackup({ tags: 32, chain: true, highlights: 3 })
    ]) {
      const wb = await openTestWorkbench(await tempDir())
      const passages = backup.workspace.codebook.tags.length === 32 ? 3 : 4
      expect(await wb.restore(JSON.stringify(backup), 'backup.json')).toMatchObject({ passages })
      expect((await wb.listTags()).length).toBe(backup.workspace.codebook.tags.length)
      await wb.close()
    }
  })

  it('restores a backup whose memos and highlights link what it does not hold, leaving those links off', async () => {
    // A memo keeps the id of a document moved to the Trash, and a highlight that of a tag deleted.
    const backup = makeBackup({ documents: 2, tags: 3, highlights: 4 })
    backup.annotations.d000000.annotations[0].tags = ['t9', 't0']
    backup.workspace.memos.push({
      id: 'm1',
      title: 'Memo',
      text: 'Text',
      docIds: ['d7', 'd000001'],
      tagIds: ['t8'],
      created: '2025-03-06T09:00:00.000Z',
      modified: '2025-03-06T09:00:00.000Z'
    })
    const wb = await openTestWorkbench(await tempDir())
    expect(await wb.restore(JSON.stringify(backup), 'backup.json')).toMatchObject({ passages: 4 })
    const [memo] = await wb.listMemos()
    expect([memo.docIds, memo.tagIds]).toEqual([['d000001'], []])
    const [first] = await wb.listAnnotations('d000000')
    expect(first.tags).toEqual(['t0'])
    await wb.close()
  })

  it.each(hostileBackups().map((h) => [h.name, h] as const))(
    'refuses %s in one sentence naming the file, writing nothing',
    async (_, { backup, reason }) => {
      const dir = await tempDir()
      const wb = await openTestWorkbench(dir)
      const before = await listing(dir)
      const err = await wb.restore(JSON.stringify(backup), 'case-7.json').then(
        () => null,
        (e: Error) => e
      )
      expect(err?.message).toMatch(/^case-7\.json was not restored: [^\n]+\.$/)
      expect(err?.message).toMatch(reason)
      expect(err?.message.split('. ').length).toBe(1)
      expect(await wb.listDocuments()).toEqual([])
      expect(await wb.listTags()).toEqual([])
      expect(await listing(dir)).toEqual(before)
      await wb.close()
    }
  )

  it('is refused by the CLI the same way, with exit code 1 and no stack trace', async () => {
    const file = join(await tempDir(), 'slash.json')
    const slash = hostileBackups().find((h) => h.name === 'a document id with a slash')
    await writeFile(file, JSON.stringify(slash?.backup))
    const ws = join(await tempDir(), 'ws')
    const { code, err } = await cli('--workspace', ws, 'restore', file)
    expect(code).toBe(1)
    expect(err).toMatch(
      new RegExp(
        `^workbench: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was not restored: the document id "\\.\\./d000000" is not one of ours`
      )
    )
    expect(err.trim().split('\n')).toHaveLength(1)
  })
})
