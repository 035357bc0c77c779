import { useState } from 'react'
import { useFetch } from '../hooks/use-fetch'
import { usePerform } from '../hooks/use-action'
import { useClient, useServices, useUi } from '../state/app-context'
import { AchGrid } from './AchGrid'
import { ANALYSIS_RESOURCES } from './shared'

/** The analyses of competing hypotheses: a list, a form for a new one, and the open one's grid. */
export function AchTab(): React.JSX.Element {
  const client = useClient()
  const { ui } = useServices()
  const perform = usePerform()
  const achId = useUi((s) => s.achId)
  const [title, setTitle] = useState('')
  const [question, setQuestion] = useState('')
  const [foldOrigins, setFoldOrigins] = useState(false)
  const list = useFetch('analyses', ANALYSIS_RESOURCES, () => client.call('listAnalyses'))
  const open = list.data?.some((a) => a.id === achId) ? achId : (list.data?.[0]?.id ?? null)
  const view = useFetch(open ? `analysis:${open}:${foldOrigins}` : null, ANALYSIS_RESOURCES, () =>
    client.call('getAnalysis', open ?? '', { foldOrigins })
  )
  return (
    <div className="ach-tab">
      <section className="ach-list" aria-label="Analyses">
        <h2>Analyses</h2>
        <form
          className="ach-new"
          onSubmit={(e) => {
            e.preventDefault()
            if (!title.trim()) return
            void perform('create an analysis', 'createAnalysis', {
              title,
              ...(question.trim() ? { question } : {})
            }).then((a) => {
              if (!a) return
              setTitle('')
              setQuestion('')
              ui.set({ achId: a.id })
            })
          }}
        >
          <input
            aria-label="Title of a new analysis"
            placeholder="New analysis, e.g. Who set the fire?"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <input
            aria-label="Its question"
            placeholder="The question (optional)"
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
          <button type="submit">Create</button>
        </form>
        {list.data?.length === 0 && (
          <p className="hint">
            No analyses yet. An analysis weighs hypotheses against evidence: which one does the
            evidence argue against least?
          </p>
        )}
        <ul>
          {list.data?.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                aria-current={a.id === open ? 'true' : undefined}
                onClick={() => ui.set({ achId: a.id })}
              >
                <span>{a.title}</span>
                <span className="ach-count">
                  {a.hypotheses} H · {a.evidence} E
                </span>
              </button>
            </li>
          ))}
        </ul>
        {open && (
          <button
            type="button"
            className="danger"
            onClick={() => void perform('delete the analysis', 'deleteAnalysis', open)}
          >
            Delete this analysis
          </button>
        )}
      </section>
      <section className="ach-main" aria-label="Analysis">
        {view.data ? (
          <AchGrid view={view.data} foldOrigins={foldOrigins} setFoldOrigins={setFoldOrigins} />
        ) : (
          open && <p className="hint">{view.error ?? 'Scoring…'}</p>
        )}
      </section>
    </div>
  )
}
