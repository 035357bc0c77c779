import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import type { Tag } from '../../shared/model'
import { WorkspaceStore } from './workspace-store'

const tempDir = useTempDirs()

const tag = (id: string): Tag => ({ id, name: id, parent: null, color: '#d97706', description: '' })

describe('group commit', () => {
  it('saves changes asked for together in order, and leaves out one that throws halfway', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir)
    const results = await Promise.allSettled([
      store.update((d) => d.codebook.tags.push(tag('a'))),
      store.update((d) => d.codebook.tags.push(tag('b'))),
      store.update((d) => {
        d.codebook.tags.push(tag('half-done'))
        throw new Error('refused')
      }),
      store.update((d) => d.codebook.tags.push(tag('c')))
    ])
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled'
    ])
    expect(store.data.codebook.tags.map((t) => t.id)).toEqual(['a', 'b', 'c'])
    await store.close()
    const saved = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))
    expect(saved.codebook.tags.map((t: { id: string }) => t.id)).toEqual(['a', 'b', 'c'])
  })
})

describe('the catalog', () => {
  it('saves a change to the codebook alone, or to the memos alone, as a journal line of just that', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir)
    await store.updateCodebook((d) => d.codebook.tags.push(tag('a')))
    await store.updateMemos((d) => {
      d.memos = [
        { id: 'm', title: 'M', text: '', docIds: [], tagIds: [], created: 'x', modified: 'x' }
      ]
    })
    const lines = (await readFile(join(dir, 'workspace.journal'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l.slice(17)))
    expect(lines.map((l) => [Boolean(l.tags), Boolean(l.memos)])).toEqual([
      [true, false],
      [false, true]
    ])
    await store.close()
    const reopened = await WorkspaceStore.open(dir)
    expect(reopened.data.codebook.tags.map((t) => t.id)).toEqual(['a'])
    expect(reopened.data.memos.map((m) => m.id)).toEqual(['m'])
    await reopened.close()
  })

  it('rewrites the catalog file for a change to anything, and empties the journal', async () => {
    const dir = await tempDir()
    const store = await WorkspaceStore.open(dir)
    await store.update((d) => d.codebook.tags.push(tag('a')))
    const generation = store.data.catalogGeneration
    expect(
      await store.rewriteCatalog((d) => {
        d.nextImportOrder = 7
        return 'done'
      })
    ).toBe('done')
    const saved = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))
    expect(saved).toMatchObject({ nextImportOrder: 7, catalogGeneration: generation + 1 })
    expect(saved.codebook.tags.map((t: Tag) => t.id)).toEqual(['a'])
    await expect(readFile(join(dir, 'workspace.journal'))).rejects.toThrow()
    await store.close()
  })

  it('opens a catalog with a damaged document and no backup, keeping the rest of it and a copy of the damaged file', async () => {
    const dir = await tempDir()
    const first = await WorkspaceStore.open(dir)
    await first.update((d) => d.codebook.tags.push(tag('kept')))
    await first.close()
    const catalog = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))
    catalog.documents = [
      {
        id: 'd1',
        title: 'Port report',
        author: null,
        published: null,
        source: null,
        originalName: 'port.txt',
        format: 'txt',
        sha256: 'a'.repeat(64),
        textSha256: 'b'.repeat(64),
        bytes: 10,
        chars: 10,
        words: 2,
        importedAt: '2025-03-06T09:00:00.000Z',
        importOrder: 1
      }
    ]
    const damaged = JSON.stringify(catalog)
    await writeFile(join(dir, 'workspace.json'), damaged)
    await rm(join(dir, 'backups'), { recursive: true })
    const store = await WorkspaceStore.open(dir)
    expect(store.data.codebook.tags.map((t) => t.id)).toEqual(['kept'])
    expect(store.data.documents).toEqual([])
    expect(store.warnings.join('\n')).toMatch(
      /workspace\.json was damaged \(unexpected content at documents\.0: stored: missing \(where the text is kept, in texts\/\)\) and no backup of it could be read: it was rebuilt .* copied to workspace\.json\.corrupt-/
    )
    expect(store.warnings.join('\n')).toMatch(/left out: a document/)
    await store.close()
    const aside = (await readdir(dir)).find((n) => n.startsWith('workspace.json.corrupt-'))
    expect(await readFile(join(dir, aside as string), 'utf8')).toBe(damaged)
  })
})
