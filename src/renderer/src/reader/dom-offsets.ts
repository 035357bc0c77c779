/**
 * Maps between offsets in a document's normalized text and DOM positions in the reader. Every
 * block element carries `data-start`/`data-end` and holds its text as a single text node, so the
 * mapping is exact and needs no text search.
 */

export function blockElements(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-start]'))
}

const startOf = (el: Element): number => Number(el.getAttribute('data-start'))
const endOf = (el: Element): number => Number(el.getAttribute('data-end'))

/** The block containing `offset` (or the first after it), by binary search over blocks in text order. */
export function blockAt(blocks: HTMLElement[], offset: number): number {
  let lo = 0
  let hi = blocks.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (endOf(blocks[mid]) < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function point(blocks: HTMLElement[], offset: number, isEnd: boolean): [Node, number] | null {
  if (blocks.length === 0) return null
  let i = blockAt(blocks, offset)
  // An end offset in the gap between two blocks belongs to the earlier block's end.
  if (isEnd && i > 0 && startOf(blocks[i]) >= offset) i--
  const block = blocks[i]
  const node = block.firstChild
  const local = Math.max(0, Math.min(offset - startOf(block), endOf(block) - startOf(block)))
  if (!node || node.nodeType !== Node.TEXT_NODE) return [block, 0]
  return [node, Math.min(local, (node as Text).length)]
}

/** A DOM Range over text[start, end), or null when the reader does not show that text. */
export function rangeFromOffsets(blocks: HTMLElement[], start: number, end: number): Range | null {
  const a = point(blocks, start, false)
  const b = point(blocks, end, true)
  if (!a || !b) return null
  const range = new Range()
  range.setStart(a[0], a[1])
  range.setEnd(b[0], b[1])
  return range.collapsed && start !== end ? null : range
}

/** The text offset of a DOM position inside the reader, or null when it is outside any block. */
export function offsetOfPoint(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null
  if (node.nodeType === Node.TEXT_NODE) {
    const block = node.parentElement?.closest<HTMLElement>('[data-start]')
    return block && root.contains(block) ? startOf(block) + offset : null
  }
  const el = node as Element
  const own = el.closest?.('[data-start]')
  if (own && root.contains(own)) return offset === 0 ? startOf(own) : endOf(own)
  // A position between children: the start of the next block, else the end of the previous one.
  const next = el.childNodes[offset]
  const following =
    next instanceof Element
      ? next.matches('[data-start]')
        ? next
        : next.querySelector('[data-start]')
      : null
  if (following) return startOf(following)
  const blocks = blockElements(el)
  const before = offset > 0 ? el.childNodes[offset - 1] : null
  if (before instanceof Element) {
    const inner = before.matches('[data-start]') ? [before] : blockElements(before)
    const last = inner[inner.length - 1]
    if (last) return endOf(last)
  }
  return blocks.length ? startOf(blocks[0]) : null
}

/** The text range a DOM selection covers inside the reader, or null when it is empty or outside. */
export function offsetsOfRange(
  root: HTMLElement,
  range: Range
): { start: number; end: number } | null {
  const start = offsetOfPoint(root, range.startContainer, range.startOffset)
  const end = offsetOfPoint(root, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end }
}
