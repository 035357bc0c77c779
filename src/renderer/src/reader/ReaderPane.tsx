import { useRef } from 'react'
import { HIGHLIGHT_COLORS, type Annotation, type HighlightColor } from '../../../shared/model'
import { COLOR_NAMES } from '../annotations/AnnotationEditor'
import { ACCEPT } from '../library/collect-files'
import { Reader, type TextRange } from './Reader'

interface Props {
  paneKey: string
  docId: string
  title: string
  active: boolean
  closable: boolean
  textRevision: number
  annotations: Annotation[]
  annotationsLoaded: boolean
  pending: Annotation[]
  selectedId: string | null
  scrollTarget: { id: string; nonce: number } | null
  selection: TextRange | null
  matches: { ranges: { start: number; end: number }[]; current: number } | null
  onStepMatch: (delta: number) => void
  onClearMatches: () => void
  color: HighlightColor
  onColor: (c: HighlightColor) => void
  onHighlight: () => void
  onSelect: (id: string | null) => void
  onSelection: (range: TextRange | null) => void
  onFocus: () => void
  onClose: () => void
  onRemove: () => void
  onReimport: (file: File) => void
}

/** One reader in the side-by-side layout, with its highlight bar (shown while text is selected). */
export function ReaderPane(props: Props): React.JSX.Element {
  const fileRef = useRef<HTMLInputElement>(null)
  const { paneKey, docId, title, active, closable, selection, color } = props
  return (
    <section className={active ? 'pane active' : 'pane'} aria-label={`Reader: ${title}`}>
      <div className="pane-bar">
        {selection ? (
          <div className="highlight-bar" role="toolbar" aria-label="Highlight selection">
            <button
              type="button"
              className="primary"
              onClick={props.onHighlight}
              title="Highlight the selection (H)"
            >
              Highlight
            </button>
            <div role="radiogroup" aria-label="Highlight colour" className="swatches">
              {HIGHLIGHT_COLORS.map((c) => (
                <button
                  key={c}
                  type="button"
                  role="radio"
                  aria-checked={c === color}
                  aria-label={COLOR_NAMES[c]}
                  className={`swatch-button color-${c}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => props.onColor(c)}
                />
              ))}
            </div>
          </div>
        ) : props.matches ? (
          <div className="match-bar" role="toolbar" aria-label="Search matches">
            <span aria-live="polite">
              {props.matches.ranges.length === 0
                ? 'No matches in this document'
                : `Match ${props.matches.current + 1} of ${props.matches.ranges.length}`}
            </span>
            <button
              type="button"
              aria-label="Previous match"
              title="Previous match (Shift+F3)"
              disabled={props.matches.ranges.length === 0}
              onClick={() => props.onStepMatch(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label="Next match"
              title="Next match (F3)"
              disabled={props.matches.ranges.length === 0}
              onClick={() => props.onStepMatch(1)}
            >
              ↓
            </button>
            <button type="button" className="link" onClick={props.onClearMatches}>
              Clear
            </button>
          </div>
        ) : (
          <span className="pane-title">{title}</span>
        )}
        {closable && (
          <button
            type="button"
            className="pane-close"
            aria-label={`Close ${title}`}
            onClick={props.onClose}
          >
            ×
          </button>
        )}
      </div>
      <div className="pane-scroll">
        <Reader
          key={docId}
          paneKey={paneKey}
          id={docId}
          textRevision={props.textRevision}
          annotations={props.annotations}
          annotationsLoaded={props.annotationsLoaded}
          pending={props.pending}
          selectedId={props.selectedId}
          scrollTarget={props.scrollTarget}
          matches={props.matches}
          onSelect={props.onSelect}
          onSelection={props.onSelection}
          onFocus={props.onFocus}
          actions={
            <>
              <button type="button" onClick={() => fileRef.current?.click()}>
                Replace with new version…
              </button>
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
                  if (file) props.onReimport(file)
                }}
              />
              <button type="button" onClick={props.onRemove}>
                Remove from library…
              </button>
            </>
          }
        />
      </div>
    </section>
  )
}
