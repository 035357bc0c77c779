import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { describeDocument, formatCount } from '../format'
import { useDocumentList } from '../hooks/use-workspace'
import { PROVENANCE_FLAG_LABELS } from '../../../shared/reliability'
import { describeGrade, FlagChips, GradeBadge } from '../reliability/GradeBadge'
import { useDocumentGrades, useOrigins } from '../reliability/use-grades'
import { useCommands, useUi } from '../state/app-context'
import type { DocumentMeta } from '../../../shared/model'
import { groupByOrigin, SORT_LABELS, sortAndFilter, type SortKey } from './sort'
import { TrashButton } from './TrashDialog'
import { moveInList } from '../ui/list-keys'

/** The list of documents: filter, sort, open. Up/Down move between documents, Enter opens one. */
export function LibraryPane(): React.JSX.Element {
  const docs = useDocumentList()
  const grades = useDocumentGrades()
  const origins = useOrigins()
  const originOf = useMemo(
    () => new Map(origins.flatMap((o) => o.documents.map((d) => [d, o.id] as const))),
    [origins]
  )
  const originSources = useMemo(
    () => new Map(origins.map((o) => [o.id, o.sources.join('; ')])),
    [origins]
  )
  const commands = useCommands()
  const openId = useUi((s) => (s.panes.find((p) => p.key === s.activeKey) ?? s.panes[0])?.docId)
  const onOpen = (id: string): void => void commands.open(id)
  const onOpenBeside = (id: string): void => void commands.open(id, true)
  const wholePages = useUi((s) => s.wholePages)
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<SortKey>('imported')
  const shown = useMemo(() => sortAndFilter(docs, sort, filter), [docs, sort, filter])
  const sortId = useId()

  const row = (d: DocumentMeta): React.JSX.Element => {
    const g = grades.get(d.id)
    return (
      <li
        key={d.id}
        aria-label={`${d.title} — ${describeDocument(d)}${g && g.badge !== '–' ? ` · ${describeGrade(g.reliability, g.credibility)}` : ''}${g?.flags.length ? ` · flagged ${g.flags.map((f) => PROVENANCE_FLAG_LABELS[f]).join(', ')}` : ''}`}
        className={d.id === openId ? 'doc open' : 'doc'}
      >
        <button
          type="button"
          className="doc-open"
          aria-current={d.id === openId ? 'true' : undefined}
          onClick={() => onOpen(d.id)}
        >
          <span className="doc-title">
            {g && g.badge !== '–' && (
              <GradeBadge reliability={g.reliability} credibility={g.credibility} badge={g.badge} />
            )}
            {d.title}
          </span>
          <span className="doc-meta">{describeDocument(d)}</span>
          {g && <FlagChips flags={g.flags} />}
        </button>
        <button
          type="button"
          className="doc-beside"
          aria-label={`Open beside ${d.title}`}
          title="Open beside the current document"
          onClick={() => onOpenBeside(d.id)}
        >
          ⊞
        </button>
      </li>
    )
  }

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void =>
    void moveInList(e, 'button.doc-open')

  return (
    <nav className="library" aria-label="Library pane">
      <div className="library-tools">
        <input
          type="search"
          className="library-filter"
          placeholder="Filter by title, source, author…"
          aria-label="Filter library"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label htmlFor={sortId} className="sort-label">
          Sort by
        </label>
        <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
          {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
            <option key={k} value={k}>
              {SORT_LABELS[k]}
            </option>
          ))}
        </select>
        <label className="check whole-pages">
          <input
            type="checkbox"
            checked={wholePages}
            onChange={(e) => commands.setWholePages(e.target.checked)}
          />{' '}
          Keep whole web pages
        </label>
      </div>
      <p className="library-count" aria-live="polite">
        {filter && shown.length !== docs.length
          ? `${shown.length} of ${formatCount(docs.length, 'document')}`
          : formatCount(docs.length, 'document')}
        {docs.length > 0 && origins.length > 0 && ` · ${formatCount(origins.length, 'origin')}`}
      </p>
      <ul className="library-list" aria-label="Library" onKeyDown={onKeyDown}>
        {sort === 'origin'
          ? groupByOrigin(shown, originOf).map((g) =>
              g.docs.length === 1 ? (
                row(g.docs[0])
              ) : (
                <li key={`origin:${g.origin}`} className="origin-group">
                  <p className="origin-head" id={`origin-${g.origin}`}>
                    One origin · {formatCount(g.docs.length, 'document')}
                    {originSources.get(g.origin) ? ` · ${originSources.get(g.origin)}` : ''}
                  </p>
                  <ul aria-labelledby={`origin-${g.origin}`}>{g.docs.map(row)}</ul>
                </li>
              )
            )
          : shown.map(row)}
      </ul>
      {docs.length > 0 && shown.length === 0 && (
        <p className="hint">No document matches “{filter}”.</p>
      )}
      <TrashButton />
    </nav>
  )
}
