import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  label: string
  children: ReactNode
  actions: ReactNode
  onCancel: () => void
}

/** A question in a bar across the view: its buttons, then Cancel (focused, so Enter never destroys by accident). */
export function ConfirmBar({ label, children, actions, onCancel }: Props): React.JSX.Element {
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => cancel.current?.focus(), [])
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation()
          onCancel()
        }
      }}
    >
      <span>{children}</span>
      {actions}
      <button type="button" ref={cancel} onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
