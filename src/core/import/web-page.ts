import { Readability } from '@mozilla/readability'
import type { Block } from '../../shared/model'
import { Parser } from 'htmlparser2'
import { parseHTML } from 'linkedom'
import { htmlToDocument, isHidden } from './html'
import { pageHints, type PageData, type ReadabilityMeta } from './page-meta'
import { collapseWhitespace, countWords, type ParsedDocument } from './text-blocks'

export interface WebPageOptions {
  /** Keep the whole page (its menus and other page furniture aside), not only the article. */
  wholePage?: boolean
}

/** Elements dropped with everything in them before anything else sees the page. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'canvas',
  'nav',
  'select',
  'button',
  'textarea',
  'audio',
  'video',
  'map',
  'dialog',
  'head',
  'annotation',
  'annotation-xml'
])

const VOID = new Set([
  'br',
  'hr',
  'img',
  'meta',
  'link',
  'input',
  'area',
  'base',
  'col',
  'wbr',
  'source',
  'track',
  'param',
  'keygen',
  'embed'
])

/** Attributes the article finder reads (scores by class and id, bylines by rel and itemprop). */
const KEEP_ATTRIBUTES = new Set([
  'id',
  'class',
  'alt',
  'rel',
  'itemprop',
  'role',
  'datetime',
  'lang',
  'dir',
  'colspan',
  'rowspan'
])

/** Deeper elements are flattened into their parent: their text stays, their tags go. */
const MAX_DEPTH = 200
/** More elements than this, and the article is not looked for (Readability would take too long). */
const MAX_ELEMENTS = 60_000
/** An article shorter than this is not one: Readability fell back on a fragment. */
const MIN_ARTICLE_CHARS = 140
/** A page this short is imported whole without a warning: there is nothing to take it apart from. */
const SHORT_PAGE_WORDS = 100

const escapeText = (s: string): string =>
  s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
