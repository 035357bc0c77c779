import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useTempDirs } from '../../test-support/temp-dir'
import { JsonCollection } from './collection'

const tempDir = useTempDirs()

const schema = z.object({ schemaVersion: z.literal(1), items: z.array(z.string()) })
type Items = z.infer<typeof schema>

const open = (dir: string, warnings: string[] = [], readOnly = false) =>
  JsonCollection.open<Items>({
    dir,
    name: 'items',
    schema,
    schemaVersion: 1,
    empty: () => ({ schemaVersion: 1, items: [] }),
    readOnly,
    onWarning: (m) => warnings.push(m)
  })

describe('a collection file', () => {
  it('keeps what was saved across reopening, and is seen only once saved', async () => {
    const dir = await tempDir()
    const c = await open(dir)
    const saving = c.update((d) => {
      d.items.push('first')
    })
    expect(c.data.items).toEqual([])
    await saving
    expect(c.data.items).toEqual(['first'])
    await c.close()
    expect((await open(dir)).data.items).toEqual(['first'])
  })

  it('is restored from its backup when damaged, and says so', async () => {
    const dir = await tempDir()
    const c = await open(dir)
    await c.update((d) => void d.items.push('kept'))
    const again = await open(dir)
    // The first change of a session backs the file up before changing it.
    await again.update((d) => void d.items.push('later'))
    await writeFile(join(dir, 'items.json'), '{"schemaVersion":1,"items":["tru')
    const warnings: string[] = []
    const reopened = await open(dir, warnings)
    expect(reopened.data.items).toEqual(['kept'])
    expect(warnings.join(' ')).toMatch(/items\.json/)
    expect((await readdir(dir)).some((n) => n.startsWith('items.json.corrupt-'))).toBe(true)
  })

  it('refuses changes when opened read-only, and a change that throws saves nothing', async () => {
    const dir = await tempDir()
    const c = await open(dir)
    await expect(
      c.update(() => {
        throw new Error('no')
      })
    ).rejects.toThrow('no')
    expect(c.data.items).toEqual([])
    const reader = await open(dir, [], true)
    expect(() => reader.update((d) => void d.items.push('x'))).toThrow('read-only')
    await expect(readFile(join(dir, 'items.json'), 'utf8')).rejects.toThrow(/ENOENT/)
  })
})
