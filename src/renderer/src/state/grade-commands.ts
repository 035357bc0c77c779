import {
  credibilityLevel,
  type InformationCredibility,
  type LinkDecision,
  type LinkTarget
} from '../../../shared/reliability'
import type { Client } from '../client/client'
import { attempt } from '../feedback/attempt'
import type { Feedback } from '../feedback/feedback'
import type { Store } from './store'
import { VIEW_NAMES, type UiState } from './ui-state'

export interface GradeCommands {
  /** Opens the source and grades of a document (G in the reader). */
  openGrades: (docId: string) => void
  closeGrades: () => void
  /** Sets the selected highlight's credibility, 1–6, or clears it (null: it takes its document's). */
  gradeSelected: (value: InformationCredibility | null) => Promise<void>
  /** Confirms or rejects that a document derives from another document or an un-imported source. */
  decideLink: (fromDocId: string, to: LinkTarget, status: LinkDecision) => Promise<void>
  /** Links two highlights of two documents as the same claim, or takes the link away. */
  setSameClaim: (annotationId: string, otherAnnotationId: string, same: boolean) => Promise<void>
  /** Makes the next (or previous) shared passage of the compared panes current, and shows it in both. */
  stepShared: (delta: 1 | -1) => void
  /** Makes one shared passage current (a margin marker clicked), and shows it in both panes. */
  showShared: (index: number) => void
  /** Also marks boilerplate in the compare view. */
  setSharedBoilerplate: (on: boolean) => void
}

export function createGradeCommands(
  client: Client,
  ui: Store<UiState>,
  feedback: Feedback
): GradeCommands {
  return {
    openGrades: (docId) => ui.set({ gradeDocId: docId }),
    closeGrades: () => ui.set({ gradeDocId: null }),
    gradeSelected: async (value) => {
      const id = ui.get().selectedId
      if (!id) return
      const done = await attempt(feedback, async () =>
        client.perform(
          value === null ? 'clear the credibility of a highlight' : `grade a highlight ${value}`,
          VIEW_NAMES[ui.get().view],
          'gradeHighlight',
          await client.annotations.savedId(id),
          value,
          ''
        )
      )
      if (done)
        feedback.info(
          value === null
            ? 'The highlight takes its document’s credibility again.'
            : `Highlight graded ${value}: ${credibilityLevel(value).label.toLowerCase()}.`
        )
    },
    decideLink: async (fromDocId, to, status) => {
      const done = await attempt(feedback, () =>
        client.perform(
          status === 'confirmed' ? 'confirm a derivation' : 'reject a derivation',
          VIEW_NAMES[ui.get().view],
          'setLink',
          fromDocId,
          to,
          status
        )
      )
      if (done)
        feedback.info(
          status === 'confirmed'
            ? 'Derivation confirmed: the two count as one origin.'
            : 'Derivation rejected: they count as independent origins.'
        )
    },
    setSameClaim: async (annotationId, otherAnnotationId, same) => {
      const done = await attempt(feedback, () =>
        client.perform(
          same ? 'link the same claim' : 'unlink the same claim',
          VIEW_NAMES[ui.get().view],
          'setSameClaim',
          annotationId,
          otherAnnotationId,
          same
        )
      )
      if (done)
        feedback.info(
          same
            ? 'Linked as the same claim: each now corroborates the other, by origin.'
            : 'No longer linked as the same claim.'
        )
    },
    stepShared: (delta) =>
      ui.set((s) => {
        const cur = s.shared
        if (!cur || cur.count === 0) return {}
        const current = (cur.current + delta + cur.count) % cur.count
        return { shared: { ...cur, current, nonce: cur.nonce + 1 } }
      }),
    setSharedBoilerplate: (on) => ui.set({ sharedBoilerplate: on }),
    showShared: (index) =>
      ui.set((s) => {
        const cur = s.shared
        if (!cur || index < 0 || index >= cur.count) return {}
        return { shared: { ...cur, current: index, nonce: cur.nonce + 1 } }
      })
  }
}
