/** "2 KB", "1.5 MB": a size as a person reads it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  const kb = bytes / 1024
  if (kb < 1024) return `${Math.round(kb)} KB`
  const mb = kb / 1024
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`
}

export const fileTooLarge = (size: number, limit: number): string =>
  `the file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for one file`
