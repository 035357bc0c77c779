import { spawn } from 'node:child_process'
import { mkdir, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { lockWorkspace } from './lock'

const tempDir = useTempDirs()

/** A pid that certainly does not run any more: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await new Promise((r) => child.on('exit', r))
  return child.pid as number
}

describe('the workspace lock', () => {
  it('refuses a second holder with a clear message', async () => {
    const dir = await tempDir()
    const release = await lockWorkspace(dir, () => undefined)
    await expect(lockWorkspace(dir, () => undefined)).rejects.toMatchObject({ code: 'locked' })
    await release()
    const again = await lockWorkspace(dir, () => undefined)
    await again()
  })

  it('lets only one of two processes starting after a crash take the lock', async () => {
    const dir = await tempDir()
    // A lock left by a process that crashed a moment ago: its folder, refreshed 1 s before the
    // crash and never again, and its owner record naming a process that no longer runs.
    await mkdir(join(dir, 'workspace.lock'))
    const refreshed = new Date(Date.now() - 1000)
    await utimes(join(dir, 'workspace.lock'), refreshed, refreshed)
    await writeFile(
      join(dir, 'workspace.lock-owner.json'),
      JSON.stringify({ pid: await deadPid(), host: hostname() })
    )
    const results = await Promise.allSettled([
      lockWorkspace(dir, () => undefined),
      lockWorkspace(dir, () => undefined)
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r as PromiseRejectedResult).reason.code)
    ).toEqual(['locked'])
  }, 30_000)
})
