import { useCommands } from '../state/app-context'
import { Dialog } from '../ui/Dialog'
import { SHORTCUTS } from './shortcuts'

/** "?": every keyboard shortcut, by where it works. */
export function ShortcutsDialog(): React.JSX.Element {
  const commands = useCommands()
  return (
    <Dialog
      label="Keyboard shortcuts"
      className="shortcuts-dialog"
      onClose={() => commands.setDialog(null)}
    >
      {(close) => (
        <>
          {/* Focusable: on a small screen the list scrolls, and the keys must scroll it too. */}
          <div className="shortcuts" tabIndex={0} role="region" aria-label="All shortcuts">
            <h2>Keyboard shortcuts</h2>
            {SHORTCUTS.map((g) => (
              <section key={g.group} aria-label={g.group}>
                <h3>{g.group}</h3>
                <dl>
                  {g.items.map((s) => (
                    <div key={s.does} className="shortcut">
                      <dt>
                        {s.keys.map((k, i) => (
                          <span key={k}>
                            {i > 0 && ' '}
                            <kbd>{k}</kbd>
                          </span>
                        ))}
                      </dt>
                      <dd>{s.does}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}
