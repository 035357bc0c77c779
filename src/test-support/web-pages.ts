/**
 * Saved web pages made by code, with our own sentences: an article inside the clutter of a real
 * site (navigation, header, cookie banner, share buttons, related stories, comments, footer,
 * hidden text, JSON-LD, OpenGraph), in several site styles. The tests measure how much of what is
 * imported is the article and how much of the article is imported; the benchmark imports
 * thousands of them.
 */

export type SiteStyle = 'newspaper' | 'blog' | 'wire' | 'magazine' | 'government'
export const SITE_STYLES: SiteStyle[] = ['newspaper', 'blog', 'wire', 'magazine', 'government']

export interface ArticleSection {
  heading?: string
  paragraphs: string[]
  list?: string[]
  quote?: string
  table?: string[][]
}

export interface Article {
  headline: string
  standfirst: string
  author: string
  /** YYYY-MM-DD */
  published: string
  site: string
  url: string
  sections: ArticleSection[]
}

export interface WebPage {
  html: string
  article: Article
  /** Every word of the article as a reader sees it: headline, standfirst, body, lists, quotes, tables. */
  articleText: string
}

const SUBJECTS = [
  'The harbour master',
  'A spokeswoman for the port authority',
  'The town council',
  'Engineers from the water board',
  'The ferry operator',
  'Local fishermen',
  'The regional police',
  'Shop owners along the quay',
  'An independent auditor',
  'The mayor of Averly'
]
const VERBS = [
  'said on Tuesday that',
  'confirmed in a written statement that',
  'warned residents that',
  'told reporters that',
  'argued at a public meeting that',
  'estimated that',
  'denied claims that',
  'conceded late on Friday that'
]
const CLAUSES = [
  'the northern breakwater had shifted by almost a metre during the storm',
  'repairs to the grain terminal would take at least six weeks',
  'container traffic fell by a third in the first quarter',
  'the cargo scanners had been offline since the intrusion was discovered',
  'the evacuation of the lower town went faster than planned',
  'insurance claims from the flooded warehouses exceeded four million euros',
  'the night shift had reported unusual network alarms two days earlier',
  'a second dredger was needed to clear the silted channel',
  'pilots would guide every vessel longer than ninety metres until further notice',
  'the backup generators kept the cold stores running through the outage',
  'volunteers had filled twelve thousand sandbags along the river wall',
  'the rail link to the inland depot reopened on Sunday morning',
  'customs officers found no evidence that any shipment had been altered',
  'the ransom note demanded payment within seventy two hours',
  'fuel deliveries to the islands were delayed by a full week',
  'the tide gauge recorded its highest reading in forty years'
]
const TAILS = [
  'according to figures seen by this newspaper.',
  'although several details remain unclear.',
  'a claim that critics quickly disputed.',
  'and that a full report would follow in the spring.',
  'while stressing that nobody had been hurt.',
  'in a briefing that lasted barely ten minutes.',
  'despite earlier assurances to the contrary.',
  'before leaving without taking questions.'
]
const HEADINGS = [
  'What happened overnight',
  'Counting the cost',
  'Questions for the operator',
  'A town on edge',
  'The technical picture',
  'What comes next'
]
const FIRST_NAMES = ['Mara', 'Jonas', 'Ilse', 'Tomasz', 'Aino', 'Ruben', 'Selma', 'Oskar', 'Nadia']
const LAST_NAMES = ['Quist', 'Brandt', 'Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Varga', 'Ebert']
const SITES = ['The Averly Ledger', 'Harbour Wire', 'North Coast Review', 'Quayside Notes']
const PLACES = ['Averly', 'Port Lenning', 'Skarholm', 'Vessby']

