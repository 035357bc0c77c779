import { useState } from 'react'
import { COOCCURRENCE_SCOPES, type CooccurrenceScope } from '../../../shared/analysis'
import { formatCount } from '../format'
import { useFetch } from '../hooks/use-fetch'
import { useClient } from '../state/app-context'
import { RadioGroup } from '../ui/RadioGroup'
import { ANALYSIS_RESOURCES, heat, PassageList, TableExport, useAnalysisFilter } from './shared'

const SCOPE_LABEL: Record<CooccurrenceScope, string> = {
  highlight: 'On one highlight',
  overlap: 'On overlapping highlights',
  paragraph: 'In one paragraph'
}

/** Tags × tags: where two tags occur together, as a heat map; a cell opens the places. */
export function CooccurrenceTab(): React.JSX.Element {
  const client = useClient()
  const [scope, setScope] = useState<CooccurrenceScope>('highlight')
  const { filter, key, control } = useAnalysisFilter()
  const [cell, setCell] = useState<{ a: string; b: string; label: string } | null>(null)
  const query = { scope, ...filter }
  const data = useFetch(`cooccurrence:${scope}:${key}`, ANALYSIS_RESOURCES, () =>
    client.call('cooccurrence', query)
  )
  const units = useFetch(
    cell ? `cooccurrence-cell:${scope}:${key}:${cell.a}:${cell.b}` : null,
    ANALYSIS_RESOURCES,
    () => client.call('cooccurrencePassages', { ...query, a: cell?.a ?? '', b: cell?.b ?? '' })
  )
  const c = data.data
  const count = new Map<string, number>()
  for (const p of c?.pairs ?? []) {
    count.set(`${p.a} ${p.b}`, p.count)
    count.set(`${p.b} ${p.a}`, p.count)
  }
  const max = Math.max(0, ...(c?.pairs ?? []).map((p) => p.count))
  return (
    <div className="analysis-tab">
      <div className="analysis-controls">
        <RadioGroup
          legend="Together"
          appearance="inline"
          options={COOCCURRENCE_SCOPES.map((s) => ({ value: s, label: SCOPE_LABEL[s] }))}
          value={scope}
          onChange={(s) => {
            setScope(s)
            setCell(null)
          }}
        />
        {control}
        <TableExport
          name="co-occurrence"
          fetch={(format) =>
            client.call('analysisTable', { kind: 'cooccurrence', ...query }, format)
          }
        />
      </div>
      {!c ? (
        <p className="hint">{data.error ?? 'Counting…'}</p>
      ) : c.tags.length === 0 ? (
        <p className="hint">
          No two tags occur together {SCOPE_LABEL[scope].toLowerCase()} yet. Try a wider choice
          above, or give a passage two tags.
        </p>
      ) : (
        <div className="matrix-scroll">
          <table
            className="matrix"
            aria-label={`Co-occurrence of tags, ${SCOPE_LABEL[scope].toLowerCase()}`}
          >
            <thead>
              <tr>
                <td />
                {c.tags.map((t) => (
                  <th key={t.tagId} scope="col">
                    {t.path}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.tags.map((r) => (
                <tr key={r.tagId}>
                  <th scope="row">
                    <span className="swatch" style={{ background: r.color }} aria-hidden="true" />
                    {r.path}
                  </th>
                  {c.tags.map((t) => {
                    const n = r.tagId === t.tagId ? 0 : (count.get(`${r.tagId} ${t.tagId}`) ?? 0)
                    return (
                      <td
                        key={t.tagId}
                        className={r.tagId === t.tagId ? 'diagonal' : `heat-${heat(n, max)}`}
                      >
                        {n > 0 ? (
                          <button
                            type="button"
                            aria-label={`${r.path} with ${t.path}: ${n}`}
                            aria-pressed={cell?.a === r.tagId && cell.b === t.tagId}
                            onClick={() =>
                              setCell({ a: r.tagId, b: t.tagId, label: `${r.path} with ${t.path}` })
                            }
                          >
                            {n}
                          </button>
                        ) : (
                          <span aria-label="none">·</span>
                        )}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cell && (
        <section className="cell-passages" aria-label={`Together: ${cell.label}`}>
          <h2>
            {units.data ? formatCount(units.data.length, 'place') : 'Places'}: {cell.label}
          </h2>
          <ol className="unit-list">
            {(units.data ?? []).map((u, i) => (
              <li key={`${u.docId}:${i}`}>
                <p className="unit-doc">
                  {u.docTitle}
                  {u.range ? ' (one paragraph)' : ''}
                </p>
                <PassageList label={`In ${u.docTitle}`} passages={u.passages} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  )
}
