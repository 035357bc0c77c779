import type { DocumentContent, DocumentPart } from '../../shared/model'

/**
 * Whole blocks of a document's text from `from` (moved back to the start of the block it falls
 * in) up to about `maxChars` characters, and at least one block. Text between two blocks goes with
 * the block after it and the last part runs to the end of the text, so parts fetched one after
 * another (each from the previous one's `to`) cover the text exactly.
 */
export function documentPart(doc: DocumentContent, from: number, maxChars: number): DocumentPart {
  const { meta, text, blocks } = doc
  const length = text.length
  const at = Math.min(Math.max(0, from), length)
  // The first block that ends after `at` (blocks are in text order and do not overlap).
  let lo = 0
  let hi = blocks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (blocks[mid].end <= at) lo = mid + 1
    else hi = mid
  }
  const start = lo < blocks.length ? Math.min(at, blocks[lo].start) : at
  let next = lo
  while (next < blocks.length && (next === lo || blocks[next].end - start <= maxChars)) next++
  const to = next < blocks.length ? blocks[next - 1].end : length
  return {
    meta,
    length,
    from: start,
    to,
    text: text.slice(start, to),
    blocks: blocks.slice(lo, next)
  }
}
