/** Grades, grade filters, origins and corroboration: pure rules over the data of shared/reliability. */
export { carriersOf, corroboration, ORIGINS_TO_CONFIRM, passagesAndOrigins } from './corroboration'
export type { Corroboration, PassageRow } from './corroboration'
export { effectiveGrade } from './effective'
export type { EffectiveGrade, GradedItem } from './effective'
export {
  extractGradeFilters,
  matchesGradeFilter,
  matchesGradeFilters,
  parseGradeFilter
} from './filters'
export type { GradeFilter, GradeFilterParse } from './filters'
export {
  clearGrade,
  defaultReliability,
  gradeCredibility,
  gradeSource,
  overrideReliability,
  removeOverride,
  setGrade
} from './grades'
export type { GradeStamp } from './grades'
export { defaultSourceKey, origins } from './origins'
export type { Origin, OriginInput, OriginsOptions } from './origins'
