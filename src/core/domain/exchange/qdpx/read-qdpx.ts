import { DEFAULT_ZIP_LIMITS, openZip, unsafeName, ZipProblem, type ZipLimits } from '../safe-zip'
import { readProject, type ReadResult } from './read-project'
import { decodeXml } from './xml-dom'

export const QDPX_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ENTITIES[e]
  )

/** The archive entry an internal:// path names, or why it names none. */
export function internalEntry(path: string): { entry: string } | { problem: string } {
  const m = path.trim().match(/^internal:\/\/(.+)$/i)
  if (!m) return { problem: `its text is at “${path.slice(0, 200)}”, outside the project archive.` }
  let name = m[1]
  try {
    name = decodeURIComponent(name)
  } catch {
    // a name with a stray % is taken as written
  }
  const why = unsafeName(name)
  if (why) return { problem: `its text path “${path.slice(0, 200)}” ${why}.` }
  return { entry: `sources/${name}` }
}

/**
 * A .qdpx archive (or a bare project.qde) read into the plain project. Refused as a whole, with
 * one sentence, only when the archive is unsafe (names that climb out, contents past the limits)
 * or has no readable project.qde; everything else that is wrong is skipped and reported.
 */
export async function readQdpx(
  bytes: Uint8Array,
  limits: ZipLimits = QDPX_LIMITS
): Promise<ReadResult | { error: string }> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    if (bytes.length > limits.maxEntryBytes)
      return { error: 'The project file is larger than the limit for one project.' }
    return readProject(bytes, () => ({
      problem: 'a bare project.qde has no source files beside it.'
    }))
  }
  const opened = await openZip(bytes, 'The project archive', limits ?? DEFAULT_ZIP_LIMITS)
  if (!opened.ok) return { error: opened.error }
  const zip = opened.zip
  const qde =
    zip.names.find((n) => n === 'project.qde') ??
    zip.names.find((n) => /(^|\/)[^/]+\.qde$/i.test(n))
  if (!qde) return { error: 'The project archive has no project.qde: it is not a QDA-XML project.' }
  try {
    const xmlBytes = await zip.read(qde)
    const xml = decodeXml(xmlBytes)
    // The source texts the project points to, read before parsing (bounded like everything else).
    const lower = new Map(zip.names.map((n) => [n.toLowerCase(), n]))
    const texts = new Map<string, string | { problem: string }>()
    for (const m of xml.matchAll(/\bplainTextPath\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      const path = unescape(m[2] ?? m[3] ?? '')
      if (texts.has(path)) continue
      const target = internalEntry(path)
      if ('problem' in target) {
        texts.set(path, target)
        continue
      }
      const entry = zip.has(target.entry) ? target.entry : lower.get(target.entry.toLowerCase())
      if (!entry)
        texts.set(path, { problem: `its text file “${target.entry}” is not in the archive.` })
      else texts.set(path, decodeXml(await zip.read(entry)))
    }
    return readProject(
      xml,
      (path) => texts.get(path) ?? { problem: `its text path “${path}” was not found.` }
    )
  } catch (e) {
    if (e instanceof ZipProblem) return { error: e.message }
    throw e
  }
}
