/** A reader pane: a key of its own (it outlives the document shown in it) and the document it shows. */
export interface Pane {
  key: string
  docId: string
}

/** Documents side by side, at most: more would leave each too narrow to read. */
export const MAX_PANES = 4

export type OpenOutcome =
  | { panes: Pane[]; key: string }
  /** Every pane is in use: the caller asks which to give up, rather than one being dropped silently. */
  | { full: true }

/**
 * Where a document opens. In place: the pane already showing it, else the active pane (or the
 * first); beside: a new pane after the others, unless all MAX_PANES are in use.
 */
export function openPane(
  panes: readonly Pane[],
  activeKey: string | null,
  docId: string,
  beside: boolean,
  newKey: () => string
): OpenOutcome {
  const active = panes.find((p) => p.key === activeKey) ?? panes[0]
  if (!beside || !active) {
    const existing = panes.find((p) => p.docId === docId)
    if (existing) return { panes: [...panes], key: existing.key }
    if (!active) {
      const pane = { key: newKey(), docId }
      return { panes: [pane], key: pane.key }
    }
    return {
      panes: panes.map((p) => (p.key === active.key ? { ...p, docId } : p)),
      key: active.key
    }
  }
  if (panes.length >= MAX_PANES) return { full: true }
  const pane = { key: newKey(), docId }
  return { panes: [...panes, pane], key: pane.key }
}

/** Closes a pane; the active one passes to its neighbour (the one before it, else after). */
export function closePane(
  panes: readonly Pane[],
  activeKey: string | null,
  key: string
): { panes: Pane[]; activeKey: string | null } {
  const at = panes.findIndex((p) => p.key === key)
  if (at < 0) return { panes: [...panes], activeKey }
  const rest = panes.filter((p) => p.key !== key)
  if (activeKey !== key) return { panes: rest, activeKey }
  return { panes: rest, activeKey: (rest[at - 1] ?? rest[at] ?? null)?.key ?? null }
}

/** Panes without the documents that are gone (removed from the library). */
export function withoutDocuments(
  panes: readonly Pane[],
  activeKey: string | null,
  gone: (docId: string) => boolean
): { panes: Pane[]; activeKey: string | null } {
  let state = { panes: [...panes], activeKey }
  for (const p of panes) if (gone(p.docId)) state = closePane(state.panes, state.activeKey, p.key)
  return state
}

let paneCounter = 0
/** A key for a new pane, unique in this window. */
export const newPaneKey = (): string => `pane-${++paneCounter}`
