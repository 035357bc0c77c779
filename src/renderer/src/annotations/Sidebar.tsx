import { memo, useEffect, useRef, useState } from 'react'
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

/** How many highlights the list shows at first, and adds with each "Show more". */
const PAGE = 200

/** One highlight in the list; re-rendered only when its annotation, tags or selection change. */
const AnnotationItem = memo(function AnnotationItem({
  a,
  tagText,
  selected,
  onSelect
}: {
  a: Annotation
  tagText: string
  selected: boolean
  onSelect: (id: string) => void
}): React.JSX.Element {
  return (
    <li className={selected ? 'annotation-item selected' : 'annotation-item'}>
      <button
        type="button"
        onClick={() => onSelect(a.id)}
        aria-current={selected ? 'true' : undefined}
      >
        <span className={`quote-mark color-${a.color}`} aria-hidden="true" />
        <span className="annotation-quote">“{excerpt(a.quote.exact)}”</span>
        {tagText && <span className="annotation-tags">{tagText}</span>}
        {a.note && <span className="annotation-note">{excerpt(a.note, 100)}</span>}
      </button>
    </li>
  )
})

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
  const [shown, setShown] = useState({ docId: '', count: PAGE })
  // A stable callback for the memoized items, always calling the latest onSelect.
  const onSelectRef = useRef(onSelect)
  useEffect(() => {
    onSelectRef.current = onSelect
  })
  const [selectItem] = useState(() => (id: string) => onSelectRef.current(id, true))
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
    <AnnotationItem
      key={a.id}
      a={a}
      tagText={a.tags.map((t) => `#${paths.get(t)?.path ?? '?'}`).join(' ')}
      selected={a.id === selectedId}
      onSelect={selectItem}
    />
  )
  // A long document's list is shown a page at a time: thousands of items would slow every change.
  const count = shown.docId === doc.id ? shown.count : PAGE
  const more = anchored.length - count
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
        <>
          <ol className="annotation-list" aria-label="Highlights">
            {anchored.slice(0, count).map(item)}
          </ol>
          {more > 0 && (
            <button
              type="button"
              className="show-more"
              onClick={() => setShown({ docId: doc.id, count: count + PAGE })}
            >
              Show {Math.min(PAGE, more)} more of {more.toLocaleString('en-US')} not shown
            </button>
          )}
        </>
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