/** A small deterministic random number generator (mulberry32), so that pages are the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const esc = (s: string): string =>
  s.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string
  )

/** An article of our own words, different for every seed. */
export function makeArticle(seed: number): Article {
  const r = rng(seed)
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]
  const sentence = (): string => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CLAUSES)}, ${pick(TAILS)}`
  const place = pick(PLACES)
  const paragraph = (): string =>
    Array.from({ length: 2 + Math.floor(r() * 3) }, sentence).join(' ')
  const sectionCount = 3 + Math.floor(r() * 3)
  const sections: ArticleSection[] = []
  for (let s = 0; s < sectionCount; s++) {
    const section: ArticleSection = {
      paragraphs: Array.from({ length: 2 + Math.floor(r() * 3) }, paragraph)
    }
    if (s > 0) section.heading = HEADINGS[(s + seed) % HEADINGS.length]
    if (s === 1) section.list = [pick(CLAUSES), pick(CLAUSES), pick(CLAUSES)].map(capitalise)
    if (s === 2)
      section.quote = `“${capitalise(pick(CLAUSES))},” said ${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}.`
    if (s === 1 && seed % 2 === 0)
      section.table = [
        ['Berth', 'Status', 'Reopens'],
        ['North quay', 'Closed', 'March'],
        ['Grain terminal', 'Partly open', 'April']
      ]
    sections.push(section)
  }
  const month = 1 + (seed % 12)
  const day = 1 + (seed % 28)
  const slug = `story-${seed}`
  return {
    headline: `${place} ${pick(['port', 'harbour', 'quay', 'ferry terminal'])} ${pick(['reopens after', 'struggles after', 'counts the cost of', 'braces for'])} ${pick(['the storm', 'the cyberattack', 'the flood', 'the strike'])}`,
    standfirst: sentence(),
    author: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
    published: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    site: SITES[seed % SITES.length],
    url: `https://news.example/${slug}`,
    sections
  }
}

const capitalise = (s: string): string => s[0].toUpperCase() + s.slice(1)

/** The article's words as a reader sees them, in order. */
export function articleText(a: Article): string {
  const parts = [a.headline, a.standfirst]
  for (const s of a.sections) {
    if (s.heading) parts.push(s.heading)
    parts.push(...s.paragraphs)
    if (s.list) parts.push(...s.list)
    if (s.quote) parts.push(s.quote)
    if (s.table) parts.push(...s.table.flat())
  }
  return parts.join('\n')
}

function body(a: Article, p: 'p' | 'div' = 'p'): string {
  return a.sections
    .map((s) => {
      let h = s.heading ? `<h2>${esc(s.heading)}</h2>\n` : ''
      s.paragraphs.forEach((text, i) => {
        h += `<${p}>${esc(text)}</${p}>\n`
        if (i === 0 && s.list)
          h += `<ul>${s.list.map((li) => `<li>${esc(li)}</li>`).join('')}</ul>\n`
      })
      if (s.quote) h += `<blockquote><p>${esc(s.quote)}</p></blockquote>\n`
      if (s.table)
        h += `<table><thead><tr>${s.table[0].map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${s.table
          .slice(1)
          .map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>\n`
      return h
    })
    .join('')
}

