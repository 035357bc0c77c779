import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useCommands } from '../state/app-context'
import { rangeFromOffsets } from './dom-offsets'
import { sharedMarks } from './highlight-registry'
import type { PaneComparison } from './use-comparison'

interface Props {
  paneKey: string
  comparison: PaneComparison
  /** The text near the screen, [from, to): only passages there are painted. */
  from: number
  to: number
  /** The end of the text shown so far. */
  shownEnd: number
  blocks: () => HTMLElement[]
  /** Scrolls a range of the text into view (showing the rest of a long text first). */
  scrollTo: (start: number, end: number) => void
  /** The article: markers are placed beside its passages. */
  article: React.RefObject<HTMLElement | null>
}

const percent = (identity: number): string => `${Math.round(identity * 100)}%`

/**
 * The compare view in one pane: the passages it shares with the other pane painted with their own
 * highlight objects (wb-shared, wb-shared-current, and wb-shared-changed for the words that
 * differ), never the highlights' own; a marker in the margin beside each, which makes it current
 * and brings its twin into view in the other pane; and the current one scrolled to with J and K.
 */
export function SharedPassageMarks({
  paneKey,
  comparison,
  from,
  to,
  shownEnd,
  blocks,
  scrollTo,
  article
}: Props): React.JSX.Element {
  const commands = useCommands()
  const { marks, current, nonce } = comparison

  useLayoutEffect(() => {
    const layers = new Map<string, Range[]>()
    const add = (name: string, range: Range | null): void => {
      if (!range) return
      const list = layers.get(name)
      if (list) list.push(range)
      else layers.set(name, [range])
    }
    marks.forEach((m, i) => {
      if (m.end > shownEnd || m.end <= from || m.start >= to) return
      add(
        i === current ? 'wb-shared-current' : 'wb-shared',
        rangeFromOffsets(blocks(), m.start, m.end)
      )
      for (const c of m.changed)
        add('wb-shared-changed', rangeFromOffsets(blocks(), c.start, c.end))
    })
    sharedMarks.paint(paneKey, layers)
  }, [marks, current, from, to, shownEnd, blocks, paneKey])
  useEffect(() => () => sharedMarks.clear(paneKey), [paneKey])

  // J, K or a marker: the current passage is brought into view in both panes.
  const scrollRef = useRef(scrollTo)
  useLayoutEffect(() => {
    scrollRef.current = scrollTo
  })
  const marksRef = useRef(marks)
  const currentRef = useRef(current)
  useLayoutEffect(() => {
    marksRef.current = marks
    currentRef.current = current
  })
  useEffect(() => {
    const m = marksRef.current[currentRef.current]
    if (nonce > 0 && m) scrollRef.current(m.start, m.end)
  }, [nonce])

  // Each marker is placed beside its passage once that is shown (measured after layout, again
  // when more of the text is shown or the pane changes width), straight on the DOM: a measure
  // is not state.
  const groupRef = useRef<HTMLDivElement>(null)
  const [resizes, setResizes] = useState(0)
  useEffect(() => {
    const el = article.current
    if (!el) return
    const observer = new ResizeObserver(() => setResizes((n) => n + 1))
    observer.observe(el)
    const scroller = el.closest('.pane-scroll')
    if (scroller) observer.observe(scroller)
    return () => observer.disconnect()
  }, [article])
  useLayoutEffect(() => {
    const el = article.current
    const group = groupRef.current
    // Placed in the scrolling pane's content, so that they scroll with the text.
    const scroller = el?.closest('.pane-scroll')
    if (!el || !group || !scroller) return
    const box = scroller.getBoundingClientRect()
    group.style.left = `${el.getBoundingClientRect().left - box.left + 8}px`
    const buttons = group.querySelectorAll<HTMLButtonElement>('button.shared-marker')
    marks.forEach((m, index) => {
      const button = buttons[index]
      if (!button) return
      const rect =
        m.end > shownEnd
          ? null
          : rangeFromOffsets(blocks(), m.start, m.end)?.getBoundingClientRect()
      button.hidden = !rect || rect.height === 0
      if (!rect) return
      button.style.top = `${rect.top - box.top + scroller.scrollTop}px`
      button.style.height = `${Math.max(rect.height, 12)}px`
    })
  }, [marks, shownEnd, blocks, article, resizes])

  return (
    <div className="shared-markers" role="group" aria-label="Shared passages" ref={groupRef}>
      {marks.map((m, index) => (
        <button
          key={`${m.start}:${m.end}`}
          type="button"
          hidden
          className={index === current ? 'shared-marker current' : 'shared-marker'}
          aria-label={`Shared passage ${index + 1} of ${marks.length}: ${m.words} words, ${percent(m.identity)} identical. Show it in both panes`}
          aria-current={index === current ? 'true' : undefined}
          title={`${m.words} words, ${percent(m.identity)} identical (J, K)`}
          onClick={() => commands.showShared(index)}
        />
      ))}
    </div>
  )
}
