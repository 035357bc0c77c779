import type { ReactNode } from 'react'
import type { Block } from '../../../shared/model'

/** Top-level elements per section: big enough that there are few sections, small enough to skip. */
const SECTION = 40

export interface RenderedText {
  /** One element per section, in text order. */
  sections: ReactNode[]
  /** The text offset where each section ends. */
  ends: number[]
  /** The estimated height of each section, in em, before it is first laid out. */
  heights: number[]
}

/**
 * Turns a document's blocks into sections of block elements, as the text arrives part by part.
 * A section's element is made once, when it is full: later parts add sections and leave the
 * earlier ones as they are, so React does not compare them again. The last section is shown as far
 * as it goes until the next part fills it. Each section carries content-visibility (styles.css),
 * with a size estimated from its text until it is first laid out.
 */
export class TextSections {
  private readonly done: RenderedText = { sections: [], ends: [], heights: [] }
  /** The blocks of the section being filled, and its top-level elements (a list counts once). */
  private open: Block[] = []
  private openTop = 0
  /** The page of the last block in the closed sections (PDFs), so that a mark shows where a page starts. */
  private page: number | undefined

  /**
   * How many levels a document's headings move down: the reader shows the title as h2, so its
   * other headings start at h3 (a text whose title is its own h1 keeps the gap between them).
   */
  constructor(private readonly headingShift = 2) {}

  /** Adds blocks (in text order, after those added before); `text` holds at least all of them. */
  add(text: string, blocks: Block[]): void {
    for (const b of blocks) {
      const list = b.kind === 'list-item'
      // A full section is closed before the next block that is not part of a list.
      if (!list && this.openTop >= SECTION) this.close(text)
      const last = this.open[this.open.length - 1]
      if (!list || last?.kind !== 'list-item') this.openTop++
      this.open.push(b)
    }
  }

  /** The sections so far; once the text is complete, the last one is closed. */
  view(text: string, complete: boolean): RenderedText {
    if (complete) this.close(text)
    if (this.open.length === 0) return this.done
    const { sections, ends, heights } = this.done
    const last = section(text, this.open, sections.length, this.headingShift, this.page)
    return {
      sections: [...sections, last.element],
      ends: [...ends, this.open[this.open.length - 1].end],
      heights: [...heights, last.height]
    }
  }

  private close(text: string): void {
    if (this.open.length === 0) return
    const { element, height, page } = section(
      text,
      this.open,
      this.done.sections.length,
      this.headingShift,
      this.page
    )
    this.page = page
    this.done.sections.push(element)
    this.done.ends.push(this.open[this.open.length - 1].end)
    this.done.heights.push(height)
    this.open = []
    this.openTop = 0
  }
}

/** What the reader calls a block that is not body text (shown before it, not part of the text). */
const ROLE_LABELS: Record<NonNullable<Block['role']>, string> = {
  'form-field': 'Form field',
  comment: 'Comment',
  footnote: 'Footnote',
  endnote: 'Endnote',
  'alt-text': 'Image description'
}

/**
 * A page mark, where a new page of a PDF starts: outside every block (it has no data-start), so
 * that it is no part of the text, of a selection or of a highlight.
 */
const pageMark = (page: number): ReactNode => (
  <div key={`page${page}`} className="page-mark" role="separator" aria-label={`Page ${page}`}>
    <span aria-hidden="true">p. {page}</span>
  </div>
)

/**
 * A section's element, and its height in em before it is laid out: about 90 characters a line;
 * `page` is the page the section starts on, and the one it ends on is returned.
 */
function section(
  text: string,
  blocks: Block[],
  index: number,
  shift: number,
  pageBefore: number | undefined
): { element: ReactNode; height: number; page: number | undefined } {
  let page = pageBefore
  const out: ReactNode[] = []
  let list: ReactNode[] = []
  let listStart = 0
  let chars = 0
  const endList = (): void => {
    if (list.length) out.push(<ul key={`ul${listStart}`}>{list}</ul>)
    list = []
  }
  for (const b of blocks) {
    // dir="auto": each block takes its direction from its own text (right-to-left sources read right).
    // (unicode-bidi: plaintext does the same but takes Chromium seconds on a very long paragraph.)
    const key = b.start
    if (b.page !== undefined && b.page !== page) {
      endList()
      out.push(pageMark(b.page))
      page = b.page
    }
    const props = {
      'data-start': b.start,
      'data-end': b.end,
      className: b.role ? `block block-role` : 'block',
      ...(b.role ? { 'data-role': ROLE_LABELS[b.role] } : {}),
      dir: 'auto'
    }
    const content = text.slice(b.start, b.end)
    chars += content.length
    if (b.kind === 'list-item') {
      if (list.length === 0) listStart = b.start
      list.push(
        <li key={key} {...props} data-level={b.level ?? 1}>
          {content}
        </li>
      )
      continue
    }
    endList()
    if (b.kind === 'heading') {
      // Below the reader's own title (h2), never above h3.
      const Tag = `h${Math.max(3, Math.min(6, (b.level ?? 1) + shift))}` as 'h3'
      out.push(
        <Tag key={key} {...props}>
          {content}
        </Tag>
      )
    } else if (b.kind === 'quote')
      out.push(
        <blockquote key={key} {...props}>
          {content}
        </blockquote>
      )
    else if (b.kind === 'preformatted')
      out.push(
        <pre key={key} {...props}>
          {content}
        </pre>
      )
    else
      out.push(
        <p key={key} {...props}>
          {content}
        </p>
      )
  }
  endList()
  const height = Math.ceil(chars / 90) * 1.6 + blocks.length
  return {
    element: (
      <div
        key={`s${index}`}
        className="section"
        data-section={index}
        style={{ containIntrinsicSize: `auto ${height}em` }}
      >
        {out}
      </div>
    ),
    height,
    page
  }
}

/** The estimated height, in em, of text not received yet: as for sections, with blocks as long as so far. */
export function unreceivedHeight(chars: number, blocksSoFar: number, charsSoFar: number): number {
  if (chars <= 0) return 0
  const perBlock = blocksSoFar > 0 ? Math.max(1, charsSoFar / blocksSoFar) : 400
  return Math.ceil(chars / 90) * 1.6 + chars / perBlock
}
