import { useEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react'

type Direction = 'forward' | 'backward'
type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary'

const KEYS: Record<string, [Direction, Granularity]> = {
  ArrowLeft: ['backward', 'character'],
  ArrowRight: ['forward', 'character'],
  ArrowUp: ['backward', 'line'],
  ArrowDown: ['forward', 'line'],
  Home: ['backward', 'lineboundary'],
  End: ['forward', 'lineboundary']
}

/** A caret position: a node and an offset in it. */
interface Point {
  node: Node
  offset: number
}

const inside = (root: HTMLElement | null, sel: Selection | null): sel is Selection =>
  !!root && !!sel?.focusNode && root.contains(sel.focusNode)

/** Draws the caret line where the selection's focus is, and returns that point (null: not in the reader). */
function drawCaret(root: HTMLElement | null, line: HTMLElement | null): Point | null {
  const sel = document.getSelection()
  if (!root || !line) return null
  if (!inside(root, sel) || !sel.focusNode) {
    line.hidden = true
    return null
  }
  const point = { node: sel.focusNode, offset: sel.focusOffset }
  const range = document.createRange()
  range.setStart(point.node, point.offset)
  let box: DOMRect | undefined = range.getClientRects()[0]
  if (!box || box.height === 0) {
    const el = point.node instanceof Element ? point.node : point.node.parentElement
    box = el?.getBoundingClientRect()
  }
  if (!box) return point
  const base = root.getBoundingClientRect()
  line.hidden = false
  line.style.transform = `translate(${box.left - base.left}px, ${box.top - base.top}px)`
  line.style.height = `${Math.max(14, Math.min(box.height, 40))}px`
  return point
}

/** Puts the caret where it last was, or at the start of the first block on screen. */
function placeCaret(root: HTMLElement | null, last: Point | null): void {
  const sel = document.getSelection()
  if (!root || !sel) return
  if (last && last.node.isConnected && root.contains(last.node)) {
    sel.collapse(last.node, last.offset)
    return
  }
  const view = root.closest('.pane-scroll')?.getBoundingClientRect()
  const blocks = root.querySelectorAll<HTMLElement>('[data-start]')
  let target: HTMLElement | undefined = blocks[0]
  if (view)
    for (const b of blocks) {
      if (b.getBoundingClientRect().bottom > view.top + 4) {
        target = b
        break
      }
    }
  if (target) sel.collapse(target.firstChild ?? target, 0)
}

/**
 * A caret for reading by keyboard. The text is not editable, so the browser draws no caret in it:
 * the arrow keys move the selection's focus with Selection.modify (by word with Ctrl, to the line's
 * ends with Home and End, the selection extended with Shift), and a thin line is drawn where it is.
 * The reader scrolls to keep it in view. Focus coming back puts it where it was (else at the top of
 * what is on screen).
 */
export function useCaret(
  article: RefObject<HTMLElement | null>,
  caret: RefObject<HTMLElement | null>
): {
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void
  onFocus: (e: FocusEvent<HTMLElement>) => void
} {
  const last = useRef<Point | null>(null)

  const draw = (): void => {
    const point = drawCaret(article.current, caret.current)
    if (point) last.current = point
  }
  const place = (): void => placeCaret(article.current, last.current)

  // Drawn once a frame at most, when the frame is laid out anyway (never forcing a layout while a
  // key is being handled: H paints its highlight first).
  const frame = useRef(0)
  useEffect(() => {
    const onChange = (): void => {
      if (frame.current) return
      frame.current = requestAnimationFrame(() => {
        frame.current = 0
        draw()
      })
    }
    document.addEventListener('selectionchange', onChange)
    return () => {
      document.removeEventListener('selectionchange', onChange)
      cancelAnimationFrame(frame.current)
      frame.current = 0
    }
  })

  return {
    onFocus: (e) => {
      // Focus by keyboard (Tab, Alt+1…): the caret appears at once. A click places it itself.
      if (e.target !== article.current || !e.target.matches(':focus-visible')) return
      if (!inside(article.current, document.getSelection())) place()
      draw()
    },
    onKeyDown: (e) => {
      const move = KEYS[e.key]
      if (!move || e.altKey || e.metaKey || e.target !== article.current) return
      const sel = document.getSelection()
      if (!sel) return
      e.preventDefault()
      if (!inside(article.current, sel)) {
        place()
        if (!e.shiftKey) return
      }
      const [direction, unit] = move
      const granularity: Granularity = !e.ctrlKey
        ? unit
        : unit === 'character'
          ? 'word'
          : unit === 'lineboundary'
            ? 'documentboundary'
            : unit
      sel.modify(e.shiftKey ? 'extend' : 'move', direction, granularity)
      draw()
      caret.current?.scrollIntoView({ block: 'nearest' })
    }
  }
}
