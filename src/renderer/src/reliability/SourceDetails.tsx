import { useId, useState } from 'react'
import {
  reliabilityLevel,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type Grade,
  type SourceKind,
  type SourcePatch,
  type SourceReliability,
  type SourceView
} from '../../../shared/reliability'
import { formatCount, formatDateTime } from '../format'
import { usePerform } from '../hooks/use-action'
import { useDocumentList } from '../hooks/use-workspace'
import { useCommands } from '../state/app-context'
import { NoteField } from '../ui/NoteField'
import { GradeBadge } from './GradeBadge'
import { SourceGradeForm } from './SourceGradeForm'
import { useDocumentGrades } from './use-grades'

/** Every grade of a source, current first, then the earlier ones newest first. */
function GradeHistory({ source }: { source: SourceView }): React.JSX.Element {
  const { current, history } = source.reliability
  const rows: { grade: Grade<SourceReliability>; current: boolean }[] = [
    ...(current ? [{ grade: current, current: true }] : []),
    ...[...history].reverse().map((grade) => ({ grade, current: false }))
  ]
  if (rows.length === 0)
    return <p className="hint">No grade yet: every grade given to this source will be kept here.</p>
  return (
    <table className="grade-table">
      <caption className="visually-hidden">Grade history of {source.name}</caption>
      <thead>
        <tr>
          <th scope="col">Grade</th>
          <th scope="col">Why</th>
          <th scope="col">By</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ grade: g, current: now }, i) => (
          <tr key={`${g.setAt}-${i}`} className={now ? 'current' : undefined}>
            <td>
              <span className="grade-value">{g.value}</span>{' '}
              <span className="grade-words">{reliabilityLevel(g.value).label}</span>
              {now && <span className="current-mark">current</span>}
            </td>
            <td>{g.rationale || <span className="muted">No rationale given</span>}</td>
            <td>{g.setBy}</td>
            <td>
              <time dateTime={g.setAt}>{formatDateTime(g.setAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A one-line field saved on Enter or on leaving it; Esc puts back what was saved. */
function SavedInput({
  label,
  value,
  placeholder,
  onSave
}: {
  label: string
  value: string
  placeholder?: string
  onSave: (text: string) => void
}): React.JSX.Element {
  const [text, setText] = useState(value)
  const [last, setLast] = useState(value)
  if (value !== last) {
    setLast(value)
    setText(value)
  }
  const commit = (): void => {
    if (text.trim() !== value.trim()) onSave(text)
  }
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          else if (e.key === 'Escape') setText(value)
        }}
      />
    </label>
  )
}

/** The chosen source: its grade and the way to change it, its history, its documents, its description. */
export function SourceDetails({ source }: { source: SourceView }): React.JSX.Element {
  const perform = usePerform()
  const commands = useCommands()
  const docs = useDocumentList()
  const grades = useDocumentGrades()
  const titles = new Map(docs.map((d) => [d.id, d.title]))
  const own = source.documents.filter((id) => titles.has(id))
  const current = source.reliability.current
  const ids = { grade: useId(), history: useId(), docs: useId(), about: useId() }
  const update = (what: string, patch: SourcePatch): void =>
    void perform(`change the ${what} of “${source.name}”`, 'updateSource', source.id, patch)

  return (
    <div className="source-page">
      <header className="source-head">
        <h2>{source.name}</h2>
        <span className="source-kind">{SOURCE_KIND_LABELS[source.kind]}</span>
      </header>
      <div className="source-columns">
        <section className="source-card source-grade" aria-labelledby={ids.grade}>
          <h3 id={ids.grade}>Reliability</h3>
          {current ? (
            <p className="source-current">
              <GradeBadge reliability={current.value} credibility={null} badge={current.value} />
              <strong>{reliabilityLevel(current.value).label}</strong>, by {current.setBy},{' '}
              {formatDateTime(current.setAt)}
              {current.rationale && <span className="source-rationale">{current.rationale}</span>}
            </p>
          ) : (
            <p className="source-current muted">
              Not graded. Its documents have no source reliability until it is.
            </p>
          )}
          <SourceGradeForm source={source} />
        </section>
        <section className="source-card source-history" aria-labelledby={ids.history}>
          <h3 id={ids.history}>Grade history</h3>
          <GradeHistory source={source} />
        </section>
        <section className="source-card source-documents" aria-labelledby={ids.docs}>
          <h3 id={ids.docs}>Documents ({own.length})</h3>
          {own.length === 0 ? (
            <p className="hint">No document in the library is from this source.</p>
          ) : (
            <ul className="source-docs" aria-label={`Documents from ${source.name}`}>
              {own.map((id) => {
                const g = grades.get(id)
                return (
                  <li key={id}>
                    <button
                      type="button"
                      title="Open in the Documents view"
                      onClick={() => void commands.open(id)}
                    >
                      <span className="source-doc-title">{titles.get(id)}</span>
                      {g && (
                        <GradeBadge
                          reliability={g.reliability}
                          credibility={g.credibility}
                          badge={g.badge}
                        />
                      )}
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
          {own.length > 0 && (
            <p className="hint">
              {formatCount(own.length, 'document')}; Enter opens one in the Documents view.
            </p>
          )}
        </section>
        <section className="source-card source-about" aria-labelledby={ids.about}>
          <h3 id={ids.about}>About this source</h3>
          <div className="source-about-fields">
            <div>
              <SavedInput
                label="Name"
                value={source.name}
                onSave={(name) => name.trim() && update('name', { name: name.trim() })}
              />
              <label className="field">
                <span>Kind</span>
                <select
                  value={source.kind}
                  onChange={(e) => update('kind', { kind: e.target.value as SourceKind })}
                >
                  {SOURCE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {SOURCE_KIND_LABELS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <SavedInput
                label="Other names (comma-separated)"
                value={source.aliases.join(', ')}
                placeholder="e.g. coastal.gov.nv, Coastal Ministry"
                onSave={(text) =>
                  update('other names', {
                    aliases: text
                      .split(',')
                      .map((a) => a.trim())
                      .filter(Boolean)
                  })
                }
              />
            </div>
            <NoteField
              label="Notes"
              rows={3}
              value={source.notes}
              placeholder="Who runs it, what it is known for, how it has done before"
              onSave={(notes) => update('notes', { notes })}
            />
          </div>
        </section>
      </div>
    </div>
  )
}
