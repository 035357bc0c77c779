import type { HighlightColor } from '../../../shared/model'
import { COLOR_OPTIONS } from '../annotations/AnnotationEditor'
import { useCommands } from '../state/app-context'
import type { Matches } from '../state/ui-state'
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