// Site clutter: none of it is the article. Its words are chosen to be distinguishable in a bag of
// words (few of them occur in articles), but some common ones do, as on real sites.
const NAV = `<nav class="main-menu" aria-label="Sections"><ul>
<li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/podcasts">Podcasts</a></li></ul>
<div class="mega-menu">${['Regions', 'Topics', 'Services']
  .map(
    (g) =>
      `<div class="mega-col"><h4>${g}</h4><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/${g.toLowerCase()}/${i}">${g} page ${i + 1}</a></li>`).join('')}</ul></div>`
  )
  .join('')}</div></nav>`

const COOKIE_BANNER = `<div id="cookie-consent" class="gdpr-banner" role="dialog">
<p>We use cookies and similar technologies to personalise content, measure audiences and show you relevant advertising. You can change your choices at any time in Privacy Settings.</p>
<button>Accept all</button><button>Reject</button><a href="/privacy">Manage preferences</a></div>`

const SHARE = `<div class="share-tools social"><span>Share this story</span>
<a href="https://social.example/share">Facebook</a> <a href="https://microblog.example/intent">Post</a>
<a href="mailto:?subject=story">Email</a> <button>Copy link</button></div>`

const NEWSLETTER = `<aside class="newsletter-signup"><h3>Get our morning briefing</h3>
<p>Sign up for the daily newsletter delivered straight to your inbox every weekday.</p>
<form><input type="email" placeholder="Your email address"><button>Subscribe</button></form></aside>`

const FOOTER = `<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/jobs">Careers</a></li><li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li></ul>
<p>© 2025 Coastal Media Group. All rights reserved. Registered office: 1 Printing Lane.</p></footer>`

const HIDDEN = `<div hidden>Hidden promotional teaser that no visitor ever sees.</div>
<p style="display: none">Invisible tracking disclaimer paragraph.</p>
<span aria-hidden="true">Decorative screen reader skipped glyph label.</span>
<template><p>Template placeholder lorem content.</p></template>`

function related(seed: number): string {
  const items = [0, 1, 2, 3].map((i) => {
    const other = makeArticle(seed * 7 + i + 1000)
    return `<li class="related-item"><a href="/story-${seed + i}"><img src="/img/${i}.jpg" alt="thumbnail"><span>${esc(other.headline)}</span></a><time>2 hours ago</time></li>`
  })
  return `<section class="related-stories"><h2>More from the newsroom</h2><ul>${items.join('')}</ul></section>`
}

function comments(seed: number): string {
  const names = ['quaywatcher', 'old_salt', 'Nel from Vessby']
  const texts = [
    'Typical. Every winter the same excuses from the council!!',
    'Anyone know whether the night bus still stops at the market?',
    'Great reporting, keep it up.'
  ]
  return `<section id="comments" class="comments-area"><h2>${3 + (seed % 40)} comments</h2><ol class="comment-list">${names
    .map(
      (n, i) =>
        `<li class="comment"><div class="comment-author">${esc(n)}</div><div class="comment-body"><p>${esc(texts[i])}</p></div><a class="reply">Reply</a></li>`
    )
    .join(
      ''
    )}</ol><form class="comment-form"><textarea>Leave a comment</textarea><button>Post comment</button></form></section>`
}

/** What a saved page carries besides its text: app state, inline styles, an icon sprite (~45 KB). */
function scripts(seed: number): string {
  const state = JSON.stringify({
    props: {
      pageProps: {
        ads: Array.from({ length: 120 }, (_, i) => ({
          slot: `ad-${i}`,
          sizes: [
            [300, 250],
            [728, 90]
          ],
          targeting: { section: 'news', pos: i, seed }
        }))
      }
    },
    buildId: `build-${seed}`
  })
  const css = Array.from(
    { length: 150 },
    (_, i) =>
      `.c${i}-${seed}{margin:${i % 7}px;padding:0 ${i % 5}px;color:#${(i * 4095).toString(16).padStart(3, '0').slice(0, 3)}}`
  ).join('')
  const icons = Array.from(
    { length: 30 },
    (_, i) =>
      `<symbol id="icon-${i}" viewBox="0 0 24 24"><path d="M${i} 2 L22 ${i % 20} L2 22 Z M4 4 h16 v16 h-16 z"/></symbol>`
  ).join('')
  return `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
<script src="https://cdn.example/analytics.js" async></script>
<script id="__APP_STATE__" type="application/json">${state}</script>
<style>.gdpr-banner{position:fixed;bottom:0}.share-tools a{margin:0 4px}body{font-family:Georgia,serif}${css}</style>
<svg style="display:none" xmlns="http://www.w3.org/2000/svg">${icons}</svg>`
}

