import { useId } from 'react'
import {
  CREDIBILITY_SCALE,
  credibilityLevel,
  RELIABILITY_SCALE,
  PROVENANCE_FLAG_LABELS,
  reliabilityLevel,
  type InformationCredibility,
  type ProvenanceFlagKind,
  type SourceReliability
} from '../../../shared/reliability'

/** What a badge stands for, in words: "Source B: usually reliable; information 2: probably true". */
export function describeGrade(
  reliability: SourceReliability | null,
  credibility: InformationCredibility | null
): string {
  const parts = [
    reliability && `source ${reliability}: ${reliabilityLevel(reliability).label.toLowerCase()}`,
    credibility &&
      `information ${credibility}: ${credibilityLevel(credibility).label.toLowerCase()}`
  ].filter(Boolean)
  return parts.length ? `Graded ${parts.join('; ')}` : 'Not graded'
}

/**
 * An Admiralty badge such as `B2`: the source's reliability (A–F) and the information's
 * credibility (1–6); `–` for a half not graded. Its title says it in words.
 */
export function GradeBadge({
  reliability,
  credibility,
  badge,
  from
}: {
  reliability: SourceReliability | null
  credibility: InformationCredibility | null
  badge: string
  /** Shown in the title: where an inherited half comes from. */
  from?: string
}): React.JSX.Element {
  const words = describeGrade(reliability, credibility)
  const ungraded = reliability === null && credibility === null
  return (
    <span
      className={ungraded ? 'grade-badge ungraded' : 'grade-badge'}
      title={from ? `${words} (${from})` : words}
      aria-label={words}
      role="img"
    >
      {badge}
    </span>
  )
}

/** The provenance flags of a document, as chips. */
export function FlagChips({
  flags
}: {
  flags: readonly ProvenanceFlagKind[]
}): React.JSX.Element | null {
  if (flags.length === 0) return null
  return (
    <span className="flag-chips">
      {flags.map((f) => (
        <span key={f} className={`flag-chip flag-${f}`}>
          {PROVENANCE_FLAG_LABELS[f]}
        </span>
      ))}
    </span>
  )
}

/** One scale of the popover, the level graded marked. */
function ScaleTable<V extends string | number>({
  caption,
  scale,
  current
}: {
  caption: string
  scale: readonly { value: V; label: string; meaning: string }[]
  current: V | null
}): React.JSX.Element {
  return (
    <table className="grade-scale">
      <caption>{caption}</caption>
      <tbody>
        {scale.map((l) => (
          <tr
            key={String(l.value)}
            className={l.value === current ? 'current' : undefined}
            aria-current={l.value === current ? 'true' : undefined}
          >
            <th scope="row">{l.value}</th>
            <td>
              <strong>{l.label}</strong> {l.meaning}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * A badge that opens a popover with the two Admiralty scales, the levels of this grade marked
 * (a native popover: Escape or a click elsewhere closes it, and it never covers what is typed).
 */
export function GradeBadgeButton(props: Parameters<typeof GradeBadge>[0]): React.JSX.Element {
  const id = useId()
  const words = describeGrade(props.reliability, props.credibility)
  return (
    <>
      <button
        type="button"
        className="grade-badge-button"
        popoverTarget={id}
        aria-label={`${props.badge}: ${words}. Show the two scales`}
      >
        <GradeBadge {...props} />
      </button>
      <div
        id={id}
        popover="auto"
        className="grade-scales"
        role="dialog"
        aria-label="The two scales"
      >
        <p>
          <strong>{props.badge}</strong> — {words}
          {props.from ? ` (${props.from})` : ''}.
        </p>
        <ScaleTable
          caption="Source reliability"
          scale={RELIABILITY_SCALE}
          current={props.reliability}
        />
        <ScaleTable
          caption="Information credibility"
          scale={CREDIBILITY_SCALE}
          current={props.credibility}
        />
        <button type="button" popoverTarget={id} popoverTargetAction="hide">
          Close
        </button>
      </div>
    </>
  )
}
