import { useId, useState } from 'react'
import {
  RELIABILITY_SCALE,
  isSourceReliability,
  reliabilityLevel,
  type SourceView
} from '../../../shared/reliability'
import { usePerform } from '../hooks/use-action'
import { useFeedback } from '../state/app-context'

/**
 * Grades a source A–F (or clears its grade) with a rationale. The grade it replaces goes into the
 * history; Ctrl+Z undoes it, as every grading.
 */
export function SourceGradeForm({ source }: { source: SourceView }): React.JSX.Element {
  const perform = usePerform()
  const feedback = useFeedback()
  const now = source.reliability.current?.value ?? ''
  const [value, setValue] = useState<string>(now)
  const [why, setWhy] = useState('')
  const [busy, setBusy] = useState(false)
  const meaningId = useId()
  // After an undo or a grade set elsewhere, the control shows the grade as it is.
  const [last, setLast] = useState(now)
  if (now !== last) {
    setLast(now)
    setValue(now)
  }
  const level = isSourceReliability(value) ? reliabilityLevel(value) : null
  const unchanged = value === now && !why.trim()

  return (
    <form
      className="source-grade-form"
      aria-label={`Grade ${source.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (unchanged || busy) return
        const grade = isSourceReliability(value) ? value : null
        setBusy(true)
        void perform(
          grade ? `grade “${source.name}” ${grade}` : `clear the grade of “${source.name}”`,
          'gradeSource',
          source.id,
          grade,
          why.trim()
        )
          .then((done) => {
            if (!done) return
            setWhy('')
            feedback.info(
              grade
                ? `${source.name} graded ${grade}: ${reliabilityLevel(grade).label.toLowerCase()}. Ctrl+Z undoes it.`
                : `${source.name} is no longer graded. Ctrl+Z undoes it.`
            )
          })
          .finally(() => setBusy(false))
      }}
    >
      <div className="source-grade-row">
        <label className="field">
          <span>Set reliability</span>
          <select
            value={value}
            aria-describedby={meaningId}
            onChange={(e) => setValue(e.target.value)}
          >
            <option value="">– Not graded</option>
            {RELIABILITY_SCALE.map((l) => (
              <option key={l.value} value={l.value}>
                {l.value} — {l.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field source-why">
          <span>Why</span>
          <input
            value={why}
            placeholder="What the grade rests on"
            onChange={(e) => setWhy(e.target.value)}
          />
        </label>
        <button type="submit" disabled={unchanged || busy}>
          Save grade
        </button>
      </div>
      <p id={meaningId} className="grade-meaning">
        {level
          ? level.meaning
          : 'No reliability: its documents show “–” for the source half of their badge.'}{' '}
        Holds for all {source.documents.length === 1 ? 'its document' : 'its documents'}, except
        those given a reliability of their own.
      </p>
    </form>
  )
}
