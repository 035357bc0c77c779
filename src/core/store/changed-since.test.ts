import { mkdir, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { annotationFilesChangedSince } from './changed-since'

const tempDir = useTempDirs()

/** Writes annotations/<name> with a modification time `at` (ms). */
async function file(dir: string, name: string, at: number): Promise<void> {
  const path = join(dir, 'annotations', name)
  await writeFile(path, '{}')
  await utimes(path, at / 1000, at / 1000)
}

describe('annotationFilesChangedSince', () => {
  it('names each live document whose annotation file or journal changed since the time, once', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'annotations'))
    const t = 1_700_000_000_000
    await file(dir, 'old.json', t - 60_000)
    await file(dir, 'fresh.json', t + 5_000)
    await file(dir, 'fresh.journal', t + 6_000)
    await file(dir, 'noted.json', t - 60_000)
    await file(dir, 'noted.journal', t) // at the time itself counts
    await file(dir, 'gone.json', t + 5_000) // not in the library any more
    await file(dir, '.fresh.json.123.abc.tmp', t + 5_000)
    await file(dir, 'not-ours.txt', t + 5_000)
    const live = new Set(['old', 'fresh', 'noted'])
    expect((await annotationFilesChangedSince(dir, t, live)).sort()).toEqual(['fresh', 'noted'])
    expect(await annotationFilesChangedSince(dir, t + 10_000, live)).toEqual([])
    expect((await annotationFilesChangedSince(dir, 0, new Map([['old', 1]]))).sort()).toEqual([
      'old'
    ])
  })

  it('answers nothing for a workspace without annotations', async () => {
    expect(await annotationFilesChangedSince(await tempDir(), 0, new Set(['a']))).toEqual([])
  })

  it('goes through many files, a slice at a time', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'annotations'))
    const ids = Array.from({ length: 2500 }, (_, i) => `d${i}`)
    await Promise.all(ids.map((id) => writeFile(join(dir, 'annotations', `${id}.json`), '{}')))
    let turns = 0
    let counting = true
    const count = (): void => {
      turns++
      if (counting) setImmediate(count)
    }
    const answer = annotationFilesChangedSince(dir, 0, new Set(ids))
    setImmediate(count)
    const changed = await answer
    counting = false
    expect(changed.sort()).toEqual([...ids].sort())
    expect(turns).toBeGreaterThan(2)
  })
})
