import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { removeStaleTempFiles, writeFileDurable } from './durable-write'

const tempDir = useTempDirs()

describe('writeFileDurable', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await tempDir()
    const file = join(dir, 'workspace.json')
    await writeFileDurable(file, '{"v":1}')
    await writeFileDurable(file, '{"v":2}')
    expect(await readFile(file, 'utf8')).toBe('{"v":2}')
    expect(await readdir(dir)).toEqual(['workspace.json'])
  })

  it('keeps the old content and removes its temp file when the write fails', async () => {
    const dir = await tempDir()
    const target = join(dir, 'taken')
    await mkdir(target) // renaming a file over a folder fails, as a full disk or a permission error would
    await writeFile(join(target, 'keep'), 'old')
    await expect(writeFileDurable(target, 'new')).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['taken'])
    expect(await readFile(join(target, 'keep'), 'utf8')).toBe('old')
  })
})

describe('removeStaleTempFiles', () => {
  it('removes only our hidden temp files', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, '.workspace.json.123.abc.tmp'), 'partial')
    await writeFile(join(dir, 'notes.tmp'), 'not ours')
    await writeFile(join(dir, 'workspace.json'), '{}')
    expect(await removeStaleTempFiles(dir)).toBe(1)
    expect((await readdir(dir)).sort()).toEqual(['notes.tmp', 'workspace.json'])
  })
})
