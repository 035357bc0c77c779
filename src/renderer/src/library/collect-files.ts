/** Supported document endings, as the core accepts them (kept in one place: shared/model). */
import { EXTENSION_FORMATS } from '../../../shared/model'

export const ACCEPT = Object.keys(EXTENSION_FORMATS)
  .map((e) => `.${e}`)
  .join(',')

export const isSupportedName = (name: string): boolean => {
  const dot = name.lastIndexOf('.')
  return dot > 0 && name.slice(dot + 1).toLowerCase() in EXTENSION_FORMATS
}

/**
 * The files in a drop: dropped files as they are (an unsupported one is reported), and the
 * supported documents inside dropped folders, recursively, skipping hidden entries.
 */
export async function filesFromDrop(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => Boolean(e))
  if (entries.length === 0) return Array.from(data.files)
  const files: File[] = []
  for (const entry of entries) await collect(entry, true, files)
  return files
}

async function collect(entry: FileSystemEntry, named: boolean, out: File[]): Promise<void> {
  if (entry.isFile) {
    if (named || (!entry.name.startsWith('.') && isSupportedName(entry.name))) {
      out.push(
        await new Promise<File>((resolve, reject) =>
          (entry as FileSystemFileEntry).file(resolve, reject)
        )
      )
    }
    return
  }
  if (!entry.isDirectory || entry.name.startsWith('.')) return
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject)
    )
    if (batch.length === 0) break
    for (const child of batch.sort((a, b) => a.name.localeCompare(b.name)))
      await collect(child, false, out)
  }
}