function head(a: Article, opts: { jsonLd: string; titleSuffix: string; seed: number }): string {
  return `<head>
<meta charset="utf-8">
<title>${esc(a.headline)}${opts.titleSuffix}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(a.headline)}">
<meta property="og:site_name" content="${esc(a.site)}">
<meta property="og:url" content="${a.url}">
<meta property="og:description" content="${esc(a.standfirst)}">
<meta property="article:published_time" content="${a.published}T06:30:00+01:00">
<link rel="canonical" href="${a.url}">
<link rel="stylesheet" href="https://cdn.example/site.css">
${opts.jsonLd}
${scripts(opts.seed)}
</head>`
}

function jsonLd(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`
}

/** A saved page in one of the site styles, around an article made from `seed`. */
export function makeWebPage(style: SiteStyle, seed: number): WebPage {
  const a = makeArticle(seed)
  const byline = `<p class="byline">By <a rel="author" href="/authors/${a.author.toLowerCase().replace(/ /g, '-')}">${esc(a.author)}</a></p>`
  const dateline = `<time datetime="${a.published}T06:30:00Z">${a.published}</time>`
  let html: string
  switch (style) {
    case 'newspaper':
      // Semantic markup: <article>, JSON-LD NewsArticle with an author object.
      html = `<!doctype html><html lang="en">${head(a, {
        titleSuffix: ` | ${a.site}`,
        seed,
        jsonLd: jsonLd({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: a.headline,
          datePublished: `${a.published}T06:30:00+01:00`,
          author: { '@type': 'Person', name: a.author, url: `https://news.example/authors/x` },
          publisher: { '@type': 'Organization', name: a.site }
        })
      })}<body>${COOKIE_BANNER}<header class="masthead"><a class="logo" href="/">${esc(a.site)}</a>${NAV}<form role="search"><input name="q"><button>Search</button></form></header>
<main><article class="story"><h1>${esc(a.headline)}</h1><p class="standfirst">${esc(a.standfirst)}</p>${byline}${dateline}${SHARE}
<div class="story-body">${body(a)}</div>${SHARE}</article>${HIDDEN}${related(seed)}${comments(seed)}</main>
<aside class="sidebar"><h3>Most read</h3><ol><li><a href="/a">Weather warning for the weekend</a></li><li><a href="/b">Council tax rise approved</a></li></ol></aside>${NEWSLETTER}${FOOTER}</body></html>`
      break
    case 'blog':
      // A blog: div.entry-content, author only in <meta name=author> and a byline, comments below.
      html = `<!doctype html><html lang="en-GB">${head(a, {
        titleSuffix: ` - ${a.site}`,
        seed,
        jsonLd: ''
      })}<body class="single-post"><div id="page"><header id="masthead" class="site-header"><p class="site-title"><a href="/">${esc(a.site)}</a></p><p class="site-description">Notes from the waterfront</p>${NAV}</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><div class="post hentry"><header class="entry-header"><h1 class="entry-title">${esc(a.headline)}</h1><div class="entry-meta">Posted on ${dateline} by <span class="author vcard">${esc(a.author)}</span></div></header>
<div class="entry-content"><p><strong>${esc(a.standfirst)}</strong></p>${body(a)}</div><footer class="entry-footer">Posted in <a href="/cat/port">Port</a>, tagged <a href="/tag/storm">storm</a></footer></div>${SHARE}${HIDDEN}${comments(seed)}</div>
<div id="secondary" class="widget-area sidebar"><section class="widget"><h2>Archives</h2><ul><li>March 2025</li><li>February 2025</li></ul></section><section class="widget">${NEWSLETTER}</section></div></div>${FOOTER}</div>${COOKIE_BANNER}</body></html>`.replace(
        '<meta charset="utf-8">',
        `<meta charset="utf-8"><meta name="author" content="${esc(a.author)}">`
      )
      break
    case 'wire':
      // A wire service: div soup, no <article>, JSON-LD @graph with an author array.
      html = `<!doctype html><html lang="en">${head(a, {
        titleSuffix: ` — ${a.site}`,
        seed,
        jsonLd: jsonLd({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'Organization', name: a.site, url: 'https://news.example' },
            { '@type': 'WebPage', name: 'Wire story' },
            {
              '@type': ['Article', 'NewsArticle'],
              headline: a.headline,
              datePublished: a.published,
              author: [{ '@type': 'Person', name: a.author }],
              publisher: { '@id': '#org', name: a.site }
            }
          ]
        })
      })}<body><div class="top-bar"><div class="ticker">Markets: Index +0.4% | Oil -1.2% | Currency steady</div>${NAV}</div>${COOKIE_BANNER}
