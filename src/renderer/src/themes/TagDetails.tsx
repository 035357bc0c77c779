import { useState } from 'react'
import type { TagView } from '../../../shared/model'
import { useAction, usePerform } from '../hooks/use-action'
import { useClient } from '../state/app-context'
import { ConfirmBar } from '../ui/ConfirmBar'
import { DangerButton } from '../ui/DangerButton'
import { NoteField } from '../ui/NoteField'

interface Props {
  tag: TagView
  tags: TagView[]
  onDeleted: () => void
}

/** Rename, move, merge, recolour, describe or delete one tag. Deleting says first how many passages it touches. */
export function TagDetails({ tag, tags, onDeleted }: Props): React.JSX.Element {
  const client = useClient()
  const perform = usePerform()
  const action = useAction()
  const [name, setName] = useState(tag.name)
  const [confirm, setConfirm] = useState<{ passages: number; subTags: number } | null>(null)
  const inside = (t: TagView): boolean => t.path === tag.path || t.path.startsWith(`${tag.path}/`)
  const others = tags.filter((t) => !inside(t))

  return (
    <section className="tag-details" aria-label={`Tag ${tag.path}`}>
      <h3>{tag.path}</h3>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim() && name !== tag.name)
            void perform('rename tag', 'updateTag', tag.id, { name })
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
              void perform('recolour tag', 'updateTag', tag.id, { color: e.target.value })
            }
          />
        </label>
        <label>
          Parent{' '}
          <select
            value={tag.parent ?? ''}
            onChange={(e) =>
              void perform('move tag', 'updateTag', tag.id, { parent: e.target.value || null })
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
        onSave={(description) => void perform('describe tag', 'updateTag', tag.id, { description })}
      />
      <div className="inline-form">
        <label>
          Merge into{' '}
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) void perform('merge tags', 'mergeTags', tag.id, e.target.value)
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
        <DangerButton
          onClick={() =>
            void action(() => client.call('tagUsage', tag.id)).then(
              (usage) => usage && setConfirm(usage)
            )
          }
        >
          Delete tag…
        </DangerButton>
      </div>
      {confirm && (
        <ConfirmBar
          label="Delete tag"
          onCancel={() => setConfirm(null)}
          actions={
            <DangerButton
              solid
              onClick={() => {
                setConfirm(null)
                void perform('delete tag', 'deleteTag', tag.id).then((done) => done && onDeleted())
              }}
            >
              Delete
            </DangerButton>
          }
        >
          Delete “{tag.path}”
          {confirm.subTags > 0
            ? ` and its ${confirm.subTags} sub-tag${confirm.subTags === 1 ? '' : 's'}`
            : ''}
          ? It is on {confirm.passages} passage
          {confirm.passages === 1 ? '' : 's'}; the passages stay, only the tag is removed from them.
          You can undo this.
        </ConfirmBar>
      )}
    </section>
  )
}
