import { metaValue, normalizeDate, type DocumentHints } from './text-blocks'

/** What a page's markup says about it, gathered while it is read (see web-page.ts). */
export interface PageData {
  /** Text of `<title>`. */
  title: string
  /** `<meta>` values by lower-cased name, property or itemprop; the first of each. */
  metas: Map<string, string>
  /** Texts of `<script type="application/ld+json">`. */
  jsonLd: string[]
  /** `<link rel="canonical">`. */
  canonical: string | null
  /** `<html lang>`. */
  lang: string | null
  /** The first `<time datetime>` in the body. */
  firstTime: string | null
}

/** What Readability found in the page, used after the markup's own metadata. */
export interface ReadabilityMeta {
  title?: string | null
  byline?: string | null
  siteName?: string | null
  publishedTime?: string | null
  lang?: string | null
}

/** JSON-LD types whose fields describe the document itself (schema.org CreativeWork kinds). */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'askpublicnewsarticle',
  'satiricalarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'discussionforumposting',
  'report',
  'scholarlyarticle',
  'medicalscholarlyarticle',
  'techarticle',
  'apireference',
  'advertisercontentarticle',
  'creativework',
  'review',
  'pressrelease'
])
/** Page-level types, used only when no article type is there. */
const PAGE_TYPES = new Set(['webpage', 'itempage', 'collectionpage', 'aboutpage', 'faqpage'])

const AUTHOR_META = [
  'author',
  'article:author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'parsely-author',
  'sailthru.author',
  'citation_author'
]
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'parsely-pub-date',
  'citation_publication_date',
  'sailthru.date'
]
const SOURCE_META = [
  'og:site_name',
  'publisher',
  'dc.publisher',
  'dcterms.publisher',
  'citation_publisher',
  'application-name'
]
const TITLE_META = ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'citation_title']

/** The fields of the JSON-LD node that describes the document, if any. */
interface LdFields {
  headline: string | null
  authors: string[]
  published: string | null
  publisher: string | null
  url: string | null
  language: string | null
}

/**
 * The page's details, each from the first source that has it: JSON-LD (an Article, NewsArticle,
 * Report… node, also inside `@graph` or arrays), OpenGraph and `article:` meta tags, other meta
 * tags (`<meta name=author>`…), what Readability found (the byline), then `<title>` (for the
 * title, without a " | Site" suffix naming the site). A URL is never taken for an author; the
 * page's address comes from `<link rel=canonical>`, `og:url` or JSON-LD, and is never fetched.
 */
export function pageHints(page: PageData, found: ReadabilityMeta = {}): DocumentHints {
  const ld = readJsonLd(page.jsonLd)
  const meta = (keys: string[], accept: (v: string) => boolean = () => true): string | null => {
    for (const k of keys) {
      const v = metaValue(page.metas.get(k))
      if (v && accept(v)) return v
    }
    return null
  }
  const source =
    personOrOrg(ld?.publisher) ??
    meta(SOURCE_META, (v) => !isUrl(v)) ??
    personOrOrg(found.siteName) ??
    null
  const author =
    (ld && ld.authors.length ? ld.authors.join(', ') : null) ??
    meta(AUTHOR_META, (v) => !isUrl(v)) ??
    personOrOrg(cleanByline(found.byline)) ??
    null
  const rawTitle =
    metaValue(ld?.headline) ??
    meta(TITLE_META) ??
    metaValue(page.title) ??
    metaValue(found.title) ??
    null
  const published =
    normalizeDate(ld?.published) ??
    normalizeDate(meta(DATE_META)) ??
    normalizeDate(found.publishedTime) ??
    normalizeDate(page.firstTime)
  const url =
    webAddress(page.canonical) ?? webAddress(page.metas.get('og:url')) ?? webAddress(ld?.url)
  const language =
    languageTag(page.lang) ??
    languageTag(ld?.language) ??
    languageTag(page.metas.get('content-language')) ??
    languageTag(page.metas.get('og:locale')) ??
    languageTag(found.lang)
  return {
    title: rawTitle ? stripSiteName(rawTitle, source) : null,
    author,
    published,
    source,
    url,
    language
  }
}

/**
 * "Headline | Site", "Headline - Site", "Headline — Site" (and "Site | Headline") without the
 * site's name, when that part is the site's name (or starts with it: "Site – Local news").
 */
