import { useEffect, useRef, useState } from 'react'
import type { Memo } from '../../../shared/model'
import { usePerform } from '../hooks/use-action'
import { useFetch } from '../hooks/use-fetch'
import { useDocumentList, useTags } from '../hooks/use-workspace'
import { useClient, useUi } from '../state/app-context'
import { DangerButton } from '../ui/DangerButton'
import { NoteField } from '../ui/NoteField'

const NO_MEMOS: Memo[] = []

/** Free-standing memos: a title and text, linked to documents and tags where they are about them. */
export function MemosView(): React.JSX.Element {
  const client = useClient()
  const perform = usePerform()
  const docs = useDocumentList()
  const tags = useTags()
  const memos =
    useFetch('memos', ['memos'], () => client.call('listMemos'), { report: true }).data ?? NO_MEMOS
  const request = useUi((s) => s.memoRequest)
  const [selectedId, setSelectedId] = useState<string | null>(request?.id ?? null)
  // A memo hit opened from the search results (each request once, as it comes).
  const [handled, setHandled] = useState(request)
  if (request !== handled) {
    setHandled(request)
    if (request) setSelectedId(request.id)
  }
  const memo = memos.find((m) => m.id === selectedId)
  // Edits build on the latest local version, not on the last one fetched: a save still on its way
  // (the text, say) must not be overwritten by the next one (a link).
  const draft = useRef<Memo | null>(null)
  const saving = useRef(0)
  useEffect(() => {
    // Take the stored version (after a save, an undo…) unless a save of ours is still on its way.
    if (saving.current === 0) draft.current = memo ?? null
  }, [memo])
  const save = (label: string, change: Partial<Memo>): void => {
    const base = draft.current?.id === memo?.id ? draft.current : memo
    if (!base) return
    const next = { ...base, ...change }
    draft.current = next
    saving.current++
    void perform(label, 'updateMemo', next.id, {
      title: next.title,
      text: next.text,
      docIds: next.docIds,
      tagIds: next.tagIds
    }).finally(() => saving.current--)
  }
  const toggle = (list: string[], id: string): string[] =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id]

  return (
    <div className="memos">
      <section className="memo-list" aria-label="Memos">
        <h2>Memos</h2>
        <button
          type="button"
          onClick={() =>
            void perform('create memo', 'createMemo', {
              title: `Memo ${memos.length + 1}`,
              text: ''
            }).then((m) => m && setSelectedId(m.id))
          }
        >
          New memo
        </button>
        <ul>
          {memos.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                aria-current={m.id === selectedId ? 'true' : undefined}
                onClick={() => setSelectedId(m.id)}
              >
                {m.title}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="memo-editor" aria-label="Memo">
        {memo ? (
          <div key={memo.id}>
            <label className="field">
              Title
              <input
                defaultValue={memo.title}
                onBlur={(e) =>
                  e.target.value.trim() &&
                  e.target.value !== memo.title &&
                  save('rename memo', { title: e.target.value })
                }
              />
            </label>
            <NoteField
              label="Memo text"
              rows={10}
              value={memo.text}
              onSave={(text) => save('edit memo', { text })}
            />
            <fieldset>
              <legend>About these documents</legend>
              {docs.map((d) => (
                <label key={d.id} className="check">
                  <input
                    type="checkbox"
                    checked={memo.docIds.includes(d.id)}
                    onChange={() =>
                      save('link memo', { docIds: toggle((draft.current ?? memo).docIds, d.id) })
                    }
                  />{' '}
                  {d.title}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>About these themes</legend>
              {tags.map((t) => (
                <label key={t.id} className="check">
                  <input
                    type="checkbox"
                    checked={memo.tagIds.includes(t.id)}
                    onChange={() =>
                      save('link memo', { tagIds: toggle((draft.current ?? memo).tagIds, t.id) })
                    }
                  />{' '}
                  {t.path}
                </label>
              ))}
            </fieldset>
            <DangerButton
              onClick={() =>
                void perform('delete memo', 'deleteMemo', memo.id).then(
                  (done) => done && setSelectedId(null)
                )
              }
            >
              Delete memo
            </DangerButton>
          </div>
        ) : (
          <p className="hint">
            Memos hold your thinking across sources: a hypothesis, an open question, a draft
            paragraph. Create one, then link it to the documents and themes it is about.
          </p>
        )}
      </section>
    </div>
  )
}
