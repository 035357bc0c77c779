import { basename, extname } from 'node:path'
import type { ParsedDocument } from './text-blocks'

const MAX_TITLE = 200
/** A first line up to this long, without a sentence end, is a title. */
export const MAX_TITLE_LINE = 150

/**
 * Headings that name a part of a text, not the text: never its title ("News Summary",
 * "Background", "Key points"…).
 */
const GENERIC =
  /^(?:news\s+)?(?:summary|overview|introduction|intro|background(?:\s+and\s+context)?|context|abstract|contents|table\s+of\s+contents|key\s+(?:points|takeaways|facts)|highlights|(?:our\s+|expert\s+)?(?:commentary|analysis)|conclusions?|disclaimer|notes?|editor['’]?s\s+note|update[sd]?|breaking(?:\s+news)?|advertisement|related(?:\s+(?:articles|stories))?|references|sources?|recent\s+developments|what\s+happened|details|press\s+release|statement)$/i

/** "[Disclaimer] …", "Disclaimer: …", "Note: …": a notice about the text, not its start. */
const NOTICE = /^\s*(?:\[[^\]]{1,40}\]|(?:disclaimer|note|editor['’]?s note)\s*:)/i

function shorten(s: string, max = 90): string {
  if (s.length <= max) return s
  const cut = s.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length

/** A line that reads as a title: short enough, no sentence end, not a notice or a bullet. */
export function isTitleLike(line: string): boolean {
  const t = line.trim()
  return (
    t.length > 0 &&
    t.length <= MAX_TITLE_LINE &&
    !/[.!?,;:…"”'’)。！？؟،]$/.test(t) &&
    !NOTICE.test(t) &&
    !/^\s*(?:[-*•‣◦]|\d{1,3}[.)])\s/.test(t) &&
    !GENERIC.test(t)
  )
}

/**
 * Picks a document's title: what the file says its title is (HTML <title>, front matter, PDF or
 * DOCX properties); else its first line when it reads as a title (before any later sub-heading);
 * else a heading near the top that is not a generic one ("Summary"); else the opening words of its
 * first substantial paragraph (its first sentence or clause, skipping notices such as
 * "[Disclaimer] …"); else the file name.
 */
export function chooseTitle(doc: ParsedDocument, fileName: string): string {
  const fromFile = doc.hints.title?.trim()
  if (fromFile) return fromFile.slice(0, MAX_TITLE)
  const blockText = (i: number): string =>
    doc.text.slice(doc.blocks[i].start, doc.blocks[i].end).trim()
  const first = doc.blocks.length ? blockText(0).split('\n')[0].trim() : ''
  if (first && isTitleLike(first)) return first
  for (let i = 0; i < Math.min(3, doc.blocks.length); i++) {
    const b = doc.blocks[i]
    if (b.kind !== 'heading' || b.role) continue
    const text = blockText(i)
    if (!GENERIC.test(text)) return shorten(text.slice(0, MAX_TITLE), MAX_TITLE)
  }
  // The opening of the text: the first paragraph of some length among the first few (a short
  // one is more often a notice or a standing line), never a notice.
  const paragraphs: string[] = []
  for (let i = 0; i < doc.blocks.length && paragraphs.length < 4; i++) {
    const text = blockText(i)
    if (doc.blocks[i].kind === 'heading' || NOTICE.test(text)) continue
    paragraphs.push(text.split('\n').join(' '))
  }
  const opening = paragraphs.find((p) => words(p) >= 40) ?? paragraphs[0] ?? first
  if (opening) return openingWords(opening)
  return basename(fileName, extname(fileName))
}

/** The first sentence when short enough, else its first clause, else its first words. */
function openingWords(paragraph: string): string {
  // A sentence ends before a capital, or any letter of a script without case (Arabic, Hebrew,
  // Thai); Chinese and Japanese full stops end one wherever they are.
  const sentence = /^.+?(?:[.!?؟](?=\s+["“‘(]?[^\p{Ll}\s]|\s*$)|[。！？])/u.exec(paragraph)?.[0]
  if (sentence && sentence.length <= 120) return sentence.replace(/[.。]$/, '')
  const clause = /^[^,;:()，、；：]+/.exec(paragraph)?.[0].trim()
  if (clause && clause.length <= MAX_TITLE_LINE && words(clause) >= 4) return clause
  return shorten(paragraph)
}
