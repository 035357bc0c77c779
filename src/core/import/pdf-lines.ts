/**
 * A PDF page's text items as lines in reading order (right-to-left scripts included, presentation
 * forms read as letters), and lines as paragraphs, with words broken at a line end joined where
 * the document itself has the joined word. Pure.
 */

export interface TextItem {
  str: string
  dir: string
  hasEOL: boolean
  transform: number[]
  width: number
  height: number
}

export interface Line {
  text: string
  y: number
  height: number
}

// Presentation forms (Arabic, Hebrew, Latin ligatures such as "ﬁ"): what a PDF's fonts map
// glyphs to, read back as the letters they stand for.
const PRESENTATION_FORMS = /[\ufb00-\ufdff\ufe70-\ufeff]+/g
const normalizeForms = (s: string): string =>
  s.replace(PRESENTATION_FORMS, (m) => m.normalize('NFKC'))

const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/gu
const STRONG_LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/g

/**
 * The page's lines, each in reading order: pdf.js gives items in drawing order, and puts each
 * item's own characters in reading order; a line of mostly right-to-left text reads from its
 * rightmost item to its leftmost. Items apart by more than a fifth of the line height are
 * separated by a space.
 */
export function pageLines(items: TextItem[]): Line[] {
  const lines: Line[] = []
  let current: TextItem[] = []
  const end = (): void => {
    if (current.length) {
      const line = buildLine(current)
      if (line) lines.push(line)
    }
    current = []
  }
  for (const item of items) {
    current.push(item)
    if (item.hasEOL) end()
  }
  end()
  return lines
}

function buildLine(items: TextItem[]): Line | null {
  const visible = items.filter((i) => i.str !== '')
  if (visible.length === 0) return { text: '', y: items[0].transform[5], height: 0 }
  const all = visible.map((i) => i.str).join('')
  const rtl = (all.match(STRONG_RTL) ?? []).length > (all.match(STRONG_LTR) ?? []).length
  const ordered = rtl ? [...visible].sort((a, b) => b.transform[4] - a.transform[4]) : visible
  const height = Math.max(...ordered.map((i) => i.height || Math.abs(i.transform[3]) || 0))
  let text = ''
  for (let i = 0; i < ordered.length; i++) {
    const item = ordered[i]
    const prev = ordered[i - 1]
    if (prev && !/\s$/.test(text) && !/^\s/.test(item.str)) {
      const gap = rtl
        ? prev.transform[4] - (item.transform[4] + item.width)
        : item.transform[4] - (prev.transform[4] + prev.width)
      if (gap > height * 0.2) text += ' '
    }
    text += item.str
  }
  return { text: normalizeForms(text).replace(/[ \t]+/g, ' '), y: ordered[0].transform[5], height }
}

export function paragraphs(lines: Line[], vocabulary: Set<string>): string[] {
  const out: string[] = []
  let para: string[] = []
  const end = (): void => {
    if (para.length) out.push(joinLines(para, vocabulary))
    para = []
  }
  lines.forEach((line, i) => {
    const prev = lines[i - 1]
    if (line.text.trim() === '') return end()
    if (prev && prev.height > 0 && Math.abs(prev.y - line.y) > prev.height * 1.8) end()
    para.push(line.text.trim())
  })
  end()
  return out
}

/** Every word of the document, lower case, for telling "in-/cluding" from "well-/known". */
export function words(texts: string[]): Set<string> {
  const set = new Set<string>()
  for (const t of texts)
    for (const m of t.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) set.add(m[0])
  return set
}

/** First parts that make compounds ("well-known", "self-made"), not broken words. */
const COMPOUND_HEADS = new Set([
  'well',
  'self',
  'non',
  'ex',
  'all',
  'half',
  'cross',
  'so',
  'long',
  'short',
  'full',
  'mid',
  'x'
])
/** Second parts that make compounds ("state-owned", "long-term"). */
const COMPOUND_TAILS = new Set([
  'based',
  'related',
  'led',
  'owned',
  'backed',
  'funded',
  'sponsored',
  'term',
  'scale',
  'wide',
  'level',
  'like',
  'free',
  'known',
  'old',
  'year',
  'made',
  'run'
])

/**
 * Joins wrapped lines with a space, and a word broken at a line end by a hyphen: a soft hyphen
 * always joins; a hard one joins when the joined word occurs in the document (or the parts do
 * not look like a compound), and stays when the hyphenated form occurs, or the parts are ones
 * compounds are made of.
 */
function joinLines(lines: string[], vocabulary: Set<string>): string {
  let acc = ''
  for (const line of lines) {
    const broken = /(\p{L}+)([-\u00ad\u2010])$/u.exec(acc)
    const next = /^(\p{Ll}+)/u.exec(line)
    if (broken && next) {
      const head = broken[1]
      const tail = next[1]
      const joined = `${head}${tail}`.toLowerCase()
      const hyphenated = `${head}-${tail}`.toLowerCase()
      const keep =
        broken[2] !== '\u00ad' &&
        !vocabulary.has(joined) &&
        (vocabulary.has(hyphenated) ||
          COMPOUND_HEADS.has(head.toLowerCase()) ||
          COMPOUND_TAILS.has(tail))
      acc = keep ? `${acc.slice(0, -1)}-${line}` : `${acc.slice(0, -1)}${line}`
    } else {
      acc = acc ? `${acc} ${line}` : line
    }
  }
  return acc.replace(/\u00ad/g, '')
}
