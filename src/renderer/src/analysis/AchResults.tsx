import { useState } from 'react'
import type { AchCredibility, AchView } from '../../../shared/analysis'
import { usePerform } from '../hooks/use-action'

const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** The ranking of hypotheses and the sensitivity finding. */
export function AchResults({ view }: { view: AchView }): React.JSX.Element {
  const { analysis: a, result } = view
  const label = new Map(a.evidence.map((e, i) => [e.id, `E${i + 1}`]))
  const hLabel = new Map(a.hypotheses.map((h, i) => [h.id, `H${i + 1}`]))
  const score = new Map(result.scores.map((s) => [s.hypothesisId, s]))
  const sens = result.sensitivity
  return (
    <div className="ach-results">
      <section aria-label="Ranking">
        <h3>Ranking, least inconsistent first</h3>
        <ol>
          {result.ranking.map((hid) => {
            const s = score.get(hid)
            return (
              <li key={hid}>
                <strong>{hLabel.get(hid)}</strong> {a.hypotheses.find((h) => h.id === hid)?.text}:{' '}
                {num.format(s?.weighted ?? 0)} ({s?.inconsistent ?? 0} I, {s?.veryInconsistent ?? 0}{' '}
                II)
              </li>
            )
          })}
        </ol>
        {result.foldedOrigins && <p className="hint">Rows of one origin are counted once.</p>}
      </section>
      <section aria-label="Sensitivity">
        <h3>Sensitivity</h3>
        {sens.rows.length === 0 && sens.origins.length === 0 ? (
          <p>No single row or origin changes which hypothesis leads.</p>
        ) : (
          <ul>
            {sens.rows.map((x) => (
              <li key={x.evidenceId}>
                Without {label.get(x.evidenceId)}, {x.leader.map((l) => hLabel.get(l)).join(', ')}{' '}
                would lead.
              </li>
            ))}
            {sens.origins.map((o) => (
              <li key={o.origin}>
                Without the origin of {o.evidenceIds.map((x) => label.get(x)).join(', ')},{' '}
                {o.leader.map((l) => hLabel.get(l)).join(', ')} would lead.
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

/**
 * The cell the grid's focus is on: why it is rated so, and the row's credibility (from its
 * grade, or the analyst's own with a reason).
 */
export function AchCellDetails({
  view,
  evidenceId,
  hypothesisId
}: {
  view: AchView
  evidenceId: string | undefined
  hypothesisId: string | undefined
}): React.JSX.Element | null {
  const a = view.analysis
  const e = a.evidence.find((x) => x.id === evidenceId)
  const h = a.hypotheses.find((x) => x.id === hypothesisId)
  if (!e || !h) return null
  // Keyed so that moving to another cell starts with that cell's words.
  return (
    <Details
      key={`${e.id}:${h.id}:${e.cells[h.id]?.rationale ?? ''}:${e.credibility?.value ?? ''}`}
      view={view}
      evidenceId={e.id}
      hypothesisId={h.id}
    />
  )
}

function Details({
  view,
  evidenceId,
  hypothesisId
}: {
  view: AchView
  evidenceId: string
  hypothesisId: string
}): React.JSX.Element {
  const perform = usePerform()
  const a = view.analysis
  const i = a.evidence.findIndex((x) => x.id === evidenceId)
  const e = a.evidence[i]
  const j = a.hypotheses.findIndex((x) => x.id === hypothesisId)
  const cell = e.cells[hypothesisId]
  const [why, setWhy] = useState(cell?.rationale ?? '')
  const [cred, setCred] = useState<string>(e.credibility ? String(e.credibility.value) : '')
  const [credWhy, setCredWhy] = useState(e.credibility?.rationale ?? '')
  const name = `E${i + 1} × H${j + 1}`
  const fromGrade = view.gradeCredibility[e.id]
  return (
    <section className="ach-details" aria-label={`Details of ${name}`}>
      <h3>{name}</h3>
      {cell ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault()
            void perform(`explain ${name}`, 'changeAnalysis', a.id, {
              type: 'rate',
              evidenceId,
              hypothesisId,
              cell: { rating: cell.rating, ...(why.trim() ? { rationale: why.trim() } : {}) }
            })
          }}
        >
          <label>
            Why {cell.rating}?{' '}
            <input
              value={why}
              onChange={(ev) => setWhy(ev.target.value)}
              placeholder="Your reason (optional)"
            />
          </label>
          <button type="submit">Save reason</button>
        </form>
      ) : (
        <p className="hint">Not rated yet: focus the cell in the grid and press 1–5 or 0.</p>
      )}
      <form
        onSubmit={(ev) => {
          ev.preventDefault()
          void perform(`set the credibility of E${i + 1}`, 'changeAnalysis', a.id, {
            type: 'overrideCredibility',
            evidenceId,
            override: cred ? { value: Number(cred) as AchCredibility, rationale: credWhy } : null
          })
        }}
      >
        <label>
          Credibility of E{i + 1}{' '}
          <select value={cred} onChange={(ev) => setCred(ev.target.value)}>
            <option value="">From the grade ({fromGrade ?? 'none'})</option>
            {[1, 2, 3, 4, 5, 6].map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {cred && (
          <label>
            because{' '}
            <input
              value={credWhy}
              onChange={(ev) => setCredWhy(ev.target.value)}
              placeholder="Why it differs from the grade"
            />
          </label>
        )}
        <button type="submit">Set credibility</button>
      </form>
    </section>
  )
}

/** The hypotheses, each with a way to remove it (undoable, with its ratings). */
export function AchHypotheses({ view }: { view: AchView }): React.JSX.Element {
  const perform = usePerform()
  const a = view.analysis
  const id = a.id
  const hLabel = new Map(a.hypotheses.map((h, i) => [h.id, `H${i + 1}`]))
  return (
    <section className="ach-hypotheses" aria-label="Hypotheses">
      <h3>Hypotheses</h3>
      <ol>
        {a.hypotheses.map((h) => (
          <li key={h.id}>
            <strong>{hLabel.get(h.id)}</strong> {h.text}{' '}
            <button
              type="button"
              aria-label={`Remove ${hLabel.get(h.id)}`}
              onClick={() =>
                void perform(`remove ${hLabel.get(h.id)}`, 'changeAnalysis', id, {
                  type: 'removeHypothesis',
                  id: h.id
                })
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}
