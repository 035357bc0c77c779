import { lstat, open, readdir, realpath, stat } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import { formatBytes } from '../../shared/format'
import { EXTENSION_FORMATS } from '../../shared/model'
import { WorkbenchError } from '../base/errors'

export interface ExpandedPaths {
  files: string[]
  /** Entries that were named or found but cannot be imported, each with the reason. */
  missing: { path: string; error: string }[]
}

const kindOf = (info: Stats): string =>
  info.isFIFO()
    ? 'a named pipe'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : 'not a regular file'

const inside = (root: string, path: string): boolean => {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..')
}

/**
 * Expands the paths a user named into files: files as they are (so that an unsupported one is
 * reported), folders recursively, keeping only supported documents and skipping hidden entries.
 * Inside a folder, a link is followed only to a place inside one of the folders named (never out
 * of them), each folder is visited once however many links lead to it, and every entry that is
 * left out for another reason than its type — a link out or to nothing, a pipe or device, a name
 * that is not valid UTF-8 — is reported with the reason.
 */
export async function expandPaths(paths: string[]): Promise<ExpandedPaths> {
  const files: string[] = []
  const missing: ExpandedPaths['missing'] = []
  const seenDirs = new Set<string>()
  const seenFiles = new Set<string>()
  const roots: string[] = []
  for (const p of paths) {
    try {
      if ((await stat(p)).isDirectory()) roots.push(await realpath(p))
    } catch {
      // reported when visited
    }
  }

  const visit = async (path: string, named: boolean): Promise<void> => {
    let info: Stats
    let real: string
    try {
      const link = await lstat(path)
      if (link.isSymbolicLink() && !named) {
        try {
          real = await realpath(path)
        } catch {
          missing.push({ path, error: 'a link to something that does not exist; not followed' })
          return
        }
        if (!roots.some((r) => inside(r, real))) {
          missing.push({
            path,
            error: 'a link to a place outside the chosen folders; not followed'
          })
          return
        }
      }
      info = await stat(path)
      real = await realpath(path)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (named || code !== 'ENOENT')
        missing.push({
          path,
          error: code === 'ENOENT' ? 'no such file or folder' : (err as Error).message
        })
      return
    }
    if (info.isDirectory()) {
      if (seenDirs.has(real)) return // a link back to a folder already visited (or a cycle)
      seenDirs.add(real)
      let names: Buffer[]
      try {
        names = await readdir(path, { encoding: 'buffer' })
      } catch (err) {
        missing.push({ path, error: `the folder could not be read (${(err as Error).message})` })
        return
      }
      const entries: string[] = []
      for (const raw of names) {
        const name = raw.toString('utf8')
        if (name.startsWith('.')) continue
        if (!Buffer.from(name, 'utf8').equals(raw)) {
          missing.push({
            path: join(path, name),
            error: 'the file name is not valid UTF-8; rename the file to import it'
          })
          continue
        }
        entries.push(name)
      }
      for (const name of entries.sort()) await visit(join(path, name), false)
      return
    }
    if (!info.isFile()) {
      // A pipe or a device would never end, or read something that is not a document.
      if (named || extname(path).slice(1).toLowerCase() in EXTENSION_FORMATS)
        missing.push({ path, error: `${kindOf(info)}, not a file; nothing was read from it` })
      return
    }
    if (!named && !(extname(path).slice(1).toLowerCase() in EXTENSION_FORMATS)) return
    if (seenFiles.has(real)) return // the same file reached again through a link
    seenFiles.add(real)
    files.push(path)
  }
  for (const p of paths) await visit(p, true)
  return { files, missing }
}

/**
 * Reads a file of at most `maxBytes`, counting the bytes actually read: a file whose size the
 * system reports as 0 (those in /proc) or that grows while it is read cannot pass the limit.
 */
export async function readFileWithin(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const info = await handle.stat()
    if (!info.isFile())
      throw new WorkbenchError(
        'invalid-argument',
        `${kindOf(info)}, not a file; nothing was read from it`
      )
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 16)
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes)
        throw new WorkbenchError(
          'invalid-argument',
          `the file holds more than the ${formatBytes(maxBytes)} limit for one file`
        )
      chunks.push(chunk.subarray(0, bytesRead))
    }
    return new Uint8Array(Buffer.concat(chunks, total))
  } finally {
    await handle.close()
  }
}
