import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Annotation } from '../../../shared/model'
import type { Matches, TextRange } from '../state/ui-state'
import { blockElements, offsetOfPoint, offsetsOfRange, rangeFromOffsets } from './dom-offsets'
import { clearPane, layerName, paintPane } from './highlight-registry'
import { useNearSections } from './near-sections'
import { DocumentDetails, LiveTitle } from './DocumentDetails'
import { HighlightDescriptions } from './HighlightDescriptions'
import { SharedPassageMarks } from './SharedPassageMarks'
import type { PaneComparison } from './use-comparison'
import { useCaret } from './use-caret'
import { useDocumentText } from './use-document-text'

interface Props {
  paneKey: string
  id: string
  annotations: Annotation[]
  /** Whether `annotations` has arrived (until then, those fetched with the text's first part are painted). */
  annotationsLoaded: boolean
  /** New highlights still being saved: painted, but not yet selectable. */
  pending: Annotation[]
  selectedId: string | null
  /** Scrolls to this annotation whenever the nonce changes. */
  scrollTarget: { id: string; nonce: number } | null
  /** Search matches to mark, and which one is current (scrolled to). */
  matches: Matches | null
  onSelect: (annotationId: string | null) => void
  onSelection: (range: (TextRange & { text: string }) | null) => void
  onFocus: () => void
  /** The passages this pane shares with the other pane compared, when two are compared. */
  comparison?: PaneComparison | null
}

/**
 * Shows a document's normalized text as headings, paragraphs and lists — only ever as text nodes,
 * never as HTML — and paints its highlights with the CSS Custom Highlight API. Blocks carry their
 * text offsets, so selections map exactly to the text the annotations point into.
 */
