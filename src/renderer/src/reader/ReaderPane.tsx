import { memo, useCallback, useRef, useState } from 'react'
import { formatDate } from '../format'
import { useAnnotationList } from '../hooks/use-annotation-list'
import { useDocumentList } from '../hooks/use-workspace'
import { ACCEPT } from '../library/collect-files'
import { useCommands, useUi } from '../state/app-context'
import type { Pane } from '../state/panes'
import type { TextRange } from '../state/ui-state'
import { Menu } from '../ui/Menu'
import { HighlightBar, MatchBar, SharedBar } from './PaneBars'
import { DetailsDialog } from './DetailsDialog'
import { ReadAgainDialog } from './ReadAgainDialog'
import { Reader } from './Reader'
import { useComparison } from './use-comparison'

interface Props {
  pane: Pane
  closable: boolean
}

/**
 * One reader in the side-by-side layout, under a one-line header: the document's title, source and
 * date, the highlight bar while text is selected (or the match bar while search matches are
 * marked), the pane's menu and its close button.
 */
export const ReaderPane = memo(function ReaderPane({ pane, closable }: Props): React.JSX.Element {
  const commands = useCommands()
  const fileRef = useRef<HTMLInputElement>(null)
  const [editing, setEditing] = useState(false)
  const [reading, setReading] = useState(false)
  const { key, docId } = pane
  const active = useUi((s) => (s.activeKey ?? s.panes[0]?.key) === key)
  const selection = useUi((s) => (s.selection?.paneKey === key ? s.selection : null))
  const matches = useUi((s) => (s.matches[key]?.docId === docId ? s.matches[key] : null))
  const selectedId = useUi((s) => s.selectedId)
  const scrollTarget = useUi((s) => s.scrollTarget)
  const color = useUi((s) => s.color)
  const meta = useDocumentList().find((d) => d.id === docId)
  const title = meta?.title ?? 'Document'
  const annotations = useAnnotationList(docId)
  const comparison = useComparison(key)

  const onSelection = useCallback(
    (range: (TextRange & { text: string }) | null) => commands.setSelection(key, range),
    [commands, key]
  )
  const onSelect = useCallback(
    (id: string | null) => {
      commands.setActive(key)
      commands.selectAnnotation(id)
    },
    [commands, key]
  )
  const onFocus = useCallback(() => commands.setActive(key), [commands, key])
  const details = meta ? [meta.source, formatDate(meta.published)].filter(Boolean).join(' · ') : ''

  return (
    <section
      className={active ? 'pane active' : 'pane'}
      aria-label={`Reader: ${title}`}
      data-pane={key}
    >
      <div className="pane-bar">
        <p className="pane-heading" title={details ? `${title} — ${details}` : title}>
          <span className="pane-title">{title}</span>
          {details && <span className="pane-details">{details}</span>}
        </p>
        {selection ? (
          <HighlightBar color={color} />
        ) : matches ? (
          <MatchBar paneKey={key} matches={matches} />
        ) : null}
        <Menu
          label={`Actions for ${title}`}
          className="pane-menu"
          items={[
            { label: 'Edit details…', onSelect: () => setEditing(true) },
            { label: 'Source and grades… (G)', onSelect: () => commands.openGrades(docId) },
            ...(meta && meta.format !== 'pdf' && meta.format !== 'docx'
              ? [{ label: 'Read again as…', onSelect: () => setReading(true) }]
              : []),
            { label: 'Replace with new version…', onSelect: () => fileRef.current?.click() },
            { label: 'Remove from library…', onSelect: () => commands.askRemove(docId, title) }
          ]}
        >
          ⋯
        </Menu>
        <input
          ref={fileRef}
          type="file"
          className="visually-hidden"
          accept={ACCEPT}
          aria-label={`New version of ${title}`}
          tabIndex={-1}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            e.currentTarget.value = ''
            if (file) void commands.reimport(docId, file)
          }}
        />
        {closable && (
          <button
            type="button"
            className="pane-close"
            aria-label={`Close ${title}`}
            title="Close this pane"
            onClick={() => commands.closePane(key)}
          >
            ×
          </button>
        )}
      </div>
      {comparison && (comparison.marks.length > 0 || comparison.boilerplate > 0) && (
        <SharedBar comparison={comparison} />
      )}
      <div className="pane-scroll">
        <Reader
          key={docId}
          paneKey={key}
          id={docId}
          annotations={annotations.list}
          annotationsLoaded={annotations.loaded}
          pending={annotations.pending}
          selectedId={selectedId}
          scrollTarget={scrollTarget}
          matches={matches}
          onSelect={onSelect}
          onSelection={onSelection}
          onFocus={onFocus}
          comparison={comparison}
        />
      </div>
      {editing && meta && <DetailsDialog meta={meta} onClose={() => setEditing(false)} />}
      {reading && meta && <ReadAgainDialog meta={meta} onClose={() => setReading(false)} />}
    </section>
  )
})
