import { WorkbenchError } from '../base/errors'
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
  let html: string
  try {
    html = marked.parse(body, { async: false, gfm: true })
  } catch (err) {
    throw markdownProblem(err)
  }
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

/**
 * What the Markdown parser's own error means, in one plain sentence: its messages end by asking
 * the reader to report the error to its authors, and may name a stack overflow.
 */
export function markdownProblem(err: unknown): WorkbenchError {
  const raw = err instanceof Error ? err.message : String(err)
  const detail = raw
    .replace(/Please report this to https?:\/\/\S+\.?/g, '')
    .replace(/^marked\b[:,]?\s*/i, '')
    .trim()
  return new WorkbenchError(
    'invalid-argument',
    /Maximum call stack/.test(raw)
      ? 'the Markdown nests too deeply to be read'
      : `the Markdown could not be read${detail ? ` (${detail.split('\n')[0].replace(/\.$/, '')})` : ''}`
  )
}
