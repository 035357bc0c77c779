import { useLayoutEffect, useMemo, useRef } from 'react'
import type { Annotation } from '../../../shared/model'
import { useTags } from '../hooks/use-workspace'
import { blockAt } from './dom-offsets'

/** At most this many highlights are described at once (those near the screen). */
const LIMIT = 400

interface Props {
  paneKey: string
  annotations: Annotation[]
  /** The text near the screen, [from, to): only its highlights are described. */
  from: number
  to: number
  /** The end of the text shown so far. */
  shownEnd: number
  /** The reader's block elements, in text order. */
  blocks: () => HTMLElement[]
}

/**
 * Tells assistive technology where the highlights are, which the CSS Custom Highlight API paints
 * without any element a screen reader could find: each block that a highlight starts in is
 * described (aria-describedby) by a hidden line saying "Highlighted: …", with its tags and note.
 * The text's own DOM stays as it is, one text node per block.
 */
export function HighlightDescriptions({
  paneKey,
  annotations,
  from,
  to,
  shownEnd,
  blocks
}: Props): React.JSX.Element {
  const tags = useTags()
  const described = useMemo(
    () =>
      annotations
        .filter(
          (a) =>
            a.status === 'anchored' &&
            a.position.end > from &&
            a.position.start < to &&
            a.position.end <= shownEnd
        )
        .slice(0, LIMIT),
    [annotations, from, to, shownEnd]
  )
  const idOf = (a: Annotation): string => `${paneKey}-hl-${a.id}`
  const touched = useRef(new Set<HTMLElement>())
  useLayoutEffect(() => {
    const list = blocks()
    const byBlock = new Map<HTMLElement, string[]>()
    for (const a of described) {
      const block = list[blockAt(list, a.position.start)]
      if (!block) continue
      const ids = byBlock.get(block)
      const id = `${paneKey}-hl-${a.id}`
      if (ids) ids.push(id)
      else byBlock.set(block, [id])
    }
    for (const el of touched.current) if (!byBlock.has(el)) el.removeAttribute('aria-describedby')
    for (const [el, ids] of byBlock) el.setAttribute('aria-describedby', ids.join(' '))
    touched.current = new Set(byBlock.keys())
  }, [described, blocks, paneKey])
  const paths = new Map(tags.map((t) => [t.id, t.path]))
  return (
    <div hidden>
      {described.map((a) => (
        <span key={a.id} id={idOf(a)}>
          Highlighted: “{a.quote.exact}”
          {a.tags.length > 0 && `, tagged ${a.tags.map((t) => paths.get(t) ?? '?').join(', ')}`}
          {a.note && `. Note: ${a.note}`}.
        </span>
      ))}
    </div>
  )
}
