import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdir, readdir, rmdir, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { lockWorkspace } from './lock'

const tempDir = useTempDirs()
const lockChild = fileURLToPath(new URL('../../test-support/lock-child.ts', import.meta.url))

/** A lock-child process (see lock-child.ts), and its lines of output as they come. */
function startChild(
  dir: string,
  mode: 'hold' | 'race'
): { proc: ChildProcessWithoutNullStreams; line: () => Promise<string> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', lockChild, dir, mode])
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]()
  return {
    proc,
    line: async () => {
      const next = await lines.next()
      if (next.done) throw new Error(`lock-child exited: ${proc.exitCode}`)
      return next.value
    }
  }
}

/** A workspace whose writer lock was held by a process killed with SIGKILL (a crash). */
async function crashedHolder(): Promise<string> {
  const dir = await tempDir()
  const holder = startChild(dir, 'hold')
  expect(await holder.line()).toBe('locked')
  const exited = new Promise((r) => holder.proc.on('exit', r))
  holder.proc.kill('SIGKILL')
  await exited
  return dir
}

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

  it('clears a takeover section left by a process that crashed in it, and then takes the lock', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'workspace.lock.takeover'))
    const old = new Date(Date.now() - 20_000)
    await utimes(join(dir, 'workspace.lock.takeover'), old, old)
    const release = await lockWorkspace(dir, () => undefined, 0)
    expect((await readdir(dir)).filter((n) => n.startsWith('workspace.lock.takeover'))).toEqual([])
    await release()
  })

  it('lets only one of the processes starting after a crash take the lock', async () => {
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
    // Four at once: proper-lockfile alone lets one remove the fresh lock another has just made.
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => lockWorkspace(dir, () => undefined))
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r as PromiseRejectedResult).reason.code)
    ).toEqual(['locked', 'locked', 'locked'])
  }, 30_000)

  it('is taken over at once when its holder was killed (kill -9), without waiting for it to go stale', async () => {
    const dir = await crashedHolder()
    const started = performance.now()
    // No waiting for staleness: if the takeover were not immediate, this would be "in use".
    const release = await lockWorkspace(dir, () => undefined, 0)
    console.log(
      `lock.test: took over a crashed holder's lock in ${Math.round(performance.now() - started)} ms`
    )
    await release()
    expect((await readdir(dir)).filter((n) => n.startsWith('workspace.lock'))).toEqual([])
  }, 30_000)

  it('lets exactly one of two takeovers in this process win', async () => {
    const dir = await crashedHolder()
    const results = await Promise.allSettled([
      lockWorkspace(dir, () => undefined, 0),
      lockWorkspace(dir, () => undefined, 0)
    ])
    const won = results.filter((r) => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    expect(
      results
        .filter((r) => r.status === 'rejected')
        .map((r) => (r as PromiseRejectedResult).reason.code)
    ).toEqual(['locked'])
    await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value()
  }, 30_000)

  it('lets exactly one of two processes taking over at the same moment win', async () => {
    const dir = await crashedHolder()
    const racers = [startChild(dir, 'race'), startChild(dir, 'race')]
    for (const r of racers) expect(await r.line()).toBe('ready')
    for (const r of racers) r.proc.stdin.write('go\n')
    const outcomes = await Promise.all(
      racers.map(async (r) => JSON.parse(await r.line()) as { ok: boolean; code?: string })
    )
    for (const r of racers) r.proc.stdin.write('exit\n')
    await Promise.all(racers.map((r) => new Promise((done) => r.proc.on('exit', done))))
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
    expect(outcomes.filter((o) => !o.ok).map((o) => o.code)).toEqual(['locked'])
  }, 30_000)

  it('never takes over a lock folder its owner record does not name (made after the crash, owner not yet written)', async () => {
    const dir = await crashedHolder()
    // The crashed holder's record stays, but the lock folder is a new one: another process has
    // just made it and not yet written its own record.
    await rmdir(join(dir, 'workspace.lock'))
    await mkdir(join(dir, 'workspace.lock'))
    await expect(lockWorkspace(dir, () => undefined, 0)).rejects.toMatchObject({ code: 'locked' })
  }, 30_000)
})
