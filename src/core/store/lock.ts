import { readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { WorkbenchError } from '../base/errors'
import { writeFileDurable } from './durable-write'
import { LAYOUT } from './layout'

const LOCK = LAYOUT.lock
const OWNER = LAYOUT.lockOwner

interface Owner {
  pid: number
  host: string
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** True when the lock's recorded owner was a process on this machine that no longer runs (it crashed). */
async function ownerIsGone(dir: string): Promise<boolean> {
  try {
    const owner = JSON.parse(await readFile(join(dir, OWNER), 'utf8')) as Owner
    return (
      owner.host === hostname() &&
      typeof owner.pid === 'number' &&
      owner.pid !== process.pid &&
      !isAlive(owner.pid)
    )
  } catch {
    return false
  }
}

/**
 * Takes the workspace's writer lock (proper-lockfile). A second writer — another app window or a
 * CLI import — gets a clear message instead of interleaving writes. The lock is refreshed while
 * held and goes stale 3 s after its holder stops refreshing it. When the recorded owner is a
 * process on this machine that no longer runs (it crashed), we wait those few seconds for
 * proper-lockfile to take the stale lock over, rather than removing it ourselves: two processes
 * starting at once after a crash could otherwise both believe they hold it.
 */
export async function lockWorkspace(
  dir: string,
  onCompromised: (err: Error) => void
): Promise<() => Promise<void>> {
  const base = { lockfilePath: join(dir, LOCK), realpath: false, stale: 3000, onCompromised }
  const locked = new WorkbenchError(
    'locked',
    `The workspace ${dir} is in use by another Analyst Workbench process (the app or a workbench command). Close it, or wait for it to finish, and try again.`
  )
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dir, { ...base, retries: 0 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err
    if (!(await ownerIsGone(dir))) throw locked
    try {
      release = await lockfile.lock(dir, {
        ...base,
        retries: { retries: 12, factor: 1, minTimeout: 500, maxTimeout: 500 }
      })
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw locked
      throw again
    }
  }
  await writeFileDurable(
    join(dir, OWNER),
    JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner)
  )
  return async () => {
    await rm(join(dir, OWNER), { force: true })
    await release().catch(() => undefined) // a lock already lost cannot be released; nothing to undo
  }
}
