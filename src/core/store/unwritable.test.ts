/**
 * A workspace that cannot be written (a full disk, a quota used up, a read-only medium, a folder
 * you may not write to), injected: the file operations under the workspace fail with that error,
 * as the system would report it. (Tests may run as root, whom chmod does not stop: a real
 * read-only folder is tried in unwritable-real.test.ts where it can be.)
 */
import type * as realFs from 'node:fs/promises'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { cli } from '../../test-support/cli'
import { useTempDirs } from '../../test-support/temp-dir'
import { importText, openTestWorkbench } from '../../test-support/workbench'

const fault = vi.hoisted(() => ({ code: null as string | null, under: '' }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof realFs>()
  const hit = (path: unknown): boolean =>
    fault.code !== null && typeof path === 'string' && path.startsWith(fault.under)
  const error = (path: unknown, syscall: string): Error =>
    Object.assign(new Error(`${fault.code}: injected, ${syscall} '${String(path)}'`), {
      code: fault.code,
      path,
      syscall
    })
  // A full disk still lets files be renamed and removed; a read-only one or a folder you may not
  // write to lets nothing change.
  const nothing = (): boolean => fault.code === 'EROFS' || fault.code === 'EACCES'
  const refuse =
    <A extends unknown[], R>(syscall: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (hit(args[0]) && nothing()) throw error(args[0], syscall)
      return fn(...args)
    }
  const mocked = {
    ...real,
    open: (async (path: string, flags?: string | number, mode?: number) => {
      if (hit(path) && typeof flags === 'string' && /[wax+]/.test(flags)) throw error(path, 'open')
      return real.open(path, flags, mode)
    }) as typeof real.open,
    writeFile: (async (path: string, ...rest: [never]) => {
      if (hit(path)) throw error(path, 'open')
      return real.writeFile(path, ...rest)
    }) as typeof real.writeFile,
    appendFile: (async (path: string, ...rest: [never]) => {
      if (hit(path)) throw error(path, 'open')
      return real.appendFile(path, ...rest)
    }) as typeof real.appendFile,
    copyFile: (async (from: string, to: string, mode?: number) => {
      if (hit(to)) throw error(to, 'copyfile')
      return real.copyFile(from, to, mode)
    }) as typeof real.copyFile,
    mkdir: (async (path: string, options?: { recursive?: boolean }) => {
      const exists = await real.stat(path).then(
        () => true,
        () => false
      )
      if (hit(path) && !(exists && options?.recursive)) throw error(path, 'mkdir')
      return real.mkdir(path, options)
    }) as typeof real.mkdir,
    rename: refuse('rename', real.rename),
    unlink: refuse('unlink', real.unlink),
    rm: refuse('rm', real.rm),
    rmdir: refuse('rmdir', real.rmdir),
    truncate: refuse('truncate', real.truncate),
    utimes: refuse('utime', real.utimes)
  }
  return { ...mocked, default: mocked }
})

const tempDir = useTempDirs()

/** A workspace with one document and one tag, closed. */
async function workspace(): Promise<string> {
  const dir = await tempDir()
  const wb = await openTestWorkbench(dir)
  await importText(wb, 'harbour.txt', 'Ships waited at anchor off Port Averly.')
  await wb.createTag({ path: 'Shipping' })
  await wb.close()
  return dir
}

/** Runs `fn` with every write under `dir` failing with `code`. */
async function unwritable<T>(dir: string, code: string, fn: () => Promise<T>): Promise<T> {
  Object.assign(fault, { code, under: dir })
  try {
    return await fn()
  } finally {
    fault.code = null
  }
}

const CASES = [
  { code: 'ENOSPC', because: 'the disk is full', todo: 'free some space on the disk' },
  { code: 'EDQUOT', because: 'your disk quota is used up', todo: 'free some space on the disk' },
  { code: 'EROFS', because: 'the disk is read-only', todo: 'copy the workspace to a disk' },
  {
    code: 'EACCES',
    because: 'you are not allowed to write to its folder',
    todo: 'make the workspace folder writable'
  }
]

describe('a workspace that cannot be written', () => {
  it.each(CASES)(
    '($code) opens read-only, says why, refuses changes with that reason, and keeps no lock',
    async ({ code, because, todo }) => {
      const dir = await workspace()
      await unwritable(dir, code, async () => {
        const warnings: string[] = []
        const wb = await openTestWorkbench(dir, { onWarning: (w) => warnings.push(w) })
        const banner = `The workspace ${dir} was opened read-only: ${because}. You can read, search and export; to make changes, ${todo}`
        expect(warnings[0]).toContain(banner)
        expect((await wb.getWorkspaceInfo()).warnings[0]).toContain(banner)
        const [doc] = await wb.listDocuments()
        expect(doc.title).toBe('Ships waited at anchor off Port Averly')
        expect((await wb.search('anchor')).hits.map((h) => h.docId)).toEqual([doc.id])
        expect((await wb.exportWorkspace({ format: 'json' })).content).toContain('Port Averly')
        await expect(wb.createTag({ path: 'Weather' })).rejects.toThrow(banner)
        await expect(wb.createAnnotation({ docId: doc.id, start: 0, end: 5 })).rejects.toThrow(
          banner
        )
        expect(await readdir(dir)).not.toContain('workspace.lock')
        await wb.close()
      })
      // Once the disk can be written again, the workspace opens as before (ids unlike the first session's).
      const wb = await openTestWorkbench(dir, { newId: () => 'later' })
      expect((await wb.getWorkspaceInfo()).warnings).toEqual([])
      await wb.createTag({ path: 'Weather' })
      expect((await wb.listTags()).map((t) => t.name).sort()).toEqual(['Shipping', 'Weather'])
      await wb.close()
    }
  )

  it('(ENOSPC) lets a command that reads work, and fails a command that writes with one sentence', async () => {
    const dir = await workspace()
    const file = join(await tempDir(), 'cranes.txt')
    await writeFile(file, 'The cranes stood idle.')
    await unwritable(dir, 'ENOSPC', async () => {
      const list = await cli('-w', dir, 'list')
      expect(list.code).toBe(0)
      expect(list.out).toContain('Ships waited at anchor off Port Averly')
      const search = await cli('-w', dir, 'search', 'anchor')
      expect(search.code).toBe(0)
      expect(search.out).toContain('Port Averly')
      const imported = await cli('-w', dir, 'import', file)
      expect(imported.code).toBe(1)
      expect(imported.err).toBe(
        `workbench: The workspace ${dir} cannot be written to: the disk is full. Free some space on the disk and try again; nothing already saved was changed.\n`
      )
      expect(await readdir(dir)).not.toContain('workspace.lock')
    })
  })
})
