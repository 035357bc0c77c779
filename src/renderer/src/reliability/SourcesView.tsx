import { useState, type KeyboardEvent } from 'react'
import { SOURCE_KIND_LABELS, type SourceView } from '../../../shared/reliability'
import { formatCount } from '../format'
import { GradeBadge } from './GradeBadge'
import { SourceDetails } from './SourceDetails'
import { useSourceList } from './use-grades'
import { moveInList } from '../ui/list-keys'

/** The one-letter badge of a source: its reliability (A–F), `–` while ungraded. */
export function SourceBadge({ source }: { source: SourceView }): React.JSX.Element {
  const value = source.reliability.current?.value ?? null
  return <GradeBadge reliability={value} credibility={null} badge={value ?? '–'} />
}

const matches = (s: SourceView, words: string): boolean => {
  const q = words.trim().toLowerCase()
  return !q || [s.name, ...s.aliases].some((n) => n.toLowerCase().includes(q))
}

/**
 * Every source (outlet, agency, author) with its reliability and how many documents it has; the
 * chosen one shows its documents, its grade and every earlier grade, its other names and notes.
 * Up/Down (Home/End) move through the list.
 */
export function SourcesView(): React.JSX.Element {
  const sources = useSourceList()
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [filter, setFilter] = useState('')
  const shown = (sources ?? []).filter((s) => matches(s, filter))
  const selected = sources?.find((s) => s.id === selectedId) ?? null

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => void moveInList(e, 'button')

  return (
    <div className="sources">
      <section className="source-list" aria-label="Sources">
        <h2>Sources</h2>
        {sources && sources.length > 0 && (
          <input
            type="search"
            className="source-filter"
            aria-label="Filter sources"
            placeholder="Filter by name or other name"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        )}
        {sources === null ? (
          <p className="hint">Loading sources…</p>
        ) : sources.length === 0 ? (
          <p className="hint">
            No sources yet. Each document you import is given one — from its site or publisher name,
            or a “Source:” line — and you can choose another with <kbd>G</kbd> in the reader.
          </p>
        ) : shown.length === 0 ? (
          <p className="hint">No source is named “{filter.trim()}”.</p>
        ) : (
          <ul aria-label="Source list" onKeyDown={onKeyDown}>
            {shown.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={s.id === selectedId ? 'true' : undefined}
                  onClick={() => setSelectedId(s.id)}
                >
                  {/* Read name first, shown badge first (styles/reliability.css). */}
                  <span className="source-row">
                    <span className="source-name">{s.name}</span>
                    <span className="source-meta">
                      {SOURCE_KIND_LABELS[s.kind]} · {formatCount(s.documents.length, 'document')}
                    </span>
                  </span>
                  <SourceBadge source={s} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        className="source-details"
        aria-label={selected ? `Source ${selected.name}` : 'Source'}
      >
        {selected ? (
          <SourceDetails key={selected.id} source={selected} />
        ) : (
          <p className="hint">
            {sources?.length
              ? 'Choose a source to see its documents, its reliability and every earlier grade, and to grade it.'
              : 'Sources and their reliability grades will be listed here.'}
          </p>
        )}
      </section>
    </div>
  )
}
