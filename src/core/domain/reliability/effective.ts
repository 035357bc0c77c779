import type {
  DocumentGrades,
  EffectiveGrade,
  HighlightGrades,
  Source
} from '../../../shared/reliability'
import { badgeText } from '../../../shared/reliability'

export type { EffectiveGrade }

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
