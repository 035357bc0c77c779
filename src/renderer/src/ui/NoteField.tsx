import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react'

interface Props {
  label: string
  value: string
  placeholder?: string
  rows?: number
  /** Saves the text; called 600 ms after typing stops, and on leaving the field. */
  onSave: (text: string) => void
  inputRef?: Ref<HTMLTextAreaElement>
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void
}

/** A textarea that saves as you type (debounced) and when it loses focus, never losing what was typed. */
export function NoteField({
  label,
  value,
  placeholder,
  rows = 4,
  onSave,
  inputRef,
  onKeyDown
}: Props): React.JSX.Element {
  const [text, setText] = useState(value)
  const [saved, setSaved] = useState(value)
  const timer = useRef<number | undefined>(undefined)
  const pending = useRef<string | null>(null)
  const id = useId()

  // A new value from outside (another annotation selected, an undo) replaces the text unless it is being edited.
  const [lastValue, setLastValue] = useState(value)
  if (value !== lastValue) {
    setLastValue(value)
    if (pending.current === null) {
      setText(value)
      setSaved(value)
    }
  }

  const flush = (): void => {
    window.clearTimeout(timer.current)
    const next = pending.current
    pending.current = null
    if (next !== null && next !== saved) {
      setSaved(next)
      onSave(next)
    }
  }
  const flushRef = useRef(flush)
  useEffect(() => {
    flushRef.current = flush
  })
  useEffect(() => () => flushRef.current(), [])

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={inputRef}
        rows={rows}
        onKeyDown={onKeyDown}
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value)
          pending.current = e.target.value
          window.clearTimeout(timer.current)
          timer.current = window.setTimeout(flush, 600)
        }}
        onBlur={flush}
      />
      <span className="field-status" aria-live="polite">
        {text === saved ? 'Saved' : 'Editing…'}
      </span>
    </div>
  )
}
