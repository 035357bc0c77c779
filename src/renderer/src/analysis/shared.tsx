import { useState } from 'react'
import type { AnalysisFilter, AnalysisPassage } from '../../../shared/analysis'
import { gradeFilterQuery, type GradeFilter } from '../../../shared/grade-filters'
import { saveText } from '../export/save'
import { useAction } from '../hooks/use-action'
import { useCommands } from '../state/app-context'
import { GradeFilterControl } from '../themes/GradeFilterControl'

/** What every analysis view reads again after a change: passages, grades, tags, documents, analyses. */
export const ANALYSIS_RESOURCES = ['passages', 'grades', 'tags', 'documents', 'analyses'] as const

/** The grade filter and date range of a view, as the API takes them. */
export function useAnalysisFilter(): {
  filter: AnalysisFilter
  key: string
  control: React.JSX.Element
} {
  const [grade, setGrade] = useState<GradeFilter | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const filter: AnalysisFilter = {
    ...(grade ? { grades: gradeFilterQuery(grade) } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {})
  }
  const control = (
    <div className="analysis-filter">
      <GradeFilterControl value={grade} onChange={setGrade} />
      <label>
        Dated from <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        to <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
    </div>
  )
  return { filter, key: JSON.stringify(filter), control }
}

/** Buttons that save a table as CSV and Markdown. */
export function TableExport({
  name,
  fetch
}: {
  name: string
  fetch: (format: 'csv' | 'markdown') => Promise<string>
}): React.JSX.Element {
  const action = useAction()
  const save = (format: 'csv' | 'markdown'): void =>
    void action(async () => {
      const text = await fetch(format)
      const ext = format === 'csv' ? 'csv' : 'md'
      saveText(`${name}.${ext}`, text, format === 'csv' ? 'text/csv' : 'text/markdown')
    }, `Could not export the ${name}`)
  return (
    <div className="table-export">
      <button type="button" onClick={() => save('csv')}>
        Export CSV
      </button>
      <button type="button" onClick={() => save('markdown')}>
        Export Markdown
      </button>
    </div>
  )
}

/** Passages of a cell: quote, document, grade and note; each opens its passage in the reader. */
export function PassageList({
  label,
  passages
}: {
  label: string
  passages: readonly AnalysisPassage[]
}): React.JSX.Element {
  const commands = useCommands()
  return (
    <ol className="passage-list" aria-label={label}>
      {passages.map((p) => (
        <li key={p.annotationId} className="passage">
          <button
            type="button"
            className="passage-open"
            onClick={() => commands.openPassage({ id: p.annotationId, docId: p.docId })}
          >
            <span className="visually-hidden">Open </span>
            <span className="passage-quote">{p.quote}</span>
          </button>
          <div className="passage-meta">
            <span className="grade-badge" title="Source reliability and information credibility">
              {p.badge}
            </span>
            <p className="passage-source">
              {p.docTitle}
              {p.orphaned ? ' (orphaned)' : ''}
            </p>
          </div>
          {p.note && <p className="passage-note">{p.note}</p>}
        </li>
      ))}
    </ol>
  )
}

/** A cell's shade, 0 (none) to 5 (the most in the table), for the heat maps. */
export const heat = (count: number, max: number): number =>
  count <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((count / max) * 5))
