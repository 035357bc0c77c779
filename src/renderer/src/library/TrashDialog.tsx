import { useState } from 'react'
import { formatCount, formatDate } from '../format'
import { useAction, usePerform } from '../hooks/use-action'
import { useFetch } from '../hooks/use-fetch'
import { useClient, useCommands } from '../state/app-context'
import { DangerButton } from '../ui/DangerButton'
import { Dialog } from '../ui/Dialog'

/** The Trash: removed documents, each restorable with its highlights; emptied on request. */
export function TrashDialog(): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const perform = usePerform()
  const act = useAction()
  const trash = useFetch('trash', ['trash'], () => client.call('listTrash'), { report: true })
  const [confirming, setConfirming] = useState(false)
  const items = trash.data ?? []
  return (
    <Dialog label="Trash" className="trash-dialog" onClose={() => commands.setDialog(null)}>
      {(close) => (
        <>
          <h2>Trash</h2>
          {trash.loaded && items.length === 0 && (
            <p className="hint">
              The Trash is empty. Removed documents wait here until it is emptied.
            </p>
          )}
          {items.length > 0 && (
            <ul className="trash-list" aria-label="Documents in the Trash">
              {items.map(({ meta, removedAt, highlights }) => (
                <li key={meta.id} className="trash-item">
                  <span className="doc-title">{meta.title}</span>
                  <span className="doc-meta">
                    {formatCount(highlights, 'highlight')} · removed {formatDate(removedAt)}
                  </span>
                  <button
                    type="button"
                    aria-label={`Restore ${meta.title}`}
                    onClick={() =>
                      void perform(`restore “${meta.title}”`, 'restoreDocument', meta.id)
                    }
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          )}
          {confirming && (
            <p role="alert" className="trash-confirm">
              Empty the Trash? {formatCount(items.length, 'document')} and their highlights and
              notes are forgotten; this cannot be undone.
            </p>
          )}
          <div className="dialog-actions">
            {items.length > 0 &&
              (confirming ? (
                <>
                  <button type="button" onClick={() => setConfirming(false)}>
                    Keep them
                  </button>
                  <DangerButton
                    solid
                    onClick={() =>
                      void act(async () => {
                        await client.call('emptyTrash')
                        setConfirming(false)
                      })
                    }
                  >
                    Empty the Trash
                  </DangerButton>
                </>
              ) : (
                <DangerButton onClick={() => setConfirming(true)}>Empty the Trash…</DangerButton>
              ))}
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}

/** "Trash (2)" under the library, when anything is in it. */
export function TrashButton(): React.JSX.Element | null {
  const client = useClient()
  const commands = useCommands()
  const trash = useFetch('trash', ['trash'], () => client.call('listTrash'))
  const n = trash.data?.length ?? 0
  if (n === 0) return null
  return (
    <button type="button" className="trash-button" onClick={() => commands.setDialog('trash')}>
      Trash ({n})
    </button>
  )
}
