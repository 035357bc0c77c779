import { readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { EXTENSION_FORMATS } from '../../shared/model'

/**
 * Expands the paths a user named into files: files as they are (so that an unsupported one is
 * reported), folders recursively, keeping only supported documents and skipping hidden entries.
 */
export async function expandPaths(
  paths: string[]
): Promise<{ files: string[]; missing: { path: string; error: string }[] }> {
  const files: string[] = []
  const missing: { path: string; error: string }[] = []
  const visit = async (path: string, named: boolean): Promise<void> => {
    let info
    try {
      info = await stat(path)
    } catch (err) {
      if (named)
        missing.push({
          path,
          error:
            (err as NodeJS.ErrnoException).code === 'ENOENT'
              ? 'no such file or folder'
              : (err as Error).message
        })
      return
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((n) => !n.startsWith('.')).sort()
      for (const name of entries) await visit(join(path, name), false)
    } else if (
      info.isFile() &&
      (named || extname(path).slice(1).toLowerCase() in EXTENSION_FORMATS)
    ) {
      files.push(path)
    }
  }
  for (const p of paths) await visit(p, true)
  return { files, missing }
}
