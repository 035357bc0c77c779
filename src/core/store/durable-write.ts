import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { GroupCommit, succeeded } from '../base/group-commit'

const TMP_SUFFIX = '.tmp'

/** Name of a fresh temp file beside `file`: hidden, unique per process and call. */
function tempPathFor(file: string): string {
  return join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}${TMP_SUFFIX}`
  )
}

/** The file operations a durable write needs: Node's, or a simulated disk in tests. */
export interface WriteFs {
  open(
    path: string,
    flags: string
  ): Promise<{
    writeFile(data: string | Uint8Array): Promise<void>
    sync(): Promise<void>
    close(): Promise<void>
  }>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
}

/** Flushes a folder's entry table, so that a rename inside it survives a power cut. */
export async function fsyncDir(dir: string, fs: WriteFs = nodeFs): Promise<void> {
  if (process.platform === 'win32') return // directories cannot be opened for fsync on Windows
  const fh = await fs.open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/**
 * Writes a file so that after a crash or power cut it holds either the old or the new content,
 * never a mix: unique temp file, fsync, rename over the target, fsync of the folder.
 * On failure (a full disk, say) the temp file is removed and the old file is untouched.
 */
export async function writeFileDurable(
  file: string,
  data: string | Uint8Array,
  fs: WriteFs = nodeFs
): Promise<void> {
  const tmp = tempPathFor(file)
  try {
    const fh = await fs.open(tmp, 'wx')
    try {
      await fh.writeFile(data)
      await fh.sync()
    } finally {
      await fh.close()
    }
    await fs.rename(tmp, file)
  } catch (err) {
    await fs.unlink(tmp).catch(() => undefined)
    // Errors from a write (ENOSPC, say) do not name the file: name the one we were saving.
    const e = err as NodeJS.ErrnoException
    if (e && typeof e === 'object' && e.code && !e.path) e.path = file
    throw err
  }
  // The rename put the new content in place; flushing the folder makes that survive a power cut.
  // If the flush fails the save is not durable, so it is reported — marked `written`, so that the
  // caller knows the new content is what the file now holds and does not roll its memory back.
  try {
    await (fs === nodeFs ? syncDirShared(dirname(file)) : fsyncDir(dirname(file), fs))
  } catch (err) {
    throw Object.assign(err as Error, { written: true })
  }
}

/** Per folder: the flushes of its entry table, shared by the renames done when each begins. */
const folderSyncs = new Map<string, GroupCommit<void, void>>()

/**
 * Flushes a folder's entry table on behalf of every caller whose rename is done: callers that
 * arrive while a flush is under way share the next one, which starts after it (group commit).
 * Many files written at once (an import of many documents) then cost a few folder flushes, not
 * one each.
 */
export function syncDirShared(dir: string): Promise<void> {
  let syncs = folderSyncs.get(dir)
  if (!syncs) {
    syncs = new GroupCommit<void, void>(async (callers) => {
      await fsyncDir(dir)
      return callers.map(() => succeeded(undefined))
    })
    folderSyncs.set(dir, syncs)
  }
  return syncs.add(undefined)
}

/** Whether a failed durable write had already replaced the file (only the final flush failed). */
export const wasWritten = (err: unknown): boolean =>
  Boolean(err && typeof err === 'object' && (err as { written?: boolean }).written)

/** Removes temp files left behind by a process that died mid-write. Returns how many were removed. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    if (name.startsWith('.') && name.endsWith(TMP_SUFFIX)) {
      await nodeFs.unlink(join(dir, name)).catch(() => undefined)
      removed++
    }
  }
  return removed
}
