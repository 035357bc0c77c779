import { useState } from 'react'
import { AxisBottom } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleTime } from '@visx/scale'
import type { TimelineEntry } from '../../../shared/analysis'
import type { TagView } from '../../../shared/model'
import { usePerform } from '../hooks/use-action'
import { useFetch } from '../hooks/use-fetch'
import { useTags } from '../hooks/use-workspace'
import { useClient, useCommands } from '../state/app-context'
import { ChartFrame } from './ChartFrame'
import { ANALYSIS_RESOURCES, useAnalysisFilter } from './shared'

const BASIS: Record<TimelineEntry['basis'], string> = {
  corrected: 'set by you',
  stated: 'stated in the passage',
  published: 'publication date'
}

const dayOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`)
const short = (s: string, n = 70): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** About six ticks, on whole days (UTC midnight), from the first date to the last. */
function dayTicks(lo: number, hi: number): Date[] {
  const day = 86_400_000
  const step = Math.max(1, Math.ceil((hi - lo) / day / 6)) * day
  const out: Date[] = []
  for (let t = lo; t <= hi + 1; t += step) out.push(new Date(t))
  return out
}

interface Lane {
  tag: TagView
  marks: TimelineEntry[]
}

/** Lanes by tag (a passage with two tags is in both), in codebook order. */
function lanesOf(marks: readonly TimelineEntry[], tags: readonly TagView[]): Lane[] {
  return tags
    .map((tag) => ({ tag, marks: marks.filter((m) => m.tagIds.includes(tag.id)) }))
    .filter((l) => l.marks.length > 0)
}

function TimelineChart({ lanes }: { lanes: Lane[] }): React.JSX.Element {
  const commands = useCommands()
  const width = 760
  const left = 170
  const laneHeight = 30
  const dates = lanes.flatMap((l) => l.marks.map((m) => dayOf(m.date).getTime()))
  const lo = Math.min(...dates)
  const hi = Math.max(...dates)
  const pad = Math.max(86_400_000, (hi - lo) * 0.05)
  const x = scaleTime({
    domain: [new Date(lo - pad), new Date(hi + pad)],
    range: [0, width - left - 20]
  })
  const y = scaleBand({ domain: lanes.map((l) => l.tag.id), range: [0, lanes.length * laneHeight] })
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${lanes.length * laneHeight + 40}`}
      width="100%"
      role="group"
      aria-label="Timeline of passages by tag"
    >
      <Group left={left} top={6}>
        {lanes.map((l) => {
          const mid = (y(l.tag.id) ?? 0) + laneHeight / 2
          return (
            <g key={l.tag.id}>
              <text x={-8} y={mid} textAnchor="end" dominantBaseline="middle">
                {short(l.tag.path, 24)}
              </text>
              <line x1={0} x2={width - left - 20} y1={mid} y2={mid} stroke="#e0e3e7" />
              {l.marks.map((m) => (
                <circle
                  key={m.annotationId}
                  cx={x(dayOf(m.date))}
                  cy={mid}
                  r={7}
                  fill={l.tag.color}
                  stroke="#202124"
                  strokeWidth={m.basis === 'corrected' ? 2 : 0.5}
                  tabIndex={0}
                  role="button"
                  aria-label={`${m.date}, ${l.tag.path}: “${short(m.quote, 60)}” in ${m.docTitle}`}
                  className="timeline-mark"
                  onClick={() => commands.openPassage({ id: m.annotationId, docId: m.docId })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault()
                      commands.openPassage({ id: m.annotationId, docId: m.docId })
                    }
                  }}
                >
                  <title>{`${m.date} (${BASIS[m.basis]}) — ${short(m.quote)} — ${m.docTitle}`}</title>
                </circle>
              ))}
            </g>
          )
        })}
        <AxisBottom
          top={lanes.length * laneHeight}
          scale={x}
          tickValues={dayTicks(lo, hi)}
          tickFormat={(d) => (d as Date).toISOString().slice(0, 10)}
          axisClassName="axis"
        />
      </Group>
    </svg>
  )
}

/** One passage's date, with a way to set it (or to go back to the date found). */
/** A passage on the timeline, or an undated one (no date, basis or candidates). */
type Dated = Pick<TimelineEntry, 'annotationId' | 'quote'> & Partial<TimelineEntry>

