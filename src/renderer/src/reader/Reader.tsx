import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { Annotation, Block, DocumentContent } from '../../../shared/model'
import { call, messageOf } from '../api'
import { formatCount, formatDate } from '../format'
import { blockElements, offsetOfPoint, offsetsOfRange, rangeFromOffsets } from './dom-offsets'
import { clearPane, layerName, paintPane } from './highlight-registry'

export interface TextRange {
  start: number
  end: number
}

interface Props {
  paneKey: string
  id: string
  /** Changes when the document's text changes (a new version was imported). */
  textRevision: number
  annotations: Annotation[]
  selectedId: string | null
  /** Scrolls to this annotation whenever the nonce changes. */
  scrollTarget: { id: string; nonce: number } | null
  /** Search matches to mark, and which one is current (scrolled to). */
  matches: { ranges: { start: number; end: number }[]; current: number } | null
  onSelect: (annotationId: string | null) => void
  onSelection: (range: TextRange | null) => void
  onFocus: () => void
  actions: ReactNode
}

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; doc: DocumentContent }

/**
 * Shows a document's normalized text as headings, paragraphs and lists — only ever as text nodes,
 * never as HTML — and paints its highlights with the CSS Custom Highlight API. Blocks carry their
 * text offsets, so selections map exactly to the text the annotations point into.
 */
