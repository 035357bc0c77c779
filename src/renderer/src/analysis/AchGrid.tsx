import { useEffect, useRef, useState } from 'react'
import {
  ACH_RATINGS,
  FREE_EVIDENCE_KINDS,
  RELEVANCES,
  type AchRating,
  type AchView,
  type FreeEvidenceKind,
  type Relevance
} from '../../../shared/analysis'
import { saveText } from '../export/save'
import { useAction, usePerform } from '../hooks/use-action'
import { useClient, useCommands } from '../state/app-context'
import { AchCellDetails, AchHypotheses, AchResults } from './AchResults'

/** Keys 1–5 rate very consistent … very inconsistent; 0 is not applicable. */
const KEY_RATING: Record<string, AchRating> = {
  '1': 'CC',
  '2': 'C',
  '3': 'N',
  '4': 'I',
  '5': 'II',
  '0': 'NA'
}
const RATING_WORDS: Record<AchRating, string> = {
  CC: 'very consistent',
  C: 'consistent',
  N: 'neutral',
  I: 'inconsistent',
  II: 'very inconsistent',
  NA: 'not applicable'
}
const KIND_WORDS: Record<FreeEvidenceKind | 'highlight', string> = {
  highlight: 'passage',
  assumption: 'assumption',
  absence: 'absence of evidence',
  other: 'item'
}
const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const short = (s: string, n = 90): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat
}

