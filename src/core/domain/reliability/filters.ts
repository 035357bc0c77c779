// The grade filters are shared with the renderer (the Themes view filters passages by grade).
export {
  extractGradeFilters,
  gradeFilterLabel,
  matchesGradeFilter,
  matchesGradeFilters,
  parseGradeFilter
} from '../../../shared/grade-filters'
export type { GradeFilter, GradeFilterParse } from '../../../shared/grade-filters'
