import { readFile } from 'node:fs/promises'
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
