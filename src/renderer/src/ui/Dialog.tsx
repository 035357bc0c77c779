import { useEffect, useState, type ReactNode } from 'react'

interface Props {
  label: string
  className?: string
  onClose: () => void
  children: (close: () => void) => ReactNode
}

/** A modal dialog (the browser's own: focus is kept inside, Esc closes it, focus returns after). */
export function Dialog({ label, className, onClose, children }: Props): React.JSX.Element {
  const [dialog, setDialog] = useState<HTMLDialogElement | null>(null)
  useEffect(() => {
    if (dialog && !dialog.open) dialog.showModal()
  }, [dialog])
  return (
    <dialog ref={setDialog} className={className} aria-label={label} onClose={onClose}>
      {children(() => dialog?.close())}
    </dialog>
  )
}

/** A dialog form's end: what went wrong (read out), then Cancel and the submit button. */
export function DialogFooter({
  error,
  submit,
  onCancel
}: {
  error: string | null
  submit: string
  onCancel: () => void
}): React.JSX.Element {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary">
          {submit}
        </button>
      </div>
    </>
  )
}
