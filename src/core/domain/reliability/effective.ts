import type {
  DocumentGrades,
  HighlightGrades,
  InformationCredibility,
  Source,
  SourceReliability
} from '../../../shared/reliability'
import { badgeText } from '../../../shared/reliability'

/** The grades that hold for a document or a highlight once inheritance is applied, and whence. */
export interface EffectiveGrade {
  reliability: SourceReliability | null
  /** 'document' when the document overrides its source. */
  reliabilityFrom: 'source' | 'document' | null
  credibility: InformationCredibility | null
  /** 'document' when a highlight has no credibility of its own and takes its document's. */
  credibilityFrom: 'document' | 'highlight' | null
  /** `B2`, `B–`, `–2` or `–`. */
  badge: string
  /**
   * Nothing graded at any level: no reliability on the source or the document, no credibility on
   * the document or the highlight (the badge is `–`). F and 6 are grades, so `F6` is not ungraded.
   */
  ungraded: boolean
}

export interface GradedItem {
  /** The document's source; null or absent when it has none yet. */
  source?: Pick<Source, 'reliability'> | null
  document?: DocumentGrades | null
  /** Given for a highlight; absent for the document itself. */
  highlight?: HighlightGrades | null
}

/**
 * Inheritance, from the top: reliability belongs to the source and is inherited by its documents
 * and their highlights, unless the document overrides it; credibility belongs to the document and
 * is inherited by its highlights, unless a highlight has its own.
 */
export function effectiveGrade({ source, document, highlight }: GradedItem): EffectiveGrade {
  const override = document?.reliabilityOverride.current ?? null
  const inherited = source?.reliability.current ?? null
  const reliability = override?.value ?? inherited?.value ?? null
  const reliabilityFrom = override ? 'document' : inherited ? 'source' : null

  const own = highlight?.credibility.current ?? null
  const docCredibility = document?.credibility.current ?? null
  const credibility = own?.value ?? docCredibility?.value ?? null
  const credibilityFrom = own ? 'highlight' : docCredibility ? 'document' : null

  return {
    reliability,
    reliabilityFrom,
    credibility,
    credibilityFrom,
    badge: badgeText(reliability, credibility),
    ungraded: reliability === null && credibility === null
  }
}