export function Reader({
  paneKey,
  id,
  annotations: loadedAnnotations,
  annotationsLoaded,
  pending,
  selectedId,
  scrollTarget,
  matches,
  onSelect,
  onSelection,
  onFocus,
  comparison
}: Props): React.JSX.Element {
  const state = useDocumentText(id)
  const articleRef = useRef<HTMLElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const blocksRef = useRef<HTMLElement[] | null>(null)
  const caretRef = useRef<HTMLDivElement>(null)
  const caret = useCaret(articleRef, caretRef)

  const doc = state.status === 'ready' ? state.doc : null
  const ready = doc !== null
  const opening = doc?.opening
  const annotations = useMemo(
    () => (annotationsLoaded ? loadedAnnotations : (opening ?? [])),
    [annotationsLoaded, loadedAnnotations, opening]
  )
  // A long text is shown a few sections at first, the rest added while the page is idle (and as
  // its parts arrive), so that its first screen appears at once.
  const generation = doc?.generation ?? 0
  const total = doc?.rendered.sections.length ?? 0
  const [shown, setShown] = useState({ generation, count: FIRST_SECTIONS })
  const count = Math.min(total, shown.generation === generation ? shown.count : FIRST_SECTIONS)
  useEffect(() => {
    if (count >= total) return
    const timer = setTimeout(
      () => setShown({ generation, count: Math.min(total, count + MORE_SECTIONS) }),
      0
    )
    return () => clearTimeout(timer)
  }, [generation, count, total])
  /** The end of the text shown so far: ranges past it cannot be made yet. */
  const shownEnd = count >= total && doc?.complete ? Infinity : (doc?.rendered.ends[count - 1] ?? 0)

  /** DOM ranges by text offsets, kept while the rendered text stays the same (so repaints reuse them). */
  const rangesRef = useRef(new Map<string, Range | null>())
  useLayoutEffect(() => {
    rangesRef.current = new Map()
  }, [generation])
  // The block elements in text order, listed again (when asked for) after more text is shown.
  useLayoutEffect(() => {
    blocksRef.current = null
  }, [doc, count])
  const blocks = useCallback(
    (): HTMLElement[] =>
      (blocksRef.current ??= articleRef.current ? blockElements(articleRef.current) : []),
    []
  )

  /** Scrolls a passage into view, first showing the rest of a long text if it is not shown yet. */
  const pendingScroll = useRef<{ start: number; end: number } | null>(null)
  const scrollTo = (start: number, end: number): void => {
    if (end > shownEnd) {
      // Shown once every section is, as the rest of the text arrives.
      pendingScroll.current = { start, end }
      queueMicrotask(() => setShown({ generation, count: Infinity }))
      return
    }
    centre(rangeFromOffsets(blocks(), start, end)?.startContainer.parentElement)
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
    centre(rangeFromOffsets(blocks(), pending.start, pending.end)?.startContainer.parentElement)
  }, [shownEnd, blocks])

  // Paint highlights: by colour (in buckets, see highlight-registry), the selected one on top; only
  // those in the sections near the screen (see near-sections.ts), and before the frame is drawn.
  const near = useNearSections(bodyRef, count, generation)
  // The text of the sections near the screen (the first also shows the title above it).
  const ends = doc?.rendered.ends
  const from = !ends || !near || near.first === 0 ? 0 : ends[near.first - 1]
  const to =
    !ends || !near ? 0 : near.last >= total - 1 && doc?.complete ? Infinity : ends[near.last]
  useLayoutEffect(() => {
    if (!doc) return
    const nearby = (start: number, end: number): boolean => end > from && start < to
    const rangeOf = (start: number, end: number): Range | null => {
      if (end > shownEnd) return null // not shown yet: made once its section is
      const key = `${start}:${end}`
      let range = rangesRef.current.get(key)
      if (range === undefined)
        rangesRef.current.set(key, (range = rangeFromOffsets(blocks(), start, end)))
      return range
    }
    const layers = new Map<string, Range[]>()
    const add = (name: string, range: Range): void => {
      const list = layers.get(name)
      if (list) list.push(range)
      else layers.set(name, [range])
    }
    for (const list of [annotations, pending])
      for (const a of list) {
        if (a.status !== 'anchored' || !nearby(a.position.start, a.position.end)) continue
        const range = rangeOf(a.position.start, a.position.end)
        if (!range) continue
        add(layerName(a.color, a.id), range)
        if (a.id === selectedId) add(layerName('selected'), range)
      }
    matches?.ranges.forEach((m, i) => {
      if (!nearby(m.start, m.end)) return
      const range = rangeOf(m.start, m.end)
      if (range) add(layerName(i === matches.current ? 'search-current' : 'search'), range)
    })
    paintPane(paneKey, layers)
  }, [doc, from, to, annotations, pending, selectedId, paneKey, matches, shownEnd, blocks])

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
      const offsets = offsetsOfRange(root, range)
      onSelection(offsets && { ...offsets, text: range.toString() })
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
  const { meta, text, titleBlock, rendered } = state.doc
  // Room for the sections not shown yet and the text not received yet, so that the scroll bar is
  // about right at once.
  let rest = state.doc.restHeight
  for (let i = count; i < total; i++) rest += rendered.heights[i]
  return (
    <>
      <article
        className="reader"
        aria-label={meta.title}
        // Busy until the whole text has arrived and is shown.
        aria-busy={count < total || !state.doc.complete}
        tabIndex={0}
        ref={articleRef}
        onClick={onClick}
        onFocus={(e) => {
          onFocus()
          caret.onFocus(e)
        }}
        onKeyDown={caret.onKeyDown}
        aria-keyshortcuts="H"
      >
        <header className="reader-head">
          {/* The view's h1 names the view; each document's title is an h2, its own headings h3 and
              below. When the text opens with its own title, that heading is the title (shown once,
              still selectable). */}
          {titleBlock ? (
            <h2 className="block" data-start={titleBlock.start} data-end={titleBlock.end}>
              {text.slice(titleBlock.start, titleBlock.end)}
            </h2>
          ) : (
            <h2>
              <LiveTitle meta={meta} />
            </h2>
          )}
          <DocumentDetails meta={meta} />
        </header>
        <div className="reader-body" ref={bodyRef}>
          {rendered.sections.slice(0, count)}
          {rest > 0 && <div className="section" style={{ height: `${rest}em` }} />}
        </div>
        {/* The keyboard caret (see use-caret.ts); last, so that it is after every block. */}
        <div className="reader-caret" ref={caretRef} aria-hidden="true" hidden />
      </article>
      {/* Outside the article: its text stays the document's own. */}
      {comparison && (
        <SharedPassageMarks
          paneKey={paneKey}
          comparison={comparison}
          from={from}
          to={to}
          shownEnd={shownEnd}
          blocks={blocks}
          scrollTo={(start, end) => scrollToRef.current(start, end)}
          article={articleRef}
        />
      )}
      <HighlightDescriptions
        paneKey={paneKey}
        annotations={annotations}
        from={from}
        to={to}
        shownEnd={shownEnd}
        blocks={blocks}
      />
    </>
  )
}

/** Sections shown at once when a text opens, and added with each idle step after that. */
const FIRST_SECTIONS = 3
const MORE_SECTIONS = 8

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
