import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { StoredRef } from '../../shared/model'
import { useTempDirs } from '../../test-support/temp-dir'
import { PackReader, PackWriter } from './pack-store'

const tempDir = useTempDirs()
const readers: PackReader[] = []
afterEach(async () => Promise.all(readers.splice(0).map((r) => r.close())))
const readerFor = (dir: string): PackReader => {
  const r = new PackReader(dir)
  readers.push(r)
  return r
}
const readPackedText = (dir: string, ref: StoredRef) => readerFor(dir).text(ref)
const readPackedOriginal = (dir: string, ref: StoredRef) => readerFor(dir).original(ref)

const record = (i: number, original = `original file ${i} é`) => ({
  sha256: String(i).padStart(64, '0'),
  textSha256: String(i).padStart(64, '1'),
  ext: 'txt',
  text: `Text of document ${i}: naïve café, “quoted”.`,
  blocks: JSON.stringify([{ kind: 'paragraph', start: 0, end: 10 + i }]),
  original: new TextEncoder().encode(original)
})

describe('content packs', () => {
  it('stores records asked for together in one pack, each read back exactly', async () => {
    const dir = await tempDir()
    const packs = new PackWriter(dir)
    const refs = await Promise.all(Array.from({ length: 50 }, (_, i) => packs.put(record(i))))
    await packs.close()
    expect(new Set(refs.map((r) => r.pack))).toEqual(new Set(['pack-000001.awp']))
    for (const [i, ref] of refs.entries()) {
      const { text, blocks } = await readPackedText(dir, ref)
      expect(text).toBe(record(i).text)
      expect(blocks).toBe(record(i).blocks)
      expect(new TextDecoder().decode(await readPackedOriginal(dir, ref))).toBe(
        `original file ${i} é`
      )
    }
  })

  it('keeps each record readable without the catalog: a header says what it is', async () => {
    const dir = await tempDir()
    const packs = new PackWriter(dir)
    const ref = await packs.put(record(7))
    await packs.close()
    const bytes = await readFile(join(dir, ref.pack))
    expect(bytes.toString('latin1', 0, 4)).toBe('AWR1')
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(4)))
    expect(header).toMatchObject({ sha256: record(7).sha256, ext: 'txt', text: ref.text })
  })

  it('goes on in the newest pack after a restart, and begins a new pack when one is full', async () => {
    const dir = await tempDir()
    let packs = new PackWriter(dir, 1000)
    const first = await packs.put(record(1))
    await packs.close()
    packs = new PackWriter(dir, 1000)
    const second = await packs.put(record(2))
    expect(second.pack).toBe(first.pack)
    expect(second.at).toBeGreaterThan(first.at)
    const third = await packs.put(record(3, 'x'.repeat(500)))
    const fourth = await packs.put(record(4))
    await packs.close()
    expect(third.pack).toBe(first.pack)
    expect(fourth.pack).toBe('pack-000002.awp')
    expect((await readdir(dir)).sort()).toEqual(['pack-000001.awp', 'pack-000002.awp'])
    for (const [i, ref] of [first, second, third, fourth].entries())
      expect((await readPackedText(dir, ref)).text).toBe(record(i + 1).text)
  })

  it('writes after whatever a crash left at the end of a pack, and the earlier records still read', async () => {
    const dir = await tempDir()
    let packs = new PackWriter(dir)
    const first = await packs.put(record(1))
    await packs.close()
    // Half a record, as a power cut during an append would leave it.
    const path = join(dir, first.pack)
    await writeFile(path, Buffer.concat([await readFile(path), Buffer.from('AWR1\x10\x00')]))
    packs = new PackWriter(dir)
    const second = await packs.put(record(2))
    await packs.close()
    expect((await readPackedText(dir, first)).text).toBe(record(1).text)
    expect((await readPackedText(dir, second)).text).toBe(record(2).text)
  })

  it('says which pack is cut short when a record is not all there', async () => {
    const dir = await tempDir()
    const packs = new PackWriter(dir)
    const ref = await packs.put(record(1))
    await packs.close()
    const path = join(dir, ref.pack)
    await writeFile(path, (await readFile(path)).subarray(0, ref.at + 3))
    await expect(readPackedText(dir, ref)).rejects.toThrow(
      'pack-000001.awp ends before the record it should hold'
    )
  })
})
