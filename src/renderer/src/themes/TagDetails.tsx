import { useState } from 'react'
import type { TagView } from '../../../shared/model'
import { call, messageOf } from '../api'
import type { Perform } from '../annotations/AnnotationEditor'
import { NoteField } from '../annotations/NoteField'

interface Props {
  tag: TagView
  tags: TagView[]
  perform: Perform
  onDeleted: () => void
  onError: (message: string) => void
}

/** Rename, move, merge, recolour, describe or delete one tag. Deleting says first how many passages it touches. */
export function TagDetails({ tag, tags, perform, onDeleted, onError }: Props): React.JSX.Element {
  const [name, setName] = useState(tag.name)
  const [confirm, setConfirm] = useState<{ passages: number; subTags: number } | null>(null)
  const inside = (t: TagView): boolean => t.path === tag.path || t.path.startsWith(`${tag.path}/`)
  const others = tags.filter((t) => !inside(t))
  const attempt = (label: string, change: Parameters<Perform>[1]): void => {
    perform(label, change).catch((err: unknown) => onError(messageOf(err)))
  }

  return (
    <section className="tag-details" aria-label={`Tag ${tag.path}`}>
      <h3>{tag.path}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim() && name !== tag.name)
            attempt('rename tag', call('updateTag', tag.id, { name }))
        }}
      >
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">Rename</button>
      </form>
      <div className="inline-form">
        <label>
          Colour{' '}
          <input
            type="color"
            value={tag.color}
            onChange={(e) =>
              attempt('recolour tag', call('updateTag', tag.id, { color: e.target.value }))
            }
          />
        </label>
        <label>
          Parent{' '}
          <select
            value={tag.parent ?? ''}
            onChange={(e) =>
              attempt('move tag', call('updateTag', tag.id, { parent: e.target.value || null }))
            }
          >
            <option value="">(top level)</option>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.path}
              </option>
            ))}
          </select>
        </label>
      </div>
      <NoteField
        key={tag.id}
        label="Description"
        rows={2}
        value={tag.description}
        onSave={(description) =>
          attempt('describe tag', call('updateTag', tag.id, { description }))
        }
      />
      <div className="inline-form">
        <label>
          Merge into{' '}
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) attempt('merge tags', call('mergeTags', tag.id, e.target.value))
            }}
          >
            <option value="">choose a tag…</option>
            {others.map((t) => (
              <option key={t.id} value={t.id}>
                {t.path}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="danger-outline"
          onClick={() =>
            void call('tagUsage', tag.id).then(setConfirm, (err: unknown) =>
              onError(messageOf(err))
            )
          }
        >
          Delete tag…
        </button>
      </div>
      {confirm && (
        <div className="confirm" role="alertdialog" aria-label="Delete tag">
          <span>
            Delete “{tag.path}”
            {confirm.subTags > 0
              ? ` and its ${confirm.subTags} sub-tag${confirm.subTags === 1 ? '' : 's'}`
              : ''}
            ? It is on {confirm.passages} passage
            {confirm.passages === 1 ? '' : 's'}; the passages stay, only the tag is removed from
            them. You can undo this.
          </span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirm(null)
              perform('delete tag', call('deleteTag', tag.id)).then(onDeleted, (err: unknown) =>
                onError(messageOf(err))
              )
            }}
          >
            Delete
          </button>
          <button type="button" onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </div>
      )}
    </section>
  )
}
