import type { ExchangeKind, MergeConflict, MergeReport } from '../../../shared/exchange'
import { formatCount } from '../format'
import { useFetch } from '../hooks/use-fetch'
import { useDocumentList, useTags } from '../hooks/use-workspace'
import { useClient } from '../state/app-context'

/** Names: what a person recognises a record by (a highlight's quote, a theme's path), by id. */
type Names = ReadonlyMap<string, string>

const clip = (text: string, n = 60): string => (text.length > n ? `${text.slice(0, n)}…` : text)

/**
 * The names of the records a report's conflicts and marked notes are about, as they are in this
 * workspace now: documents by title, themes by path, memos by title, highlights by quote and
 * document (a highlight's id starts with its document's).
 */
function useNames(report: MergeReport): Names {
  const client = useClient()
  const docs = useDocumentList()
  const tags = useTags()
  const about = [...report.conflicts, ...report.marked]
  const highlightDocs = [
    ...new Set(
      about
        .filter((c) => c.kind === 'annotation' && c.id.includes('.'))
        .map((c) => c.id.slice(0, c.id.lastIndexOf('.')))
        .filter((docId) => docs.some((d) => d.id === docId))
    )
  ].sort()
  const wantsMemos = about.some((c) => c.kind === 'memo')
  const key = `${highlightDocs.join(',')}|${wantsMemos}`
  const extra = useFetch(
    about.length ? `merge-names:${key}` : null,
    ['annotations:*', 'memos', 'documents'],
    async () => {
      const out: [string, string][] = []
      for (const docId of highlightDocs) {
        const title = docs.find((d) => d.id === docId)?.title ?? docId
        for (const a of await client.call('listAnnotations', docId))
          out.push([a.id, `“${clip(a.quote.exact)}” in ${title}`])
      }
      if (wantsMemos) for (const m of await client.call('listMemos')) out.push([m.id, m.title])
      return out
    }
  )
  const names = new Map<string, string>(extra.data ?? [])
  for (const d of docs) names.set(d.id, d.title)
  for (const t of tags) names.set(t.id, t.path)
  return names
}

const KINDS: { kind: ExchangeKind; label: string }[] = [
  { kind: 'document', label: 'Documents' },
  { kind: 'annotation', label: 'Highlights' },
  { kind: 'tag', label: 'Themes (codes)' },
  { kind: 'memo', label: 'Memos' },
  { kind: 'source', label: 'Sources' },
  { kind: 'grade', label: 'Grades' },
  { kind: 'link', label: 'Links' }
]

const CHANGES = [
  { change: 'added', label: 'Added' },
  { change: 'updated', label: 'Updated' },
  { change: 'deleted', label: 'Deleted' },
  { change: 'kept', label: 'Kept (deleted there, changed here)' },
  { change: 'restored', label: 'Restored (deleted here, changed there)' }
] as const

const ONE: Record<ExchangeKind, string> = {
  document: 'Document',
  annotation: 'Highlight',
  tag: 'Theme',
  memo: 'Memo',
  source: 'Source',
  grade: 'Grade',
  link: 'Link'
}

/** A field's value as a person reads it: text as it is, nothing as "(empty)". */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)'
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.length ? value.join(', ') : '(none)'
  const text = JSON.stringify(value)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}

const when = (time: string): string => {
  const d = new Date(time)
  return Number.isNaN(d.getTime()) ? time : d.toLocaleString('en-GB')
}

/** How many changes of each kind: documents added, highlights updated… */
export function changeSummary(report: MergeReport): string {
  const parts: string[] = []
  for (const { kind, label } of KINDS)
    for (const { change } of CHANGES) {
      const n = report.counts[`${kind} ${change}`] ?? 0
      if (n) parts.push(`${n} ${label.toLowerCase().replace(/ \(codes\)$/, '')} ${change}`)
    }
  return parts.join(', ')
}

/**
 * A merge report (or, in a dry run, its preview): counts of what is added, updated and deleted,
 * the documents that are new, every conflict with both values, the notes merged with conflict
 * marks, and what was left out.
 */
