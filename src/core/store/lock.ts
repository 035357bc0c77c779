import { readFile, rm } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { WorkbenchError } from '../errors'
import { writeFileDurable } from './durable-write'

const LOCK = 'workspace.lock'
const OWNER = 'workspace.lock-owner.json'

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
 * held; a lock whose owner crashed is taken over at once when the owner ran on this machine, and
 * after 10 s of no refresh otherwise (a workspace on a shared drive).
 */
export async function lockWorkspace(
  dir: string,
  onCompromised: (err: Error) => void
): Promise<() => Promise<void>> {
  const options = {
    lockfilePath: join(dir, LOCK),
    realpath: false,
    retries: 0,
    stale: 10_000,
    onCompromised
  }
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dir, options)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err
    if (!(await ownerIsGone(dir))) {
      throw new WorkbenchError(
        'locked',
        `The workspace ${dir} is in use by another Analyst Workbench process (the app or a workbench command). Close it, or wait for it to finish, and try again.`
      )
    }
    await rm(join(dir, LOCK), { recursive: true, force: true })
    release = await lockfile.lock(dir, options)
  }
  await writeFileDurable(
    join(dir, OWNER),
    JSON.stringify({ pid: process.pid, host: hostname() } satisfies Owner)
  )
  return async () => {
    await rm(join(dir, OWNER), { force: true })
    await release()
  }
}
