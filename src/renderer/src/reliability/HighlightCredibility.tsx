import {
  CREDIBILITY_SCALE,
  type DocumentReliability,
  type InformationCredibility
} from '../../../shared/reliability'
import { formatCount } from '../format'
import { useFetch } from '../hooks/use-fetch'
import { useDocumentList } from '../hooks/use-workspace'
import { useClient, useCommands } from '../state/app-context'

/** The selected highlight's credibility: its own (1–6), or its document's (keys 1–6 and 0 too). */
export function HighlightCredibility({
  annotationId,
  reliability
}: {
  annotationId: string
  reliability: DocumentReliability
}): React.JSX.Element {
  const commands = useCommands()
  const own = reliability.highlightGrades[annotationId]?.credibility.current ?? null
  const doc = reliability.effective.credibility
  return (
    <label className="field highlight-credibility">
      Credibility <span className="field-hint">(keys 1–6, 0)</span>
      <select
        value={own ? String(own.value) : ''}
        onChange={(e) =>
          void commands.gradeSelected(
            e.target.value ? (Number(e.target.value) as InformationCredibility) : null
          )
        }
      >
        <option value="">As the document ({doc ?? 'not graded'})</option>
        {CREDIBILITY_SCALE.map((l) => (
          <option key={l.value} value={l.value}>
            {l.value} — {l.label}
          </option>
        ))}
      </select>
      {own?.rationale && <span className="field-hint">{own.rationale}</span>}
    </label>
  )
}

/**
 * Who else carries the selected highlight: the other documents with the same passage (aligned),
 * counted by independent origin; a copy of one origin repeats a claim, it does not confirm it.
 */
export function HighlightCorroboration({
  docId,
  annotationId,
  own
}: {
  docId: string
  annotationId: string
  /** The highlight's credibility as it is now, to say whether 1 would fit. */
  own: InformationCredibility | null
}): React.JSX.Element | null {
  const commands = useCommands()
  const client = useClient()
  const titles = new Map(useDocumentList().map((d) => [d.id, d.title]))
  const { data } = useFetch(
    `corroboration:${docId}`,
    ['grades', 'documents', `annotations:${docId}`],
    () => client.call('corroborationOf', docId)
  )
  const c = data?.[annotationId]
  if (!c) return null
  if (c.documents.length === 0)
    return <p className="field-hint corroboration">No other document carries this passage.</p>
  const independent = c.documents.filter((d) => !c.sameOrigin.includes(d))
  return (
    <div className="corroboration" aria-label="Corroboration">
      <p className="field-hint">
        Also in {formatCount(c.documents.length, 'document')}:{' '}
        {c.origins === 0
          ? 'all of its own origin (they repeat it, they do not confirm it)'
          : `${formatCount(c.origins, 'independent origin')}${c.sameOrigin.length ? `, and ${c.sameOrigin.length} of its own origin` : ''}`}
        .
        {c.suggestsConfirmed &&
          own !== 1 &&
          ' Two independent origins or more: credibility 1 may fit.'}
      </p>
      <ul>
        {[...independent, ...c.sameOrigin].map((id) => (
          <li key={id}>
            <button
              type="button"
              className="link-button"
              title="Open it beside, with the shared passages marked"
              onClick={() => commands.open(id, true)}
            >
              {titles.get(id) ?? id}
            </button>
            {c.sameOrigin.includes(id) && <span className="field-hint"> (same origin)</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
