import { useMemo, useState } from 'react'
import { MATRIX_AXES, type CodeMatrix, type MatrixAxis } from '../../../shared/analysis'
import { formatCount } from '../format'
import { useFetch } from '../hooks/use-fetch'
import { useClient } from '../state/app-context'
import { ANALYSIS_RESOURCES, heat, PassageList, TableExport, useAnalysisFilter } from './shared'

const AXIS_LABEL: Record<MatrixAxis, string> = {
  documents: 'Documents',
  sources: 'Sources',
  origins: 'Origins',
  grades: 'Grades'
}

/** Rows in tree order, siblings sorted by one column's count (or kept in codebook order). */
function orderedRows(m: CodeMatrix, sortId: string | null, collapsed: Set<string>): number[] {
  // Sorted by a column's id, not its place: a new count may show other columns.
  const found = sortId === null ? -1 : m.cols.findIndex((c) => c.id === sortId)
  const sortCol = found < 0 ? null : found
  const children = new Map<number, number[]>()
  const parentOf: number[] = []
  const stack: number[] = []
  m.rows.forEach((r, i) => {
    while (stack.length > r.depth) stack.pop()
    const parent = stack.length ? stack[stack.length - 1] : -1
    parentOf[i] = parent
    children.set(parent, [...(children.get(parent) ?? []), i])
    stack.push(i)
  })
  const out: number[] = []
  const visit = (parent: number): void => {
    const kids = [...(children.get(parent) ?? [])]
    if (sortCol !== null) kids.sort((a, b) => m.counts[b][sortCol] - m.counts[a][sortCol])
    for (const k of kids) {
      out.push(k)
      if (!collapsed.has(m.rows[k].tagId)) visit(k)
    }
  }
  visit(-1)
  return out
}

