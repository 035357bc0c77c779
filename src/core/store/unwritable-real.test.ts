/**
 * A workspace that cannot be written, for real where this machine allows it: a small tmpfs
 * filled up or remounted read-only (where a tmpfs can be mounted in a user namespace; chmod does
 * not stop the tests, which run as root in their namespace). unwritable.test.ts
 * injects the same errors everywhere.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { canMountTmpfs, useTempDirs } from '../../test-support/temp-dir'

const tempDir = useTempDirs()
const child = fileURLToPath(new URL('../../test-support/unwritable-child.ts', import.meta.url))

describe('a workspace that cannot be written, for real', () => {
  it.skipIf(!canMountTmpfs).each(['full', 'read-only'])(
    '(a tmpfs made %s) opens in the app read-only, reads in the CLI, and refuses a write plainly',
    async (state) => {
      const mount = await tempDir()
      const result = spawnSync(
        'unshare',
        [
          '-rm',
          'sh',
          '-c',
          `mount -t tmpfs -o size=2m tmpfs "$1" &&
           "$2" --import tsx "$3" setup "$1/ws" &&
           if [ "$4" = full ]; then dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null; true; else mount -o remount,ro "$1"; fi &&
           exec "$2" --import tsx "$3" check "$1/ws"`,
          'sh',
          mount,
          process.execPath,
          child,
          state === 'full' ? 'full' : 'ro'
        ],
        { encoding: 'utf8', timeout: 60_000 }
      )
      expect(result.stderr).not.toMatch(/^\s+at /m)
      const report = JSON.parse(result.stdout) as {
        warnings: string[]
        titles: string[]
        tagError: string
        lockLeft: boolean
        list: { code: number; out: string }
        imported: { code: number; err: string }
      }
      const because = state === 'full' ? 'the disk is full' : 'the disk is read-only'
      expect(report.warnings[0]).toMatch(
        new RegExp(`^The workspace .* was opened read-only: ${because}\\. `)
      )
      expect(report.titles).toEqual(['Ships waited at anchor off Port Averly'])
      expect(report.tagError).toContain(`opened read-only: ${because}.`)
      expect(report.lockLeft).toBe(false)
      expect(report.list.code).toBe(0)
      expect(report.list.out).toContain('Port Averly')
      expect(report.imported.code).toBe(1)
      expect(report.imported.err).toMatch(
        new RegExp(`^workbench: The workspace .* cannot be written to: ${because}\\. .*\\n$`)
      )
    },
    60_000
  )
})

if (!canMountTmpfs)
  console.warn(
    'unwritable-real.test: skipping the tmpfs tests: this machine cannot mount a tmpfs in a user namespace (unshare -rm)'
  )