function DateCell({ mark }: { mark: Dated }): React.JSX.Element {
  const perform = usePerform()
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState(mark.date ?? '')
  const save = (date: string | null): void =>
    void perform(
      date ? 'set a passage date' : 'clear a passage date',
      'setPassageDate',
      mark.annotationId,
      date ? { date, precision: 'day' } : null
    ).then((ok) => ok !== undefined && setEditing(false))
  if (editing)
    return (
      <form
        className="date-edit"
        onSubmit={(e) => {
          e.preventDefault()
          if (value) save(value)
        }}
      >
        <input
          type="date"
          aria-label={`Date of “${short(mark.quote, 40)}”`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoFocus
          onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
        />
        <button type="submit">Save</button>
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </form>
    )
  return (
    <div className="date-cell">
      <span>
        <strong>
          {!mark.date
            ? 'No date'
            : mark.precision === 'day'
              ? mark.date
              : mark.date.slice(0, mark.precision === 'month' ? 7 : 4)}
        </strong>{' '}
        <span className="basis">
          {mark.basis ? BASIS[mark.basis] : ''}
          {mark.stated ? `: “${mark.stated.text}”` : ''}
        </span>
      </span>
      <button
        type="button"
        onClick={() => {
          setValue(mark.date ?? '')
          setEditing(true)
        }}
        aria-label={`Change the date of “${short(mark.quote, 40)}”`}
      >
        Change…
      </button>
      {mark.basis === 'corrected' && (
        <button type="button" onClick={() => save(null)}>
          Use the date found
        </button>
      )}
      {(mark.candidates ?? [])
        .filter((c) => c.date !== mark.date)
        .slice(0, 3)
        .map((c) => (
          <button key={`${c.start}`} type="button" onClick={() => save(c.date)}>
            Use {c.date} (“{c.text}”)
          </button>
        ))}
    </div>
  )
}

/** Passages by date, grouped by tag: the chart, and a table where each date can be set. */
export function TimelineTab(): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const tags = useTags()
  const { filter, key, control } = useAnalysisFilter()
  const data = useFetch(`timeline:${key}`, ANALYSIS_RESOURCES, () =>
    client.call('timeline', filter)
  )
  const t = data.data
  const paths = new Map(tags.map((x) => [x.id, x.path]))
  const lanes = t ? lanesOf(t.marks, tags) : []
  return (
    <div className="analysis-tab">
      <div className="analysis-controls">{control}</div>
      <p className="hint">
        A passage is dated by the date you set, else by a date it states (read relative to its
        document&apos;s publication date), else by the publication date.
      </p>
      {!t ? (
        <p className="hint">{data.error ?? 'Reading dates…'}</p>
      ) : t.marks.length === 0 ? (
        <p className="hint">
          No dated passages: give documents a publication date, or set one here.
        </p>
      ) : (
        <ChartFrame
          name="timeline"
          title="Timeline"
          chart={
            lanes.length ? (
              <TimelineChart lanes={lanes} />
            ) : (
              <p className="hint">No dated passage has a tag.</p>
            )
          }
          table={
            <table className="data-table timeline-table" aria-label="Passages by date">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Passage</th>
                  <th scope="col">Tags</th>
                  <th scope="col">Grade</th>
                </tr>
              </thead>
              <tbody>
                {t.marks.map((m) => (
                  <tr key={m.annotationId}>
                    <td>
                      <DateCell mark={m} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => commands.openPassage({ id: m.annotationId, docId: m.docId })}
                      >
                        “{short(m.quote, 90)}”
                      </button>{' '}
                      <span className="passage-source">{m.docTitle}</span>
                    </td>
                    <td>{m.tagIds.map((id) => paths.get(id) ?? '?').join(', ')}</td>
                    <td>{m.badge}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      {t && t.undated.length > 0 && (
        <section className="undated" aria-label="Passages without a date">
          <h2>
            {t.undated.length} passage{t.undated.length === 1 ? ' has' : 's have'} no date
          </h2>
          <p className="hint">Their documents have no publication date, and they state none.</p>
          <ul>
            {t.undated.slice(0, 200).map((p) => (
              <li key={p.annotationId}>
                “{short(p.quote, 90)}” <span className="passage-source">{p.docTitle}</span>
                <DateCell mark={{ annotationId: p.annotationId, quote: p.quote }} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
