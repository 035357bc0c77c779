import { randomBytes } from 'node:crypto'
import { lstat, mkdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { WorkbenchError } from '../base/errors'
import { writeFileDurable } from './durable-write'
import { LAYOUT } from './layout'

const LOCK = LAYOUT.lock
const OWNER = LAYOUT.lockOwner
const TAKEOVER = LAYOUT.lockTakeover

/** proper-lockfile's lock goes stale this long after its holder stopped refreshing it. */
const STALE_MS = 3000

/** Which lock folder an owner record belongs to: its inode and birth time (nanoseconds). */
interface LockIdentity {
  ino: string
  born: string
}

interface Owner {
  pid: number
  host: string
  /** The lock folder this process made (absent where the file system keeps no birth time). */
  lock?: LockIdentity
}

/** How long to wait for a lock whose owner is unknown to go stale: tries, and the pause between them (0: no waiting). */
export type StaleWait = { retries: number; pauseMs: number } | 0

const WAIT_FOR_STALE: StaleWait = { retries: 12, pauseMs: 500 }

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function identityOf(path: string): Promise<LockIdentity | null> {
  try {
    const s = await stat(path, { bigint: true })
    // Without a birth time, a folder made again could reuse the inode: no identity to trust.
    return s.birthtimeNs > 0n ? { ino: String(s.ino), born: String(s.birthtimeNs) } : null
  } catch {
    return null
  }
}

const sameLock = (a: LockIdentity | null | undefined, b: LockIdentity | null): boolean =>
  Boolean(a && b && a.ino === b.ino && a.born === b.born)

/**
 * Who holds the lock folder as it is now. 'held': the owner record names a running process on
 * this machine, or a process on another machine (which may run). 'crashed': it names this very
 * folder and a process on this machine that no longer runs. 'unknown': no record for this folder
 * (its maker may not have written one yet, or crashed before it could): only the folder's going
 * stale tells.
 */
async function holder(
  dir: string
): Promise<{ kind: 'crashed'; lock: LockIdentity } | { kind: 'held' | 'unknown' }> {
  let owner: Owner
  try {
    owner = JSON.parse(await readFile(join(dir, OWNER), 'utf8')) as Owner
  } catch {
    return { kind: 'unknown' }
  }
  if (typeof owner?.pid !== 'number') return { kind: 'unknown' }
  if (owner.host !== hostname()) return { kind: 'held' }
  if (owner.pid === process.pid || isAlive(owner.pid)) return { kind: 'held' }
  const lock = await identityOf(join(dir, LOCK))
  return lock && sameLock(owner.lock, lock) ? { kind: 'crashed', lock } : { kind: 'unknown' }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/**
 * Takes the workspace's writer lock (proper-lockfile: the folder workspace.lock, made by an atomic
 * mkdir). A second writer — another app window or a CLI import — gets a clear message instead of
 * interleaving writes. The lock is refreshed while held and goes stale 3 s after its holder stops
 * refreshing it.
 *
 * After a crash the lock is taken over at once: the owner record (workspace.lock-owner.json)
 * names the process and the very lock folder it made (inode and birth time), so a folder whose
 * maker no longer runs on this machine is moved aside by a rename (atomic) and the lock is taken
 * again by mkdir, which only one process can win. Takeovers are one at a time (the folder
 * workspace.lock.takeover, itself made by mkdir), and the folder moved aside is checked to be the
 * one judged dead (else it is put back). A lock folder without a record of its own (its maker
 * crashed between making it and writing the record, or has not written it yet) is waited for
 * until it goes stale (`wait`).
 *
 * Every attempt to make the lock folder is made inside that section too: proper-lockfile removes
 * a stale folder before it makes its own, and two processes doing so at once could each remove
 * the other's fresh folder and both believe they hold the lock.
 */
export async function lockWorkspace(
  dir: string,
  onCompromised: (err: Error) => void,
  wait: StaleWait = WAIT_FOR_STALE
): Promise<() => Promise<void>> {
  const base = { lockfilePath: join(dir, LOCK), realpath: false, stale: STALE_MS, onCompromised }
  const locked = new WorkbenchError(
    'locked',
    `The workspace ${dir} is in use by another Analyst Workbench process (the app or a workbench command). Close it, or wait for it to finish, and try again.`
  )
  const acquire = async (): Promise<() => Promise<void>> => {
    const release = await lockfile.lock(dir, { ...base, retries: 0 })
    try {
      const lock = (await identityOf(join(dir, LOCK))) ?? undefined
      // A folder where the owner record goes (damage) is moved aside: the lock is ours now.
      if ((await lstat(join(dir, OWNER)).catch(() => null))?.isDirectory())
        await rename(
          join(dir, OWNER),
          join(dir, `${OWNER}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`)
        )
      await writeFileDurable(
        join(dir, OWNER),
        JSON.stringify({ pid: process.pid, host: hostname(), lock } satisfies Owner)
      )
    } catch (err) {
      // A lock without its owner record (a full disk, say) is not kept: nothing could take it over.
      await release().catch(() => undefined)
      throw err
    }
    return async () => {
      await rm(join(dir, OWNER), { force: true })
      await release().catch(() => undefined) // a lock already lost cannot be released; nothing to undo
    }
  }
  const mutex = join(dir, TAKEOVER)
  /** One attempt, inside the section (waiting a moment for another process to leave it); null: held. */
  const attempt = async (): Promise<(() => Promise<void>) | null> => {
    for (let tries = 0; tries < 400; tries++) {
      if (await enter(mutex))
        try {
          return await acquire()
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return null
          throw err
        } finally {
          await rmdir(mutex).catch(() => undefined)
        }
      await sleep(25)
    }
    return null
  }
  const waits = wait === 0 ? 0 : wait.retries
  for (let round = 0; ; round++) {
    const got = await attempt()
    if (got) return got
    const now = await holder(dir)
    if (now.kind === 'held') throw locked
    if (now.kind === 'unknown') {
      // Only its going stale tells: try again until it has.
      for (let i = 0; i < waits; i++) {
        await sleep(wait === 0 ? 0 : wait.pauseMs)
        const again = await attempt()
        if (again) return again
        if ((await holder(dir)).kind === 'held') throw locked
      }
      throw locked
    }
    const taken = await takeOver(dir, acquire)
    if (typeof taken === 'function') return taken
    // Another process is taking it over, or the lock changed hands: look again, a few times.
    if (round >= 20) throw locked
    await sleep(25)
  }
}

/**
 * Moves aside a lock folder whose maker crashed and takes the lock, one process at a time.
 * Returns the release, or 'busy' (another process is taking over) or 'changed' (the lock is no
 * longer the crashed one's).
 */
async function takeOver(
  dir: string,
  acquire: () => Promise<() => Promise<void>>
): Promise<(() => Promise<void>) | 'busy' | 'changed'> {
  const mutex = join(dir, TAKEOVER)
  if (!(await enter(mutex))) return 'busy'
  try {
    // Judged again inside: the lock may have been taken over since.
    const now = await holder(dir)
    if (now.kind !== 'crashed') return 'changed'
    const lockPath = join(dir, LOCK)
    const aside = join(dir, `${LOCK}.stale-${process.pid}-${randomBytes(4).toString('hex')}`)
    try {
      await rename(lockPath, aside)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'changed'
      throw err
    }
    if (!sameLock(now.lock, await identityOf(aside))) {
      // Not the folder judged dead (it was replaced in between): put it back where it was.
      if (!(await identityOf(lockPath))) await rename(aside, lockPath).catch(() => undefined)
      return 'changed'
    }
    await rm(aside, { recursive: true, force: true })
    try {
      return await acquire()
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') return 'changed'
      throw err
    }
  } finally {
    await rmdir(mutex).catch(() => undefined)
  }
}

/** Enters the takeover section (a folder made by mkdir); one left by a crash is cleared after 10 s. */
async function enter(mutex: string): Promise<boolean> {
  for (let tries = 0; tries < 2; tries++) {
    try {
      await mkdir(mutex)
      return true
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const left = await stat(mutex, { bigint: true }).catch(() => null)
    if (!left || Number(left.mtimeMs) > Date.now() - 10_000) return false
    // Left by a crash: moved aside (atomic), and removed only if it is the very folder judged
    // old; one another process has just made in its place is put back.
    const aside = `${mutex}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
    try {
      await rename(mutex, aside)
    } catch {
      continue // gone already: another process cleared it
    }
    const moved = await stat(aside, { bigint: true }).catch(() => null)
    const same =
      moved !== null &&
      moved.ino === left.ino &&
      moved.mtimeNs === left.mtimeNs &&
      moved.birthtimeNs === left.birthtimeNs
    if (same) await rmdir(aside).catch(() => undefined)
    else await rename(aside, mutex).catch(() => undefined)
  }
  return false
}
