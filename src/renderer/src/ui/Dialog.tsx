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
