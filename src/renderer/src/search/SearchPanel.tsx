import { AddToAnalysis } from '../analysis/AddToAnalysis'
import { useEffect, useMemo, useState } from 'react'
import { GradeBadge } from '../reliability/GradeBadge'
import { useDocumentGrades } from '../reliability/use-grades'
import type { HitLocation, SearchFilters, SearchHit } from '../../../shared/model'
import { formatCount } from '../format'
import { useFetch } from '../hooks/use-fetch'
import { useDocumentList, useTags } from '../hooks/use-workspace'
import { SEARCH_BOX_ID } from '../shell/use-shortcuts'
import { useClient, useCommands, useUi } from '../state/app-context'

/** ↑/↓ (Home, End) move between hits, Enter opens one, Esc goes back to the search box. */
function onResultsKey(e: React.KeyboardEvent<HTMLElement>): void {
  const hits = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('.hit'))
  const at = hits.indexOf(document.activeElement as HTMLElement)
  const go = (i: number): void => hits[Math.max(0, Math.min(hits.length - 1, i))]?.focus()
  if (e.key === 'ArrowDown') go(at + 1)
  else if (e.key === 'ArrowUp') {
    if (at <= 0) document.getElementById(SEARCH_BOX_ID)?.focus()
    else go(at - 1)
  } else if (e.key === 'Home') go(0)
  else if (e.key === 'End') go(hits.length - 1)
  else if (e.key === 'Escape') document.getElementById(SEARCH_BOX_ID)?.focus()
  else return
  e.preventDefault()
  e.stopPropagation()
}

/** A snippet with its matching words marked — React text nodes and <mark>, never HTML from the document. */
function Snippet({ hit }: { hit: SearchHit }): React.JSX.Element {
  const parts: React.ReactNode[] = []
  let at = 0
  hit.marks.forEach(([s, e], i) => {
    if (s > at) parts.push(hit.snippet.slice(at, s))
    parts.push(<mark key={i}>{hit.snippet.slice(s, e)}</mark>)
    at = e
  })
  parts.push(hit.snippet.slice(at))
  return <span className="snippet">{parts}</span>
}

/** Where a hit is in its document: "§ Who is behind it · page 2". */
function Location({ location }: { location: HitLocation }): React.JSX.Element {
  const parts = [
    location.heading && `§ ${location.heading}`,
    location.page !== undefined && `page ${location.page}`
  ].filter(Boolean)
  return <span className="hit-location">{parts.join(' · ')}</span>
}

