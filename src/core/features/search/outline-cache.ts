import type { Block, DocumentMeta } from '../../../shared/model'
import { outlineOf, type Outline } from '../../domain/search/locate'

/** Outlines kept: a few headings and page starts each, so many documents' worth is small. */
const OUTLINES = 5_000

/**
 * Documents' outlines (headings and pages) for locating hits, the most recently used kept, keyed
 * by the text's checksum so that a new version is never served stale. A document whose text
 * cannot be read has no outline (its hits are shown without a location).
 */
export class OutlineCache {
  private outlines = new Map<string, Outline | null>()

  constructor(
    private readonly read: (meta: DocumentMeta) => Promise<{ text: string; blocks: Block[] }>,
    private readonly capacity = OUTLINES
  ) {}

  async get(meta: DocumentMeta): Promise<Outline | null> {
    const key = meta.textSha256
    let outline = this.outlines.get(key)
    if (outline !== undefined) {
      this.outlines.delete(key)
    } else {
      try {
        const { text, blocks } = await this.read(meta)
        outline = outlineOf(text, blocks)
      } catch {
        outline = null
      }
    }
    this.outlines.set(key, outline)
    if (this.outlines.size > this.capacity)
      this.outlines.delete(this.outlines.keys().next().value as string)
    return outline
  }
}
