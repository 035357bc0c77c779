import { useEffect, useRef } from 'react'
import type { AnnotationPatch, Change } from '../../../shared/api'
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type HighlightColor,
  type TagView
} from '../../../shared/model'
import { call } from '../api'
import { NoteField } from './NoteField'
import { TagInput } from './TagInput'

export type Perform = <T>(label: string, change: Promise<Change<T>>) => Promise<T>

interface Props {
  annotation: Annotation
  tags: TagView[]
  canReattach: boolean
  perform: Perform
  onReattach: () => void
  onDeleted: () => void
  onCopy: () => void
}

export const COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  orange: 'Orange'
}

/** Edits the selected highlight: colour, tags, note; deletes it (undoable) or re-attaches an orphan. */
export function AnnotationEditor({
  annotation: a,
  tags,
  canReattach,
  perform,
  onReattach,
  onDeleted,
  onCopy
}: Props): React.JSX.Element {
  const update = (label: string, patch: AnnotationPatch): void =>
    void perform(label, call('updateAnnotation', a.id, patch))
  // Tags added in quick succession build on each other, not on the last saved list.
  const tagsRef = useRef(a.tags)
  useEffect(() => {
    tagsRef.current = a.tags
  }, [a.tags])
  const setTags = (label: string, tags: string[]): void => {
    tagsRef.current = tags
    update(label, { tags })
  }
  return (
    <section className="editor" aria-label="Selected highlight">
      <blockquote className={`editor-quote color-${a.color}`}>{a.quote.exact}</blockquote>
      {a.status === 'orphaned' && (
        <p className="orphan-hint">
          This passage is no longer in the document as it was. Select the text it belongs to now,
          then choose Re-attach.
          <button type="button" disabled={!canReattach} onClick={onReattach}>
            Re-attach to selection
          </button>
        </p>
      )}
      <fieldset className="colors">
        <legend>Colour</legend>
        {HIGHLIGHT_COLORS.map((c) => (
          <label key={c} className={`color-choice color-${c}`}>
            <input
              type="radio"
              name={`color-${a.id}`}
              value={c}
              checked={a.color === c}
              onChange={() => update('recolour highlight', { color: c })}
            />
            <span>{COLOR_NAMES[c]}</span>
          </label>
        ))}
      </fieldset>
      <TagInput
        tags={tags}
        applied={a.tags}
        onAdd={(id) => setTags('tag highlight', [...tagsRef.current, id])}
        onRemove={(id) =>
          setTags(
            'untag highlight',
            tagsRef.current.filter((t) => t !== id)
          )
        }
        onCreate={(path) =>
          void perform('create tag', call('createTag', { path })).then((tag) =>
            setTags('tag highlight', [...tagsRef.current, tag.id])
          )
        }
      />
      <NoteField
        key={a.id}
        label="Note"
        value={a.note}
        placeholder="Your note (Markdown allowed)"
        onSave={(note) => update('edit note', { note })}
      />
      <div className="editor-actions">
        <button type="button" onClick={onCopy}>
          Copy as Markdown
        </button>
        <button
          type="button"
          className="danger-outline"
          onClick={() =>
            void perform('delete highlight', call('deleteAnnotation', a.id)).then(onDeleted)
          }
        >
          Delete highlight
        </button>
      </div>
    </section>
  )
}
