import type { Block, BlockKind, BlockRole, TextEncodingInfo } from '../../shared/model'

/** A block as an importer finds it, before the document's text is assembled. */
export interface RawBlock {
  kind: BlockKind
  text: string
  level?: number
  role?: BlockRole
  /** 1-based page number (PDF). */
  page?: number
}

/** What a file says about itself; null or absent where it says nothing. */
export interface DocumentHints {
  title?: string | null
  author?: string | null
  /** YYYY-MM-DD */
  published?: string | null
  /** Publisher, outlet or site name. */
  source?: string | null
  /** The page's own address (canonical link, og:url, JSON-LD): kept, shown, never fetched. */
  url?: string | null
  /** BCP 47 language tag, e.g. "en-GB". */
  language?: string | null
  /** How the text was decoded (text, Markdown and web pages). */
  encoding?: TextEncodingInfo | null
}

/** What every importer produces: normalized text, its structure as ranges, and metadata it found. */
export interface ParsedDocument {
  text: string
  blocks: Block[]
  hints: DocumentHints
  /**
   * What the reader should know about how the file was read, one plain sentence each ("No article
   * was found in this page; the whole page was imported.", "Decoded as windows-1251 (guessed).").
   */
  warnings: string[]
}

/**
 * Most blocks one document keeps. Beyond it, neighbouring blocks are merged (the text stays the
 * same): a 13 MB file with one character per line would otherwise make millions of blocks, and as
 * many passages in the search index.
 */
export const MAX_BLOCKS = 50_000

// C0/C1 controls except tab and newline; they carry no text and can hide content.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

// Bidirectional embedding, override and isolate controls: invisible, and able to make text display
// in another order than it reads ("Trojan Source"). Removed, so that what is shown is what is there.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g

/** Normalizes text the same way for every format: NFC, LF line ends, no control characters. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROLS, '')
}

/** Collapses white space as HTML does: runs of spaces and line breaks become one space. */
export function collapseWhitespace(s: string): string {
  return s.replace(/[ \t\n\r\f\v\u200B]+/g, ' ').trim()
}

/**
 * Joins blocks with a blank line between them and records where each one sits in the text. More
 * than `maxBlocks` blocks are merged into runs of neighbours (of the same page), each run one
 * paragraph: the text is the same, its structure coarser.
 */
export function assemble(
  raw: RawBlock[],
  maxBlocks = MAX_BLOCKS
): { text: string; blocks: Block[] } {
  const parts: string[] = []
  const blocks: Block[] = []
  let offset = 0
  const group = Math.ceil(raw.length / maxBlocks)
  let run = 0
  for (const b of raw) {
    const text = cleanBlockText(b.text)
    if (text.trim() === '') continue
    if (parts.length > 0) offset += 2
    const last = blocks[blocks.length - 1]
    if (group > 1 && run > 0 && run < group && last && last.page === b.page) {
      // Part of a run of merged blocks: the last block grows over this one.
      last.end = offset + text.length
      last.kind = 'paragraph'
      delete last.level
      delete last.role
      run++
    } else {
      const block: Block = { kind: b.kind, start: offset, end: offset + text.length }
      if (b.level !== undefined) block.level = b.level
      if (b.role !== undefined) block.role = b.role
      if (b.page !== undefined) block.page = b.page
      blocks.push(block)
      run = 1
    }
    parts.push(text)
    offset += text.length
  }
  return { text: parts.join('\n\n'), blocks }
}

function cleanBlockText(s: string): string {
  const text = cleanText(s)
  // Most blocks have no line break or trailing blank: skip the split for them.
  if (!/[ \t]\n|[ \t]$|^\n|\n$/.test(text)) return text
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

export function countWords(text: string): number {
  let n = 0
  for (const _ of text.matchAll(WORD)) n++
  return n
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const pad = (n: number): string => String(n).padStart(2, '0')

/**
 * Reads a publication date written in the usual ways (ISO 8601, PDF `D:YYYYMMDD…`, "28 August 2025",
 * "Aug 28, 2025") as YYYY-MM-DD. Returns null when it cannot tell.
 */
export function normalizeDate(input: string | null | undefined): string | null {
  if (!input) return null
  const s = input.trim()
  let m = /^D?:?(\d{4})(\d{2})(\d{2})/.exec(s)
  if (m && s.startsWith('D:')) return valid(+m[1], +m[2], +m[3])
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s)
  if (m) return valid(+m[1], +m[2], +m[3])
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s)
  if (m) return valid(+m[1], +m[2], +m[3])
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s)
  if (m) return valid(+m[3], monthIndex(m[2]), +m[1])
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s)
  if (m) return valid(+m[3], monthIndex(m[1]), +m[2])
  return null
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1
}

function valid(y: number, mo: number, d: number): string | null {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31) return null
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1) return null
  return `${y}-${pad(mo)}-${pad(d)}`
}

/** A one-line, trimmed version of a metadata value, or null when there is nothing in it. */
export function metaValue(s: string | null | undefined, max = 300): string | null {
  if (!s) return null
  const v = collapseWhitespace(cleanText(s))
  return v ? v.slice(0, max) : null
}
