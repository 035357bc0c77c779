import type { Block } from '../../../shared/model'

export const MIN_CHUNK = 400
export const MAX_CHUNK = 2000

/**
 * Cuts a document into paragraph-sized chunks that know their offsets: short blocks (a heading,
 * a one-line paragraph) join the next ones until the passage has some substance; very long blocks
 * are split at white space. Pure.
 */
export function chunkText(text: string, blocks: Block[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let current: { start: number; end: number } | null = null
  const flush = (): void => {
    if (current) out.push(current)
    current = null
  }
  for (const b of blocks.length
    ? blocks
    : [{ kind: 'paragraph' as const, start: 0, end: text.length }]) {
    if (b.end - b.start > MAX_CHUNK) {
      flush()
      let at = b.start
      while (at < b.end) {
        let cut = Math.min(b.end, at + MAX_CHUNK / 2)
        if (cut < b.end) {
          // Back to the nearest space, but no further than the least a chunk holds: an unbounded
          // lastIndexOf ran back to the start of a text with no spaces for every chunk (a 20 MB
          // one-word text took a minute).
          const least = at + MIN_CHUNK / 2
          let space = cut
          while (space > least && text.charCodeAt(space) !== 32) space--
          if (space > least) cut = space
        }
        out.push({ start: at, end: cut })
        at = cut
        while (at < b.end && text[at] === ' ') at++
      }
      continue
    }
    if (current && b.end - current.start > MAX_CHUNK) flush()
    current = current ? { start: current.start, end: b.end } : { start: b.start, end: b.end }
    if (current.end - current.start >= MIN_CHUNK) flush()
  }
  flush()
  return out
}
