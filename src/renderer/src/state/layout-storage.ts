import type { Pane } from './panes'
import { MAX_PANES } from './panes'

export const VIEWS = ['library', 'themes', 'memos', 'sources', 'analysis'] as const
export type View = (typeof VIEWS)[number]

/** What a reload or a restart brings back: the view, the documents open side by side, the panels shown. */
export interface SavedLayout {
  view: View
  /** The document of each pane, left to right. */
  docIds: string[]
  /** The index of the active pane. */
  active: number
  libraryOpen: boolean
  sidebarOpen: boolean
}

export const LAYOUT_KEY = 'analyst-workbench.layout'

export function serializeLayout(
  view: View,
  panes: readonly Pane[],
  activeKey: string | null,
  libraryOpen: boolean,
  sidebarOpen: boolean
): string {
  const layout: SavedLayout = {
    view,
    docIds: panes.map((p) => p.docId),
    active: Math.max(
      0,
      panes.findIndex((p) => p.key === activeKey)
    ),
    libraryOpen,
    sidebarOpen
  }
  return JSON.stringify(layout)
}

/**
 * A saved layout read back, checked field by field: anything not as written is left at its
 * default, and documents that are no longer in the library are dropped quietly.
 */
export function parseLayout(raw: string | null, exists: (docId: string) => boolean): SavedLayout {
  const fallback: SavedLayout = {
    view: 'library',
    docIds: [],
    active: 0,
    libraryOpen: true,
    sidebarOpen: true
  }
  if (!raw) return fallback
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return fallback
  }
  if (typeof data !== 'object' || data === null) return fallback
  const o = data as Record<string, unknown>
  const saved = Array.isArray(o.docIds) ? o.docIds : []
  const active = typeof o.active === 'number' && Number.isInteger(o.active) ? o.active : 0
  const activeId = typeof saved[active] === 'string' ? saved[active] : null
  const docIds = saved
    .filter((d): d is string => typeof d === 'string' && exists(d))
    .slice(0, MAX_PANES)
  return {
    view: VIEWS.includes(o.view as View) ? (o.view as View) : 'library',
    docIds,
    active: Math.max(0, activeId ? docIds.indexOf(activeId) : 0),
    libraryOpen: typeof o.libraryOpen === 'boolean' ? o.libraryOpen : true,
    sidebarOpen: typeof o.sidebarOpen === 'boolean' ? o.sidebarOpen : true
  }
}
