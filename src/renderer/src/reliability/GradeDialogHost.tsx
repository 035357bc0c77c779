import { useDocumentList } from '../hooks/use-workspace'
import { useCommands, useUi } from '../state/app-context'
import { GradeDialog } from './GradeDialog'

/** The source and grades dialog of the document asked for (G, or a pane's menu). */
export function GradeDialogHost(): React.JSX.Element | null {
  const commands = useCommands()
  const docId = useUi((s) => s.gradeDocId)
  const meta = useDocumentList().find((d) => d.id === docId)
  if (!meta) return null
  return <GradeDialog key={meta.id} meta={meta} onClose={commands.closeGrades} />
}