<div class="layout"><div class="col-main"><div class="headline-wrap"><h1 class="headline">${esc(a.headline)}</h1></div><div class="meta"><span class="byline">${esc(a.author)}</span> ${dateline}</div>${SHARE}
<div class="text-block"><div class="lead">${esc(a.standfirst)}</div>${body(a, 'div')}</div><div class="reporting-credit">Reporting by the wire desk; editing by the night team</div></div>
<div class="col-side sidebar">${related(seed)}<div class="ad-slot" id="ad-right">Advertisement</div></div></div>${HIDDEN}${FOOTER}</body></html>`
      break
    case 'magazine':
      // Long form: figures with captions, a pull quote in an aside, a newsletter box mid-story.
      html = `<!doctype html><html lang="en">${head(a, {
        titleSuffix: ` | ${a.site}`,
        seed,
        jsonLd: jsonLd([
          { '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: [] },
          {
            '@context': 'https://schema.org',
            '@type': 'Article',
            headline: a.headline,
            datePublished: a.published,
            author: { '@type': 'Person', name: a.author },
            publisher: { '@type': 'Organization', name: a.site }
          }
        ])
      })}<body><header class="site-header">${NAV}<div class="promo-banner">Subscribe now: three months for one euro</div></header>${COOKIE_BANNER}
<main id="main"><article><header><p class="kicker">Long read</p><h1>${esc(a.headline)}</h1><p class="dek">${esc(a.standfirst)}</p>${byline}${dateline}</header>
<figure><img src="/photo.jpg" alt="The quay at dawn"><figcaption><span class="credit">Photograph: Staff photographer</span></figcaption></figure>
<section class="article-body">${body(a)}</section>${NEWSLETTER}<footer class="article-footer"><p>Topics: <a href="/t/ports">Ports</a> <a href="/t/storms">Storms</a></p>${SHARE}</footer></article>${HIDDEN}${related(seed)}</main>${FOOTER}</body></html>`
      break
    case 'government':
      // An official page: breadcrumbs, a report in JSON-LD, no comments, a feedback form.
      html = `<!doctype html><html lang="en">${head(a, {
        titleSuffix: ` - ${a.site}`,
        seed,
        jsonLd: jsonLd({
          '@context': 'https://schema.org',
          '@type': 'Report',
          name: a.headline,
          headline: a.headline,
          datePublished: a.published,
          author: { '@type': 'Organization', name: a.author },
          publisher: { '@type': 'GovernmentOrganization', name: a.site }
        })
      })}<body><a class="skip-link" href="#content">Skip to main content</a>${COOKIE_BANNER}<header role="banner"><div class="crest">${esc(a.site)}</div>${NAV}</header>
<div class="breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/news">News and communications</a></li></ol></div>
<main id="content" role="main"><div class="gem-title"><span class="context">Press release</span><h1>${esc(a.headline)}</h1><p class="lead-paragraph">${esc(a.standfirst)}</p></div>
<div class="metadata"><dl><dt>From:</dt><dd>${esc(a.author)}</dd><dt>Published</dt><dd>${dateline}</dd></dl></div>
<div class="govspeak">${body(a)}</div><div class="feedback"><h2>Is this page useful?</h2><button>Yes</button><button>No</button><a href="/feedback">Report a problem with this page</a></div></main>${HIDDEN}${FOOTER}</body></html>`
      break
  }
  return { html, article: a, articleText: articleText(a) }
}
