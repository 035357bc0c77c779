import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface MenuItem {
  label: string
  onSelect: () => void
  disabled?: boolean
  /** A key shown beside the item (its shortcut). */
  hint?: string
}

interface Props {
  /** The button's accessible name ("Actions for …"). */
  label: string
  /** What the button shows (an icon or text). */
  children: ReactNode
  items: readonly MenuItem[]
  className?: string
}

/** A button that opens a menu: arrow keys move, Enter chooses, Esc closes and focus returns to the button. */
export function Menu({ label, children, items, className }: Props): React.JSX.Element {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const id = useId()
  const entries = (): HTMLButtonElement[] =>
    Array.from(
      list.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? []
    )
  const show = (focus: 'first' | 'last'): void => {
    setOpen(true)
    requestAnimationFrame(() => {
      const all = entries()
      ;(focus === 'first' ? all[0] : all[all.length - 1])?.focus()
    })
  }
  const close = (refocus: boolean): void => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }
  const onKeyDown = (e: KeyboardEvent): void => {
    const all = entries()
    const at = all.indexOf(document.activeElement as HTMLButtonElement)
    const go = (i: number): void => all[(i + all.length) % all.length]?.focus()
    if (e.key === 'ArrowDown') go(at + 1)
    else if (e.key === 'ArrowUp') go(at - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(all.length - 1)
    else if (e.key === 'Escape') close(true)
    else if (e.key === 'Tab') close(false)
    else return
    e.preventDefault()
    e.stopPropagation()
  }
  return (
    <div
      className={['menu', className].filter(Boolean).join(' ')}
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) close(false)
      }}
    >
      <button
        type="button"
        ref={button}
        className="menu-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault()
            show(e.key === 'ArrowDown' ? 'first' : 'last')
          }
        }}
      >
        {children}
      </button>
      {open && (
        <ul
          className="menu-list"
          role="menu"
          id={id}
          aria-label={label}
          ref={list}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={item.disabled}
                onClick={() => {
                  close(true)
                  item.onSelect()
                }}
              >
                <span>{item.label}</span>
                {item.hint && <kbd>{item.hint}</kbd>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
