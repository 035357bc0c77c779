import fc from 'fast-check'
import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Block, BlockKind } from '../../../shared/model'
import { TextSections } from './text-sections'

/** A text of blocks of the given kinds, one a line. */
function textOf(kinds: BlockKind[]): { text: string; blocks: Block[] } {
  let text = ''
  const blocks: Block[] = kinds.map((kind, i) => {
    const line = `${kind} ${i}`
    const start = text.length
    text += `${line}\n`
    return { kind, start, end: start + line.length, ...(kind === 'list-item' ? { level: 1 } : {}) }
  })
  return { text, blocks }
}

/** The sections' HTML, once every block has been added in the given parts. */
function render(text: string, parts: Block[][]): { html: string; ends: number[] } {
  const sections = new TextSections()
  let view = sections.view(text, false)
  parts.forEach((part, i) => {
    sections.add(text, part)
    view = sections.view(text, i === parts.length - 1)
  })
  return {
    html: renderToStaticMarkup(createElement(Fragment, null, ...view.sections)),
    ends: view.ends
  }
}

const kind = fc.constantFrom<BlockKind>('paragraph', 'heading', 'list-item', 'quote')

describe('TextSections', () => {
  it('groups blocks in sections of 40 top-level elements, a list counting once', () => {
    const { text, blocks } = textOf([
      ...Array<BlockKind>(39).fill('paragraph'),
      'list-item',
      'list-item',
      'paragraph',
      'heading'
    ])
    const { html, ends } = render(text, [blocks])
    expect(ends).toEqual([blocks[40].end, blocks[42].end])
    expect(html.match(/<ul>/g)).toHaveLength(1)
    expect(html).toContain('<li data-start="')
    expect(html).toContain('<h3 data-start="')
    expect(html).not.toContain('<h2')
  })

  it('shows the last section as far as it goes, and fills it as parts arrive', () => {
    const { text, blocks } = textOf(Array<BlockKind>(50).fill('paragraph'))
    const sections = new TextSections()
    sections.add(text, blocks.slice(0, 10))
    expect(sections.view(text, false).ends).toEqual([blocks[9].end])
    sections.add(text, blocks.slice(10))
    expect(sections.view(text, true).ends).toEqual([blocks[39].end, blocks[49].end])
  })

  it('marks where each page of a PDF starts, outside the text, across sections too', () => {
    const { text, blocks } = textOf(Array<BlockKind>(45).fill('paragraph'))
    // Pages 1, 2 and 3: page 3 starts in the second section; a comment closes page 2.
    const paged = blocks.map((b, i) => ({
      ...b,
      page: i < 20 ? 1 : i < 42 ? 2 : 3,
      ...(i === 41 ? { role: 'comment' as const } : {})
    }))
    const { html } = render(text, [paged.slice(0, 30), paged.slice(30)])
    const marks = [
      ...html.matchAll(/<div class="page-mark" role="separator" aria-label="Page (\d+)">/g)
    ]
    expect(marks.map((m) => m[1])).toEqual(['1', '2', '3'])
    // A mark stands before the first block of its page, and is no block of the text.
    expect(html).toMatch(
      new RegExp(
        `aria-label="Page 3"><span aria-hidden="true">p. 3</span></div><p data-start="${paged[42].start}"`
      )
    )
    expect(html).toContain(
      `data-start="${paged[41].start}" data-end="${paged[41].end}" class="block block-role" data-role="Comment"`
    )
    // Without pages (other formats), no marks.
    expect(render(text, [blocks]).html).not.toContain('page-mark')
  })

  it('renders the same however the blocks are split into parts', () => {
    fc.assert(
      fc.property(
        fc.array(kind, { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (kinds, cuts) => {
          const { text, blocks } = textOf(kinds)
          const at = [...new Set(cuts.map((c) => c % blocks.length))].sort((a, b) => a - b)
          const parts = [0, ...at].map((from, i) => blocks.slice(from, [...at, blocks.length][i]))
          expect(render(text, parts)).toEqual(render(text, [blocks]))
        }
      )
    )
  })
})
