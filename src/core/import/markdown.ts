import { marked } from 'marked'
import { htmlToDocument } from './html'
import { metaValue, normalizeDate, type ParsedDocument } from './text-blocks'

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/

/** Reads simple `key: value` front matter (the common subset of YAML that notes apps write). */
export function readFrontMatter(md: string): { fields: Map<string, string>; body: string } {
  const fields = new Map<string, string>()
  const m = FRONT_MATTER.exec(md)
  if (!m) return { fields, body: md }
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (kv) fields.set(kv[1].toLowerCase(), kv[2].trim().replace(/^(['"])(.*)\1$/, '$2'))
  }
  return { fields, body: md.slice(m[0].length) }
}

/**
 * Converts Markdown to text: rendered to HTML by marked, then read by the same HTML-to-text
 * converter as HTML files, so raw HTML inside Markdown gets the same treatment (scripts dropped).
 */
export function markdownToDocument(md: string): ParsedDocument {
  const { fields, body } = readFrontMatter(md.replace(/\r\n?/g, '\n'))
  const html = marked.parse(body, { async: false, gfm: true })
  const doc = htmlToDocument(html)
  const field = (...keys: string[]): string | null => {
    for (const k of keys) if (fields.get(k)) return fields.get(k) ?? null
    return null
  }
  doc.hints = {
    title: metaValue(field('title')),
    author: metaValue(field('author', 'authors', 'byline')),
    published: normalizeDate(field('date', 'published', 'pubdate')),
    source: metaValue(field('source', 'publisher', 'outlet', 'site'))
  }
  return doc
}
