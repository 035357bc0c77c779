/**
 * A workspace that cannot be written, for real where this machine allows it: a folder made
 * read-only with chmod (not for root, whom it does not stop), and a small tmpfs filled up or
 * remounted read-only (where a tmpfs can be mounted in a user namespace). unwritable.test.ts
 * injects the same errors everywhere.
 */
import { spawnSync } from 'node:child_process'
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { importText, openTestWorkbench } from '../../test-support/workbench'

const tempDir = useTempDirs()
const child = fileURLToPath(new URL('../../test-support/unwritable-child.ts', import.meta.url))
const canMountTmpfs =
  spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d"'],
    { stdio: 'ignore' }
  ).status === 0

/** Whether chmod stops this process writing (it does not stop root). */
async function chmodStopsWrites(): Promise<boolean> {
  const dir = join(await tempDir(), 'probe')
  await mkdir(dir)
  await chmod(dir, 0o555)
  try {
    await writeFile(join(dir, 'x'), '')
    return false
  } catch {
    return true
  } finally {
    await chmod(dir, 0o755)
  }
}
const chmodWorks = await chmodStopsWrites()

describe('a workspace that cannot be written, for real', () => {
  it.skipIf(!chmodWorks)('(a folder chmod 0555) opens read-only and says why', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    await importText(wb, 'harbour.txt', 'Ships waited at anchor off Port Averly.')
    await wb.close()
    await chmod(dir, 0o555)
    try {
      const ro = await openTestWorkbench(dir)
      expect((await ro.getWorkspaceInfo()).warnings[0]).toMatch(
        /was opened read-only: you are not allowed to write to its folder\./
      )
      expect(await ro.listDocuments()).toHaveLength(1)
      await expect(ro.createTag({ path: 'Weather' })).rejects.toThrow(/opened read-only/)
      await ro.close()
      expect(await readdir(dir)).not.toContain('workspace.lock')
    } finally {
      await chmod(dir, 0o755)
    }
  })

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
if (!chmodWorks)
  console.warn(
    'unwritable-real.test: skipping the chmod 0555 test: chmod does not stop this process writing (root)'
  )
