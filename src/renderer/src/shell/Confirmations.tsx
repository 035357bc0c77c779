import { useDocumentList } from '../hooks/use-workspace'
import { useCommands, useUi } from '../state/app-context'
import { MAX_PANES } from '../state/panes'
import { ConfirmBar } from '../ui/ConfirmBar'
import { DangerButton } from '../ui/DangerButton'

/** The question being asked, if any: remove a document, or which pane to give up for a fifth document. */
export function Confirmations(): React.JSX.Element | null {
  const commands = useCommands()
  const confirm = useUi((s) => s.confirm)
  const active = useUi((s) => (s.panes.find((p) => p.key === s.activeKey) ?? s.panes[0])?.docId)
  const docs = useDocumentList()
  const titleOf = (id: string | undefined): string =>
    docs.find((d) => d.id === id)?.title ?? 'the document'
  if (!confirm) return null
  if (confirm.kind === 'remove')
    return (
      <ConfirmBar
        label="Move document to the Trash"
        onCancel={commands.cancelConfirm}
        actions={
          <DangerButton solid onClick={() => void commands.remove(confirm.docId, confirm.title)}>
            Move to Trash
          </DangerButton>
        }
      >
        Move “{confirm.title}” to the Trash? It can be restored from the Trash, with its highlights
        and note, until the Trash is emptied.
      </ConfirmBar>
    )
  return (
    <ConfirmBar
      label="Every pane is in use"
      onCancel={commands.cancelConfirm}
      actions={
        <button
          type="button"
          className="primary"
          onClick={() => commands.openInActive(confirm.docId)}
        >
          Open in its place
        </button>
      }
    >
      {MAX_PANES} documents are open side by side, as many as there is room for. Open “
      {titleOf(confirm.docId)}” in place of “{titleOf(active)}” (the active pane), or close a pane
      first.
    </ConfirmBar>
  )
}
