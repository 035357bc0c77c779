import type { Block, HitLocation } from '../../../shared/model'

const SENTENCE_END = /[.,;]$/

/** A heading at most this long is shown whole; a longer one is cut at a word. */
const HEADING_CHARS = 80

/** What a document's structure says about where its passages are: its headings and pages, in order. */
export interface Outline {
  headings: { start: number; text: string }[]
  /** The start of each block that has a page, with its page. */
  pages: { start: number; page: number }[]
}

/** The outline of a text from its blocks (which are in text order). */
export function outlineOf(text: string, blocks: readonly Block[]): Outline {
  const outline: Outline = { headings: [], pages: [] }
  for (const b of blocks) {
    if (b.kind === 'heading') {
      const heading = text.slice(b.start, b.end).replace(/\s+/g, ' ').trim()
      // A "heading" that reads as a sentence (a plain text's line taken for one) names no section.
      if (heading && !SENTENCE_END.test(heading))
        outline.headings.push({ start: b.start, text: shorten(heading) })
    }
    if (b.page !== undefined) outline.pages.push({ start: b.start, page: b.page })
  }
  return outline
}

/**
 * Where `offset` is: the last heading at or before it, and the page of the block it is in. A
 * heading that is the document's title (`title`) says nothing the citation does not: left out.
 */
export function locate(outline: Outline, offset: number, title?: string): HitLocation | undefined {
  const found = lastAtOrBefore(outline.headings, offset)
  const heading = found && found.text !== title?.replace(/\s+/g, ' ').trim() ? found : null
  const page = lastAtOrBefore(outline.pages, offset)
  if (!heading && !page) return undefined
  const out: HitLocation = {}
  if (heading) out.heading = heading.text
  if (page) out.page = page.page
  return out
}

function lastAtOrBefore<T extends { start: number }>(list: readonly T[], offset: number): T | null {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid].start <= offset) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? list[lo - 1] : null
}

function shorten(s: string): string {
  if (s.length <= HEADING_CHARS) return s
  const cut = s.lastIndexOf(' ', HEADING_CHARS)
  return `${s.slice(0, cut > HEADING_CHARS / 2 ? cut : HEADING_CHARS)}…`
}
