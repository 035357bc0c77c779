import {
  CREDIBILITY_SCALE,
  type DocumentReliability,
  type InformationCredibility
} from '../../../shared/reliability'
import { formatCount } from '../format'
import { useFetch } from '../hooks/use-fetch'
import { useDocumentList } from '../hooks/use-workspace'
import { useClient, useCommands, useUi } from '../state/app-context'

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
    return (
      <div className="corroboration" aria-label="Corroboration">
        <p className="field-hint">No other document carries this passage.</p>
        <SameClaim docId={docId} annotationId={annotationId} claims={c.claims} />
      </div>
    )
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
            {c.sameOrigin.includes(id) && (
              <>
                <span className="field-hint"> (same origin)</span>{' '}
                <button
                  type="button"
                  className="link-button"
                  title="Say that neither derives from the other: it then counts as a confirmation"
                  aria-label={`Not a copy: ${titles.get(id) ?? id}`}
                  onClick={() =>
                    void commands.decideLink(docId, { kind: 'document', docId: id }, 'rejected')
                  }
                >
                  Not a copy
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <SameClaim docId={docId} annotationId={annotationId} claims={c.claims} />
    </div>
  )
}

/**
 * The highlights linked to this one as the same claim, each with a way to take the link away,
 * and a list of the highlights of the other documents open side by side to link one.
 */
function SameClaim({
  docId,
  annotationId,
  claims
}: {
  docId: string
  annotationId: string
  claims: string[]
}): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const titles = new Map(useDocumentList().map((d) => [d.id, d.title]))
  const others = useUi((s) =>
    [...new Set(s.panes.map((p) => p.docId))].filter((d) => d !== docId).join(' ')
  )
  const docIds = others ? others.split(' ') : []
  const wanted = [...new Set([...docIds, ...claims.map(docOfHighlight)])]
  const { data } = useFetch(
    wanted.length ? `claim-choices:${wanted.join(',')}` : null,
    ['passages', ...wanted.map((d) => `annotations:${d}`)],
    async () => (await Promise.all(wanted.map((d) => client.call('listAnnotations', d)))).flat()
  )
  const byId = new Map((data ?? []).map((a) => [a.id, a]))
  const choices = (data ?? []).filter(
    (a) => docIds.includes(a.docId) && !claims.includes(a.id) && a.status === 'anchored'
  )
  const label = (id: string): string => {
    const a = byId.get(id)
    const title = titles.get(docOfHighlight(id)) ?? 'another document'
    return a
      ? `“${a.quote.exact.slice(0, 60)}${a.quote.exact.length > 60 ? '…' : ''}” — ${title}`
      : title
  }
  return (
    <div className="same-claim">
      {claims.length > 0 && (
        <>
          <p className="field-hint">The same claim as:</p>
          <ul>
            {claims.map((id) => (
              <li key={id}>
                {label(id)}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Not the same claim as ${label(id)}`}
                  onClick={() => void commands.setSameClaim(annotationId, id, false)}
                >
                  Unlink
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {choices.length > 0 && (
        <label className="field">
          Same claim as a highlight beside
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) void commands.setSameClaim(annotationId, e.target.value, true)
            }}
          >
            <option value="">Choose a highlight…</option>
            {choices.map((a) => (
              <option key={a.id} value={a.id}>
                {label(a.id)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  )
}

/** The document a highlight belongs to (its id begins with the document's). */
const docOfHighlight = (annotationId: string): string =>
  annotationId.slice(0, Math.max(0, annotationId.lastIndexOf('.')))
