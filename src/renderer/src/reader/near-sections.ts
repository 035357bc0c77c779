import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'

/** The sections from `first` to `last`, by index. */
export interface SectionSpan {
  first: number
  last: number
}

/** How far past the visible part of the reader a section counts as near: a view's height each way. */
const MARGIN = 1

/**
 * Which of the reader's sections (the children of `body` with a data-section index) are on screen
 * or near it, as the span from the first to the last of them; null while there are none.
 *
 * The reader paints highlights there only: on every frame it draws, the browser does work for each
 * registered highlight range wherever it is (about 2 µs a range on this machine), so 5,000 of them
 * cost 10 ms a frame, and a new highlight or a scroll would wait for it. Sections already shown
 * are measured at once, so that their highlights appear in the same frame as their text; after
 * that an IntersectionObserver follows the scrolling.
 */
export function useNearSections(
  body: RefObject<HTMLElement | null>,
  count: number,
  /** Changes when the text changes: everything is measured again. */
  key: unknown
): SectionSpan | null {
  const [state, setState] = useState<{ key: unknown; span: SectionSpan | null }>({
    key,
    span: null
  })
  const setSpan = useCallback(
    (next: SectionSpan | null): void =>
      setState((prev) =>
        prev.key === key && sameSpan(prev.span, next) === prev.span ? prev : { key, span: next }
      ),
    [key]
  )
  const watch = useRef<{ observer: IntersectionObserver; near: Set<number>; seen: number } | null>(
    null
  )

  useLayoutEffect(() => {
    const el = body.current
    if (!el) return
    const near = new Set<number>()
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const i = Number((e.target as HTMLElement).dataset.section)
          if (e.isIntersecting) near.add(i)
          else near.delete(i)
        }
        setSpan(spanOf(near))
      },
      { root: scroller(el), rootMargin: `${MARGIN * 100}% 0px` }
    )
    watch.current = { observer, near, seen: 0 }
    return () => {
      observer.disconnect()
      watch.current = null
    }
  }, [body, key, setSpan])

  useLayoutEffect(() => {
    const el = body.current
    const w = watch.current
    if (!el || !w || w.seen >= count) return
    const sections = el.querySelectorAll<HTMLElement>(':scope > [data-section]')
    // The first sections of a text are measured now (its first screen); sections added later come
    // below them and are reported by the observer, without a layout forced here each time.
    const measure = w.seen === 0
    const root = scroller(el)
    const view = !measure
      ? null
      : root
        ? root.getBoundingClientRect()
        : { top: 0, bottom: innerHeight }
    const margin = view ? (view.bottom - view.top) * MARGIN : 0
    for (let i = w.seen; i < sections.length; i++) {
      const s = sections[i]
      w.observer.observe(s)
      if (!view) continue
      const box = s.getBoundingClientRect()
      if (box.bottom >= view.top - margin && box.top <= view.bottom + margin) w.near.add(i)
    }
    w.seen = sections.length
    if (measure) setSpan(spanOf(w.near))
  }, [body, count, key, setSpan])

  return state.key === key ? state.span : null
}

/** The element the reader scrolls in. */
const scroller = (el: HTMLElement): HTMLElement | null => el.closest<HTMLElement>('.pane-scroll')

function spanOf(near: Set<number>): SectionSpan | null {
  if (near.size === 0) return null
  let first = Infinity
  let last = -Infinity
  for (const i of near) {
    first = Math.min(first, i)
    last = Math.max(last, i)
  }
  return { first, last }
}

const sameSpan = (prev: SectionSpan | null, next: SectionSpan | null): SectionSpan | null =>
  prev && next && prev.first === next.first && prev.last === next.last ? prev : next
