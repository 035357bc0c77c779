import {
  credibilityLevel,
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
