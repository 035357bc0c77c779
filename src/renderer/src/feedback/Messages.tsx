import { useEffect, useState, useSyncExternalStore } from 'react'
import { useFeedback } from '../state/app-context'
import { INFO_MS, type Message } from './feedback'

/** An info message: fades after a few seconds, unless the pointer or focus is on it. */
function Toast({ message }: { message: Message }): React.JSX.Element {
  const feedback = useFeedback()
  const [held, setHeld] = useState(false)
  const { id } = message
  useEffect(() => {
    if (held) return
    const timer = window.setTimeout(() => feedback.dismiss(id), INFO_MS)
    return () => window.clearTimeout(timer)
  }, [held, feedback, id])
  const onDismiss = (): void => feedback.dismiss(id)
  return (
    <div
      className="toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span>{message.text}</span>
      {message.action && (
        <button
          type="button"
          className="link"
          onClick={() => {
            message.action?.run()
            onDismiss()
          }}
        >
          {message.action.label}
        </button>
      )}
      <button type="button" className="link" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}

/** Errors stay at the top until dismissed (each announced as an alert); info is said politely and fades. */
export function ErrorMessages(): React.JSX.Element | null {
  const feedback = useFeedback()
  const messages = useSyncExternalStore(feedback.subscribe, feedback.list)
  const errors = messages.filter((m) => m.kind === 'error')
  if (errors.length === 0) return null
  return (
    <div className="errors">
      {errors.map((m) => (
        <p key={m.id} className="error banner" role="alert">
          {m.text}{' '}
          <button type="button" className="link" onClick={() => feedback.dismiss(m.id)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  )
}

export function InfoMessages(): React.JSX.Element {
  const feedback = useFeedback()
  const messages = useSyncExternalStore(feedback.subscribe, feedback.list)
  return (
    // Always there, so that what is added is announced.
    <div className="toasts" role="status" aria-live="polite">
      {messages
        .filter((m) => m.kind === 'info')
        .map((m) => (
          <Toast key={m.id} message={m} />
        ))}
    </div>
  )
}
