import { Parser } from 'htmlparser2'
import type { BlockKind, BlockRole } from '../../shared/model'
import {
  assemble,
  collapseWhitespace,
  metaValue,
  normalizeDate,
  type DocumentHints,
  type ParsedDocument,
  type RawBlock
} from './text-blocks'

/** Elements whose content is never document text: code, styling, embedded objects, navigation. */
const SKIP = new Set([
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
  // MathML keeps its text (its tokens are inline elements); the TeX or MathML source beside it is
  // not text a reader sees.
  'annotation',
  'annotation-xml',
  'textarea',
  'nav',
  'select',
  'button',
  'audio',
  'video',
  'map'
])

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'figcaption',
  'address',
  'hr',
  'form',
  'fieldset',
  'details',
  'summary',
  'body',
  'html'
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
  'param'
])

const AUTHOR_META = [
  'author',
  'article:author',
  'dc.creator',
  'byl',
  'parsely-author',
  'sailthru.author'
]
const DATE_META = [
  'article:published_time',
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'datepublished',
  'parsely-pub-date',
  'og:published_time'
]
const SOURCE_META = [
  'og:site_name',
  'publisher',
  'article:publisher',
  'dc.publisher',
  'application-name'
]

/**
 * Text a browser does not show: `hidden`, `aria-hidden="true"`, an inline `display: none` or
 * `visibility: hidden`, a hidden input. Never imported.
 */
export function isHidden(name: string, attribs: Record<string, string>): boolean {
  if (attribs.hidden !== undefined) return true
  if (attribs['aria-hidden']?.trim().toLowerCase() === 'true') return true
  if (name === 'input' && attribs.type?.toLowerCase() === 'hidden') return true
  const style = attribs.style
  return (
    style !== undefined &&
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i.test(
      style
    )
  )
}

export interface HtmlOptions {
  /** Pictures as "[Image: alt text]" (Word documents; web pages' alt texts are mostly noise). */
  imageAlt?: boolean
  /** Word notes and comments as mammoth writes them: marked blocks, without their back links. */
  notes?: boolean
}

/** Mammoth's ids for notes and comments, and the role of the block each one starts. */
const NOTE_IDS: [RegExp, BlockRole][] = [
  [/^footnote-\d+$/, 'footnote'],
  [/^endnote-\d+$/, 'endnote'],
  [/^comment-\d+$/, 'comment']
]

/**
 * Converts HTML to plain text with headings, paragraphs and list items as ranges. Nothing in the
 * document is executed or kept as markup: scripts, styles, frames and their contents are dropped,
 * and so is text the page hides (see isHidden).
 */