/** Results as you type, grouped by document, with filters for tag, document and date range. */
export function SearchPanel({ query }: { query: string }): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const docs = useDocumentList()
  const tags = useTags()
  const grades = useDocumentGrades()
  const filters = useUi((s) => s.searchFilters)
  const anyFilter = Object.values(filters).some(Boolean)
  const blank = query.trim() === '' && !anyFilter
  // Typing waits a moment before asking (each keystroke would otherwise be a search).
  const [asked, setAsked] = useState({ query, filters })
  useEffect(() => {
    const timer = window.setTimeout(() => setAsked({ query, filters }), 120)
    return () => window.clearTimeout(timer)
  }, [query, filters])
  const request = JSON.stringify(asked)
  // What was asked lags what is typed: a blank request is never sent (it would say "No matches."
  // for a moment after the first key).
  const askedBlank = asked.query.trim() === '' && !Object.values(asked.filters).some(Boolean)
  // Results follow every change to annotations, notes, tags and the library.
  const result = useFetch(askedBlank ? null : `search:${request}`, ['search', 'documents'], () => {
    const options = { ...asked.filters, limit: 200, typeahead: true }
    for (const k of Object.keys(options) as (keyof typeof options)[])
      if (options[k] === '' || options[k] === undefined) delete options[k]
    return client.call('search', asked.query, options)
  })
  const onOpen = (hit: SearchHit): void => void commands.openHit(hit, asked.query)

  // The last results stay while the next ones are on their way.
  const [shown, setShown] = useState(result.data)
  if (result.data && result.data !== shown && !askedBlank) setShown(result.data)
  // Cleared, the old results go: the next query starts from nothing, not from them.
  if (askedBlank && shown) setShown(undefined)
  const response = shown ?? null
  const groups = useMemo(() => {
    // Memo hits (docId '') come first, as a group of their own.
    const map = new Map<string, SearchHit[]>()
    for (const h of response?.hits ?? []) map.set(h.docId, [...(map.get(h.docId) ?? []), h])
    return [...map.entries()]
  }, [response])
  const documentCount = groups.filter(([docId]) => docId !== '').length
  const set = (k: keyof SearchFilters, v: string): void =>
    commands.setSearchFilters({ ...filters, [k]: v || undefined })

  return (
    <section className="search-panel" aria-label="Search">
      <div className="search-panel-head">
        <h2 className="search-panel-title">Search</h2>
        <button type="button" className="link-button" onClick={commands.closeSearch}>
          Back to the library
        </button>
      </div>
      <div className="search-filters">
        <label>
          Tag
          <select
            aria-label="Filter by tag"
            value={filters.tagId ?? ''}
            onChange={(e) => set('tagId', e.target.value)}
          >
            <option value="">any</option>
            {tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.path}
              </option>
            ))}
          </select>
        </label>
        <label>
          Document
          <select
            aria-label="Filter by document"
            value={filters.docId ?? ''}
            onChange={(e) => set('docId', e.target.value)}
          >
            <option value="">any</option>
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          From{' '}
          <input
            type="date"
            aria-label="Published from"
            value={filters.after ?? ''}
            onChange={(e) => set('after', e.target.value)}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            aria-label="Published until"
            value={filters.before ?? ''}
            onChange={(e) => set('before', e.target.value)}
          />
        </label>
      </div>
      {result.error && (
        <p className="error" role="alert">
          {result.error}
        </p>
      )}
      {response?.warnings.map((w) => (
        <p key={w} className="search-warning" role="status">
          {w}
        </p>
      ))}
      {blank && (
        <p className="hint">
          Type words to search, or choose a tag, a document or dates to list what they select.
        </p>
      )}
      {response && !blank && (
        <p className="library-count" aria-live="polite">
          {response.total === 0
            ? 'No matches.'
            : `${response.totalIsLowerBound ? 'More than ' : ''}${formatCount(response.total, 'match', 'matches')} in ${response.totalIsLowerBound ? 'at least ' : ''}${formatCount(documentCount, 'document')}${groups.length > documentCount ? ' and the memos' : ''}${response.total > response.hits.length ? ` (first ${response.hits.length} shown)` : ''}`}
        </p>
      )}
      <ul className="search-results" aria-label="Search results" onKeyDown={onResultsKey}>
        {(blank ? [] : groups).map(([docId, hits]) => (
          <li
            key={docId}
            className="search-group"
            aria-label={`${docId ? hits[0].title : 'Memos'}: ${formatCount(hits.length, 'hit')}`}
          >
            <p className="search-doc">
              {grades.get(docId) && grades.get(docId)?.badge !== '–' && (
                <GradeBadge
                  reliability={grades.get(docId)?.reliability ?? null}
                  credibility={grades.get(docId)?.credibility ?? null}
                  badge={grades.get(docId)?.badge ?? ''}
                />
              )}
              <span className="doc-title">{docId ? hits[0].title : 'Memos'}</span>{' '}
              <span className="hit-count">{formatCount(hits.length, 'hit')}</span>
            </p>
            <ol>
              {hits.map((h) => (
                <li key={`${h.kind}${h.start}-${h.end}-${h.annotationId ?? ''}${h.memoId ?? ''}`}>
                  <button type="button" className="hit" onClick={() => onOpen(h)}>
                    {h.kind === 'note' && <span className="hit-kind">Note: </span>}
                    {h.kind === 'memo' && <span className="hit-kind">{h.title}: </span>}
                    <Snippet hit={h} />
                    {h.location && <Location location={h.location} />}
                  </button>
                  {h.annotationId && <AddToAnalysis annotationId={h.annotationId} />}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  )
}
