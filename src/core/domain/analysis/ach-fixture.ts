import type {
  AchAnalysis,
  AchEvidence,
  AchRating,
  FreeEvidenceKind,
  Relevance
} from '../../../shared/analysis'

/** Builders for ACH analyses in tests: a row's ratings as a string, "II C C" for H1 H2 H3. */

export function row(
  id: string,
  ratings: string,
  hypothesisIds: readonly string[],
  fields: Partial<{ kind: FreeEvidenceKind; text: string; relevance: Relevance }> = {}
): AchEvidence {
  const cells: AchEvidence['cells'] = {}
  ratings
    .split(/\s+/)
    .filter(Boolean)
    .forEach((r, i) => {
      if (r !== '-') cells[hypothesisIds[i]] = { rating: r as AchRating }
    })
  return {
    id,
    kind: fields.kind ?? 'other',
    text: fields.text ?? id,
    relevance: fields.relevance ?? 'medium',
    credibility: null,
    cells
  }
}

export function analysis(
  hypotheses: readonly (readonly [string, string])[],
  evidence: AchEvidence[],
  fields: Partial<Pick<AchAnalysis, 'id' | 'title' | 'question'>> = {}
): AchAnalysis {
  return {
    id: fields.id ?? 'ach1',
    title: fields.title ?? 'Test',
    question: fields.question ?? '',
    hypotheses: hypotheses.map(([id, text]) => ({ id, text })),
    evidence,
    created: '2024-01-01T00:00:00.000Z',
    modified: '2024-01-01T00:00:00.000Z'
  }
}

/**
 * Heuer's worked example (Psychology of Intelligence Analysis, chapter 8, figure 15: "Question:
 * Will Iraq Retaliate for US Bombing of Its Intelligence Headquarters?"), as we read the figure:
 * its three hypotheses, its six items of evidence (two of them assumptions, one an absence of
 * evidence), and its ratings, written there as + (consistent), − (inconsistent) and −− (very
 * inconsistent), here C, I and II. The book gives no credibility or relevance for the example,
 * so every row is medium relevance and ungraded: weight 1, and the weighted score is the
 * unweighted one. Heuer's reading of it: E1 fits every hypothesis and so has no diagnostic
 * value; H2 has no evidence against it.
 */
export const HEUER_H: [string, string][] = [
  ['H1', 'Iraq will not retaliate.'],
  ['H2', 'It will sponsor some minor terrorist actions.'],
  [
    'H3',
    'Iraq is planning a major terrorist attack, perhaps against one or more CIA installations.'
  ]
]
const ids = HEUER_H.map(([id]) => id)

export const HEUER = analysis(
  HEUER_H,
  [
    row('E1', 'C C C', ids, { text: 'Saddam public statement of intent not to retaliate.' }),
    row('E2', 'C C I', ids, {
      kind: 'absence',
      text: 'Absence of terrorist offensive during the 1991 Gulf War.'
    }),
    row('E3', 'C C I', ids, {
      kind: 'assumption',
      text: 'Assumption that Iraq would not want to provoke another US attack.'
    }),
    row('E4', 'I C C', ids, {
      text: 'Increase in frequency/length of monitored Iraqi agent radio broadcasts.'
    }),
    row('E5', 'I C C', ids, {
      text: 'Iraqi embassies instructed to take increased security precautions.'
    }),
    row('E6', 'II C C', ids, {
      kind: 'assumption',
      text: 'Assumption that failure to retaliate would be unacceptable loss of face for Saddam.'
    })
  ],
  {
    title: 'Iraqi retaliation',
    question: 'Will Iraq retaliate for US bombing of its intelligence headquarters?'
  }
)
