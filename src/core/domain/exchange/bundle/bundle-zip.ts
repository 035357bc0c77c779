import JSZip from 'jszip'
import { openZip, ZipProblem, type ZipLimits } from '../safe-zip'
import { checkCase } from './check-case'
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleManifest,
  type BundlePart,
  type CaseState,
  type HashHex
} from './format'
import { caseSchema, describeIssue, manifestSchema } from './schema'

export interface BundleContents {
  manifest: BundleManifest
  state: CaseState
  /** The text of each document carried in full, by its id in the bundle. */
  texts: Map<string, string>
  /** The imported file of each document that has one in the bundle: its part name and bytes. */
  originals: Map<string, { path: string; bytes: Uint8Array }>
}

export const BUNDLE_LIMITS: ZipLimits = {
  maxEntries: 200_002,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024
}

const encoder = new TextEncoder()

/** A bundle's zip. The caller brings the SHA-256 (node:crypto in the core, Web Crypto elsewhere). */
export async function writeBundle(
  input: {
    manifest: Omit<BundleManifest, 'format' | 'version' | 'parts'>
    state: CaseState
    texts: ReadonlyMap<string, string>
    originals?: ReadonlyMap<string, { ext: string; bytes: Uint8Array }>
  },
  sha256: HashHex
): Promise<Uint8Array> {
  const files: [string, Uint8Array][] = [['case.json', encoder.encode(JSON.stringify(input.state))]]
  for (const d of input.state.documents) {
    if (!d.included) continue
    const text = input.texts.get(d.id)
    if (text === undefined) throw new Error(`No text for the document ${d.id}.`)
    files.push([`texts/${d.id}.txt`, encoder.encode(text)])
    const original = input.originals?.get(d.id)
    if (original) files.push([`originals/${d.id}.${original.ext}`, original.bytes])
  }
  const parts: BundlePart[] = []
  for (const [path, bytes] of files)
    parts.push({ path, sha256: await sha256(bytes), bytes: bytes.length })
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    ...input.manifest,
    parts
  }
  const zip = new JSZip()
  const date = new Date(Date.UTC(2025, 0, 1))
  zip.file('manifest.json', JSON.stringify(manifest, null, 1), { date })
  for (const [path, bytes] of files) zip.file(path, bytes, { date, createFolders: false })
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 }
  })
}

const parseJson = (bytes: Uint8Array, part: string): { value: unknown } | { error: string } => {
  try {
    return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) }
  } catch {
    return { error: `The bundle was refused: ${part} is not valid JSON in UTF-8.` }
  }
}

/**
 * A bundle from elsewhere, checked whole before anything is taken from it: the zip (within its
 * limits, no name that climbs out), the manifest and case.json against their schemas, every part
 * against its checksum, every reference inside. Refused with one sentence otherwise.
 */
export async function readBundle(
  bytes: Uint8Array,
  sha256: HashHex,
  limits: ZipLimits = BUNDLE_LIMITS
): Promise<{ ok: true; bundle: BundleContents } | { ok: false; error: string }> {
  const refuse = (error: string) => ({ ok: false as const, error })
  const opened = await openZip(bytes, 'The bundle', limits)
  if (!opened.ok) return refuse(opened.error)
  const zip = opened.zip
  try {
    if (!zip.has('manifest.json'))
      return refuse('The bundle has no manifest.json: it is not a case bundle.')
    const rawManifest = parseJson(await zip.read('manifest.json'), 'manifest.json')
    if ('error' in rawManifest) return refuse(rawManifest.error)
    const m = rawManifest.value as { format?: unknown; version?: unknown } | null
    if (m?.format !== BUNDLE_FORMAT)
      return refuse(
        'The bundle was refused: its manifest does not say it is an Analyst Workbench case bundle.'
      )
    if (typeof m.version === 'number' && m.version > BUNDLE_VERSION)
      return refuse(
        `The bundle was made by a newer version of the workbench (format ${m.version}); update this one to read it.`
      )
    const manifest = manifestSchema.safeParse(rawManifest.value)
    if (!manifest.success)
      return refuse(describeIssue('manifest.json', manifest.error, rawManifest.value))

    const listed = new Map(manifest.data.parts.map((p) => [p.path, p]))
    if (listed.size !== manifest.data.parts.length)
      return refuse('The bundle was refused: its manifest lists a part twice.')
    for (const name of zip.names)
      if (name !== 'manifest.json' && !listed.has(name))
        return refuse(
          `The bundle was refused: it holds “${name.slice(0, 200)}”, which its manifest does not list.`
        )
    const contents = new Map<string, Uint8Array>()
    for (const part of manifest.data.parts) {
      if (!zip.has(part.path))
        return refuse(
          `The bundle is incomplete: its manifest lists “${part.path}”, which is not in it.`
        )
      const data = await zip.read(part.path)
      if (data.length !== part.bytes || (await sha256(data)) !== part.sha256)
        return refuse(
          `The bundle was refused: “${part.path}” does not match its checksum; the file was damaged or altered.`
        )
      contents.set(part.path, data)
    }
    const caseBytes = contents.get('case.json')
    if (!caseBytes) return refuse('The bundle has no case.json: there is nothing in it to merge.')
    const rawCase = parseJson(caseBytes, 'case.json')
    if ('error' in rawCase) return refuse(rawCase.error)
    const state = caseSchema.safeParse(rawCase.value)
    if (!state.success) return refuse(describeIssue('case.json', state.error, rawCase.value))

    const texts = new Map<string, string>()
    const originals = new Map<string, { path: string; bytes: Uint8Array }>()
    const originalPaths = new Map<string, string>()
    for (const p of listed.keys())
      if (p.startsWith('originals/')) originalPaths.set(p.slice(10, p.lastIndexOf('.')), p)
    for (const d of state.data.documents) {
      if (!d.included) continue
      const path = `texts/${d.id}.txt`
      const part = listed.get(path)
      if (!part)
        return refuse(`The bundle is incomplete: the text of the document “${d.id}” is not in it.`)
      if (part.sha256 !== d.textSha256)
        return refuse(
          `The bundle was refused: the text of the document “${d.id}” does not match its checksum.`
        )
      texts.set(d.id, new TextDecoder().decode(contents.get(path)))
      const original = originalPaths.get(d.id)
      if (original)
        originals.set(d.id, { path: original, bytes: contents.get(original) as Uint8Array })
    }
    const problem = checkCase(state.data, (id) => texts.get(id)?.length)
    if (problem) return refuse(problem)
    return { ok: true, bundle: { manifest: manifest.data, state: state.data, texts, originals } }
  } catch (e) {
    if (e instanceof ZipProblem) return refuse(e.message)
    throw e
  }
}
