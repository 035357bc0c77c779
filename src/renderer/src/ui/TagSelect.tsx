import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react'
import type { TagView } from '../../../shared/model'
import { tagOptions, type TagOption } from './tag-matches'

interface Props {
  label: string
  tags: readonly TagView[]
  /** Tags not offered (those already applied). */
  exclude?: readonly string[]
  onPick: (tag: TagView) => void
  /** Offers "Create …" for a path that is not in the codebook. */
  onCreate?: (path: string) => void
  placeholder?: string
  inputRef?: Ref<HTMLInputElement>
  /** Backspace in the empty box (removes the last tag applied). */
  onBackspaceEmpty?: () => void
  /** Esc with the list closed. */
  onEscape?: () => void
}

/**
 * A combobox of the codebook's tags. Typing filters them; the first is highlighted, ↑/↓ move,
 * Enter takes the highlighted entry — an existing tag, or the explicit "Create …" entry. The list
 * closes when focus leaves. What is typed stays until an entry is taken.
 */
export function TagSelect({
  label,
  tags,
  exclude = [],
  onPick,
  onCreate,
  placeholder,
  inputRef,
  onBackspaceEmpty,
  onEscape
}: Props): React.JSX.Element {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const listId = useId()
  const options = useMemo(
    () => tagOptions(tags, exclude, query, Boolean(onCreate)),
    [tags, exclude, query, onCreate]
  )
  const showList = open && options.length > 0
  const current = showList ? Math.min(active, options.length - 1) : -1

  const take = (option: TagOption | undefined): void => {
    if (!option) return
    if ('tag' in option) onPick(option.tag)
    else onCreate?.(option.create)
    setQuery('')
    setActive(-1)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      if (current >= 0) take(options[current])
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      if (!open) setOpen(true)
      else setActive(Math.min(options.length - 1, current + 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive(Math.max(0, current - 1))
      if (!open) setOpen(true)
    } else if (e.key === 'Escape') {
      if (showList) {
        e.stopPropagation()
        setOpen(false)
      } else onEscape?.()
    } else if (e.key === 'Backspace' && query === '') {
      onBackspaceEmpty?.()
    }
  }

  return (
    <div className="tag-select">
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? `${listId}-${current}` : undefined}
        placeholder={placeholder}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value)
          // The first entry is highlighted as soon as something is typed: Enter takes it.
          setActive(e.target.value.trim() ? 0 : -1)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} suggestions`}
        className="suggestions"
        hidden={!showList}
      >
        {options.map((o, i) => (
          <li
            key={'tag' in o ? o.tag.id : `create:${o.create}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            className={[i === current ? 'active' : '', 'create' in o ? 'create' : '']
              .filter(Boolean)
              .join(' ')}
            onMouseDown={(e) => {
              e.preventDefault()
              take(o)
            }}
          >
            {'tag' in o ? (
              <>
                <span className="swatch" style={{ background: o.tag.color }} /> {o.tag.path}
              </>
            ) : (
              <>Create “{o.create}”</>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
