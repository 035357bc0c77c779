import type { HighlightColor } from '../../../shared/model'
import { messageOf } from '../api'
import type { Client } from '../client/client'
import type { UndoEntry } from '../client/undo-stack'
import { copyText } from '../export/save'
import { attempt } from '../feedback/attempt'
import type { Feedback } from '../feedback/feedback'
import { newPaneKey, openPane, withoutDocuments } from './panes'
import type { Store } from './store'
import { VIEW_NAMES, type PaneSelection, type UiState } from './ui-state'

/**
 * After the frame that shows what was just changed has been drawn, and the next one has begun (or
 * soon, where no frame is drawn: a hidden window): the work then does not hold that frame up.
 */
function afterPaint(fn: () => void): void {
  let done = false
  const run = (): void => {
    if (done) return
    done = true
    fn()
  }
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(run, 0)))
  setTimeout(run, 150)
}

export interface EditCommands {
  /** The selection as it is now (the readers are asked to report it first). */
  currentSelection: () => PaneSelection | null
  /** Highlights the selected text in the chosen colour; focus then goes to the new highlight's Tags box. */
  highlight: () => Promise<void>
  setColor: (color: HighlightColor) => void
  /** Ctrl+Z: undoes the latest change, but says first when it was made in another view. */
  undoFromKeyboard: () => Promise<void>
  undo: () => Promise<void>
  redo: () => Promise<void>
  askRemove: (docId: string, title: string) => void
  remove: (docId: string, title: string) => Promise<void>
  reimport: (docId: string, file: File) => Promise<void>
  copyMarkdown: (scope: { annotationIds?: string[]; tagIds?: string[] }) => Promise<void>
  restoreBackup: (file: File) => Promise<void>
  openSample: () => Promise<void>
  /** Asks the editor of a highlight to put focus in its Tags or Note box. */
  focusField: (field: 'tags' | 'note') => void
  setDialog: (dialog: UiState['dialog']) => void
  cancelConfirm: () => void
}

