import { credibilityLevel, type InformationCredibility } from '../../../shared/reliability'
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
    }
  }
}
