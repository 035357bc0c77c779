import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { baseCase, sha256, TEXTS } from '../../../../test-support/case-sample'
import type { ZipLimits } from '../safe-zip'
import { readBundle, writeBundle } from './bundle-zip'
import type { CaseState } from './format'

const manifest = {
  id: 'bundle-0001',
  createdAt: '2025-03-02T10:00:00.000Z',
  from: { workspaceId: 'laptop-a', name: 'Analyst A' },
  to: { workspaceId: 'laptop-b' },
  lastExchange: null
}
const texts = (s: CaseState) => new Map(s.documents.map((d, i) => [d.id, TEXTS[i]]))
const good = (state = baseCase()) => writeBundle({ manifest, state, texts: texts(state) }, sha256)

/** Opens a bundle, lets a test change its files, and zips it again (checksums left as they were unless asked). */
async function tamper(
  bytes: Uint8Array,
  change: (files: Map<string, string | Uint8Array>) => void
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  const files = new Map<string, string | Uint8Array>()
  for (const name of Object.keys(zip.files))
    files.set(name, await zip.files[name].async('uint8array'))
  change(files)
  const out = new JSZip()
  for (const [name, content] of files) out.file(name, content, { createFolders: false })
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
const json = (files: Map<string, string | Uint8Array>, name: string) =>
  JSON.parse(new TextDecoder().decode(files.get(name) as Uint8Array))

/** case.json changed, and its checksum in the manifest made to agree, as a careful attacker would. */
const withCase = (bytes: Uint8Array, change: (c: Record<string, unknown[]>) => void) =>
  tamper(bytes, (files) => {
    const c = json(files, 'case.json')
    change(c)
    const data = new TextEncoder().encode(JSON.stringify(c))
    files.set('case.json', data)
    const m = json(files, 'manifest.json')
    m.parts[0] = { path: 'case.json', sha256: sha256(data), bytes: data.length }
    files.set('manifest.json', JSON.stringify(m))
  })

const refused = async (bytes: Uint8Array, limits?: ZipLimits): Promise<string> => {
  const r = await readBundle(bytes, sha256, limits)
  return r.ok ? 'accepted' : r.error
}

describe('case bundles', () => {
  it('reads back what was written, every part checked', async () => {
    const r = await readBundle(await good(), sha256)
    if (!r.ok) throw new Error(r.error)
    expect(r.bundle.state).toEqual(baseCase())
    expect(r.bundle.manifest).toMatchObject({
      ...manifest,
      format: 'analyst-workbench-bundle',
      version: 1
    })
    expect(r.bundle.manifest.parts.map((p) => p.path)).toEqual([
      'case.json',
      'texts/d0a1b2c3d4.txt',
      'texts/d1a1b2c3d4.txt',
      'texts/d2a1b2c3d4.txt'
    ])
    expect(r.bundle.texts.get('d2a1b2c3d4')).toBe(TEXTS[2])
  })

  it('carries originals beside the texts', async () => {
    const state = baseCase()
    const originals = new Map([
      ['d0a1b2c3d4', { ext: 'html', bytes: new TextEncoder().encode('<p>x</p>') }]
    ])
    const r = await readBundle(
      await writeBundle({ manifest, state, texts: texts(state), originals }, sha256),
      sha256
    )
    expect(r.ok && r.bundle.originals.get('d0a1b2c3d4')?.path).toBe('originals/d0a1b2c3d4.html')
  })

  it('refuses a zip bomb', async () => {
    const bomb = await tamper(await good(), (f) =>
      f.set('texts/d0a1b2c3d4.txt', new Uint8Array(40 * 1024 * 1024))
    )
    expect(
      await refused(bomb, {
        maxEntries: 100,
        maxEntryBytes: 16 * 1024 * 1024,
        maxTotalBytes: 64 * 1024 * 1024
      })
    ).toBe(
      'The bundle was refused: “texts/d0a1b2c3d4.txt” inflates to more than 16 MB, the limit for one entry.'
    )
  })

  it('refuses a name that climbs out of the bundle', async () => {
    const bad = await tamper(await good(), (f) => f.set('../../.bashrc', 'echo owned'))
    expect(await refused(bad)).toBe(
      'The bundle was refused: the entry name “../../.bashrc” climbs out of the archive with "..".'
    )
  })

  it('refuses a manifest with a list of a million items, at once', async () => {
    const bad = await tamper(await good(), (f) => {
      const m = json(f, 'manifest.json')
      m.parts = new Array(1_000_000).fill(0)
      f.set('manifest.json', JSON.stringify(m))
    })
    const started = Date.now()
    expect(await refused(bad)).toBe(
      'The bundle was refused: in manifest.json, parts has more than 200,001 items, the most a bundle may hold.'
    )
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('refuses an id that is not ours', async () => {
    const bad = await withCase(
      await good(),
      (c) => ((c.tags[0] as { id: string }).id = '../etc/passwd')
    )
    expect(await refused(bad)).toBe(
      'The bundle was refused: in case.json, tags[0].id is “../etc/passwd”, which is not an id of ours (1 to 128 letters, digits, - or _).'
    )
    const ann = await withCase(
      await good(),
      (c) => ((c.annotations[1] as { id: string }).id = 'd0a1b2c3d4/2')
    )
    expect(await refused(ann)).toBe(
      'The bundle was refused: in case.json, annotations[1].id is “d0a1b2c3d4/2”, which is not an annotation id of ours (<document id>.<number>).'
    )
  })

  it('refuses a value of the wrong type, and a reference to something not in the bundle', async () => {
    const type = await withCase(
      await good(),
      (c) => ((c.annotations[0] as { tags: unknown }).tags = 'tactors')
    )
    expect(await refused(type)).toBe(
      'The bundle was refused: in case.json, annotations[0].tags should be a list, not text.'
    )
    const ref = await withCase(
      await good(),
      (c) => ((c.annotations[0] as { tags: string[] }).tags = ['tnowhere'])
    )
    expect(await refused(ref)).toBe(
      'The bundle was refused: in case.json, the annotation “d0a1b2c3d4.1” has the tag “tnowhere”, which is not in its codebook.'
    )
    const moved = await withCase(
      await good(),
      (c) => ((c.annotations[0] as { docId: string }).docId = 'd1a1b2c3d4')
    )
    expect(await refused(moved)).toBe(
      'The bundle was refused: in case.json, the annotation “d0a1b2c3d4.1” is not named after its document “d1a1b2c3d4”.'
    )
  })

  it('refuses a loop of tags, which would hide them and their passages', async () => {
    const loop = await withCase(await good(), (c) => {
      const tags = c.tags as { id: string; parent: string | null }[]
      tags[0].parent = tags[tags.length - 1].id
      for (let i = 1; i < tags.length; i++) tags[i].parent = tags[i - 1].id
    })
    expect(await refused(loop)).toMatch(
      /^The bundle was refused: in case\.json, the tags .* are each under another in a loop\.$/
    )
  })

  it('refuses a part that does not match its checksum', async () => {
    const bad = await tamper(await good(), (f) =>
      f.set('texts/d1a1b2c3d4.txt', TEXTS[1].replace('Tuesday', 'Friday'))
    )
    expect(await refused(bad)).toBe(
      'The bundle was refused: “texts/d1a1b2c3d4.txt” does not match its checksum; the file was damaged or altered.'
    )
    const swapped = await withCase(
      await good(),
      (c) => ((c.documents[0] as { textSha256: string }).textSha256 = sha256('other'))
    )
    expect(await refused(swapped)).toBe(
      'The bundle was refused: the text of the document “d0a1b2c3d4” does not match its checksum.'
    )
  })

  it('refuses a part the manifest does not list, and one it lists but lacks', async () => {
    expect(await refused(await tamper(await good(), (f) => f.set('texts/extra.txt', 'x')))).toBe(
      'The bundle was refused: it holds “texts/extra.txt”, which its manifest does not list.'
    )
    expect(await refused(await tamper(await good(), (f) => f.delete('texts/d2a1b2c3d4.txt')))).toBe(
      'The bundle is incomplete: its manifest lists “texts/d2a1b2c3d4.txt”, which is not in it.'
    )
  })

  it('says what it is when it is not a bundle, or from a newer version', async () => {
    expect(await refused(new TextEncoder().encode('hello'))).toBe(
      'The bundle is not a zip archive, or it is damaged.'
    )
    const newer = await tamper(await good(), (f) => {
      const m = json(f, 'manifest.json')
      m.version = 9
      f.set('manifest.json', JSON.stringify(m))
    })
    expect(await refused(newer)).toBe(
      'The bundle was made by a newer version of the workbench (format 9); update this one to read it.'
    )
    const notJson = await tamper(await good(), (f) => f.set('manifest.json', '{not json'))
    expect(await refused(notJson)).toBe(
      'The bundle was refused: manifest.json is not valid JSON in UTF-8.'
    )
  })
})