export function htmlToDocument(html: string, opts: HtmlOptions = {}): ParsedDocument {
  const blocks: RawBlock[] = []
  const metas = new Map<string, string>()
  let title = ''
  let inTitle = false
  let inHead = false
  let skipDepth = 0
  let listDepth = 0
  let preDepth = 0
  interface Frame {
    kind: BlockKind
    level?: number
    role?: BlockRole
  }
  const kinds: Frame[] = []
  let buffer = ''
  let firstTimeDatetime: string | null = null
  /** The next block starts a note (mammoth writes the note's number as the list's). */
  let noteNumber = 0
  let notePrefix = ''
  /** Inside a comment's heading (mammoth's <dt>): its text becomes the comment's prefix. */
  let commentHeading = false
  let pendingRole: BlockRole | undefined

  const current = (): Frame => kinds[kinds.length - 1] ?? { kind: 'paragraph' }
  const flush = (): void => {
    const { kind, level, role } = current()
    let text =
      kind === 'preformatted' ? buffer : buffer.split('\n').map(collapseWhitespace).join('\n')
    if (text.trim()) {
      if (notePrefix) text = notePrefix + text
      notePrefix = ''
      const block: RawBlock = { kind, text }
      if (level !== undefined) block.level = level
      if (role) block.role = role
      else if (opts.imageAlt && /^\[Image: [^\]]*\]$/.test(text.trim())) block.role = 'alt-text'
      blocks.push(block)
    }
    buffer = ''
  }

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0) {
          if (!VOID.has(name)) skipDepth++
          return
        }
        if (name === 'head') inHead = true
        if (name === 'title') {
          inTitle = true
          return
        }
        if (name === 'meta') {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase()
          if (key && attribs.content && !metas.has(key)) metas.set(key, attribs.content)
          return
        }
        if (name === 'time' && attribs.datetime && !firstTimeDatetime)
          firstTimeDatetime = attribs.datetime
        if (SKIP.has(name) || isHidden(name, attribs)) {
          if (!VOID.has(name)) skipDepth = 1
          return
        }
        if (name === 'br') {
          buffer += '\n'
          return
        }
        if (name === 'img') {
          const alt = collapseWhitespace(attribs.alt ?? '')
          if (opts.imageAlt && alt) buffer += ` [Image: ${alt.replace(/[[\]]/g, '')}] `
          return
        }
        if (
          opts.notes &&
          name === 'a' &&
          /^#(?:footnote|endnote|comment)-ref-/.test(attribs.href ?? '')
        ) {
          // The "↑" link back to where the note is referred to.
          skipDepth = 1
          return
        }
        if (!BLOCK.has(name)) return
        flush()
        if (opts.notes && attribs.id) {
          const note = NOTE_IDS.find(([re]) => re.test(attribs.id))
          if (note) {
            pendingRole = note[1]
            if (name === 'dt') commentHeading = true
            noteNumber = name === 'li' ? noteNumber + 1 : 0
            if (name === 'li') notePrefix = `${noteNumber}. `
          }
        }
        if (name === 'ul' || name === 'ol') listDepth++
        const inherited = pendingRole ?? current().role
        let frame: Frame
        if (/^h[1-6]$/.test(name)) frame = { kind: 'heading', level: Number(name[1]) }
        else if (name === 'li' && !pendingRole)
          frame = { kind: 'list-item', level: Math.max(1, listDepth) }
        else if (name === 'blockquote') frame = { kind: 'quote' }
        else if (name === 'pre') {
          preDepth++
          frame = { kind: 'preformatted' }
        } else frame = current().kind === 'quote' ? { kind: 'quote' } : { kind: 'paragraph' }
        if (inherited) frame.role = inherited
        kinds.push(frame)
        if (name !== 'li' && name !== 'dt' && name !== 'dd') pendingRole = undefined
      },
      ontext(text) {
        if (inTitle) title += text
        else if (skipDepth === 0 && !inHead)
          buffer += preDepth > 0 ? text : text.replace(/\n/g, ' ')
      },
      onclosetag(name, isImplied) {
        if (skipDepth > 0) {
          if (!VOID.has(name)) skipDepth--
          return
        }
        if (name === 'head') inHead = false
        if (name === 'title') {
          inTitle = false
          return
        }
        if (!BLOCK.has(name) || VOID.has(name)) return
        void isImplied
        if (commentHeading && name === 'dt') {
          commentHeading = false
          const label = collapseWhitespace(buffer)
          notePrefix = label ? `${label}: ` : ''
          buffer = ''
        }
        flush()
        kinds.pop()
        if (name === 'li' || name === 'dd') pendingRole = undefined
        if (name === 'ul' || name === 'ol') listDepth = Math.max(0, listDepth - 1)
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1)
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  )
  parser.write(html)
  parser.end()
  flush()

  const pick = (keys: string[]): string | null => {
    for (const k of keys) if (metas.has(k)) return metas.get(k) ?? null
    return null
  }
  const hints: DocumentHints = {
    title: metaValue(title) ?? metaValue(pick(['og:title', 'twitter:title', 'dc.title'])),
    author: metaValue(pick(AUTHOR_META)),
    published: normalizeDate(pick(DATE_META) ?? firstTimeDatetime),
    source: metaValue(pick(SOURCE_META))
  }
  return { ...assemble(blocks), hints, warnings: [] }
}