export function Reader({
  paneKey,
  id,
  textRevision,
  annotations,
  selectedId,
  scrollTarget,
  matches,
  onSelect,
  onSelection,
  onFocus,
  actions
}: Props): React.JSX.Element {
  const [state, setState] = useState<State>({ status: 'loading' })
  const articleRef = useRef<HTMLElement>(null)
  const blocksRef = useRef<HTMLElement[]>([])

  useEffect(() => {
    // The parent keys this component by document id, so each document starts in 'loading'.
    let live = true
    call('getDocument', id).then(
      (doc) => live && setState({ status: 'ready', doc }),
      (err: unknown) => live && setState({ status: 'error', message: messageOf(err) })
    )
    return () => {
      live = false
    }
  }, [id, textRevision])

  const ready = state.status === 'ready'
  /** DOM ranges by text offsets, kept while the rendered text stays the same (so repaints reuse them). */
  const rangesRef = useRef(new Map<string, Range | null>())
  useLayoutEffect(() => {
    if (ready && articleRef.current) blocksRef.current = blockElements(articleRef.current)
    rangesRef.current = new Map()
  }, [ready, state])
  const rangeOf = (start: number, end: number): Range | null => {
    const key = `${start}:${end}`
    let range = rangesRef.current.get(key)
    if (range === undefined)
      rangesRef.current.set(key, (range = rangeFromOffsets(blocksRef.current, start, end)))
    return range
  }

  // Paint highlights: by colour (in buckets, see highlight-registry), the selected one on top.
  useEffect(() => {
    if (!ready) return
    const layers = new Map<string, Range[]>()
    const add = (name: string, range: Range): void => {
      const list = layers.get(name)
      if (list) list.push(range)
      else layers.set(name, [range])
    }
    for (const a of annotations) {
      if (a.status !== 'anchored') continue
      const range = rangeOf(a.position.start, a.position.end)
      if (!range) continue
      add(layerName(a.color, a.id), range)
      if (a.id === selectedId) add(layerName('selected'), range)
    }
    matches?.ranges.forEach((m, i) => {
      const range = rangeOf(m.start, m.end)
      if (range) add(layerName(i === matches.current ? 'search-current' : 'search'), range)
    })
    paintPane(paneKey, layers)
  }, [ready, state, annotations, selectedId, paneKey, matches])

  // Scroll to the current search match.
  useEffect(() => {
    if (!ready || !matches || matches.ranges.length === 0) return
    const m = matches.ranges[matches.current]
    rangeFromOffsets(
      blocksRef.current,
      m.start,
      m.end
    )?.startContainer.parentElement?.scrollIntoView({ block: 'center' })
  }, [ready, matches])
  useEffect(() => () => clearPane(paneKey), [paneKey])

  // Scroll to a passage when asked (from the sidebar, the Themes view or a search hit).
  useEffect(() => {
    if (!ready || !scrollTarget) return
    const a = annotations.find((x) => x.id === scrollTarget.id)
    if (!a) return
    const range = rangeFromOffsets(blocksRef.current, a.position.start, a.position.end)
    const el = range?.startContainer.parentElement
    el?.scrollIntoView({ block: 'center' })
  }, [ready, scrollTarget, annotations])

  // Report the selection when it lies inside this document's text.
  useEffect(() => {
    const onChange = (): void => {
      const root = articleRef.current
      const sel = document.getSelection()
      if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return onSelection(null)
      const range = sel.getRangeAt(0)
      if (!root.contains(range.commonAncestorContainer)) return
      onSelection(offsetsOfRange(root, range))
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [onSelection])

  // A click on highlighted text selects that highlight (the innermost, when they overlap).
  const onClick = (e: React.MouseEvent): void => {
    onFocus()
    const root = articleRef.current
    const sel = document.getSelection()
    if (!root || (sel && !sel.isCollapsed)) return
    const caret = document.caretRangeFromPoint?.(e.clientX, e.clientY)
    if (!caret) return
    const offset = offsetOfPoint(root, caret.startContainer, caret.startOffset)
    if (offset === null) return
    const hits = annotations
      .filter(
        (a) => a.status === 'anchored' && a.position.start <= offset && offset < a.position.end
      )
      .sort((x, y) => x.position.end - x.position.start - (y.position.end - y.position.start))
    onSelect(hits[0]?.id ?? null)
  }

  // The text's elements are made once per text: later renders (a new highlight, a selection) reuse them.
  const body = useMemo(() => {
    if (state.status !== 'ready') return null
    const { meta, text, blocks } = state.doc
    const first = blocks[0]
    const opensWithTitle =
      first?.kind === 'heading' && text.slice(first.start, first.end).trim() === meta.title.trim()
    return renderBlocks(text, opensWithTitle ? blocks.slice(1) : blocks)
  }, [state])

  if (state.status === 'loading') return <p className="hint reader-loading">Opening…</p>
  if (state.status === 'error')
    return (
      <p className="error" role="alert">
        {state.message}
      </p>
    )
  const { meta, text, blocks } = state.doc
  const details = [
    meta.source && ['Source', meta.source],
    meta.author && ['Author', meta.author],
    meta.published && ['Published', formatDate(meta.published)],
    ['File', meta.originalName],
    ['Length', formatCount(meta.words, 'word')]
  ].filter(Boolean) as [string, string][]
  // When the text opens with its own title, that heading is the article's h1 (shown once, still selectable).
  const first = blocks[0]
  const opensWithTitle =
    first?.kind === 'heading' && text.slice(first.start, first.end).trim() === meta.title.trim()
  return (
    <article
      className="reader"
      aria-label={meta.title}
      tabIndex={0}
      ref={articleRef}
      onClick={onClick}
      onFocus={onFocus}
    >
      <header className="reader-head">
        {opensWithTitle ? (
          <h1 className="block" data-start={first.start} data-end={first.end}>
            {text.slice(first.start, first.end)}
          </h1>
        ) : (
          <h1>{meta.title}</h1>
        )}
        <dl className="reader-meta">
          {details.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <div className="reader-actions">{actions}</div>
      </header>
      <div className="reader-body">{body}</div>
    </article>
  )
}

/** Top-level elements per section: big enough that there are few sections, small enough to skip. */
const SECTION = 40

function renderBlocks(text: string, blocks: Block[]): ReactNode[] {
  const out: ReactNode[] = []
  const sections: ReactNode[] = []
  let sectionStart = 0
  let chars = 0
  let count = 0
  // A section's size before it is first laid out (then the browser remembers the real one): about
  // 90 characters a line and a little space between blocks.
  const closeSection = (): void => {
    if (out.length === sectionStart) return
    sections.push(
      <div
        key={`s${sections.length}`}
        className="section"
        style={{ containIntrinsicSize: `auto ${Math.ceil(chars / 90) * 1.6 + count}em` }}
      >
        {out.slice(sectionStart)}
      </div>
    )
    sectionStart = out.length
    chars = 0
    count = 0
  }
  let list: ReactNode[] = []
  const endList = (): void => {
    if (list.length) out.push(<ul key={`ul${out.length}`}>{list}</ul>)
    list = []
  }
  for (const b of blocks) {
    // dir="auto": each block takes its direction from its own text (right-to-left sources read right).
    // (unicode-bidi: plaintext does the same but takes Chromium seconds on a very long paragraph.)
    const props = {
      key: b.start,
      'data-start': b.start,
      'data-end': b.end,
      className: 'block',
      dir: 'auto'
    }
    const content = text.slice(b.start, b.end)
    chars += content.length
    count++
    if (b.kind === 'list-item') {
      list.push(
        <li {...props} data-level={b.level ?? 1}>
          {content}
        </li>
      )
      continue
    }
    endList()
    if (out.length - sectionStart >= SECTION) closeSection()
    if (b.kind === 'heading') {
      const Tag = `h${Math.min(6, (b.level ?? 1) + 1)}` as 'h2'
      out.push(<Tag {...props}>{content}</Tag>)
    } else if (b.kind === 'quote') out.push(<blockquote {...props}>{content}</blockquote>)
    else if (b.kind === 'preformatted') out.push(<pre {...props}>{content}</pre>)
    else out.push(<p {...props}>{content}</p>)
  }
  endList()
  closeSection()
  return sections
}
