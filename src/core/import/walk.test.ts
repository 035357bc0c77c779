import { execFileSync } from 'node:child_process'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { expandPaths, readFileWithin } from './walk'

const tempDir = useTempDirs()

/** A chosen folder with a document in it, and another document outside it. */
async function layout(): Promise<{ root: string; chosen: string; outside: string }> {
  const root = await tempDir()
  const chosen = join(root, 'case')
  await mkdir(join(chosen, 'sub'), { recursive: true })
  await writeFile(join(chosen, 'a.txt'), 'inside')
  await writeFile(join(chosen, 'sub', 'b.md'), 'inside too')
  await writeFile(join(root, 'secret.txt'), 'outside')
  return { root, chosen, outside: join(root, 'secret.txt') }
}

describe('expanding the paths chosen for import', () => {
  it('never follows a link out of the chosen folder, and says so', async () => {
    const { chosen, outside, root } = await layout()
    await symlink(outside, join(chosen, 'leak.txt'))
    await symlink(root, join(chosen, 'up'))
    const { files, missing } = await expandPaths([chosen])
    expect(files).toEqual([join(chosen, 'a.txt'), join(chosen, 'sub', 'b.md')])
    expect(missing).toEqual([
      {
        path: join(chosen, 'leak.txt'),
        error: expect.stringContaining('outside the chosen folders')
      },
      { path: join(chosen, 'up'), error: expect.stringContaining('outside the chosen folders') }
    ])
  })

  it('visits each folder once through links that loop, and each file once', async () => {
    const { chosen } = await layout()
    await symlink('.', join(chosen, 'self'))
    await symlink('.', join(chosen, 'again'))
    await symlink('..', join(chosen, 'sub', 'parent'))
    await symlink(join(chosen, 'a.txt'), join(chosen, 'sub', 'alias.txt'))
    const { files, missing } = await expandPaths([chosen])
    expect(files).toEqual([join(chosen, 'a.txt'), join(chosen, 'sub', 'b.md')])
    expect(missing).toEqual([])
  })

  it('reports a dangling link, a pipe, and a name that is not UTF-8', async () => {
    const { chosen } = await layout()
    await symlink(join(chosen, 'gone.txt'), join(chosen, 'dangling.txt'))
    execFileSync('mkfifo', [join(chosen, 'pipe.txt')])
    const badName = Buffer.concat([
      Buffer.from(`${chosen}/caf`),
      Buffer.from([0xe9]),
      Buffer.from('.txt')
    ])
    await writeFile(badName, 'latin-1 name')
    const { files, missing } = await expandPaths([chosen, join(chosen, 'pipe.txt')])
    expect(files).toEqual([join(chosen, 'a.txt'), join(chosen, 'sub', 'b.md')])
    expect(missing.map((m) => m.error)).toEqual([
      expect.stringContaining('not valid UTF-8'),
      expect.stringContaining('does not exist'),
      'a named pipe, not a file; nothing was read from it',
      'a named pipe, not a file; nothing was read from it'
    ])
  })

  it('still takes a file or folder named directly through a link', async () => {
    const { chosen, root } = await layout()
    await symlink(join(chosen, 'a.txt'), join(root, 'named.txt'))
    expect((await expandPaths([join(root, 'named.txt')])).files).toEqual([join(root, 'named.txt')])
  })
})

describe('reading a file within the limit', () => {
  it('counts the bytes read, not the size the system reports', async () => {
    // /proc files report a size of 0 and would read on and on.
    await expect(readFileWithin('/proc/self/smaps', 4096)).rejects.toThrow(
      'the file holds more than the 4 KB limit for one file'
    )
    const dir = await tempDir()
    await writeFile(join(dir, 'ok.txt'), 'x'.repeat(4096))
    expect((await readFileWithin(join(dir, 'ok.txt'), 4096)).byteLength).toBe(4096)
  })
})
