import { useRef } from 'react'
import { useServices, useUi } from '../state/app-context'
import type { AnalysisTabName } from '../state/ui-state'
import { AchTab } from './AchTab'
import { CooccurrenceTab } from './CooccurrenceTab'
import { FrequencyTab } from './FrequencyTab'
import { MatrixTab } from './MatrixTab'
import { TimelineTab } from './TimelineTab'

const TABS: { id: AnalysisTabName; label: string }[] = [
  { id: 'matrix', label: 'Code matrix' },
  { id: 'cooccurrence', label: 'Co-occurrence' },
  { id: 'frequencies', label: 'Frequencies' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'ach', label: 'Competing hypotheses' }
]

/** The analysis views, one tab each; arrow keys move between the tabs. */
export function AnalysisView(): React.JSX.Element {
  const { ui } = useServices()
  const tab = useUi((s) => s.analysisTab)
  const refs = useRef(new Map<string, HTMLButtonElement>())
  const choose = (t: AnalysisTabName, focus = false): void => {
    ui.set({ analysisTab: t })
    if (focus) refs.current.get(t)?.focus()
  }
  return (
    <div className="analysis">
      <div
        role="tablist"
        aria-label="Analysis views"
        className="analysis-tabs"
        onKeyDown={(e) => {
          const i = TABS.findIndex((t) => t.id === tab)
          const next =
            e.key === 'ArrowRight'
              ? (i + 1) % TABS.length
              : e.key === 'ArrowLeft'
                ? (i - 1 + TABS.length) % TABS.length
                : e.key === 'Home'
                  ? 0
                  : e.key === 'End'
                    ? TABS.length - 1
                    : -1
          if (next < 0) return
          e.preventDefault()
          choose(TABS[next].id, true)
        }}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el)
            }}
            type="button"
            role="tab"
            id={`analysis-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="analysis-panel"
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => choose(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="analysis-panel"
        aria-labelledby={`analysis-tab-${tab}`}
        className="analysis-panel"
      >
        {tab === 'matrix' && <MatrixTab />}
        {tab === 'cooccurrence' && <CooccurrenceTab />}
        {tab === 'frequencies' && <FrequencyTab />}
        {tab === 'timeline' && <TimelineTab />}
        {tab === 'ach' && <AchTab />}
      </div>
    </div>
  )
}
