import { mkdir, open, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Block, DocumentMeta } from '../../shared/model'
import { useTempDirs } from '../../test-support/temp-dir'
import { sha256Hex } from './layout'
import { StoredTexts } from './texts'

const tempDir = useTempDirs()
const stores: StoredTexts[] = []
afterEach(async () => Promise.all(stores.splice(0).map((s) => s.close())))

async function storeIn(): Promise<{ dir: string; texts: StoredTexts }> {
  const dir = await tempDir()
  await mkdir(join(dir, 'texts'))
  const texts = new StoredTexts(dir)
  stores.push(texts)
  return { dir, texts }
}

const blocks: Block[] = [
  { kind: 'heading', start: 0, end: 6, level: 1 },
  { kind: 'paragraph', start: 7, end: 18 }
]

async function put(texts: StoredTexts, text: string, original = text): Promise<DocumentMeta> {
  const bytes = new TextEncoder().encode(original)
  const { textSha256, stored } = await texts.put({
    sha256: sha256Hex(bytes),
    ext: 'md',
    original: bytes,
    text,
    blocks
  })
  return {
    id: 'd1',
    title: 'Report',
    author: null,
    published: null,
    source: null,
    originalName: 'report.md',
    format: 'md',
    sha256: sha256Hex(bytes),
    textSha256,
    stored,
    bytes: bytes.byteLength,
    chars: text.length,
    words: 3,
    importedAt: '2025-03-06T09:00:00.000Z',
    importOrder: 1
  }
}

describe('stored texts', () => {
  it('reads back the text, its structure and the original file', async () => {
    const { texts } = await storeIn()
    const meta = await put(texts, 'Report\nShips wait.', '# Report\n\nShips wait.')
    expect(meta.textSha256).toBe(sha256Hex('Report\nShips wait.'))
    expect(await texts.text(meta)).toEqual({ text: 'Report\nShips wait.', blocks })
    expect(await texts.plainText(meta)).toBe('Report\nShips wait.')
    expect(new TextDecoder().decode(await texts.original(meta))).toBe('# Report\n\nShips wait.')
  })

  it('refuses a damaged text, naming the pack and the way to repair it', async () => {
    const { dir, texts } = await storeIn()
    const meta = await put(texts, 'Report\nShips wait.')
    const fh = await open(join(dir, 'texts', meta.stored.pack), 'r+')
    await fh.write(Buffer.from('X'), 0, 1, meta.stored.at)
    await fh.close()
    await expect(new StoredTexts(dir).text(meta)).rejects.toThrow(
      'The text of "Report" is damaged (texts/pack-000001.awp does not match its checksum). Use Replace with new version… with report.md to restore it.'
    )
    // Derived uses do not check: a search snippet of a damaged text is still shown.
    expect(await new StoredTexts(dir).plainText(meta)).toBe('Xeport\nShips wait.')
  })

  it('says the text is missing when its pack is cut short', async () => {
    const { dir, texts } = await storeIn()
    const meta = await put(texts, 'Report\nShips wait.')
    await texts.close()
    await truncate(join(dir, 'texts', meta.stored.pack), meta.stored.at + 2)
    await expect(new StoredTexts(dir).text(meta)).rejects.toThrow(
      'The text of "Report" is missing from the workspace (texts/pack-000001.awp).'
    )
  })

  it('serves a verified text from memory (a damage made after it was read is not seen)', async () => {
    const { dir, texts } = await storeIn()
    const meta = await put(texts, 'Report\nShips wait.')
    await texts.text(meta)
    const fh = await open(join(dir, 'texts', meta.stored.pack), 'r+')
    await fh.write(Buffer.from('X'), 0, 1, meta.stored.at)
    await fh.close()
    expect((await texts.text(meta)).text).toBe('Report\nShips wait.')
  })

  it('says a restored document has no original file', async () => {
    const { texts } = await storeIn()
    const meta = await put(texts, 'Report\nShips wait.', '')
    await expect(texts.original(meta)).rejects.toThrow(
      'The original file of "Report" is not in the workspace (it was restored from a backup, which holds texts only).'
    )
  })
})
