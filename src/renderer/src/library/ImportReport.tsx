import { useEffect, useRef } from 'react'
import type { ImportOutcome } from '../../../shared/model'
import { formatCount } from '../format'
import type { ImportProgress } from './use-import'

export function ImportProgressBar({ progress }: { progress: ImportProgress }): React.JSX.Element {
  return (
    <div className="import-progress" role="status">
      <progress aria-label="Import progress" max={progress.total} value={progress.done} />
      <span>
        Importing {progress.done + 1} of {progress.total}: {progress.current}
      </span>
    </div>
  )
}

interface Props {
  outcomes: ImportOutcome[]
  onOpen: (id: string) => void
  onClose: () => void
}

/** Imported documents listed by name (the rest counted): a big folder's report stays short. */
const SHOWN = 50

/** What happened to every file of the last import: imported, already there, or failed and why. */
export function ImportReport({ outcomes, onOpen, onClose }: Props): React.JSX.Element {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => ref.current?.focus(), [outcomes])
  // Those read with a note (a guessed encoding, a whole page) first: they are the ones to check.
  const imported = outcomes
    .filter((o) => o.status === 'imported')
    .sort((a, b) => Number(Boolean(b.warnings?.length)) - Number(Boolean(a.warnings?.length)))
  const duplicates = outcomes.filter((o) => o.status === 'duplicate')
  const failed = outcomes.filter((o) => o.status === 'failed')
  const summary =
    outcomes.length === 0
      ? 'No documents to import: choose .txt, .md, .html, .pdf or .docx files.'
      : `${formatCount(imported.length, 'document')} imported, ${duplicates.length} already in the library, ${failed.length} failed.`
  return (
    <section
      className={failed.length ? 'import-report has-failures' : 'import-report'}
      aria-label="Import results"
      tabIndex={-1}
      ref={ref}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div className="import-report-head">
        <strong>{summary}</strong>
        <button type="button" onClick={onClose} aria-label="Dismiss import results">
          Dismiss
        </button>
      </div>
      {outcomes.length > 0 && (
        <ul className="outcomes">
          {failed.map((o, i) =>
            o.status === 'failed' ? (
              <li key={`f${i}`} className="outcome failed">
                <span className="outcome-status">Failed</span>{' '}
                <span className="outcome-name">{o.name}</span>: {o.error}
              </li>
            ) : null
          )}
          {imported.slice(0, SHOWN).map((o, i) =>
            o.status === 'imported' ? (
              <li key={`i${i}`} className="outcome imported">
                <span className="outcome-status">Imported</span>{' '}
                <span className="outcome-name">{o.name}</span> as “
                <button type="button" className="link" onClick={() => onOpen(o.document.id)}>
                  {o.document.title}
                </button>
                ”
                {o.warnings?.map((w) => (
                  <span key={w} className="outcome-note">
                    {w}
                  </span>
                ))}
              </li>
            ) : null
          )}
          {imported.length > SHOWN && (
            <li className="outcome imported">
              and {formatCount(imported.length - SHOWN, 'more document')} imported
            </li>
          )}
          {duplicates.map((o, i) =>
            o.status === 'duplicate' ? (
              <li key={`d${i}`} className="outcome duplicate">
                <span className="outcome-status">Already imported</span>{' '}
                <span className="outcome-name">{o.name}</span> is “
                <button type="button" className="link" onClick={() => onOpen(o.id)}>
                  {o.title}
                </button>
                ”
              </li>
            ) : null
          )}
        </ul>
      )}
    </section>
  )
}