/** The coarser axes to suggest when this one has too many columns. */
function otherAxes(axis: MatrixAxis): string {
  const names = (['sources', 'origins', 'grades'] as const)
    .filter((a) => a !== axis)
    .map((a) => AXIS_LABEL[a])
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`
}

/** The most columns the table shows: those with the most passages (the export has them all). */
const MAX_COLUMNS = 100

/** The largest count (a loop: spreading a million cells into Math.max overflows the stack). */
function maxCount(counts: readonly (readonly number[])[]): number {
  let max = 0
  for (const row of counts) for (const n of row) if (n > max) max = n
  return max
}

/** Tags × documents, sources, origins or grades: each cell the number of passages, shaded by count. */
export function MatrixTab(): React.JSX.Element {
  const client = useClient()
  const [axis, setAxis] = useState<MatrixAxis>('documents')
  const { filter, key, control } = useAnalysisFilter()
  const [sortId, setSortId] = useState<string | null>(null)
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set())
  const [cell, setCell] = useState<{ tagId: string; colId?: string; label: string } | null>(null)
  const query = { cols: axis, ...filter }
  const matrix = useFetch(`matrix:${axis}:${key}`, ANALYSIS_RESOURCES, () =>
    client.call('codeMatrix', { ...query, maxCols: MAX_COLUMNS })
  )
  const passages = useFetch(
    cell ? `matrix-cell:${axis}:${key}:${cell.tagId}:${cell.colId ?? ''}` : null,
    ANALYSIS_RESOURCES,
    () =>
      client.call('matrixPassages', {
        ...query,
        tagId: cell?.tagId ?? '',
        ...(cell?.colId !== undefined ? { colId: cell.colId } : {})
      })
  )
  const m = matrix.data
  const order = useMemo(() => (m ? orderedRows(m, sortId, collapsed) : []), [m, sortId, collapsed])
  const max = useMemo(() => (m ? maxCount(m.counts) : 0), [m])
  const sorted = !!m && sortId !== null && m.cols.some((c) => c.id === sortId)
  const hasChildren = (i: number): boolean =>
    !!m && i + 1 < m.rows.length && m.rows[i + 1].depth > m.rows[i].depth
  const toggle = (tagId: string): void =>
    setCollapsed((c) => {
      const next = new Set(c)
      if (next.has(tagId)) next.delete(tagId)
      else next.add(tagId)
      return next
    })

  return (
    <div className="analysis-tab">
      <div className="analysis-controls">
        <label>
          Columns{' '}
          <select
            value={axis}
            onChange={(e) => {
              setAxis(e.target.value as MatrixAxis)
              setSortId(null)
              setCell(null)
            }}
          >
            {MATRIX_AXES.map((a) => (
              <option key={a} value={a}>
                {AXIS_LABEL[a]}
              </option>
            ))}
          </select>
        </label>
        {control}
        <TableExport
          name="code-matrix"
          fetch={(format) => client.call('analysisTable', { kind: 'matrix', ...query }, format)}
        />
      </div>
      {!m ? (
        <p className="hint">{matrix.error ?? 'Counting…'}</p>
      ) : m.rows.length === 0 ? (
        <p className="hint">No tags yet: tag passages in the reader, and they are counted here.</p>
      ) : (
        <>
          {m.hiddenColumns ? (
            <p className="hint" role="status">
              Showing the {m.cols.length} {axis} with the most passages;{' '}
              {formatCount(m.hiddenColumns, 'more is', 'more are')} left out here. Export the table
              (CSV or Markdown) for all of them, or choose {otherAxes(axis)} as columns.
            </p>
          ) : null}
          <div className="matrix-scroll">
            <table className="matrix" aria-label={`Code matrix: tags by ${axis}`}>
              <thead>
                <tr>
                  <th scope="col">
                    <button
                      type="button"
                      className="sort"
                      aria-pressed={!sorted}
                      onClick={() => setSortId(null)}
                    >
                      Tag
                    </button>
                  </th>
                  {m.cols.map((c) => (
                    <th
                      key={c.id}
                      scope="col"
                      aria-sort={sortId === c.id ? 'descending' : undefined}
                    >
                      <button
                        type="button"
                        className="sort"
                        title={`Sort by ${c.label}`}
                        onClick={() => setSortId(sortId === c.id ? null : c.id)}
                      >
                        {c.label}
                      </button>
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {order.map((i) => {
                  const r = m.rows[i]
                  const parent = hasChildren(i)
                  return (
                    <tr key={r.tagId}>
                      <th scope="row" style={{ paddingLeft: `${6 + r.depth * 16}px` }}>
                        {parent ? (
                          <button
                            type="button"
                            className="tree-toggle"
                            aria-expanded={!collapsed.has(r.tagId)}
                            aria-label={`${collapsed.has(r.tagId) ? 'Expand' : 'Collapse'} ${r.path}`}
                            onClick={() => toggle(r.tagId)}
                          >
                            {collapsed.has(r.tagId) ? '▸' : '▾'}
                          </button>
                        ) : (
                          <span className="tree-toggle" aria-hidden="true" />
                        )}
                        <span
                          className="swatch"
                          style={{ background: r.color }}
                          aria-hidden="true"
                        />
                        {r.path.split('/').pop()}
                      </th>
                      {m.cols.map((c, j) => {
                        const n = m.counts[i][j]
                        return (
                          <td key={c.id} className={`heat-${heat(n, max)}`}>
                            {n > 0 ? (
                              <button
                                type="button"
                                aria-label={`${formatCount(n, 'passage')} tagged ${r.path} in ${c.label}`}
                                aria-pressed={cell?.tagId === r.tagId && cell.colId === c.id}
                                onClick={() =>
                                  setCell({
                                    tagId: r.tagId,
                                    colId: c.id,
                                    label: `${r.path} in ${c.label}`
                                  })
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
                      <td className="total">
                        <button
                          type="button"
                          aria-label={`All ${formatCount(r.total, 'passage')} tagged ${r.path}`}
                          onClick={() => setCell({ tagId: r.tagId, label: r.path })}
                          disabled={r.total === 0}
                        >
                          {r.total}
                        </button>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {cell && (
        <section className="cell-passages" aria-label={`Passages: ${cell.label}`}>
          <h2>
            {passages.data ? formatCount(passages.data.length, 'passage') : 'Passages'}:{' '}
            {cell.label}
          </h2>
          <PassageList label={`Passages tagged ${cell.label}`} passages={passages.data ?? []} />
        </section>
      )}
    </div>
  )
}
