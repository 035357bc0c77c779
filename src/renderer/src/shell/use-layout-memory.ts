import { useEffect } from 'react'
import { useDocuments } from '../hooks/use-workspace'
import { useServices } from '../state/app-context'
import { LAYOUT_KEY, parseLayout, serializeLayout } from '../state/layout-storage'
import { newPaneKey } from '../state/panes'

const read = (): string | null => {
  try {
    return localStorage.getItem(LAYOUT_KEY)
  } catch {
    return null
  }
}

/**
 * Brings back the open panes, the active pane, the view and the panels shown after a reload or a
 * restart (kept in the page's localStorage), once the library has arrived: documents no longer in
 * it are dropped quietly. Panes whose document is removed later are closed.
 */
export function useLayoutMemory(): void {
  const { ui, commands } = useServices()
  const docs = useDocuments()
  useEffect(() => {
    if (!docs) return
    const ids = new Set(docs.map((d) => d.id))
    if (ui.get().restored) {
      commands.forgetDocuments((id) => ids.has(id))
      return
    }
    const saved = parseLayout(read(), (id) => ids.has(id))
    const panes = saved.docIds.map((docId) => ({ key: newPaneKey(), docId }))
    ui.set((s) => ({
      // Anything opened while the library was arriving stays.
      panes: s.panes.length ? s.panes : panes,
      activeKey: s.panes.length ? s.activeKey : (panes[saved.active]?.key ?? null),
      view: saved.view,
      libraryOpen: saved.libraryOpen,
      sidebarOpen: saved.sidebarOpen,
      restored: true
    }))
  }, [docs, ui, commands])

  useEffect(() => {
    let last = ''
    return ui.subscribe(() => {
      const s = ui.get()
      if (!s.restored) return
      const next = serializeLayout(s.view, s.panes, s.activeKey, s.libraryOpen, s.sidebarOpen)
      if (next === last) return
      last = next
      try {
        localStorage.setItem(LAYOUT_KEY, next)
      } catch {
        // Storage full or unavailable: the layout is simply not remembered.
      }
    })
  }, [ui])
}
