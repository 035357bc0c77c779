import type { Annotation, SearchFilters, SearchHit } from '../../../shared/model'
import type { Client } from '../client/client'
import { attempt } from '../feedback/attempt'
import type { Feedback } from '../feedback/feedback'
import { createEditCommands, type EditCommands } from './edit-commands'
import { createGradeCommands, type GradeCommands } from './grade-commands'
import type { View } from './layout-storage'
import { closePane, MAX_PANES, newPaneKey, openPane, withoutDocuments } from './panes'
import type { Store } from './store'
import type { TextRange, UiState } from './ui-state'

/** What the user can do to the window, as plain functions over the client, the window's state and the messages. */
export interface Commands extends EditCommands, GradeCommands {
  setView: (view: View) => void
  /** Typing a search shows the results in the Documents view. */
  setQuery: (query: string) => void
  /** Opens a document in the active pane, or beside the others (asking first when every pane is in use). */
  open: (docId: string, beside?: boolean) => string | null
  /** Opens a document in place of the one in the active pane (the answer to "every pane is in use"). */
  openInActive: (docId: string) => void
  closePane: (key: string) => void
  /** Puts focus in the reader of the n-th pane (0-based). */
  focusPane: (index: number) => void
  /** Puts focus back in the active pane's reader (Esc from the sidebar). */
  focusActiveReader: () => void
  setActive: (key: string) => void
  openHit: (hit: SearchHit, query: string) => Promise<void>
  stepMatch: (paneKey: string, delta: number) => void
  clearMatches: (paneKey: string) => void
  openPassage: (a: Pick<Annotation, 'id' | 'docId'>) => void
  /** Selects a highlight for the sidebar's editor; with `scroll`, the reader scrolls to it. */
  selectAnnotation: (id: string | null, scroll?: boolean) => void
  /** Selects the next (or previous) highlight of the active pane's document after the selected one. */
  stepHighlight: (delta: 1 | -1) => Promise<void>
  /** Text selected in a pane, or none (null). */
  setSelection: (paneKey: string, range: (TextRange & { text: string }) | null) => void
  toggleLibrary: () => void
  toggleSidebar: () => void
  /** Shows the search panel (its filters) before anything is typed. */
  openSearch: () => void
  /** Empties the search and its filters, and shows the library again. */
  closeSearch: () => void
  setSearchFilters: (filters: SearchFilters) => void
  /** Whether imports keep whole web pages (not only their articles). */
  setWholePages: (whole: boolean) => void
  /** Drops panes whose document is no longer in the library. */
  forgetDocuments: (exists: (docId: string) => boolean) => void
}

