import {
  CREDIBILITY_SCALE,
  type DocumentReliability,
  type InformationCredibility
} from '../../../shared/reliability'
import { useCommands } from '../state/app-context'

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