/** The grid of one analysis: hypotheses across, evidence down, a rating in each cell. */
export function AchGrid({
  view,
  foldOrigins,
  setFoldOrigins
}: {
  view: AchView
  foldOrigins: boolean
  setFoldOrigins: (v: boolean) => void
}): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const perform = usePerform()
  const action = useAction()
  const { analysis: a, result } = view
  const id = a.id
  const [diagnosticFirst, setDiagnosticFirst] = useState(false)
  const [hypothesis, setHypothesis] = useState('')
  const [itemText, setItemText] = useState('')
  const [itemKind, setItemKind] = useState<FreeEvidenceKind>('assumption')
  const [focus, setFocus] = useState<{ r: number; c: number }>({ r: 0, c: 0 })
  const cells = useRef(new Map<string, HTMLTableCellElement>())
  const moved = useRef(false)

  const label = new Map(a.evidence.map((e, i) => [e.id, `E${i + 1}`]))
  const hLabel = new Map(a.hypotheses.map((h, i) => [h.id, `H${i + 1}`]))
  const rows = diagnosticFirst
    ? result.diagnosticOrder.map((eid) => a.evidence.find((e) => e.id === eid)!).filter(Boolean)
    : a.evidence
  const rowView = new Map(result.rows.map((r) => [r.evidenceId, r]))
  const score = new Map(result.scores.map((s) => [s.hypothesisId, s]))
  const leader = new Set(result.sensitivity.leader)

  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    cells.current.get(`${focus.r}:${focus.c}`)?.focus()
  }, [focus])

  const rate = (r: number, c: number, rating: AchRating | null): void => {
    const e = rows[r]
    const h = a.hypotheses[c]
    if (!e || !h) return
    void perform(
      rating
        ? `rate ${label.get(e.id)} ${rating} for ${hLabel.get(h.id)}`
        : `clear ${label.get(e.id)} for ${hLabel.get(h.id)}`,
      'changeAnalysis',
      id,
      { type: 'rate', evidenceId: e.id, hypothesisId: h.id, cell: rating ? { rating } : null }
    )
  }

  const onCellKey = (e: React.KeyboardEvent, r: number, c: number): void => {
    const move = (dr: number, dc: number): void => {
      e.preventDefault()
      moved.current = true
      setFocus({
        r: Math.max(0, Math.min(rows.length - 1, r + dr)),
        c: Math.max(0, Math.min(a.hypotheses.length - 1, c + dc))
      })
    }
    if (e.key === 'ArrowUp') return move(-1, 0)
    if (e.key === 'ArrowDown') return move(1, 0)
    if (e.key === 'ArrowLeft') return move(0, -1)
    if (e.key === 'ArrowRight') return move(0, 1)
    if (e.ctrlKey || e.metaKey || e.altKey) return
    const rating = KEY_RATING[e.key]
    if (rating) {
      e.preventDefault()
      rate(r, c, rating)
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault()
      rate(r, c, null)
    }
  }

  const save = (format: 'markdown' | 'csv'): void =>
    void action(async () => {
      const text = await client.call('analysisReport', id, format, { foldOrigins })
      const name = a.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'analysis'
      saveText(
        `ach-${name}.${format === 'csv' ? 'csv' : 'md'}`,
        text,
        format === 'csv' ? 'text/csv' : 'text/markdown'
      )
    }, 'Could not export the analysis')

  return (
    <div className="ach">
      <header className="ach-head">
        <h2>{a.title}</h2>
        {a.question && <p className="ach-question">{a.question}</p>}
      </header>
      <div className="ach-forms">
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (!hypothesis.trim()) return
            void perform('add a hypothesis', 'addHypothesis', id, hypothesis).then(
              (ok) => ok && setHypothesis('')
            )
          }}
        >
          <input
            aria-label="New hypothesis"
            placeholder="New hypothesis"
            value={hypothesis}
            onChange={(e) => setHypothesis(e.target.value)}
          />
          <button type="submit">Add hypothesis</button>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (!itemText.trim()) return
            void perform('add evidence', 'addEvidence', id, {
              kind: itemKind,
              text: itemText
            }).then((ok) => ok && setItemText(''))
          }}
        >
          <select
            aria-label="Kind of item"
            value={itemKind}
            onChange={(e) => setItemKind(e.target.value as FreeEvidenceKind)}
          >
            {FREE_EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORDS[k]}
              </option>
            ))}
          </select>
          <input
            aria-label="New item of evidence"
            placeholder="An assumption, or evidence you expected and did not find"
            value={itemText}
            onChange={(e) => setItemText(e.target.value)}
          />
          <button type="submit">Add item</button>
        </form>
        <p className="hint">
          Add highlighted passages from Themes or the sidebar (“Add to this analysis”).
        </p>
      </div>
      <div className="ach-options">
        <label>
          <input
            type="checkbox"
            checked={foldOrigins}
            onChange={(e) => setFoldOrigins(e.target.checked)}
          />{' '}
          Count each origin once
        </label>
        <label>
          <input
            type="checkbox"
            checked={diagnosticFirst}
            onChange={(e) => setDiagnosticFirst(e.target.checked)}
          />{' '}
          Most diagnostic first
        </label>
        <button type="button" onClick={() => save('markdown')}>
          Export report
        </button>
        <button type="button" onClick={() => save('csv')}>
          Export CSV
        </button>
      </div>
      {a.hypotheses.length === 0 || a.evidence.length === 0 ? (
        <p className="hint">
          An analysis needs at least one hypothesis and one item of evidence: add them above, then
          rate each item against each hypothesis.
        </p>
      ) : (
        <>
          <p className="hint" id="ach-keys">
            In the grid: arrow keys move; 1 CC, 2 C, 3 N, 4 I, 5 II, 0 NA; Delete clears.
          </p>
          <div className="matrix-scroll">
            <table
              className="ach-grid"
              role="grid"
              aria-label={`Ratings of ${a.title}`}
              aria-describedby="ach-keys"
            >
              <thead>
                <tr>
                  <th scope="col">Evidence</th>
                  <th scope="col">Relevance</th>
                  <th scope="col" title="Credibility 1–6, from the grade unless you set it">
                    Cred.
                  </th>
                  <th scope="col" title="How much the ratings differ across hypotheses (0–4)">
                    Diag.
                  </th>
                  {a.hypotheses.map((h) => (
                    <th key={h.id} scope="col" className={leader.has(h.id) ? 'leading' : undefined}>
                      <span className="h-label">{hLabel.get(h.id)}</span> {short(h.text, 40)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((e, r) => {
                  const v = rowView.get(e.id)
                  const from = view.sources[e.id]
                  return (
                    <tr key={e.id}>
                      <th scope="row" className="evidence">
                        <span className="e-label">{label.get(e.id)}</span>{' '}
                        {e.kind === 'highlight' ? (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() =>
                              commands.openPassage({ id: e.annotationId, docId: e.docId })
                            }
                          >
                            “{short(e.text, 80)}”
                          </button>
                        ) : (
                          <span>
                            <em>{KIND_WORDS[e.kind]}:</em> {short(e.text, 80)}
                          </span>
                        )}
                        {from && (
                          <span className="evidence-source">
                            {' '}
                            {from.docTitle} <span className="grade-badge">{from.badge}</span>
                          </span>
                        )}
                        {e.kind === 'highlight' && !from && (
                          <span className="warning-chip"> passage no longer in the workspace</span>
                        )}
                        {v && v.sameOrigin.length > 0 && (
                          <span
                            className="origin-chip"
                            title={`Same origin as ${v.sameOrigin.map((x) => label.get(x)).join(', ')}: not independent`}
                          >
                            ⚠ one origin with {v.sameOrigin.map((x) => label.get(x)).join(', ')}
                            {from?.originLabel ? ` (${from.originLabel})` : ''}
                          </span>
                        )}
                        <button
                          type="button"
                          className="remove-row"
                          aria-label={`Remove ${label.get(e.id)}`}
                          onClick={() =>
                            void perform(`remove ${label.get(e.id)}`, 'changeAnalysis', id, {
                              type: 'removeEvidence',
                              id: e.id
                            })
                          }
                        >
                          ×
                        </button>
                      </th>
                      <td>
                        <select
                          aria-label={`Relevance of ${label.get(e.id)}`}
                          value={e.relevance}
                          onChange={(ev) =>
                            void perform(
                              `set the relevance of ${label.get(e.id)}`,
                              'changeAnalysis',
                              id,
                              {
                                type: 'setRelevance',
                                evidenceId: e.id,
                                relevance: ev.target.value as Relevance
                              }
                            )
                          }
                        >
                          {RELEVANCES.map((x) => (
                            <option key={x} value={x}>
                              {x}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td
                        title={
                          e.credibility
                            ? `Set by you: ${e.credibility.rationale}`
                            : 'From the grade'
                        }
                      >
                        {v?.credibility ?? '–'}
                        {e.credibility ? '*' : ''}
                      </td>
                      <td>{v?.diagnosticity ?? 0}</td>
                      {a.hypotheses.map((h, c) => {
                        const cell = e.cells[h.id]
                        const focused = focus.r === r && focus.c === c
                        return (
                          <td
                            key={h.id}
                            role="gridcell"
                            tabIndex={focused ? 0 : -1}
                            ref={(el) => {
                              if (el) cells.current.set(`${r}:${c}`, el)
                              else cells.current.delete(`${r}:${c}`)
                            }}
                            className={`rating rating-${cell?.rating ?? 'none'}`}
                            aria-label={`${label.get(e.id)} for ${hLabel.get(h.id)}: ${cell ? `${cell.rating}, ${RATING_WORDS[cell.rating]}` : 'not rated'}`}
                            onFocus={() => setFocus({ r, c })}
                            onKeyDown={(ev) => onCellKey(ev, r, c)}
                            onClick={() => setFocus({ r, c })}
                          >
                            {cell?.rating ?? '·'}
                          </td>
                        )
                      })}
                    </tr>
                  )
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    Weighted inconsistency
                  </th>
                  {a.hypotheses.map((h) => (
                    <td key={h.id} className={leader.has(h.id) ? 'leading' : undefined}>
                      {num.format(score.get(h.id)?.weighted ?? 0)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <AchCellDetails
            view={view}
            evidenceId={rows[focus.r]?.id}
            hypothesisId={a.hypotheses[focus.c]?.id}
          />
          <AchResults view={view} />
        </>
      )}
      <AchHypotheses view={view} />
      <p className="hint">{ACH_RATINGS.map((r) => `${r} ${RATING_WORDS[r]}`).join(' · ')}</p>
    </div>
  )
}
