import type { HighlightColor } from '../../../shared/model'

/**
 * Paints highlights with the CSS Custom Highlight API: one Highlight per colour, shared by every
 * open reader pane (the ::highlight(wb-<colour>) rules in styles.css style them). The document's
 * DOM is never rewritten, so thousands of highlights stay cheap.
 */
export type Layer = HighlightColor | 'selected' | 'search' | 'search-current'
const panes = new Map<string, Map<Layer, Range[]>>()

const supported = (): boolean =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined'

function repaint(layer: Layer): void {
  if (!supported()) return
  const ranges: Range[] = []
  for (const layers of panes.values()) ranges.push(...(layers.get(layer) ?? []))
  const name = `wb-${layer}`
  if (ranges.length === 0) {
    CSS.highlights.delete(name)
    return
  }
  const highlight = new Highlight(...ranges)
  highlight.priority =
    layer === 'search-current' ? 30 : layer === 'search' ? 20 : layer === 'selected' ? 10 : 0
  CSS.highlights.set(name, highlight)
}

/** Replaces what one pane paints. */
export function paintPane(paneKey: string, layers: Map<Layer, Range[]>): void {
  const before = panes.get(paneKey)
  panes.set(paneKey, layers)
  for (const layer of new Set([...(before?.keys() ?? []), ...layers.keys()])) repaint(layer)
}

export function clearPane(paneKey: string): void {
  const before = panes.get(paneKey)
  panes.delete(paneKey)
  for (const layer of before?.keys() ?? []) repaint(layer)
}
