import { useEffect } from 'react'
import type { InformationCredibility } from '../../../shared/reliability'
import { useServices } from '../state/app-context'
import { comparePair } from '../state/compare-pair'

const isEditable = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))

export const SEARCH_BOX_ID = 'search-box'

/** The window's keyboard shortcuts (listed in shortcuts.ts). Typing in a box is left alone. */
export function useShortcuts(): void {
  const { ui, commands } = useServices()
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      const s = ui.get()
      // A dialog keeps its keys to itself. (Not looked for in the page: a long document has tens
      // of thousands of elements, and this runs on every key.)
      if (s.dialog || s.gradeDocId || (e.target instanceof Element && e.target.closest('dialog')))
        return
      const run = (fn: () => void): void => {
        e.preventDefault()
        fn()
      }
      if (mod && key === 'o' && !e.altKey)
        return run(() =>
          document.querySelector<HTMLInputElement>('input[aria-label="Import files"]')?.click()
        )
      if (mod && (key === 'k' || key === 'f') && !e.altKey)
        return run(() => {
          const box = document.getElementById(SEARCH_BOX_ID) as HTMLInputElement | null
          box?.focus()
          box?.select()
        })
      if (mod && key === 'b') return run(e.altKey ? commands.toggleSidebar : commands.toggleLibrary)
      const active = s.panes.find((p) => p.key === s.activeKey) ?? s.panes[0]
      if (e.key === 'F3' && active)
        return run(() => commands.stepMatch(active.key, e.shiftKey ? -1 : 1))
      if (e.altKey && !mod && /^Digit[1-4]$/.test(e.code))
        return run(() => commands.focusPane(Number(e.code.slice(5)) - 1))
      if (isEditable(e.target)) return
      // A box asked for (the Tags box after H) is not there yet: what is typed waits for it.
      const waiting = s.focusRequest
      if (waiting && !mod && !e.altKey && e.key.length === 1)
        return run(() => ui.set({ focusRequest: { ...waiting, typed: waiting.typed + e.key } }))
      if (mod && key === 'z')
        return run(() => void (e.shiftKey ? commands.redo() : commands.undoFromKeyboard()))
      if (mod && key === 'y') return run(() => void commands.redo())
      if (mod || e.altKey) return
      if (e.key === '?') return run(() => commands.setDialog('shortcuts'))
      if (key === 'h' && commands.currentSelection()) return run(() => void commands.highlight())
      if (e.key === ']' || e.key === '[')
        return run(() => void commands.stepHighlight(e.key === ']' ? 1 : -1))
      // With a highlight selected, 1–6 grade its credibility and 0 clears it.
      if (/^[0-6]$/.test(e.key) && s.selectedId)
        return run(
          () =>
            void commands.gradeSelected(
              e.key === '0' ? null : (Number(e.key) as InformationCredibility)
            )
        )
      if (key === 'g' && active) return run(() => commands.openGrades(active.docId))
      // In the compare view, J and K step through the passages the two panes share.
      const compared = s.shared && comparePair(s.panes, s.activeKey)?.key === s.shared.pair
      if ((key === 'j' || key === 'k') && compared && s.view === 'library')
        return run(() => commands.stepShared(key === 'j' ? 1 : -1))
      if ((key === 't' || key === 'n') && s.selectedId)
        return run(() => commands.focusField(key === 't' ? 'tags' : 'note'))
      if (e.key === 'Escape' && s.selectedId) commands.selectAnnotation(null)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [ui, commands])
}
