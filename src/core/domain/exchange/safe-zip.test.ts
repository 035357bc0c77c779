import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { openZip, unsafeName, type ZipLimits } from './safe-zip'

const LIMITS: ZipLimits = {
  maxEntries: 50,
  maxEntryBytes: 8 * 1024 * 1024,
  maxTotalBytes: 12 * 1024 * 1024
}

async function zipOf(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip()
  for (const [name, content] of Object.entries(files))
    zip.file(name, content, { createFolders: false })
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

async function readAll(bytes: Uint8Array, limits = LIMITS): Promise<string> {
  const opened = await openZip(bytes, 'The bundle', limits)
  if (!opened.ok) return opened.error
  try {
    for (const name of opened.zip.names) await opened.zip.read(name)
    return 'read'
  } catch (e) {
    return (e as Error).message
  }
}

/** Rewrites the uncompressed sizes in the local and central headers, as a hostile zip would. */
function lieAboutSizes(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice()
  const view = new DataView(out.buffer)
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true)
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true)
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true)
  }
  return out
}

describe('reading an untrusted zip', () => {
  it('stops an entry that inflates past the limit (a zip bomb)', async () => {
    const bomb = await zipOf({ 'case.json': new Uint8Array(64 * 1024 * 1024) })
    expect(bomb.length).toBeLessThan(200_000)
    expect(await readAll(bomb)).toBe(
      'The bundle was refused: “case.json” inflates to more than 8 MB, the limit for one entry.'
    )
  })

  it('counts the bytes that inflate, whatever the headers declare', async () => {
    const liar = lieAboutSizes(await zipOf({ 'case.json': new Uint8Array(32 * 1024 * 1024) }), 10)
    expect(await readAll(liar)).toBe(
      'The bundle was refused: “case.json” inflates to more than 8 MB, the limit for one entry.'
    )
  })

  it('stops many entries that together inflate past the limit for the archive', async () => {
    const parts: Record<string, Uint8Array> = {}
    for (let i = 0; i < 4; i++) parts[`texts/p${i}.txt`] = new Uint8Array(5 * 1024 * 1024)
    expect(await readAll(await zipOf(parts))).toBe(
      'The bundle was refused: its contents inflate to more than 12 MB, the limit for one archive.'
    )
  })

  it('refuses an archive with more entries than allowed', async () => {
    const parts: Record<string, string> = {}
    for (let i = 0; i < 51; i++) parts[`p${i}`] = 'x'
    expect(await readAll(await zipOf(parts))).toBe(
      'The bundle holds 51 entries, more than the 50 allowed.'
    )
  })

  it.each([
    ['../../outside.txt', 'climbs out of the archive with ".."'],
    ['texts/../../x', 'climbs out of the archive with ".."'],
    ['/etc/passwd', 'is an absolute path'],
    ['C:/Windows/x', 'is an absolute path'],
    ['a\\..\\b', 'uses backslashes']
  ])('refuses the entry name %j', async (name, why) => {
    expect(await readAll(await zipOf({ [name]: 'x', 'manifest.json': '{}' }))).toBe(
      `The bundle was refused: the entry name “${name}” ${why}.`
    )
  })

  it('accepts plain names and reads them back', async () => {
    expect(unsafeName('texts/a1b2.txt')).toBeNull()
    expect(unsafeName('sources/doc 1..txt')).toBeNull()
    const opened = await openZip(await zipOf({ 'a/b.txt': 'hello' }), 'The bundle', LIMITS)
    if (!opened.ok) throw new Error(opened.error)
    expect(new TextDecoder().decode(await opened.zip.read('a/b.txt'))).toBe('hello')
    await expect(opened.zip.read('nope')).rejects.toThrow('The bundle has no “nope”.')
  })

  it('says plainly when the bytes are not a zip', async () => {
    expect(await readAll(new TextEncoder().encode('not a zip'))).toBe(
      'The bundle is not a zip archive, or it is damaged.'
    )
  })
})
