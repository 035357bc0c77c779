import { join } from 'node:path'
import type { Block, DocumentMeta, StoredRef } from '../../shared/model'
import { WorkbenchError } from '../base/errors'
import { SizedLru } from '../base/sized-lru'
import { LAYOUT, sha256Hex } from './layout'
import { PackReader, PackWriter, type RecordMeta } from './pack-store'
import { parseBlocks } from './schema'

export interface TextAndBlocks {
  text: string
  blocks: Block[]
}

/** What a document's content is stored from. */
export interface NewContent {
  sha256: string
  ext: string
  original: Uint8Array
  text: string
  blocks: Block[]
  /** The text's checksum, when the caller has it already. */
  textSha256?: string
  /** The document's catalog fields, kept with the record so that the catalog can be rebuilt. */
  meta?: RecordMeta
}

/**
 * Verified texts kept in memory: 16M characters, which is 16 to 32 MB (V8 keeps a string in one
 * byte a character when every character fits, else two), with their structures. A text never
 * changes under its checksum, and hashing a 5 MB text again for every highlight made in it is slow.
 */
const VERIFIED_TEXT_CHARS = 16 * 1024 * 1024

/**
 * Documents' content: each one's text, structure and original file, one record in a pack (see
 * pack-store.ts), and the texts read back, checked against their checksums.
 */
export class StoredTexts {
  private readonly packs: PackWriter
  private readonly reader: PackReader
  private readonly verified = new SizedLru<string, TextAndBlocks>(
    VERIFIED_TEXT_CHARS,
    (t) => t.text.length
  )

  constructor(workspaceDir: string) {
    this.packs = new PackWriter(join(workspaceDir, LAYOUT.texts))
    this.reader = new PackReader(join(workspaceDir, LAYOUT.texts))
  }

  /**
   * Stores a document's content; resolves once it is on disk, with the text's checksum and where
   * it is. Every call writes a new record: a new version never reuses one that may be damaged.
   */
  async put(content: NewContent): Promise<{ textSha256: string; stored: StoredRef }> {
    const textSha256 = content.textSha256 ?? sha256Hex(content.text)
    const stored = await this.packs.put({
      sha256: content.sha256,
      textSha256,
      ext: content.ext,
      text: content.text,
      blocks: JSON.stringify(content.blocks),
      original: content.original,
      ...(content.meta ? { meta: content.meta } : {})
    })
    return { textSha256, stored }
  }

  /** A document's original file, as imported (checked against its checksum). */
  async original(meta: DocumentMeta): Promise<Uint8Array> {
    const where = `${LAYOUT.texts}/${meta.stored.pack}`
    if (meta.stored.original === 0)
      throw new WorkbenchError(
        'not-found',
        `The original file of "${meta.title}" is not in the workspace (it was restored from a backup, which holds texts only).`
      )
    let bytes: Uint8Array
    try {
      bytes = await this.reader.original(meta.stored)
    } catch {
      throw new WorkbenchError(
        'corrupt',
        `The original file of "${meta.title}" is missing from the workspace (${where}).`
      )
    }
    if (sha256Hex(bytes) !== meta.sha256)
      throw new WorkbenchError(
        'corrupt',
        `The original file of "${meta.title}" is damaged (${where} does not match its checksum).`
      )
    return bytes
  }

  /** A document's text and structure. `verify` checks the text against its checksum (skipped for derived uses). */
  async text(meta: DocumentMeta, verify = true): Promise<TextAndBlocks> {
    const known = this.verified.get(meta.textSha256)
    if (known) return { text: known.text, blocks: known.blocks }
    const read = await readStoredText(meta, this.reader, verify)
    if (verify) this.verified.set(meta.textSha256, read)
    return { text: read.text, blocks: read.blocks }
  }

  /** A document's text alone, not checked against its checksum: for derived uses (search snippets). */
  async plainText(meta: DocumentMeta): Promise<string> {
    return (
      this.verified.peek(meta.textSha256)?.text ??
      (await readStoredText(meta, this.reader, false, false)).text
    )
  }

  /** Waits for the records being written, and closes the packs. */
  async close(): Promise<void> {
    await this.packs.close()
    await this.reader.close()
  }
}

/**
 * Reads a stored text and its structure (unless `withBlocks` is false) from the packs. Used by the
 * store, and by the search index's rebuild worker, which reads texts on its own thread.
 */
export async function readStoredText(
  meta: Pick<DocumentMeta, 'title' | 'textSha256' | 'originalName' | 'stored'>,
  reader: PackReader,
  verify: boolean,
  withBlocks = true
): Promise<TextAndBlocks> {
  const where = `${LAYOUT.texts}/${meta.stored.pack}`
  let text: string
  let blocksJson: string
  try {
    ;({ text, blocks: blocksJson } = await reader.text(meta.stored))
  } catch {
    throw new WorkbenchError(
      'corrupt',
      `The text of "${meta.title}" is missing from the workspace (${where}). Use Replace with new version… with ${meta.originalName} to restore it.`
    )
  }
  if (verify && sha256Hex(text) !== meta.textSha256) {
    throw new WorkbenchError(
      'corrupt',
      `The text of "${meta.title}" is damaged (${where} does not match its checksum). Use Replace with new version… with ${meta.originalName} to restore it.`
    )
  }
  if (!withBlocks) return { text, blocks: [] }
  let blocks: Block[] = [{ kind: 'paragraph', start: 0, end: text.length }]
  try {
    blocks = parseBlocks(JSON.parse(blocksJson), text.length) ?? blocks
  } catch {
    // Structure is a convenience: without it the text still reads as one block.
  }
  return { text, blocks }
}
