import { useMemo, type Ref } from 'react'
import type { TagView } from '../../../shared/model'
import { TagSelect } from '../ui/TagSelect'

interface Props {
  tags: TagView[]
  applied: string[]
  onAdd: (tagId: string) => void
  /** Creates a tag from a typed path and adds it. */
  onCreate: (path: string) => void
  onRemove: (tagId: string) => void
  inputRef?: Ref<HTMLInputElement>
  onEscape?: () => void
}

/** The tags of a highlight: chips to remove, and the box to add one from the codebook or create one. */
export function TagInput({
  tags,
  applied,
  onAdd,
  onCreate,
  onRemove,
  inputRef,
  onEscape
}: Props): React.JSX.Element {
  const byId = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags])
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
      <TagSelect
        label="Tags"
        tags={tags}
        exclude={applied}
        onPick={(t) => onAdd(t.id)}
        onCreate={onCreate}
        placeholder="Add a tag… (Enter)"
        inputRef={inputRef}
        onEscape={onEscape}
        onBackspaceEmpty={() => {
          const last = applied[applied.length - 1]
          if (last) onRemove(last)
        }}
      />
    </div>
  )
}