export function createCommands(client: Client, ui: Store<UiState>, feedback: Feedback): Commands {
  const scrollTo = (id: string): UiState['scrollTarget'] => ({ id, nonce: Date.now() })

  const open = (docId: string, beside = false): string | null => {
    const s = ui.get()
    const outcome = openPane(s.panes, s.activeKey, docId, beside, newPaneKey)
    if ('full' in outcome) {
      ui.set({ confirm: { kind: 'panes-full', docId } })
      return null
    }
    ui.set({ panes: outcome.panes, activeKey: outcome.key, view: 'library' })
    return outcome.key
  }

  const commands: Commands = {
    ...createEditCommands(client, ui, feedback),
    ...createGradeCommands(client, ui, feedback),
    setView: (view) => ui.set({ view }),
    setQuery: (query) => ui.set({ query, view: 'library' }),
    open,
    openInActive: (docId) => {
      ui.set({ confirm: null })
      open(docId, false)
    },
    closePane: (key) => ui.set((s) => closePane(s.panes, s.activeKey, key)),
    focusPane: (index) => {
      const pane = ui.get().panes[index]
      if (!pane) return
      ui.set({ activeKey: pane.key, view: 'library' })
      // After the view is shown.
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`[data-pane="${pane.key}"] .reader`)
          ?.focus({ preventScroll: true })
      )
    },
    focusActiveReader: () => {
      const s = ui.get()
      commands.focusPane(
        Math.max(
          0,
          s.panes.findIndex((p) => p.key === s.activeKey)
        )
      )
    },
    setActive: (key) => {
      if (ui.get().activeKey !== key) ui.set({ activeKey: key })
    },
    openHit: async (hit, query) => {
      if (hit.kind === 'memo') {
        if (hit.memoId)
          ui.set({ view: 'memos', memoRequest: { id: hit.memoId, nonce: Date.now() } })
        return
      }
      const key = open(hit.docId)
      if (!key) return
      if (hit.annotationId) {
        ui.set({ selectedId: hit.annotationId, scrollTarget: scrollTo(hit.annotationId) })
        return
      }
      const ranges = await attempt(feedback, () => client.call('findInDocument', hit.docId, query))
      if (!ranges) return
      const current = Math.max(
        0,
        ranges.findIndex((r) => r.end > hit.start)
      )
      ui.set((s) => ({ matches: { ...s.matches, [key]: { docId: hit.docId, ranges, current } } }))
    },
    stepMatch: (paneKey, delta) =>
      ui.set((s) => {
        const cur = s.matches[paneKey]
        if (!cur || cur.ranges.length === 0) return {}
        const n = cur.ranges.length
        return {
          matches: { ...s.matches, [paneKey]: { ...cur, current: (cur.current + delta + n) % n } }
        }
      }),
    clearMatches: (paneKey) =>
      ui.set((s) => {
        const { [paneKey]: _, ...rest } = s.matches
        return { matches: rest }
      }),
    openPassage: (a) => {
      if (!open(a.docId)) return
      ui.set({ selectedId: a.id, scrollTarget: scrollTo(a.id) })
    },
    selectAnnotation: (id, scroll = false) =>
      ui.set(id && scroll ? { selectedId: id, scrollTarget: scrollTo(id) } : { selectedId: id }),
    stepHighlight: async (delta) => {
      const s = ui.get()
      const pane = s.panes.find((p) => p.key === s.activeKey) ?? s.panes[0]
      if (!pane) return
      const list = await attempt(feedback, () =>
        client.read(`annotations:${pane.docId}`, [`annotations:${pane.docId}`], () =>
          client.call('listAnnotations', pane.docId)
        )
      )
      const anchored = (list ?? []).filter((a) => a.status === 'anchored')
      if (anchored.length === 0) {
        feedback.info('This document has no highlights yet.')
        return
      }
      const at = anchored.findIndex((a) => a.id === ui.get().selectedId)
      const next =
        at < 0
          ? delta > 0
            ? 0
            : anchored.length - 1
          : (at + delta + anchored.length) % anchored.length
      const id = anchored[next].id
      ui.set({ activeKey: pane.key, selectedId: id, scrollTarget: scrollTo(id) })
    },
    setSelection: (paneKey, range) => {
      const cur = ui.get().selection
      // Text selected in a reader while the last highlight's Tags box is still to come means the
      // analyst has moved on: the box must not take focus (and with it the new selection).
      if (range)
        ui.set((s) => ({
          selection: { ...range, paneKey },
          ...(s.focusRequest?.afterHighlight ? { focusRequest: null } : {})
        }))
      else if (cur?.paneKey === paneKey) ui.set({ selection: null })
    },
    toggleLibrary: () => ui.set((s) => ({ libraryOpen: !s.libraryOpen })),
    openSearch: () => ui.set((s) => (s.searchOpen ? {} : { searchOpen: true })),
    closeSearch: () => ui.set({ query: '', searchOpen: false, searchFilters: {} }),
    setSearchFilters: (searchFilters) => ui.set({ searchFilters, view: 'library' }),
    setWholePages: (wholePages) => ui.set({ wholePages }),
    toggleSidebar: () => ui.set((s) => ({ sidebarOpen: !s.sidebarOpen })),
    forgetDocuments: (exists) =>
      ui.set((s) => {
        if (s.panes.every((p) => exists(p.docId))) return {}
        return withoutDocuments(s.panes, s.activeKey, (id) => !exists(id))
      })
  }
  return commands
}

export { MAX_PANES }