export function createEditCommands(
  client: Client,
  ui: Store<UiState>,
  feedback: Feedback
): EditCommands {
  const viewName = (): string => VIEW_NAMES[ui.get().view]
  /** The undo entry a first Ctrl+Z announced (made in another view): a second Ctrl+Z undoes it. */
  let announced: UndoEntry | null = null

  const step = async (redo: boolean): Promise<void> => {
    announced = null
    const verb = redo ? 'redo' : 'undo'
    try {
      const entry = redo ? await client.history.redo() : await client.history.undo()
      if (!entry) return
      const where = entry.view === viewName() ? '' : ` (made in ${entry.view})`
      feedback.info(`${redo ? 'Redid' : 'Undid'}: ${entry.label}${where}`)
    } catch (err) {
      feedback.error(`Could not ${verb}: ${messageOf(err)}`)
    }
  }

  const currentSelection = (): PaneSelection | null => {
    // The browser reports a new selection in a task of its own, so a key pressed at once may
    // arrive first: the readers are asked to report it before it is read.
    document.dispatchEvent(new Event('selectionchange'))
    return ui.get().selection
  }

  return {
    currentSelection,
    highlight: async () => {
      const selection = currentSelection()
      if (!selection) return
      const s = ui.get()
      const pane = s.panes.find((p) => p.key === selection.paneKey)
      if (!pane) return
      // Cleared now, not after the save: text selected meanwhile must stay selected.
      document.getSelection()?.removeAllRanges()
      // Painted at once and selected, so that tags and a note can be typed while it is saved.
      const pending = client.annotations.showPending(pane.docId, selection, s.color, selection.text)
      // Keys typed from now on wait for its Tags box (see use-shortcuts.ts), which is made once
      // the frame that paints the highlight is drawn: H answers at once.
      ui.set({
        selection: null,
        activeKey: pane.key,
        focusRequest: { id: pending.id, field: 'tags', typed: '', afterHighlight: true }
      })
      afterPaint(() =>
        ui.set((now) =>
          now.focusRequest?.id === pending.id || now.selectedId === s.selectedId
            ? { selectedId: pending.id, sidebarOpen: true }
            : {}
        )
      )
      try {
        const a = await client.perform('highlight', viewName(), 'createAnnotation', {
          docId: pane.docId,
          start: selection.start,
          end: selection.end,
          color: s.color
        })
        client.annotations.showSaved(a, pending.id)
        afterPaint(() =>
          ui.set((now) => (now.selectedId === pending.id ? { selectedId: a.id } : {}))
        )
      } catch (err) {
        client.annotations.dropPending(
          pending.id,
          err instanceof Error ? err : new Error(String(err))
        )
        afterPaint(() =>
          ui.set((now) => ({
            ...(now.selectedId === pending.id ? { selectedId: null } : {}),
            ...(now.focusRequest?.id === pending.id ? { focusRequest: null } : {})
          }))
        )
        feedback.error(messageOf(err))
      }
    },
    setColor: (color) => ui.set({ color }),
    undoFromKeyboard: async () => {
      const top = client.history.snapshot().undo
      if (top && top.view !== viewName() && announced !== top) {
        announced = top
        feedback.info(
          `The last change, “${top.label}”, was made in ${top.view}. Press Ctrl+Z again to undo it.`
        )
        return
      }
      await step(false)
    },
    undo: () => step(false),
    redo: () => step(true),
    askRemove: (docId, title) => ui.set({ confirm: { kind: 'remove', docId, title } }),
    remove: async (docId, title) => {
      ui.set({ confirm: null })
      const done = await attempt(feedback, () =>
        client.perform(`remove “${title}”`, viewName(), 'removeDocument', docId)
      )
      if (!done) return
      ui.set((s) => withoutDocuments(s.panes, s.activeKey, (id) => id === docId))
      feedback.info(`Moved “${title}” to the Trash.`, {
        label: 'Undo',
        run: () => void step(false)
      })
    },
    reimport: async (docId, file) => {
      const report = await attempt(feedback, async () =>
        client.call('reimportDocument', docId, {
          name: file.name,
          data: new Uint8Array(await file.arrayBuffer())
        })
      )
      if (report)
        feedback.info(
          `New version imported. Highlights: ${report.anchored} in place, ${report.moved} moved, ${report.orphaned} orphaned.`
        )
    },
    copyMarkdown: async (scope) => {
      const result = await attempt(
        feedback,
        async () => {
          const exported = await client.call('exportWorkspace', {
            format: 'md',
            fragment: true,
            groupBy: scope.tagIds ? 'tag' : 'doc',
            ...scope
          })
          await copyText(exported.content)
          return exported
        },
        'Could not copy'
      )
      if (result)
        feedback.info(
          `Copied ${result.passages === 1 ? 'the passage' : `${result.passages} passages`} as Markdown.`
        )
    },
    restoreBackup: async (file) => {
      const restored = await attempt(feedback, async () =>
        client.call('restoreBackup', {
          name: file.name,
          data: new Uint8Array(await file.arrayBuffer())
        })
      )
      if (restored)
        feedback.info(
          `Restored ${restored.documents} documents and ${restored.passages} highlights from ${file.name}.`
        )
    },
    openSample: async () => {
      const outcomes = await attempt(feedback, () => client.call('openSampleWorkspace'))
      const first = outcomes?.find((o) => o.status === 'imported')
      if (first?.status !== 'imported') return
      const s = ui.get()
      const opened = openPane(s.panes, s.activeKey, first.document.id, false, newPaneKey)
      if ('full' in opened) return
      ui.set({ panes: opened.panes, activeKey: opened.key, view: 'library' })
    },
    focusField: (field) => {
      const id = ui.get().selectedId
      if (id) ui.set({ focusRequest: { id, field, typed: '' }, sidebarOpen: true })
    },
    setDialog: (dialog) => ui.set({ dialog }),
    cancelConfirm: () => ui.set({ confirm: null })
  }
}
