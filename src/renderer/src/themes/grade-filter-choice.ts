import type { GradeFilter } from '../../../shared/grade-filters'

/** What the Themes view's grade control can show: every passage, or those one filter selects. */
export type GradeFilterKind = 'all' | GradeFilter['kind']

/** The ranges a control starts with: the usual "reliable sources" and "believable" picks. */
const STARTS: { [K in GradeFilter['kind']]: Extract<GradeFilter, { kind: K }> } = {
  reliability: { kind: 'reliability', min: 'A', max: 'B' },
  credibility: { kind: 'credibility', min: 1, max: 3 },
  ungraded: { kind: 'ungraded' }
}

/** The filter for a kind chosen (null: all passages). */
export const filterOfKind = (kind: GradeFilterKind): GradeFilter | null =>
  kind === 'all' ? null : STARTS[kind]

/**
 * A range with one end moved: the other end follows when it would be passed, so the range stays
 * min ≤ max (choosing "from D" with "to B" makes D–D, not an empty range).
 */
export function withBound<F extends Extract<GradeFilter, { min: unknown }>>(
  filter: F,
  end: 'min' | 'max',
  value: F['min']
): F {
  if (end === 'min') return { ...filter, min: value, max: filter.max < value ? value : filter.max }
  return { ...filter, max: value, min: filter.min > value ? value : filter.min }
}
