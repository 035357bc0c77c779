import type { DocumentMeta } from '../../../shared/model'

/**
 * Texts kept in memory for snippets and phrases: 128 MB of plain English (a JavaScript string
 * takes one byte a character when it can, two otherwise), all the texts of about 20,000 news
 * articles. A phrase is checked in the text of each candidate passage: read from disk, a phrase
 * of common words took many times longer.
 */
const TEXT_CACHE_CHARS = 128 * 1024 * 1024

/**
 * Document texts for snippets and phrase checks, up to a size budget (least recently used out),
 * keyed by the text's checksum so that a new version is never served stale.
 */
export class TextCache {
  private texts = new Map<string, string>()
  private chars = 0

  constructor(
    private readonly read: (meta: DocumentMeta) => Promise<string>,
    private readonly budget = TEXT_CACHE_CHARS
  ) {}

  async get(meta: DocumentMeta | undefined): Promise<string> {
    if (!meta) return ''
    const key = meta.textSha256
    const cached = this.texts.get(key)
    if (cached !== undefined) {
      this.texts.delete(key)
      this.texts.set(key, cached)
      return cached
    }
    const text = await this.read(meta)
    if (this.texts.has(key)) return text // filled meanwhile by another lookup
    this.texts.set(key, text)
    this.chars += text.length
    for (const [k, t] of this.texts) {
      if (this.chars <= this.budget || k === key) break
      this.texts.delete(k)
      this.chars -= t.length
    }
    return text
  }
}
