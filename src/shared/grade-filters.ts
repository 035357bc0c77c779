import type { InformationCredibility, SourceReliability } from './reliability'
import { CREDIBILITY_LEVELS, RELIABILITY_LEVELS } from './reliability'

/** A grade filter of a search, a Themes view or an export. Ranges are inclusive, min ≤ max. */
export type GradeFilter =
  | { kind: 'reliability'; min: SourceReliability; max: SourceReliability }
  | { kind: 'credibility'; min: InformationCredibility; max: InformationCredibility }
  | { kind: 'ungraded' }

/** What a grade filter is read from one query token, or why it cannot be. */
export type GradeFilterParse = { ok: true; filter: GradeFilter } | { ok: false; error: string }

const FIELD = /^(reliability|rel|credibility|cred):(.*)$/i
const RANGE = /^([^-–—]+)(?:\s*[-–—]\s*([^-–—]+))?$/

/**
 * Reads one query token: `reliability:A-B`, `reliability:c`, `credibility:1-3`, `cred:2`,
 * `ungraded` (a reversed range such as `reliability:C-A` is read as A–C). Returns null when the
 * token is not a grade filter at all, so a query parser can hand it any `field:value` token.
 */
export function parseGradeFilter(token: string): GradeFilterParse | null {
  const t = token.trim()
  if (/^ungraded$/i.test(t)) return { ok: true, filter: { kind: 'ungraded' } }
  const field = FIELD.exec(t)
  if (!field) return null
  const reliability = field[1].toLowerCase().startsWith('rel')
  const range = RANGE.exec(field[2].trim())
  if (reliability) {
    const levels = RELIABILITY_LEVELS as readonly string[]
    const lo = range?.[1].trim().toUpperCase() ?? ''
    const hi = range?.[2]?.trim().toUpperCase() ?? lo
    if (!levels.includes(lo) || !levels.includes(hi))
      return {
        ok: false,
        error: `reliability: takes a letter from A to F or a range such as A-B, not “${field[2]}”.`
      }
    const [min, max] = [lo, hi].sort() as SourceReliability[]
    return { ok: true, filter: { kind: 'reliability', min, max } }
  }
  const lo = Number(range?.[1].trim())
  const hi = range?.[2] === undefined ? lo : Number(range[2].trim())
  const levels = CREDIBILITY_LEVELS as readonly number[]
  if (!levels.includes(lo) || !levels.includes(hi))
    return {
      ok: false,
      error: `credibility: takes a number from 1 to 6 or a range such as 1-3, not “${field[2]}”.`
    }
  return {
    ok: true,
    filter: {
      kind: 'credibility',
      min: Math.min(lo, hi) as InformationCredibility,
      max: Math.max(lo, hi) as InformationCredibility
    }
  }
}

/**
 * Takes the grade filters out of a whole query: the filters, the query without them, and what
 * could not be read. For callers that have no query parser of their own (Themes, exports).
 */
export function extractGradeFilters(query: string): {
  filters: GradeFilter[]
  rest: string
  errors: string[]
} {
  const filters: GradeFilter[] = []
  const errors: string[] = []
  const rest: string[] = []
  for (const token of query.split(/\s+/).filter(Boolean)) {
    const parsed = parseGradeFilter(token)
    if (!parsed) rest.push(token)
    else if (parsed.ok) filters.push(parsed.filter)
    else errors.push(parsed.error)
  }
  return { filters, rest: rest.join(' '), errors }
}

/** Whether an item with these effective grades passes a filter. An ungraded half never does. */
export function matchesGradeFilter(
  filter: GradeFilter,
  grade: {
    reliability: SourceReliability | null
    credibility: InformationCredibility | null
  }
): boolean {
  switch (filter.kind) {
    case 'ungraded':
      return grade.reliability === null && grade.credibility === null
    case 'reliability':
      return (
        grade.reliability !== null &&
        filter.min <= grade.reliability &&
        grade.reliability <= filter.max
      )
    case 'credibility':
      return (
        grade.credibility !== null &&
        filter.min <= grade.credibility &&
        grade.credibility <= filter.max
      )
  }
}

/** Whether an item passes every filter (filters of one query are joined with AND). */
export const matchesGradeFilters = (
  filters: readonly GradeFilter[],
  grade: Parameters<typeof matchesGradeFilter>[1]
): boolean => filters.every((f) => matchesGradeFilter(f, grade))

/** A filter in words, for a heading or a status line: "reliability A–B", "credibility 2", "ungraded". */
export function gradeFilterLabel(filter: GradeFilter): string {
  if (filter.kind === 'ungraded') return 'ungraded'
  const range = filter.min === filter.max ? `${filter.min}` : `${filter.min}–${filter.max}`
  return `${filter.kind} ${range}`
}

/** A filter as a query writes it (`reliability:A-B`, `credibility:2`, `ungraded`): read back by parseGradeFilter. */
export function gradeFilterQuery(filter: GradeFilter): string {
  if (filter.kind === 'ungraded') return 'ungraded'
  const range = filter.min === filter.max ? `${filter.min}` : `${filter.min}-${filter.max}`
  return `${filter.kind}:${range}`
}
