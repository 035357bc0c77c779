import { HtmlRenderer, Parser } from 'commonmark'
import { marked } from 'marked'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blockquote, escapeInline, escapeText, hashtag } from './escape'

const parser = new Parser()
const renderer = new HtmlRenderer()
const render = (md: string): string => renderer.render(parser.parse(md))

/** The text a reader sees, and the HTML elements the rendering holds. */
function rendered(md: string): { text: string; tags: string[] } {
  const html = render(md)
  const tags = Array.from(html.matchAll(/<([a-z0-9]+)[\s>/]/g), (m) => m[1])
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
  return { text: text.replace(/\s+/g, ' ').trim(), tags: [...new Set(tags)].sort() }
}
const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim()

const HOSTILE = [
  '# Not a heading',
  '- not a list\n* nor this\n+ nor this\n1. nor this\n2) nor this',
  '> not a quote',
  '[a link](http://example.com) and ![an image](http://example.com/x.png)',
  '<script>alert(1)</script> <b>bold</b> <!-- comment -->',
  '<http://autolink.example> and &amp; &copy; &#65;',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '`code` and ```fenced```\n```\nblock\n```',
  '    indented code',
  'Setext heading\n===',
  'Setext heading\n---',
  '***\n___\n- - -',
  '*emphasis* _also_ **strong** ~~strike~~',
  'trailing backslash\\\nnext line',
  'hard break  \nnext',
  '[ref]: http://example.com "title"\n[ref]',
  '://example.com at the start of a line, and a\\://b',
  'U.S. officials said 3.5 million (about 1/4) were lost; 100% sure? #hashtag',
  'Math $E = mc^2$ and $$\\int x$$ inline',
  'A claim with a block id ^abc123',
  'status:: confirmed, and a:::b'
]

describe('escaping source text', () => {
  it.each(HOSTILE)('renders %j as exactly its text, with no structure', (source) => {
    const { text, tags } = rendered(escapeText(source))
    expect(text).toBe(normalize(source))
    expect(tags).toEqual(['p'])
  })

  it('keeps a block quote a block quote of exactly the text', () => {
    for (const source of HOSTILE) {
      const { text, tags } = rendered(blockquote(source))
      expect(text).toBe(normalize(source))
      expect(tags).toEqual(['blockquote', 'p'])
    }
  })

  it('any text at all renders as exactly that text (property)', () => {
    const markdownish = fc.string({
      unit: fc.constantFrom(...'#>*-_+=`[]()!<>&|~\\ \n\t.1)aZ:/"\'é;'.split('')),
      maxLength: 60
    })
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ maxLength: 60 })), (source) => {
        // Control characters other than tab and newline are removed on import; NUL is never text.
        // eslint-disable-next-line no-control-regex
        fc.pre(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(source))
        const { text, tags } = rendered(blockquote(source))
        expect(text).toBe(normalize(source))
        expect(tags.filter((t) => t !== 'blockquote' && t !== 'p')).toEqual([])
        const inline = rendered(`## ${escapeInline(source)}`)
        expect(inline.text).toBe(normalize(source))
        expect(inline.tags.filter((t) => t !== 'h2')).toEqual([])
      }),
      { numRuns: 2000 }
    )
  })

  it.each([
    'Contact press@port-averly.example or see https://evil.example/x and www.evil.example today',
    'Revenue\n:--\n| a |',
    'Secret %%hidden%% and ==highlighted== text'
  ])('stays plain text in GitHub-style Markdown (marked, GFM): %j', (source) => {
    const html = marked.parse(blockquote(source), { async: false, gfm: true })
    expect(html).not.toMatch(/<a |<table|<mark/)
    const text = html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
    expect(text.replace(/\s+/g, ' ').trim()).toBe(normalize(source))
  })

  it.each([
    ['math', 'Revenue rose $5 to $7 and $$x$$ too', (md: string) => /(?<!\\)\$/.test(md)],
    ['a block id', 'The port reopened ^abc123', (md: string) => /\s\^[\w-]+$/m.test(md)],
    ['a Dataview field', 'status:: confirmed', (md: string) => md.includes('::')]
  ])('leaves no Obsidian %s active', (_what, source, active) => {
    expect(active(source)).toBe(true)
    expect(active(blockquote(source))).toBe(false)
    expect(active(escapeInline(source))).toBe(false)
  })

  it('drops control characters that a terminal or editor would act on', () => {
    const source = 'Title\x1b[31m red\x9b2J\x07 end'
    expect(escapeInline(source)).toBe('Title\\[31m red2J end')
  })

  it.each([
    ['Actors/Lazarus Group', '#Actors/Lazarus-Group'],
    ['Claims / Unverified (blog)', '#Claims/Unverified--blog-'],
    ['Égalité', '#Égalité']
  ])('writes the tag %s as %s', (path, tag) => expect(hashtag(path)).toBe(tag))
})
