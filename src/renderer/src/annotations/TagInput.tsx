import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { TagView } from '../../../shared/model'

interface Props {
  tags: TagView[]
  applied: string[]
  onAdd: (tagId: string) => void
  /** Creates a tag from a typed path and adds it. */
  onCreate: (path: string) => void
  onRemove: (tagId: string) => void
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/**
 * The "Tags" box: a combobox that suggests tags from the codebook as you type. Enter adds the
 * highlighted suggestion, or the typed tag — created when new ("Actors/Lazarus Group" makes both).
 */
export function TagInput({ tags, applied, onAdd, onCreate, onRemove }: Props): React.JSX.Element {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const listId = useId()
  const byId = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags])
  const suggestions = useMemo(() => {
    const q = fold(query.trim())
    return tags
      .filter((t) => !applied.includes(t.id) && (!q || fold(t.path).includes(q)))
      .slice(0, 8)
  }, [tags, applied, query])

  const commit = (): void => {
    const typed = query.trim()
    const chosen =
      active >= 0 ? suggestions[active] : tags.find((t) => fold(t.path) === fold(typed))
    if (chosen) {
      if (!applied.includes(chosen.id)) onAdd(chosen.id)
    } else if (typed) onCreate(typed)
    setQuery('')
    setActive(-1)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      commit()
    } else if (e.key === 'ArrowDown') {
      e.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(suggestions.length - 1, i + 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(-1, i - 1))
    } else if (e.key === 'Escape') {
      setOpen(false)
      setActive(-1)
    } else if (e.key === 'Backspace' && query === '' && applied.length > 0) {
      onRemove(applied[applied.length - 1])
    }
  }

  const showList = open && suggestions.length > 0
  return (
    <div className="tag-input">
      <ul className="chips" aria-label="Applied tags">
        {applied.map((id) => {
          const t = byId.get(id)
          return (
            <li key={id} className="chip" style={{ borderColor: t?.color }}>
              <span>{t?.path ?? 'deleted tag'}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${t?.path ?? id}`}
                onClick={() => onRemove(id)}
              >
                ×
              </button>
            </li>
          )
        })}
      </ul>
      <input
        type="text"
        role="combobox"
        aria-label="Tags"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="Add a tag… (Enter)"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(-1)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Tag suggestions"
        className="suggestions"
        hidden={!showList}
      >
        {suggestions.map((t, i) => (
          <li
            key={t.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault()
              onAdd(t.id)
              setQuery('')
            }}
          >
            <span className="swatch" style={{ background: t.color }} /> {t.path}
          </li>
        ))}
      </ul>
    </div>
  )
}
