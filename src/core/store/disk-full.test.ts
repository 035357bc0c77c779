import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { canMountTmpfs, useTempDirs } from '../../test-support/temp-dir'
import { toApiError } from '../base/errors'
import { writeFileDurable, type WriteFs } from './durable-write'
import * as nodeFs from 'node:fs/promises'

const tempDir = useTempDirs()
const child = fileURLToPath(new URL('../../test-support/disk-full-child.ts', import.meta.url))

describe('a full disk', () => {
  it('(injected ENOSPC) leaves the previous file intact, removes the temp file, and says so plainly', async () => {
    const dir = await tempDir()
    const file = join(dir, 'workspace.json')
    await writeFile(file, '{"v":1}')
    const fullDisk: WriteFs = {
      open: async (path, flags) => {
        const fh = await nodeFs.open(path, flags)
        return {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
              code: 'ENOSPC',
              path
            })
          },
          sync: () => fh.sync(),
          close: () => fh.close()
        }
      },
      rename: nodeFs.rename,
      unlink: nodeFs.unlink
    }
    const error = await writeFileDurable(file, '{"v":2}', fullDisk).catch((e: unknown) => e)
    expect(toApiError(error).message).toMatch(
      /^The disk is full \(.*\)\. Free some space and try again; nothing already saved was changed\.$/
    )
    expect(await readFile(file, 'utf8')).toBe('{"v":1}')
    expect(await readdir(dir)).toEqual(['workspace.json'])
  })

  it.skipIf(!canMountTmpfs)(
    '(a real 2 MB tmpfs) fails the import with a clear message and keeps every acknowledged import',
    async () => {
      const mount = await tempDir()
      const result = spawnSync(
        'unshare',
        [
          '-rm',
          'sh',
          '-c',
          `mount -t tmpfs -o size=2m tmpfs "$1" && exec "$2" --import tsx "$3" "$1/ws"`,
          'sh',
          mount,
          process.execPath,
          child
        ],
        {
          encoding: 'utf8',
          timeout: 60_000
        }
      )
      expect(result.stderr).not.toMatch(/^\s+at /m)
      const report = JSON.parse(result.stdout) as {
        failure: string
        acknowledged: number
        allPresent: boolean
        temps: string[]
      }
      expect(report.failure).toMatch(
        /^The disk is full \(.*\)\. Free some space and try again; nothing already saved was changed\.$/
      )
      expect(report.acknowledged).toBeGreaterThan(0)
      expect(report.allPresent).toBe(true)
      expect(report.temps).toEqual([])
    }
  )
})

if (!canMountTmpfs)
  console.warn(
    'disk-full.test: skipping the real tmpfs test: this machine cannot mount a tmpfs in a user namespace (unshare -rm)'
  )