export function MergeReportView({ report }: { report: MergeReport }): React.JSX.Element {
  const names = useNames(report)
  const would = report.dryRun
  const rows = KINDS.filter(({ kind }) =>
    CHANGES.some(({ change }) => report.counts[`${kind} ${change}`])
  )
  const columns = CHANGES.filter(({ change }) =>
    KINDS.some(({ kind }) => report.counts[`${kind} ${change}`])
  )
  return (
    <div className="merge-report">
      <p className="merge-summary">
        {!report.changed
          ? would
            ? 'Merging this bundle would change nothing: everything in it is already here.'
            : 'Nothing changed: everything in the bundle was already here.'
          : `${would ? 'The merge would make' : 'The merge made'} ${formatCount(report.changes.length, 'change')}${report.conflicts.length ? ` and ${would ? 'settle' : 'settled'} ${formatCount(report.conflicts.length, 'conflict')}` : ''}.`}
      </p>
      <p className="hint">
        From the workspace {report.from}.{' '}
        {report.threeWay
          ? 'The last exchange with it is known: only what changed since then counts.'
          : 'A first exchange with it: nothing here is deleted, and where both sides differ the later change is kept.'}
      </p>
      {rows.length > 0 && (
        <table className="exchange-counts">
          <caption>{would ? 'What would change' : 'What changed'}</caption>
          <thead>
            <tr>
              <td />
              {columns.map((c) => (
                <th key={c.change} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ kind, label }) => (
              <tr key={kind}>
                <th scope="row">{label}</th>
                {columns.map(({ change }) => (
                  <td key={change}>{report.counts[`${kind} ${change}`] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.newDocuments.length > 0 && (
        <section aria-label="New documents">
          <h4>New documents ({report.newDocuments.length})</h4>
          <ul className="exchange-lines">
            {report.newDocuments.map((d) => (
              <li key={d.id}>{d.title}</li>
            ))}
          </ul>
        </section>
      )}
      {report.conflicts.length > 0 && (
        <Conflicts conflicts={report.conflicts} would={would} names={names} />
      )}
      {report.marked.length > 0 && (
        <section aria-label="Notes merged with conflict marks">
          <h4>Notes merged with conflict marks ({report.marked.length})</h4>
          <p className="hint">
            Both sides changed the same lines of these notes: both versions are in the note, between
            conflict marks naming each workspace. Edit the note to keep what is right.
          </p>
          <ul className="exchange-lines">
            {report.marked.map((m) => (
              <li key={`${m.kind} ${m.id} ${m.field}`}>
                {ONE[m.kind]} {m.field}: {names.get(m.id) ?? m.id}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.repairs.length + report.skipped.length > 0 && (
        <section aria-label="Left out and repaired">
          <h4>Left out and repaired</h4>
          <ul className="exchange-lines">
            {[...report.skipped, ...report.repairs].map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function Conflicts({
  conflicts,
  would,
  names
}: {
  conflicts: MergeConflict[]
  would: boolean
  names: Names
}): React.JSX.Element {
  return (
    <section aria-label="Conflicts">
      <h4>Conflicts ({conflicts.length})</h4>
      <p className="hint">
        Both sides changed these since the last exchange: the later change{' '}
        {would ? 'would be' : 'is'} kept, the other is shown here.
      </p>
      <table className="exchange-conflicts">
        <caption className="visually-hidden">Conflicts, with both values</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Kept (later)</th>
            <th scope="col">Not kept (earlier)</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={`${c.kind} ${c.id} ${c.field}`}>
              <th scope="row">
                {ONE[c.kind]} {c.field}
                <span className="conflict-id">{names.get(c.id) ?? c.id}</span>
              </th>
              <td>
                <span className="conflict-value">{showValue(c.kept.value)}</span>
                <span className="conflict-side">
                  {c.kept.label}, {when(c.kept.time)}
                </span>
              </td>
              <td>
                <span className="conflict-value">{showValue(c.other.value)}</span>
                <span className="conflict-side">
                  {c.other.label}, {when(c.other.time)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
