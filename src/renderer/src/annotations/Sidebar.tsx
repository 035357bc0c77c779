import { AddToAnalysis } from '../analysis/AddToAnalysis'
import { memo, useMemo, useState } from 'react'
import type { Annotation } from '../../../shared/model'
import { useAnnotationList } from '../hooks/use-annotation-list'
import { usePerform } from '../hooks/use-action'
import { useFetch } from '../hooks/use-fetch'
import { useDocumentList, useTags } from '../hooks/use-workspace'
import { useClient, useCommands, useUi } from '../state/app-context'
import { NoteField } from '../ui/NoteField'
import type { EffectiveGrade } from '../../../shared/reliability'
import { GradeBadge, GradeBadgeButton } from '../reliability/GradeBadge'
import { HighlightCorroboration, HighlightCredibility } from '../reliability/HighlightCredibility'
import { useDocumentReliability } from '../reliability/use-grades'
import { AnnotationEditor } from './AnnotationEditor'

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
  grade,
  selected,
  onSelect
}: {
  a: Annotation
  tagText: string
  /** The highlight's own credibility grade, when it has one (else it takes its document's). */
  grade: EffectiveGrade | undefined
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
        {grade && (
          <GradeBadge
            reliability={grade.reliability}
            credibility={grade.credibility}
            badge={grade.badge}
          />
        )}
        <span className="annotation-quote">“{excerpt(a.quote.exact)}”</span>
        {tagText && <span className="annotation-tags">{tagText}</span>}
        {a.note && <span className="annotation-note">{excerpt(a.note, 100)}</span>}
      </button>
    </li>
  )
})

/** The active document's note, the selected highlight, and every highlight in reading order. */
export function Sidebar(): React.JSX.Element {
  const docId = useUi(
    (s) => (s.panes.find((p) => p.key === s.activeKey) ?? s.panes[0])?.docId ?? null
  )
  const doc = useDocumentList().find((d) => d.id === docId) ?? null
  if (!doc)
    return (
      <aside className="sidebar" aria-label="Annotations">
        <h2 className="sidebar-title">Annotations</h2>
        <p className="hint">Open a document to see its highlights and notes here.</p>
      </aside>
    )
  return <DocumentAnnotations key={doc.id} docId={doc.id} title={doc.title} />
}

function DocumentAnnotations({
  docId,
  title
}: {
  docId: string
  title: string
}): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const perform = usePerform()
  const tags = useTags()
  const { list, pending } = useAnnotationList(docId)
  const selectedId = useUi((s) => s.selectedId)
  const selection = useUi((s) => s.selection)
  const activeKey = useUi((s) => s.activeKey)
  const note = useFetch(`note:${docId}`, [`note:${docId}`], () =>
    client.call('getDocumentNote', docId)
  )
  const reliability = useDocumentReliability(docId)
  const [count, setCount] = useState(PAGE)
  const [selectItem] = useState(() => (id: string) => commands.selectAnnotation(id, true))

  const paths = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags])
  const selected =
    [...pending, ...list].find((a) => a.id === selectedId) ??
    list.find((a) => selectedId !== null && client.annotations.identity(a.id) === selectedId)
  const anchored = useMemo(() => list.filter((a) => a.status === 'anchored'), [list])
  const orphans = useMemo(() => list.filter((a) => a.status === 'orphaned'), [list])
  const item = (a: Annotation): React.JSX.Element => (
    <AnnotationItem
      key={a.id}
      a={a}
      tagText={a.tags.map((t) => `#${paths.get(t)?.path ?? '?'}`).join(' ')}
      grade={
        reliability?.highlightGrades[a.id]?.credibility.current
          ? reliability.highlights[a.id]
          : undefined
      }
      selected={a.id === selectedId}
      onSelect={selectItem}
    />
  )
  // A long document's list is shown a page at a time: thousands of items would slow every change.
  const more = anchored.length - count
  const canReattach = Boolean(selection && selection.paneKey === activeKey)
  return (
    <aside className="sidebar" aria-label={`Annotations for ${title}`}>
      <h2 className="sidebar-title">Annotations</h2>
      <p className="sidebar-doc" title={title}>
        <span className="visually-hidden">Document: </span>
        {title}
      </p>
      {reliability && (
        <div className="sidebar-grade">
          <GradeBadgeButton
            reliability={reliability.effective.reliability}
            credibility={reliability.effective.credibility}
            badge={reliability.effective.badge}
          />{' '}
          {reliability.source?.name ?? 'No source'}{' '}
          <button
            type="button"
            className="link-button"
            title="Source and grades (G)"
            onClick={() => commands.openGrades(docId)}
          >
            {reliability.effective.ungraded ? 'Grade…' : 'Change…'}
          </button>
        </div>
      )}
      {note.data !== undefined && (
        <NoteField
          label="Document note"
          rows={3}
          value={note.data}
          placeholder="What you make of this source: reliability, context…"
          onSave={(text) => void perform('edit document note', 'setDocumentNote', docId, text)}
        />
      )}
      {selected ? (
        <AnnotationEditor
          key={client.annotations.identity(selected.id)}
          annotation={selected}
          tags={tags}
          canReattach={canReattach}
          onReattach={() => {
            if (!selection) return
            void perform(
              're-attach highlight',
              'reattachAnnotation',
              selected.id,
              selection.start,
              selection.end
            ).then((done) => {
              if (!done) return
              document.getSelection()?.removeAllRanges()
              commands.setSelection(selection.paneKey, null)
            })
          }}
        />
      ) : null}
      {selected &&
        reliability &&
        selected.status === 'anchored' &&
        !client.annotations.isPending(selected.id) && (
          <>
            <HighlightCredibility annotationId={selected.id} reliability={reliability} />
            <AddToAnalysis annotationId={selected.id} />
            <HighlightCorroboration
              docId={selected.docId}
              annotationId={selected.id}
              own={reliability.highlightGrades[selected.id]?.credibility.current?.value ?? null}
            />
          </>
        )}
      {selected ? null : (
        <p className="hint">
          Select text in the document (or move the caret with Shift and the arrow keys) and press H
          to highlight it. Click a highlight, or press ] for the next one, to tag it and write a
          note.
        </p>
      )}
      <h3 className="sidebar-section">Highlights ({anchored.length})</h3>
      {anchored.length > 0 ? (
        <>
          <ol className="annotation-list" aria-label="Highlights">
            {anchored.slice(0, count).map(item)}
          </ol>
          {more > 0 && (
            <button type="button" className="show-more" onClick={() => setCount(count + PAGE)}>
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
