import type { HighlightColor } from '../../../shared/model'

/**
 * Paints highlights with the CSS Custom Highlight API, shared by every open reader pane (the
 * ::highlight(wb-…) rules in styles.css style them). The document's DOM is never rewritten.
 *
 * Each colour is split into BUCKETS highlight objects (wb-yellow-0 … wb-yellow-7), an annotation
 * always in the same one: adding, changing or removing one highlight rebuilds one small highlight
 * object, not every highlight of its colour, so the browser repaints little. Layers whose ranges
 * did not change are not touched at all.
 */
export type Layer = HighlightColor | 'selected' | 'search' | 'search-current'
export const BUCKETS = 8

/** The name of the highlight object a highlight is painted in: by colour, and a bucket chosen by its id. */
export function layerName(layer: Layer, id?: string): string {
  if (id === undefined || layer === 'selected' || layer === 'search' || layer === 'search-current')
    return `wb-${layer}`
  let h = 0
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0
  return `wb-${layer}-${(h >>> 0) % BUCKETS}`
}

const supported = (): boolean =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined'

/**
 * One set of named highlight objects painted across the reader panes. Highlights and the marks of
 * shared passages each have their own, so that painting one never repaints the other.
 */
export class PaintRegistry {
  private panes = new Map<string, Map<string, Range[]>>()

  constructor(private readonly priority: (name: string) => number) {}

  private repaint(name: string): void {
    if (!supported()) return
    const ranges: Range[] = []
    for (const layers of this.panes.values()) {
      const own = layers.get(name)
      if (own) for (const r of own) ranges.push(r)
    }
    if (ranges.length === 0) {
      CSS.highlights.delete(name)
      return
    }
    const highlight = new Highlight(...ranges)
    highlight.priority = this.priority(name)
    CSS.highlights.set(name, highlight)
  }

  /** Replaces what one pane paints (highlight object name → ranges); repaints only what changed. */
  paint(paneKey: string, layers: Map<string, Range[]>): void {
    const before = this.panes.get(paneKey)
    this.panes.set(paneKey, layers)
    for (const name of new Set([...(before?.keys() ?? []), ...layers.keys()]))
      if (!same(before?.get(name), layers.get(name))) this.repaint(name)
  }

  clear(paneKey: string): void {
    const before = this.panes.get(paneKey)
    this.panes.delete(paneKey)
    for (const name of before?.keys() ?? []) this.repaint(name)
  }
}

const same = (a: Range[] | undefined, b: Range[] | undefined): boolean =>
  a === b || (!!a && !!b && a.length === b.length && a.every((r, i) => r === b[i]))

const highlights = new PaintRegistry((name) =>
  name === 'wb-search-current' ? 30 : name === 'wb-search' ? 20 : name === 'wb-selected' ? 10 : 0
)

/** Replaces the highlights one pane paints; repaints only what changed. */
export const paintPane = (paneKey: string, layers: Map<string, Range[]>): void =>
  highlights.paint(paneKey, layers)

export const clearPane = (paneKey: string): void => highlights.clear(paneKey)

/**
 * The marks of shared passages in the compare view (wb-shared, wb-shared-current,
 * wb-shared-changed): under every highlight, so that a highlight's colour always shows.
 */
export const sharedMarks = new PaintRegistry((name) =>
  name === 'wb-shared-changed' ? -1 : name === 'wb-shared-current' ? -2 : -3
)
