import { Parser } from 'htmlparser2'
import type { BlockKind } from '../../shared/model'
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
  'math',
  'canvas',
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
 * Converts HTML to plain text with headings, paragraphs and list items as ranges. Nothing in the
 * document is executed or kept as markup: scripts, styles, frames and their contents are dropped.
 */
export function htmlToDocument(html: string): ParsedDocument {
  const blocks: RawBlock[] = []
  const metas = new Map<string, string>()
  let title = ''
  let inTitle = false
  let inHead = false
  let skipDepth = 0
  let listDepth = 0
  let preDepth = 0
  const kinds: { kind: BlockKind; level?: number }[] = []
  let buffer = ''
  let firstTimeDatetime: string | null = null

  const current = (): { kind: BlockKind; level?: number } =>
    kinds[kinds.length - 1] ?? { kind: 'paragraph' }
  const flush = (): void => {
    const { kind, level } = current()
    const text =
      kind === 'preformatted' ? buffer : buffer.split('\n').map(collapseWhitespace).join('\n')
    if (text.trim()) blocks.push(level === undefined ? { kind, text } : { kind, text, level })
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
        if (SKIP.has(name)) {
          skipDepth = 1
          return
        }
        if (name === 'br') {
          buffer += '\n'
          return
        }
        if (!BLOCK.has(name)) return
        flush()
        if (name === 'ul' || name === 'ol') listDepth++
        if (/^h[1-6]$/.test(name)) kinds.push({ kind: 'heading', level: Number(name[1]) })
        else if (name === 'li') kinds.push({ kind: 'list-item', level: Math.max(1, listDepth) })
        else if (name === 'blockquote') kinds.push({ kind: 'quote' })
        else if (name === 'pre') {
          preDepth++
          kinds.push({ kind: 'preformatted' })
        } else kinds.push(current().kind === 'quote' ? { kind: 'quote' } : { kind: 'paragraph' })
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
        flush()
        kinds.pop()
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
  return { ...assemble(blocks), hints }
}
