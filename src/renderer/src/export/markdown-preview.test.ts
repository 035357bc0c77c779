import { describe, expect, it } from 'vitest'
import { cutForPreview, PREVIEW_CHARS, splitFrontMatter } from './markdown-preview'

describe('splitFrontMatter', () => {
  it('reads the pairs of the front matter, unquoting strings, and returns the rest', () => {
    const md = '---\ntitle: "Analyst \\"notes\\""\ndate: 2025-03-07\nodd line\n---\n# Notes\n\nText'
    expect(splitFrontMatter(md)).toEqual({
      front: [
        ['title', 'Analyst "notes"'],
        ['date', '2025-03-07']
      ],
      body: '# Notes\n\nText'
    })
  })

  it.each([
    ['no front matter', '# Notes\n---\nnot: front'],
    ['an unclosed block', '---\ntitle: x\n# Notes']
  ])('leaves Markdown with %s as it is', (_, md) => {
    expect(splitFrontMatter(md)).toEqual({ front: [], body: md })
  })
})

describe('cutForPreview', () => {
  it('cuts long exports and says so', () => {
    expect(cutForPreview('short')).toBe('short')
    const cut = cutForPreview('x'.repeat(PREVIEW_CHARS + 10))
    expect(cut).toHaveLength(PREVIEW_CHARS + 2)
    expect(cut.endsWith('\n…')).toBe(true)
  })
})
