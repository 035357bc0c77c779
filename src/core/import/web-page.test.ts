import { describe, expect, it } from 'vitest'
import { FORBIDDEN_IN_TEXT, HOSTILE_HTML } from '../../test-support/hostile'
import { makeWebPage, SITE_STYLES, type SiteStyle } from '../../test-support/web-pages'
import { readJsonLd, stripSiteName } from './page-meta'
import { webPageToDocument } from './web-page'

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

function bag(list: string[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1)
  return m
}

/** Bag of words: the share of imported words that are the article's, and of the article imported. */
function overlap(imported: string, article: string): { precision: number; recall: number } {
  const a = bag(words(article))
  let shared = 0
  for (const [w, n] of bag(words(imported))) shared += Math.min(n, a.get(w) ?? 0)
  return { precision: shared / words(imported).length, recall: shared / words(article).length }
}

const CASES: [SiteStyle, number][] = SITE_STYLES.flatMap((style) =>
  [1, 2, 3, 4].map((seed) => [style, seed] as [SiteStyle, number])
)

describe('web pages as articles', () => {
  it.each(CASES)(
    'a %s page (seed %i): at least 95% of what is imported is the article, and 99% of the article is imported',
    (style, seed) => {
      const page = makeWebPage(style, seed)
      const doc = webPageToDocument(page.html)
      const { precision, recall } = overlap(doc.text, page.articleText)
      expect(precision).toBeGreaterThanOrEqual(0.95)
      expect(recall).toBeGreaterThanOrEqual(0.99)
      expect(doc.warnings).toEqual([])
      // Starts with the headline, as a heading; keeps lists, quotes and subheadings as blocks.
      expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 })
      expect(doc.text.slice(doc.blocks[0].start, doc.blocks[0].end)).toBe(page.article.headline)
      const kinds = new Set(doc.blocks.map((b) => b.kind))
      expect([...kinds].sort()).toEqual(['heading', 'list-item', 'paragraph', 'quote'])
    }
  )

  it.each(SITE_STYLES)('reads the details of a %s page from its metadata', (style) => {
    const page = makeWebPage(style, 7)
    const { hints } = webPageToDocument(page.html)
    expect(hints).toEqual({
      title: page.article.headline, // without " | Site"
      author: page.article.author,
      published: page.article.published,
      source: page.article.site,
      url: page.article.url,
      language: style === 'blog' ? 'en-GB' : 'en'
    })
  })

  it('keeps the whole page when asked, still without what is hidden or active', () => {
    const page = makeWebPage('newspaper', 3)
    const whole = webPageToDocument(page.html, { wholePage: true })
    expect(overlap(whole.text, page.articleText).recall).toBe(1)
    expect(whole.text).toContain('Share this story')
    expect(whole.text).toContain('More from the newsroom')
    expect(whole.warnings).toEqual([])
    for (const doc of [whole, webPageToDocument(page.html)])
      for (const hidden of [
        'Hidden promotional',
        'Invisible tracking',
        'screen reader',
        'lorem',
        'gtag',
        'symbol'
      ])
        expect(doc.text).not.toContain(hidden)
  })

  it('imports the whole page, and says so, when it has no article', () => {
    const links = Array.from(
      { length: 60 },
      (_, i) => `<li><a href="/s/${i}">Short teaser headline number ${i} about the harbour</a></li>`
    ).join('')
    const doc = webPageToDocument(
      `<html><head><title>Index of stories</title></head><body><ul>${links}</ul></body></html>`
    )
    expect(doc.warnings).toEqual([
      'No article was found in this page; the whole page was imported.'
    ])
    expect(doc.text).toContain('Short teaser headline number 59')
  })

  it('imports a short page whole without a warning', () => {
    const doc = webPageToDocument('<p>The ferry runs again.</p><p>From Monday on.</p>')
    expect(doc.text).toBe('The ferry runs again.\n\nFrom Monday on.')
    expect(doc.warnings).toEqual([])
  })

  it('keeps the text of MathML, not its TeX source', () => {
    const maths =
      '<math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">E=mc^2</annotation></semantics></math>'
    for (const wholePage of [true, false]) {
      const doc = webPageToDocument(`<p>Energy: ${maths} as the formula says.</p>`, { wholePage })
      expect(doc.text).toBe('Energy: E=mc2 as the formula says.')
    }
  })

  it('runs nothing and keeps nothing active from a hostile page', () => {
    for (const wholePage of [true, false]) {
      const doc = webPageToDocument(HOSTILE_HTML, { wholePage })
      expect(doc.text).toBe(
        'Port update\n\nShips are moving again.\n\nRead more about the harbour.'
      )
      for (const bad of FORBIDDEN_IN_TEXT) expect(doc.text).not.toContain(bad)
    }
  })

  it('never takes a URL for an author, and falls back on the byline', () => {
    const body = `<article><h1>Quay works</h1><p class="byline">By Selma Varga</p>${'<p>The quay is being rebuilt over the winter, stone by stone, by a crew of twelve.</p>'.repeat(6)}</article>`
    const doc = webPageToDocument(
      `<html><head><meta property="article:author" content="https://social.example/selma"><meta name="author" content="https://news.example/staff/selma"></head><body>${body}</body></html>`
    )
    expect(doc.hints.author).toBe('Selma Varga')
  })

  it('survives deep nesting and broken markup', () => {
    const deep = `${'<div><span>'.repeat(5000)}Deep harbour text${'</span></div>'.repeat(5000)}`
    expect(webPageToDocument(deep).text).toBe('Deep harbour text')
    expect(webPageToDocument('<p>Fish &amp; chips <b>unclosed <i>tags<p>Next').text).toBe(
      'Fish & chips unclosed tags\n\nNext'
    )
  })
})

describe('page metadata', () => {
  it.each([
    ['Quay reopens | The Averly Ledger', 'The Averly Ledger', 'Quay reopens'],
    ['Quay reopens - Averly Ledger', 'The Averly Ledger', 'Quay reopens'],
    [
      'Quay reopens — Harbour Wire – Local news',
      'Harbour Wire',
      'Quay reopens — Harbour Wire – Local news'
    ],
    ['Quay reopens – Harbour Wire Local news', 'Harbour Wire', 'Quay reopens'],
    ['Harbour Wire | Quay reopens', 'Harbour Wire', 'Quay reopens'],
    ['Quay reopens | Opinion', 'Harbour Wire', 'Quay reopens | Opinion'],
    ['Pre-war quay - a history', null, 'Pre-war quay - a history']
  ])('"%s" on the site %s is titled "%s"', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected)
  })

  it('reads JSON-LD in arrays, @graph, with @type lists, @id references and several authors', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Harbour Wire' },
        {
          '@type': ['schema:ReportageNewsArticle'],
          headline: 'Dredging resumes',
          datePublished: '2025-06-01T08:00:00Z',
          author: [
            { '@type': 'Person', name: 'Oskar Ebert' },
            'Nadia Moreau',
            'https://x.example/u'
          ],
          publisher: { '@id': '#org' },
          mainEntityOfPage: { '@id': 'https://news.example/dredging' },
          inLanguage: 'en-GB'
        }
      ]
    })
    expect(readJsonLd(['not json', ld])).toEqual({
      headline: 'Dredging resumes',
      authors: ['Oskar Ebert', 'Nadia Moreau'],
      published: '2025-06-01T08:00:00Z',
      publisher: 'Harbour Wire',
      url: 'https://news.example/dredging',
      language: 'en-GB'
    })
  })

  it('reads a deeply nested JSON-LD block without overflowing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    expect(readJsonLd([deep])).toBeNull()
  })
})
