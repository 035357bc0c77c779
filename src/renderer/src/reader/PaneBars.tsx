import type { HighlightColor } from '../../../shared/model'
import { COLOR_OPTIONS } from '../annotations/AnnotationEditor'
import { formatCount } from '../format'
import { useCommands, useUi } from '../state/app-context'
import type { Matches } from '../state/ui-state'
import type { PaneComparison } from './use-comparison'
import { RadioGroup } from '../ui/RadioGroup'

/** Shown while text is selected in the pane: Highlight (H) and the colour to use. */
export function HighlightBar({ color }: { color: HighlightColor }): React.JSX.Element {
  const commands = useCommands()
  return (
    <div className="highlight-bar" role="toolbar" aria-label="Highlight selection">
      <button
        type="button"
        className="primary"
        // The selection stays as it is.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void commands.highlight()}
        title="Highlight the selection (H)"
      >
        Highlight
      </button>
      <RadioGroup
        legend="Highlight colour"
        hideLegend
        appearance="swatches"
        className="swatches"
        options={COLOR_OPTIONS}
        value={color}
        onChange={commands.setColor}
      />
    </div>
  )
}

/** Shown while search matches are marked in the pane: which one is current, and ↑/↓ through them. */
export function MatchBar({
  paneKey,
  matches
}: {
  paneKey: string
  matches: Matches
}): React.JSX.Element {
  const commands = useCommands()
  const none = matches.ranges.length === 0
  return (
    <div className="match-bar" role="toolbar" aria-label="Search matches">
      <span aria-live="polite">
        {none
          ? 'No matches in this document'
          : `Match ${matches.current + 1} of ${matches.ranges.length}`}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        title="Previous match (Shift+F3)"
        disabled={none}
        onClick={() => commands.stepMatch(paneKey, -1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        title="Next match (F3)"
        disabled={none}
        onClick={() => commands.stepMatch(paneKey, 1)}
      >
        ↓
      </button>
      <button type="button" className="link" onClick={() => commands.clearMatches(paneKey)}>
        Clear
      </button>
    </div>
  )
}

/**
 * Shown in the compared panes while they share passages: which one is current, its length and
 * identity, and K/J through them (the other pane follows).
 */
export function SharedBar({ comparison }: { comparison: PaneComparison }): React.JSX.Element {
  const commands = useCommands()
  const showBoilerplate = useUi((s) => s.sharedBoilerplate)
  const { marks, current } = comparison
  const m = marks[current]
  const text = m
    ? `Shared ${current + 1} of ${marks.length} · ${m.words} words · ${Math.round(m.identity * 100)}% identical`
    : 'No passage shared with the other pane but boilerplate'
  return (
    <div className="shared-bar" role="toolbar" aria-label="Shared passages">
      <span aria-hidden="true" title={text}>
        {m
          ? `${current + 1}/${marks.length} · ${m.words} words · ${Math.round(m.identity * 100)}%`
          : 'Only boilerplate shared'}
      </span>
      {/* Both panes of the pair show the bar; one announces it. */}
      <span className="visually-hidden" aria-live={comparison.announces ? 'polite' : 'off'}>
        {text}
      </span>
      <button
        type="button"
        aria-label="Previous shared passage"
        title="Previous shared passage (K)"
        disabled={marks.length === 0}
        onClick={() => commands.stepShared(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next shared passage"
        title="Next shared passage (J)"
        disabled={marks.length === 0}
        onClick={() => commands.stepShared(1)}
      >
        ↓
      </button>
      {comparison.boilerplate > 0 && (
        <label
          className="check"
          title={`Also mark ${formatCount(comparison.boilerplate, 'passage')} of boilerplate: phrases very many documents share (a site's footer…)`}
        >
          <input
            type="checkbox"
            checked={showBoilerplate}
            onChange={(e) => commands.setSharedBoilerplate(e.target.checked)}
          />{' '}
          Boilerplate
          <span className="visually-hidden">
            {' '}
            ({formatCount(comparison.boilerplate, 'passage')})
          </span>
        </label>
      )}
    </div>
  )
}
