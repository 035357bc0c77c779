import type { Pane } from './panes'

/** The two panes the compare view marks shared passages in, left to right. */
export interface ComparePair {
  a: Pane
  b: Pane
  /** Names the pair and the documents shown in it: a new pair starts at its first passage. */
  key: string
}

/**
 * Which panes are compared: the active one and the pane after it (the one before it, for the
 * last pane). None with fewer than two panes, or when both show the same document.
 */
export function comparePair(panes: readonly Pane[], activeKey: string | null): ComparePair | null {
  if (panes.length < 2) return null
  const i = Math.max(
    0,
    panes.findIndex((p) => p.key === activeKey)
  )
  const j = i + 1 < panes.length ? i + 1 : i - 1
  const [a, b] = i < j ? [panes[i], panes[j]] : [panes[j], panes[i]]
  if (a.docId === b.docId) return null
  return { a, b, key: `${a.key}:${a.docId}|${b.key}:${b.docId}` }
}

/** The panes a pair's key names (pane keys and document ids hold no ":" or "|"). */
export function parsePairKey(key: string): Pick<ComparePair, 'a' | 'b'> {
  const [a, b] = key.split('|').map((part) => {
    const [paneKey, docId] = part.split(':')
    return { key: paneKey, docId }
  })
  return { a, b }
}
