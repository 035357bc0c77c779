import { useEffect, useState } from 'react'
import type { Annotation, TagView } from '../../../shared/model'
import { call } from '../api'
import { AnnotationEditor, type Perform } from './AnnotationEditor'
import { NoteField } from './NoteField'

interface Props {
  doc: { id: string; title: string } | null
  annotations: Annotation[]
  tags: TagView[]
  selectedId: string | null
  revision: number
  canReattach: boolean
  perform: Perform
  onSelect: (id: string | null, scroll: boolean) => void
  onReattach: (id: string) => void
  onCopy: (id: string) => void
}

const excerpt = (s: string, n = 140): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat
}

/** The annotations sidebar of the active document: its note, the selected highlight, and every highlight in reading order. */
export function Sidebar({
  doc,
  annotations,
  tags,
  selectedId,
  revision,
  canReattach,
  perform,
  onSelect,
  onReattach,
  onCopy
}: Props): React.JSX.Element {
  const [note, setNote] = useState<{ docId: string; text: string } | null>(null)
  useEffect(() => {
    if (!doc) return
    let live = true
    call('getDocumentNote', doc.id).then(
      (text) => live && setNote({ docId: doc.id, text }),
      () => live && setNote(null) // the document was just removed
    )
    return () => {
      live = false
    }
  }, [doc, revision])

  if (!doc) {
    return (
      <aside className="sidebar" aria-label="Annotations">
        <p className="hint">Open a document to see its highlights and notes here.</p>
      </aside>
    )
  }
  const paths = new Map(tags.map((t) => [t.id, t]))
  const selected = annotations.find((a) => a.id === selectedId)
  const anchored = annotations.filter((a) => a.status === 'anchored')
  const orphans = annotations.filter((a) => a.status === 'orphaned')
  const item = (a: Annotation): React.JSX.Element => (
    <li key={a.id} className={a.id === selectedId ? 'annotation-item selected' : 'annotation-item'}>
      <button
        type="button"
        onClick={() => onSelect(a.id, true)}
        aria-current={a.id === selectedId ? 'true' : undefined}
      >
        <span className={`quote-mark color-${a.color}`} aria-hidden="true" />
        <span className="annotation-quote">“{excerpt(a.quote.exact)}”</span>
        {a.tags.length > 0 && (
          <span className="annotation-tags">
            {a.tags.map((t) => `#${paths.get(t)?.path ?? '?'}`).join(' ')}
          </span>
        )}
        {a.note && <span className="annotation-note">{excerpt(a.note, 100)}</span>}
      </button>
    </li>
  )
  return (
    <aside className="sidebar" aria-label={`Annotations for ${doc.title}`}>
      <h2 className="sidebar-title">Annotations</h2>
      {note?.docId === doc.id && (
        <NoteField
          key={doc.id}
          label="Document note"
          rows={3}
          value={note.text}
          placeholder="What you make of this source: reliability, context…"
          onSave={(text) =>
            void perform('edit document note', call('setDocumentNote', doc.id, text))
          }
        />
      )}
      {selected ? (
        <AnnotationEditor
          key={selected.id}
          annotation={selected}
          tags={tags}
          canReattach={canReattach}
          perform={perform}
          onReattach={() => onReattach(selected.id)}
          onCopy={() => onCopy(selected.id)}
          onDeleted={() => onSelect(null, false)}
        />
      ) : (
        <p className="hint">
          Select text in the document and press H (or the Highlight button) to highlight it. Click a
          highlight to tag it and write a note.
        </p>
      )}
      <h3 className="sidebar-section">Highlights ({anchored.length})</h3>
      {anchored.length > 0 ? (
        <ol className="annotation-list" aria-label="Highlights">
          {anchored.map(item)}
        </ol>
      ) : (
        <p className="hint">No highlights yet.</p>
      )}
      {orphans.length > 0 && (
        <>
          <h3 className="sidebar-section">Orphaned ({orphans.length})</h3>
          <p className="hint">
            Their text is no longer in this version of the document. They are kept: select one, then
            re-attach it to new text.
          </p>
          <ol className="annotation-list orphans" aria-label="Orphaned highlights">
            {orphans.map(item)}
          </ol>
        </>
      )}
    </aside>
  )
}
