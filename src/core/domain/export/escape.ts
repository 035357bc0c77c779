/**
 * Escaping of source text for Markdown: whatever a document says, it can never become Markdown
 * structure or HTML in an export — no headings, lists, links, images, tags, tables or code.
 * CommonMark lets a backslash escape any ASCII punctuation; we escape every character that can
 * start or close a construct, wherever it stands, and the few that matter only at a line's start.
 */

import { withoutControls } from '../text/control-chars'

// Anywhere in a line: emphasis, code, links and images, HTML and autolinks, entities, tables,
// strikethrough, escapes, # (a heading's closing sequence; an Obsidian tag), and Obsidian's
// $math$ and ^block-ids.
const INLINE = /[\\`*_[\]<>&|~!#$^]/g
// At a line's start: block quotes, list markers, setext and thematic breaks, GFM table rows (:--).
const LINE_START = /^([>+\-=:])/
const ORDERED = /^(\d{1,9})([.)])/

export function escapeLine(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '')
  const each = (run: string): string => run.replace(/./g, (c) => `\\${c}`)
  let out = trimmed
    .replace(INLINE, (c) => `\\${c}`)
    // Obsidian: hidden text between %% and highlights between ==.
    .replace(/%{2,}/g, each)
    .replace(/={2,}/g, each)
  out = out.replace(LINE_START, '\\$1').replace(ORDERED, '$1\\$2')
  // GitHub-style Markdown links bare URLs, www. and e-mail addresses. (A colon that starts the
  // line is escaped already: escaping it again would show a backslash.)
  return (
    out
      .replace(/(?<!\\):(?=\/\/)/g, '\\:')
      // Dataview's inline fields (key:: value): no two colons in a row.
      .replace(/(?<=:):/g, '\\:')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      .replace(/@/g, '\\@')
  )
}

/** Escapes source text for use inside a paragraph or block quote; line breaks are kept. */
export function escapeText(text: string): string {
  return withoutControls(text).split('\n').map(escapeLine).join('\n')
}

/** Escapes text for one line (a heading or a list item): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeLine(withoutControls(text).replace(/\s+/g, ' '))
}

/** A block quote of source text: every line prefixed, blank lines kept as empty quote lines. */
export function blockquote(text: string): string {
  return escapeText(text)
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n')
}

/** A tag as Obsidian writes it: #Parent/Child, with spaces as "-" and nothing a tag cannot hold. */
export function hashtag(path: string): string {
  return `#${path
    .split('/')
    .map((part) =>
      part
        .trim()
        .replace(/\s+/g, '-')
        .replace(/[^\p{L}\p{N}_-]/gu, '-')
    )
    .join('/')}`
}

/** A YAML scalar that stays a plain string whatever it contains. */
export function yamlString(s: string): string {
  return JSON.stringify(s)
}
