import JSZip from 'jszip'

/**
 * Reading a zip that came from elsewhere. Nothing in it is trusted: a name that climbs out of the
 * archive is refused, and bytes are counted as they inflate, against limits per entry and for the
 * whole archive, so a zip bomb stops at the limit whatever its headers declare.
 */
export interface ZipLimits {
  maxEntries: number
  /** The most bytes one entry may inflate to. */
  maxEntryBytes: number
  /** The most bytes all entries read may inflate to together. */
  maxTotalBytes: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024
}

export class ZipProblem extends Error {}

export interface SafeZip {
  /** The file entries' names (folders left out). */
  readonly names: readonly string[]
  has(name: string): boolean
  /** The entry's bytes; a ZipProblem when it is missing or inflates past a limit. */
  read(name: string): Promise<Uint8Array>
}

/** Why an entry name is not acceptable, or null when it is a plain relative path. */
export function unsafeName(name: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters in a name are the problem
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'has control characters in it'
  if (name.includes('\\')) return 'uses backslashes'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path'
  if (name.split('/').some((s) => s === '..')) return 'climbs out of the archive with ".."'
  return null
}

interface InternalStream {
  on(event: 'data', fn: (chunk: Uint8Array) => void): InternalStream
  on(event: 'error', fn: (e: unknown) => void): InternalStream
  on(event: 'end', fn: () => void): InternalStream
  resume(): InternalStream
  pause(): InternalStream
}

const mb = (n: number): string => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`

/** Opens the archive, or says in one sentence why it cannot be read. `label` names it ("The bundle"). */
export async function openZip(
  bytes: Uint8Array,
  label: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS
): Promise<{ ok: true; zip: SafeZip } | { ok: false; error: string }> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false, createFolders: false })
  } catch {
    return { ok: false, error: `${label} is not a zip archive, or it is damaged.` }
  }
  const entries = Object.values(zip.files)
  if (entries.length > limits.maxEntries)
    return {
      ok: false,
      error: `${label} holds ${entries.length.toLocaleString('en')} entries, more than the ${limits.maxEntries.toLocaleString('en')} allowed.`
    }
  const files = new Map<string, JSZip.JSZipObject>()
  for (const e of entries) {
    const original = e.unsafeOriginalName ?? e.name
    const why = unsafeName(original)
    if (why)
      return {
        ok: false,
        error: `${label} was refused: the entry name “${original.slice(0, 200)}” ${why}.`
      }
    if (!e.dir) files.set(original, e)
  }
  let total = 0
  const read = (name: string): Promise<Uint8Array> => {
    const entry = files.get(name)
    if (!entry) return Promise.reject(new ZipProblem(`${label} has no “${name}”.`))
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = []
      let size = 0
      let stopped = false
      const stream = (
        entry as unknown as { internalStream(t: 'uint8array'): InternalStream }
      ).internalStream('uint8array')
      const stop = (message: string): void => {
        stopped = true
        stream.pause()
        reject(new ZipProblem(message))
      }
      stream
        .on('data', (chunk) => {
          if (stopped) return
          size += chunk.length
          total += chunk.length
          if (size > limits.maxEntryBytes)
            return stop(
              `${label} was refused: “${name}” inflates to more than ${mb(limits.maxEntryBytes)}, the limit for one entry.`
            )
          if (total > limits.maxTotalBytes)
            return stop(
              `${label} was refused: its contents inflate to more than ${mb(limits.maxTotalBytes)}, the limit for one archive.`
            )
          chunks.push(chunk)
        })
        .on('error', () => {
          if (!stopped) stop(`${label} is damaged: “${name}” cannot be inflated.`)
        })
        .on('end', () => {
          if (stopped) return
          const out = new Uint8Array(size)
          let at = 0
          for (const c of chunks) {
            out.set(c, at)
            at += c.length
          }
          resolve(out)
        })
        .resume()
    })
  }
  return { ok: true, zip: { names: [...files.keys()], has: (n) => files.has(n), read } }
}

/** UTF-8 text, without a byte order mark; invalid sequences become U+FFFD. */
export const utf8 = (bytes: Uint8Array): string => {
  const text = new TextDecoder('utf-8').decode(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
