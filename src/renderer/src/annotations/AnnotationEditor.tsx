import { useEffect, useRef } from 'react'
import type { AnnotationPatch } from '../../../shared/api'
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type HighlightColor,
  type TagView
} from '../../../shared/model'
import { usePerform } from '../hooks/use-action'
import { useClient, useCommands, useServices, useUi } from '../state/app-context'
import { DangerButton } from '../ui/DangerButton'
import { NoteField } from '../ui/NoteField'
import { RadioGroup } from '../ui/RadioGroup'
import { TagInput } from './TagInput'

export const COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  orange: 'Orange'
}

export const COLOR_OPTIONS = HIGHLIGHT_COLORS.map((c) => ({
  value: c,
  label: COLOR_NAMES[c],
  className: `color-${c}`
}))

interface Props {
  annotation: Annotation
  tags: TagView[]
  canReattach: boolean
  onReattach: () => void
}

/**
 * Edits the selected highlight: colour, tags, note; deletes it (undoable) or re-attaches an orphan.
 * A highlight still being saved can be edited already: the changes wait for the save.
 */
export function AnnotationEditor({
  annotation: a,
  tags,
  canReattach,
  onReattach
}: Props): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const { ui } = useServices()
  const perform = usePerform()
  const tagsBox = useRef<HTMLInputElement>(null)
  const noteBox = useRef<HTMLTextAreaElement>(null)
  const focusRequest = useUi((s) => s.focusRequest)
  const identity = client.annotations.identity(a.id)
  useEffect(() => {
    if (!focusRequest) return
    if (focusRequest.id !== a.id && client.annotations.identity(focusRequest.id) !== identity)
      return
    const box = (focusRequest.field === 'tags' ? tagsBox : noteBox).current
    if (!box) return
    // Text selected since H (its report may still be on its way) keeps the focus and the selection.
    if (focusRequest.afterHighlight && commands.currentSelection()) return
    box.focus()
    // What was typed before the box was there goes into it, as if typed there.
    if (focusRequest.typed) document.execCommand('insertText', false, focusRequest.typed)
    ui.set({ focusRequest: null })
  }, [focusRequest, a.id, identity, client, ui, commands])

  /** The saved highlight's id, once it is saved (null if its save failed: that was said already). */
  const saved = (): Promise<string | null> => client.annotations.whenSaved(a.id).catch(() => null)
  const update = (label: string, patch: AnnotationPatch): void =>
    void saved().then((id) => {
      if (id) void perform(label, 'updateAnnotation', id, patch)
    })
  // Tags added in quick succession build on each other, not on the last saved list.
  const tagsRef = useRef(a.tags)
  useEffect(() => {
    tagsRef.current = a.tags
  }, [a.tags])
  const setTags = (label: string, next: string[]): void => {
    tagsRef.current = next
    update(label, { tags: next })
  }
  const back = (): void => commands.focusActiveReader()
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
      <RadioGroup
        legend="Colour"
        className="colors"
        appearance="inline"
        options={COLOR_OPTIONS}
        value={a.color}
        onChange={(color) => update('recolour highlight', { color })}
      />
      <TagInput
        tags={tags}
        applied={a.tags}
        inputRef={tagsBox}
        onEscape={back}
        onAdd={(id) => setTags('tag highlight', [...tagsRef.current, id])}
        onRemove={(id) =>
          setTags(
            'untag highlight',
            tagsRef.current.filter((t) => t !== id)
          )
        }
        onCreate={(path) =>
          void perform('create tag', 'createTag', { path }).then(
            (tag) => tag && setTags('tag highlight', [...tagsRef.current, tag.id])
          )
        }
      />
      <NoteField
        key={identity}
        label="Note"
        value={a.note}
        placeholder="Your note (Markdown allowed)"
        inputRef={noteBox}
        onKeyDown={(e) => e.key === 'Escape' && back()}
        onSave={(note) => update('edit note', { note })}
      />
      <div className="editor-actions">
        <button
          type="button"
          onClick={() =>
            void saved().then((id) => {
              if (id) void commands.copyMarkdown({ annotationIds: [id] })
            })
          }
        >
          Copy as Markdown
        </button>
        <DangerButton
          onClick={() =>
            void saved().then(async (id) => {
              if (!id) return
              const deleted = await perform('delete highlight', 'deleteAnnotation', id)
              if (deleted && ui.get().selectedId === id) commands.selectAnnotation(null)
            })
          }
        >
          Delete highlight
        </DangerButton>
      </div>
    </section>
  )
}
