import type { ApiError, ErrorCode } from '../../shared/errors'

/** An error whose message is meant for the person using the workbench. */
export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'WorkbenchError'
  }
}

/** Turns anything thrown into an error value a person can read; unexpected errors keep their message, never a stack. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof WorkbenchError) return { code: err.code, message: err.message }
  const e = err as NodeJS.ErrnoException
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    return { code: 'io', message: describeIoError(e) }
  }
  if (err instanceof RangeError && /Maximum call stack/.test(err.message))
    return {
      code: 'invalid-argument',
      message: 'its structure nests too deeply to be read (deeper than the app can follow)'
    }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message: `Unexpected error: ${message}` }
}

export function describeIoError(e: NodeJS.ErrnoException): string {
  const where = e.path ? ` (${e.path})` : ''
  switch (e.code) {
    case 'ENOSPC':
      return `The disk is full${where}. Free some space and try again; nothing already saved was changed.`
    case 'EACCES':
    case 'EPERM':
      return `Permission denied${where}. Check that you can write to the workspace folder.`
    case 'ENOENT':
      return `No such file or folder${where}.`
    case 'EROFS':
      return `The disk is read-only${where}.`
    case 'EISDIR':
      return e.path
        ? `${e.path} is a folder: give the name of a file to write.`
        : 'That is a folder: give the name of a file to write.'
    case 'ENOTDIR':
      return e.path
        ? `${e.path} cannot be written: a part of that path is a file, not a folder.`
        : 'A part of that path is a file, not a folder.'
    case 'EEXIST':
      return e.path
        ? `${e.path} already exists: choose another name (nothing was overwritten).`
        : 'That file already exists: choose another name (nothing was overwritten).'
    default:
      return `${e.message}`
  }
}
