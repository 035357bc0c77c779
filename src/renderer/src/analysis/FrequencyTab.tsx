import { useState } from 'react'
import { AxisBottom } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import type { FrequencyQuery, TagFrequency } from '../../../shared/analysis'
import { useFetch } from '../hooks/use-fetch'
import { useClient } from '../state/app-context'
import { RadioGroup } from '../ui/RadioGroup'
import { ChartFrame } from './ChartFrame'
import { ANALYSIS_RESOURCES, useAnalysisFilter } from './shared'

const LABEL_WIDTH = 180
const ROW = 26

/** Bars of passages per tag, each split by document or source (segments of the tag's colour). */
function BarChart({ data }: { data: TagFrequency[] }): React.JSX.Element {
  const width = 720
  const height = data.length * ROW + 40
  const max = Math.max(1, ...data.map((d) => d.total))
  const x = scaleLinear({ domain: [0, max], range: [0, width - LABEL_WIDTH - 40], nice: true })
  const y = scaleBand({
    domain: data.map((d) => d.tagId),
    range: [0, data.length * ROW],
    padding: 0.25
  })
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label="Passages per tag, as bars"
    >
      <Group left={LABEL_WIDTH} top={8}>
        {data.map((d) => {
          let at = 0
          const top = y(d.tagId) ?? 0
          return (
            <g key={d.tagId}>
              <text x={-8} y={top + y.bandwidth() / 2} textAnchor="end" dominantBaseline="middle">
                {d.path.length > 28 ? `…${d.path.slice(-27)}` : d.path}
              </text>
              {d.byColumn.map((c, i) => {
                const w = x(c.count)
                const bar = (
                  <Bar
                    key={c.id}
                    x={x(at)}
                    y={top}
                    width={Math.max(0, w - 1)}
                    height={y.bandwidth()}
                    fill={d.color}
                    fillOpacity={i % 2 ? 0.6 : 1}
                  >
                    <title>{`${d.path}, ${c.label}: ${c.count}`}</title>
                  </Bar>
                )
                at += c.count
                return bar
              })}
              <text x={x(d.total) + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle">
                {d.total}
              </text>
            </g>
          )
        })}
        <AxisBottom
          top={data.length * ROW}
          scale={x}
          numTicks={Math.min(max, 8)}
          tickFormat={(v) => String(v)}
          axisClassName="axis"
        />
      </Group>
    </svg>
  )
}

/** Passages per tag, as a bar chart and as a table. */
export function FrequencyTab(): React.JSX.Element {
  const client = useClient()
  const [by, setBy] = useState<FrequencyQuery['by']>('documents')
  const { filter, key, control } = useAnalysisFilter()
  const data = useFetch(`frequencies:${by}:${key}`, ANALYSIS_RESOURCES, () =>
    client.call('tagFrequencies', { by, ...filter })
  )
  const rows = (data.data ?? []).filter((t) => t.total > 0)
  return (
    <div className="analysis-tab">
      <div className="analysis-controls">
        <RadioGroup
          legend="Split each bar by"
          appearance="inline"
          options={[
            { value: 'documents', label: 'Document' },
            { value: 'sources', label: 'Source' }
          ]}
          value={by}
          onChange={setBy}
        />
        {control}
      </div>
      {!data.data ? (
        <p className="hint">{data.error ?? 'Counting…'}</p>
      ) : rows.length === 0 ? (
        <p className="hint">No tagged passages yet.</p>
      ) : (
        <ChartFrame
          name="passages-per-tag"
          title="Passages per tag"
          chart={<BarChart data={rows} />}
          table={
            <table className="data-table" aria-label="Passages per tag">
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Passages</th>
                  <th scope="col">By {by === 'documents' ? 'document' : 'source'}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((t) => (
                  <tr key={t.tagId}>
                    <th scope="row">{t.path}</th>
                    <td>{t.total}</td>
                    <td>{t.byColumn.map((c) => `${c.label}: ${c.count}`).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </div>
  )
}
