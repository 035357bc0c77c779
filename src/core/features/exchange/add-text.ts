import type { Block, DocumentFormat, DocumentMeta } from '../../../shared/model'
import { countWords } from '../../import/text-blocks'
import type { FeatureContext } from '../../ports'
import { newDocId } from '../documents/content-fields'

/** A text's structure when only its text is known: each run of non-blank lines a paragraph. */
export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = []
  const re = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g
  for (const m of text.matchAll(re))
    blocks.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length })
  return blocks
}

export interface KnownText {
  title: string
  text: string
  author?: string | null
  published?: string | null
  source?: string | null
  originalName: string
  format?: DocumentFormat
  /** The file it came from, when there is one (else its text is stored as a .txt file). */
  original?: { ext: string; bytes: Uint8Array }
  /** The id to give it (else one from its checksum). */
  id?: string
  importedAt: string
}

/**
 * Adds a document whose text is known already (from a project or a bundle), keeping the text
 * exactly as it is so that positions into it stay right. A document of the same file is not
 * added again: the one there is returned with `added: false`.
 */
export async function addKnownText(
  ctx: FeatureContext,
  doc: KnownText
): Promise<{ meta: DocumentMeta; added: boolean }> {
  const original = doc.original ?? { ext: 'txt', bytes: new TextEncoder().encode(doc.text) }
  const sha = ctx.contents.checksum(original.bytes)
  const existing = ctx.catalog.findBySha(sha)
  if (existing) return { meta: existing, added: false }
  const textSha256 = ctx.contents.checksum(doc.text)
  const fields = {
    title: doc.title,
    author: doc.author ?? null,
    published: doc.published ?? null,
    source: doc.source ?? null,
    originalName: doc.originalName,
    format: doc.format ?? ('txt' as const),
    sha256: sha,
    textSha256,
    bytes: original.bytes.byteLength,
    chars: doc.text.length,
    words: countWords(doc.text),
    url: null,
    language: null,
    importedAt: doc.importedAt
  }
  const { stored } = await ctx.contents.put({
    sha256: sha,
    ext: original.ext,
    original: original.bytes,
    text: doc.text,
    blocks: paragraphBlocks(doc.text),
    textSha256,
    meta: fields
  })
  const result = await ctx.catalog.add({
    sha,
    build: (order, taken) => ({
      id: doc.id && !taken(doc.id) ? doc.id : newDocId(sha, taken),
      ...fields,
      stored,
      importOrder: order
    })
  })
  if (result.status === 'added') ctx.events.emit({ kind: 'document-saved', meta: result.meta })
  return { meta: result.meta, added: result.status === 'added' }
}