export function stripSiteName(title: string, site: string | null | undefined): string {
  if (!site) return title
  const fold = (s: string): string =>
    s
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/\s+/g, ' ')
      .trim()
  const name = fold(site)
  if (!name) return title
  const separator = /\s+[|\-–—·:»•]+\s+/g
  const cuts = [...title.matchAll(separator)]
  if (cuts.length === 0) return title
  const last = cuts[cuts.length - 1]
  const before = title.slice(0, last.index).trim()
  const after = title.slice((last.index ?? 0) + last[0].length).trim()
  if (before && (fold(after) === name || fold(after).startsWith(`${name} `))) return before
  const first = cuts[0]
  const head = title.slice(0, first.index).trim()
  const rest = title.slice((first.index ?? 0) + first[0].length).trim()
  if (rest && fold(head) === name) return rest
  return title
}

const isUrl = (s: string): boolean =>
  /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|\/\/)/i.test(s.trim()) ||
  /^[\w-]+(?:\.[\w-]+)+\/\S*$/.test(s.trim())

/** A person's or organisation's name: not a URL, not an e-mail address, not empty. */
function personOrOrg(s: string | null | undefined): string | null {
  const v = metaValue(s)
  if (!v || isUrl(v) || /^\S+@\S+\.\S+$/.test(v)) return null
  return v
}

/** "By Mara Quist" → "Mara Quist". */
function cleanByline(s: string | null | undefined): string | null {
  const v = metaValue(s)
  if (!v) return null
  return v.replace(/^(?:by|von|par|por|di|door|av)\s+/i, '').slice(0, 200) || null
}

/** An absolute http(s) address, as written (never fetched), or null. */
function webAddress(s: string | null | undefined): string | null {
  const v = s?.trim()
  if (!v || v.length > 2048 || !/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v)) return null
  return v
}

/** "en_GB" → "en-GB"; null when it is not a language tag. */
function languageTag(s: string | null | undefined): string | null {
  const v = s?.trim().replace(/_/g, '-')
  if (!v || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v)) return null
  const [lang, ...rest] = v.split('-')
  return [lang.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-')
}

/** The most it reads of JSON-LD: enough for any real page, bounded for a hostile one. */
const MAX_LD_CHARS = 1_000_000
const MAX_LD_NODES = 10_000

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

/** The fields of the first article-like node of the page's JSON-LD blocks (null when none). */
export function readJsonLd(blocks: string[]): LdFields | null {
  const nodes: JsonObject[] = []
  const byId = new Map<string, JsonObject>()
  let chars = 0
  for (const block of blocks) {
    chars += block.length
    if (chars > MAX_LD_CHARS) break
    let value: Json
    try {
      value = JSON.parse(block.trim().replace(/^<!--|-->$/g, '')) as Json
    } catch {
      continue
    }
    // Walk arrays and @graph without recursion (a hostile page may nest them deeply).
    const stack: Json[] = [value]
    while (stack.length && nodes.length < MAX_LD_NODES) {
      const v = stack.pop() as Json
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push(v[i])
      } else if (v && typeof v === 'object') {
        nodes.push(v)
        if (typeof v['@id'] === 'string' && !byId.has(v['@id'])) byId.set(v['@id'], v)
        if (v['@graph']) stack.push(v['@graph'])
      }
    }
  }
  const types = (n: JsonObject): string[] =>
    (Array.isArray(n['@type']) ? n['@type'] : [n['@type']])
      .filter((t): t is string => typeof t === 'string')
      .map((t) => t.replace(/^.*[/:#]/, '').toLowerCase())
  const node =
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.has(t))) ??
    nodes.find((n) => types(n).some((t) => PAGE_TYPES.has(t)))
  if (!node) return null
  const resolve = (v: Json): Json => {
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof v['@id'] === 'string') {
      const target = byId.get(v['@id'])
      if (target && target !== v && !('name' in v)) return target
    }
    return v
  }
  const text = (v: Json): string | null => {
    v = resolve(v)
    if (typeof v === 'string') return v
    if (Array.isArray(v)) return text(v[0])
    if (v && typeof v === 'object') return text(v.name ?? null) ?? text(v['@value'] ?? null)
    return null
  }
  const names = (v: Json): string[] => {
    const list = Array.isArray(v) ? v : [v]
    const out: string[] = []
    for (const item of list.slice(0, 20)) {
      const name = personOrOrg(text(item))
      if (name && !out.includes(name)) out.push(name)
    }
    return out
  }
  const address = (v: Json): string | null => {
    if (typeof v === 'string') return v
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof v['@id'] === 'string')
      return v['@id']
    return null
  }
  const field = (k: string): Json => node[k] ?? null
  return {
    headline: text(field('headline')) ?? text(field('name')),
    authors: names(field('author') ?? field('creator')),
    published: text(field('datePublished')) ?? text(field('dateCreated')),
    publisher: names(field('publisher') ?? field('sourceOrganization'))[0] ?? null,
    url: address(field('url')) ?? address(field('mainEntityOfPage')),
    language: text(field('inLanguage'))
  }
}
