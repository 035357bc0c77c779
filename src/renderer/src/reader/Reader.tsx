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

  // The text's elements are made once per text: later renders (a new highlight, a selection) reuse
  // them. A long text is shown a few sections at first, the rest added while the page is idle, so
  // that its first screen appears at once.
  const body = useMemo(() => {
    if (state.status !== 'ready') return null
    const { meta, text, blocks } = state.doc
    const first = blocks[0]
    const opensWithTitle =
      first?.kind === 'heading' && text.slice(first.start, first.end).trim() === meta.title.trim()
    return renderBlocks(text, opensWithTitle ? blocks.slice(1) : blocks)
  }, [state])
  const [shown, setShown] = useState({ body, count: FIRST_SECTIONS })
  const count = shown.body === body ? shown.count : FIRST_SECTIONS
  const total = body?.sections.length ?? 0
  useEffect(() => {
    if (count >= total) return
    const timer = setTimeout(
      () => setShown({ body, count: Math.min(total, count + MORE_SECTIONS) }),
      0
    )
    return () => clearTimeout(timer)
  }, [body, count, total])
  /** The end of the text shown so far: ranges past it cannot be made yet. */
  const shownEnd = count >= total ? Infinity : (body?.ends[count - 1] ?? 0)

  /** DOM ranges by text offsets, kept while the rendered text stays the same (so repaints reuse them). */
  const rangesRef = useRef(new Map<string, Range | null>())
  useLayoutEffect(() => {
    rangesRef.current = new Map()
  }, [ready, state])
  useLayoutEffect(() => {
    if (ready && articleRef.current) blocksRef.current = blockElements(articleRef.current)
  }, [ready, state, count])

  /** Scrolls a passage into view, first showing the rest of a long text if it is not shown yet. */
  const pendingScroll = useRef<{ start: number; end: number } | null>(null)
  const scrollTo = (start: number, end: number): void => {
    if (end > shownEnd) {
      pendingScroll.current = { start, end }
      queueMicrotask(() => setShown({ body, count: total }))
      return
    }
    centre(rangeFromOffsets(blocksRef.current, start, end)?.startContainer.parentElement)
  }
  // The effects below scroll with the latest scrollTo (it reads what is shown now).
  const scrollToRef = useRef(scrollTo)
  useLayoutEffect(() => {
    scrollToRef.current = scrollTo
  })
  useLayoutEffect(() => {
    const pending = pendingScroll.current
    if (!pending || pending.end > shownEnd) return
    pendingScroll.current = null
    centre(
      rangeFromOffsets(blocksRef.current, pending.start, pending.end)?.startContainer.parentElement
    )
  }, [shownEnd])

  // Paint highlights: by colour (in buckets, see highlight-registry), the selected one on top.
  useEffect(() => {
    if (!ready) return
    const rangeOf = (start: number, end: number): Range | null => {
      if (end > shownEnd) return null // not shown yet: made once its section is
      const key = `${start}:${end}`
      let range = rangesRef.current.get(key)
      if (range === undefined)
        rangesRef.current.set(key, (range = rangeFromOffsets(blocksRef.current, start, end)))
      return range
    }
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
  }, [ready, state, annotations, selectedId, paneKey, matches, shownEnd])

  // Scroll to the current search match.
  useEffect(() => {
    if (!ready || !matches || matches.ranges.length === 0) return
    const m = matches.ranges[matches.current]
    scrollToRef.current(m.start, m.end)
  }, [ready, matches])
  useEffect(() => () => clearPane(paneKey), [paneKey])

  // Scroll to a passage when asked (from the sidebar, the Themes view or a search hit).
  useEffect(() => {
    if (!ready || !scrollTarget) return
    const a = annotations.find((x) => x.id === scrollTarget.id)
    if (!a) return
    scrollToRef.current(a.position.start, a.position.end)
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
      <div className="reader-body">
        {body?.sections.slice(0, count)}
        {count < total && (
          // Room for the sections not shown yet, so that the scroll bar is about right at once.
          <div className="section" style={{ height: body?.restHeights[count] }} />
        )}
      </div>
    </article>
  )
}

/** Top-level elements per section: big enough that there are few sections, small enough to skip. */
const SECTION = 40
/** Sections shown at once when a text opens, and added with each idle step after that. */
const FIRST_SECTIONS = 3
const MORE_SECTIONS = 8

interface RenderedText {
  sections: ReactNode[]
  /** The text offset where each section ends. */
  ends: number[]
  /** The estimated height of all the sections from each one on (for the room kept for them). */
  restHeights: string[]
}

function renderBlocks(text: string, blocks: Block[]): RenderedText {
  const out: ReactNode[] = []
  const sections: ReactNode[] = []
  const ends: number[] = []
  const heights: number[] = []
  let lastEnd = 0
  let sectionStart = 0
  let chars = 0
  let count = 0
  // A section's size before it is first laid out (then the browser remembers the real one): about
  // 90 characters a line and a little space between blocks.
  const closeSection = (): void => {
    if (out.length === sectionStart) return
    const height = Math.ceil(chars / 90) * 1.6 + count
    sections.push(
      <div
        key={`s${sections.length}`}
        className="section"
        style={{ containIntrinsicSize: `auto ${height}em` }}
      >
        {out.slice(sectionStart)}
      </div>
    )
    ends.push(lastEnd)
    heights.push(height)
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
    if (b.kind !== 'list-item') {
      endList()
      // A full section is closed before this block is counted: it ends where the last one did.
      if (out.length - sectionStart >= SECTION) closeSection()
    }
    chars += content.length
    count++
    lastEnd = b.end
    if (b.kind === 'list-item') {
      list.push(
        <li {...props} data-level={b.level ?? 1}>
          {content}
        </li>
      )
      continue
    }
    if (b.kind === 'heading') {
      const Tag = `h${Math.min(6, (b.level ?? 1) + 1)}` as 'h2'
      out.push(<Tag {...props}>{content}</Tag>)
    } else if (b.kind === 'quote') out.push(<blockquote {...props}>{content}</blockquote>)
    else if (b.kind === 'preformatted') out.push(<pre {...props}>{content}</pre>)
    else out.push(<p {...props}>{content}</p>)
  }
  endList()
  closeSection()
  const restHeights: string[] = []
  let rest = 0
  for (let i = heights.length - 1; i >= 0; i--) restHeights[i] = `${(rest += heights[i])}em`
  return { sections, ends, restHeights }
}

/**
 * Scrolls an element to the middle of the view, and again once the sections it passed have been
 * laid out: until then they count at their estimated height, so the first scroll can fall short.
 */
function centre(el: Element | null | undefined): void {
  if (!el) return
  el.scrollIntoView({ block: 'center' })
  let frames = 0
  const settle = (): void => {
    const view = el.closest('.pane-scroll')?.getBoundingClientRect()
    const box = el.getBoundingClientRect()
    if (view && (box.bottom < view.top || box.top > view.bottom))
      el.scrollIntoView({ block: 'center' })
    if (++frames < 4) requestAnimationFrame(settle)
  }
  requestAnimationFrame(settle)
}
