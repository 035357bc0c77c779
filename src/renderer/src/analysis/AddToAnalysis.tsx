import { usePerform } from '../hooks/use-action'
import { useFetch } from '../hooks/use-fetch'
import { useClient, useFeedback, useServices, useUi } from '../state/app-context'

/**
 * "Add to ‹analysis›": puts a highlight into the analysis of competing hypotheses open in the
 * Analysis view (or the one changed last). Shows nothing while there is no analysis.
 */
export function AddToAnalysis({
  annotationId
}: {
  annotationId: string
}): React.JSX.Element | null {
  const client = useClient()
  const feedback = useFeedback()
  const { ui } = useServices()
  const perform = usePerform()
  const achId = useUi((s) => s.achId)
  const list = useFetch('analyses', ['analyses'], () => client.call('listAnalyses'))
  const target = list.data?.find((a) => a.id === achId) ?? list.data?.[0]
  if (!target) return null
  return (
    <button
      type="button"
      className="add-to-analysis"
      onClick={() =>
        void perform('add evidence', 'addEvidence', target.id, { annotationId }).then((a) => {
          if (!a) return
          ui.set({ achId: a.id })
          feedback.info(`Added as E${a.evidence.length} of “${a.title}”.`)
        })
      }
    >
      Add to “{target.title.length > 30 ? `${target.title.slice(0, 29)}…` : target.title}”
    </button>
  )
}