const escapeAttribute = (s: string): string =>
  s.replace(/[&"]/g, (c) => (c === '&' ? '&amp;' : '&quot;'))

/**
 * Reads a saved web page. Its markup is first rewritten without anything active or hidden
 * (scripts, styles, frames, objects, event handlers, links' targets, hidden elements), keeping
 * what describes the page (title, meta tags, JSON-LD, canonical address). Then, unless the whole
 * page is wanted, Readability (Firefox's reader view) finds the article in a DOM built from that
 * clean markup by linkedom, which runs no script and loads nothing. No article found: the whole
 * page, with a warning.
 */
export function webPageToDocument(html: string, opts: WebPageOptions = {}): ParsedDocument {
  const { clean, page, elements } = cleanPage(html)
  const warnings: string[] = []
  let found: ReadabilityMeta = {}
  let doc: ParsedDocument | null = null
  if (!opts.wholePage) {
    if (elements > MAX_ELEMENTS) {
      warnings.push(
        `The page has ${elements.toLocaleString('en-US')} elements, too many to look for its article in; the whole page was imported.`
      )
    } else {
      const article = findArticle(clean)
      if (article) {
        found = article.meta
        doc = article.content
      }
    }
  }
  const hints = pageHints(page, found)
  if (doc) {
    doc = withLead(doc, standfirst(page, clean, doc))
    doc = withHeadline(doc, hints.title ?? null)
  } else {
    doc = htmlToDocument(clean)
    if (!opts.wholePage && warnings.length === 0 && countWords(doc.text) > SHORT_PAGE_WORDS)
      warnings.push('No article was found in this page; the whole page was imported.')
  }
  return { text: doc.text, blocks: doc.blocks, hints, warnings }
}

interface Found {
  content: ParsedDocument
  meta: ReadabilityMeta
}

function findArticle(clean: string): Found | null {
  let result: ReturnType<Readability<string>['parse']>
  try {
    const { document } = parseHTML(clean)
    result = new Readability(document as unknown as Document, {
      keepClasses: false,
      disableJSONLD: true
    }).parse()
  } catch {
    return null
  }
  if (!result?.content || (result.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) return null
  // A list of links (an index page, a site map) is what Readability falls back on, not an article.
  if (linkDensity(result.content) > 0.5) return null
  return {
    content: htmlToDocument(result.content),
    meta: {
      title: result.title,
      byline: result.byline,
      siteName: result.siteName,
      publishedTime: result.publishedTime,
      lang: result.lang
    }
  }
}

/** The share of an HTML fragment's text that is inside links. */
function linkDensity(html: string): number {
  let inLink = 0
  let all = 0
  let linked = 0
  const parser = new Parser({
    onopentag(name) {
      if (name === 'a') inLink++
    },
    ontext(text) {
      const n = text.trim().length
      all += n
      if (inLink > 0) linked += n
    },
    onclosetag(name) {
      if (name === 'a') inLink = Math.max(0, inLink - 1)
    }
  })
  parser.write(html)
  parser.end()
  return all === 0 ? 0 : linked / all
}

const fold = (s: string): string => collapseWhitespace(s).toLowerCase()

/**
 * The standfirst (the sentence under a headline), which Readability leaves out with the headline
 * when they share a header: the page's description, when the page shows it as text and the
 * article does not have it.
 */
function standfirst(page: PageData, clean: string, doc: ParsedDocument): string | null {
  for (const key of ['og:description', 'description', 'twitter:description']) {
    const text = collapseWhitespace(page.metas.get(key) ?? '')
    if (text.length < 40) continue
    if (fold(doc.text).includes(fold(text))) return null
    return clean.includes(`>${escapeText(text)}<`) ? text : null
  }
  return null
}

/** The article's text starts with its headline (Readability takes it out of the content). */
function withHeadline(doc: ParsedDocument, headline: string | null): ParsedDocument {
  const first = doc.blocks[0]
  if (!headline || (first && fold(doc.text.slice(first.start, first.end)) === fold(headline)))
    return doc
  return prepend(doc, headline, { kind: 'heading', level: 1 })
}

function withLead(doc: ParsedDocument, lead: string | null): ParsedDocument {
  return lead ? prepend(doc, lead, { kind: 'paragraph' }) : doc
}

function prepend(
  doc: ParsedDocument,
  text: string,
  block: Omit<Block, 'start' | 'end'>
): ParsedDocument {
  const shift = text.length + 2
  return {
    ...doc,
    text: `${text}\n\n${doc.text}`,
    blocks: [
      { ...block, start: 0, end: text.length },
      ...doc.blocks.map((b) => ({ ...b, start: b.start + shift, end: b.end + shift }))
    ]
  }
}

/**
 * Rewrites a page as inert markup in one pass of htmlparser2, gathering its metadata on the way:
 * only the body's elements, each with the few attributes that describe its role, none of the
 * dropped or hidden elements, MathML as its text, nesting flattened beyond MAX_DEPTH.
 */
export function cleanPage(html: string): { clean: string; page: PageData; elements: number } {
  const page: PageData = {
    title: '',
    metas: new Map(),
    jsonLd: [],
    canonical: null,
    lang: null,
    firstTime: null
  }
  const out: string[] = []
  /** Open elements that were written out (true) or left out as too deep (false). */
  const open: boolean[] = []
  let elements = 0
  let skipDepth = 0
  let mathDepth = 0
  let inTitle = false
  let jsonLd: string | null = null
  /** skipDepth inside the JSON-LD script being read. */
  let jsonLdDepth = 0

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0) {
          if (!VOID.has(name)) skipDepth++
          if (name === 'title' && !page.title) inTitle = true
          else if (name === 'meta') readMeta(page, attribs)
          else if (name === 'link') readLink(page, attribs)
          else if (name === 'script' && jsonLd === null && /ld\+json/i.test(attribs.type ?? '')) {
            jsonLd = ''
            jsonLdDepth = skipDepth
          }
          return
        }
        if (name === 'html') {
          if (attribs.lang && !page.lang) page.lang = attribs.lang
          return
        }
        if (name === 'body') return
        if (name === 'title') {
          if (!page.title) inTitle = true
          skipDepth = 1
          return
        }
        if (name === 'meta') return readMeta(page, attribs)
        if (name === 'link') return readLink(page, attribs)
        if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) {
          jsonLd = ''
          jsonLdDepth = 1
        }
        if (DROP.has(name) || isHidden(name, attribs)) {
          if (!VOID.has(name)) skipDepth = 1
          return
        }
        if (name === 'time' && attribs.datetime && !page.firstTime)
          page.firstTime = attribs.datetime
        if (mathDepth > 0 || name === 'math') {
          // MathML: its text only, as inline text.
          if (!VOID.has(name)) mathDepth++
          return
        }
        elements++
        if (open.length >= MAX_DEPTH) {
          if (!VOID.has(name)) open.push(false)
          return
        }
        let tag = `<${name}`
        for (const [k, v] of Object.entries(attribs))
          if (KEEP_ATTRIBUTES.has(k)) tag += ` ${k}="${escapeAttribute(v.slice(0, 500))}"`
        // Links keep that they are links (Readability weighs link density), not where they go.
        if (name === 'a' && attribs.href !== undefined) tag += ' href="#"'
        out.push(`${tag}>`)
        if (!VOID.has(name)) open.push(true)
      },
      ontext(text) {
        if (inTitle) page.title += text
        else if (jsonLd !== null) jsonLd += text
        else if (skipDepth === 0) out.push(escapeText(text))
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          if (VOID.has(name)) return
          skipDepth--
          if (name === 'title') inTitle = false
          if (jsonLd !== null && skipDepth < jsonLdDepth) {
            page.jsonLd.push(jsonLd)
            jsonLd = null
          }
          return
        }
        if (name === 'html' || name === 'body' || VOID.has(name)) return
        if (mathDepth > 0) {
          mathDepth--
          if (mathDepth === 0) out.push(' ')
          return
        }
        if (open.pop()) out.push(`</${name}>`)
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  )
  parser.write(html)
  parser.end()
  return {
    clean: `<!doctype html><html><head><title>${escapeText(page.title)}</title></head><body>${out.join('')}</body></html>`,
    page,
    elements
  }
}

function readMeta(page: PageData, attribs: Record<string, string>): void {
  const key = (
    attribs.property ??
    attribs.name ??
    attribs.itemprop ??
    attribs['http-equiv'] ??
    ''
  ).toLowerCase()
  if (key && attribs.content && !page.metas.has(key)) page.metas.set(key, attribs.content)
}

function readLink(page: PageData, attribs: Record<string, string>): void {
  const rel = (attribs.rel ?? '').toLowerCase().split(/\s+/)
  if (rel.includes('canonical') && attribs.href && !page.canonical) page.canonical = attribs.href
}
