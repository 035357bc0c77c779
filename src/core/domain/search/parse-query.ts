import { parseGradeFilter, type GradeFilter } from '../reliability/filters'
import { fold, tokenize } from './fold'

/**
 * One thing to look for: a word (fuzzy when long), a prefix (`arm*`), or a phrase (`"in order"`).
 * A prefix with `typo` also stands for the words one typo away from it: the last word of a query
 * being typed, which may be unfinished or misspelt.
 */
export type Term =
  | { kind: 'word'; text: string }
  | { kind: 'prefix'; text: string; typo?: boolean }
  | { kind: 'phrase'; words: string[] }

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms does (`a OR b`). */
  groups: Term[][]
  /** Terms that must not appear (`-word`, `-"a phrase"`). */
  exclude: Term[]
  filters: {
    tags: string[]
    docs: string[]
    titles: string[]
    after: string | null
    before: string | null
    /** reliability:A-B, credibility:1-3, ungraded (joined with AND). */
    grades: GradeFilter[]
  }
  /** What was off in the query and how it was read, in words a person can act on. */
  warnings: string[]
}

const FILTERS = new Set([
  'tag',
  'doc',
  'title',
  'after',
  'before',
  'reliability',
  'rel',
  'credibility',
  'cred'
])
const DATE = /^\d{4}-\d{2}-\d{2}$/

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
}

/** Splits a query into raw tokens: quoted phrases stay whole; an unclosed quote runs to the end. */
function lex(
  query: string,
  warnings: string[]
): { text: string; quoted: boolean; negated: boolean; filter: string | null }[] {
  const out: { text: string; quoted: boolean; negated: boolean; filter: string | null }[] = []
  let i = 0
  while (i < query.length) {
    while (i < query.length && /\s/.test(query[i])) i++
    if (i >= query.length) break
    let negated = false
    if (query[i] === '-' && i + 1 < query.length && !/\s/.test(query[i + 1])) {
      negated = true
      i++
    }
    let filter: string | null = null
    const f = /^([a-z]+):/i.exec(query.slice(i))
    if (f && FILTERS.has(f[1].toLowerCase())) {
      filter = f[1].toLowerCase()
      i += f[0].length
    }
    if (query[i] === '"' || query[i] === '“' || query[i] === '”') {
      const close = query.slice(i + 1).search(/["“”]/)
      const end = close < 0 ? query.length : i + 1 + close
      if (close < 0)
        warnings.push(
          'The closing quote is missing: the rest of the query was searched as one phrase.'
        )
      out.push({ text: query.slice(i + 1, end), quoted: true, negated, filter })
      i = end + 1
      continue
    }
    let j = i
    while (j < query.length && !/\s/.test(query[j])) j++
    out.push({ text: query.slice(i, j), quoted: false, negated, filter })
    i = j
  }
  return out
}

/**
 * Reads a search query: words (all must match), "exact phrases", prefix*, -exclude, OR, and the
 * filters tag:NAME, doc:ID, title:WORD, after:YYYY-MM-DD, before:YYYY-MM-DD. Never throws: what
 * cannot be read is left out, with a warning saying so.
 */
export function parseQuery(query: string): ParsedQuery {
  const warnings: string[] = []
  const parsed: ParsedQuery = {
    groups: [],
    exclude: [],
    filters: { tags: [], docs: [], titles: [], after: null, before: null, grades: [] },
    warnings
  }
  let joinNext = false
  for (const token of lex(query, warnings)) {
    if (!token.filter && !token.quoted && !token.negated && /^ungraded$/i.test(token.text)) {
      parsed.filters.grades.push({ kind: 'ungraded' })
      continue
    }
    if (token.filter) {
      const value = token.text.trim()
      if (!value) {
        warnings.push(
          `${token.filter}: needs a value, for example ${token.filter}:${token.filter === 'after' || token.filter === 'before' ? '2025-03-01' : 'Attribution'}. It was left out.`
        )
        continue
      }
      const grade = parseGradeFilter(`${token.filter}:${value}`)
      if (grade) {
        if (grade.ok) parsed.filters.grades.push(grade.filter)
        else warnings.push(`${grade.error} It was left out.`)
        continue
      }
      if (token.filter === 'after' || token.filter === 'before') {
        if (!validDate(value)) {
          warnings.push(`${token.filter}:${value} is not a date as YYYY-MM-DD. It was left out.`)
          continue
        }
        parsed.filters[token.filter] = value
      } else if (token.filter === 'tag') parsed.filters.tags.push(value)
      else if (token.filter === 'doc') parsed.filters.docs.push(value)
      else parsed.filters.titles.push(...tokenize(value).map(fold))
      continue
    }
    if (!token.quoted && token.text === 'OR' && !token.negated) {
      if (parsed.groups.length === 0) warnings.push('OR needs a word on each side.')
      else joinNext = true
      continue
    }
    let term: Term | null = null
    if (token.quoted) {
      const words = tokenize(token.text).map(fold)
      if (words.length === 1) term = { kind: 'word', text: words[0] }
      else if (words.length > 1) term = { kind: 'phrase', words }
    } else {
      const prefix = token.text.endsWith('*')
      const words = tokenize(token.text).map(fold)
      if (words.length === 1)
        term = prefix ? { kind: 'prefix', text: words[0] } : { kind: 'word', text: words[0] }
      else if (words.length > 1) term = { kind: 'phrase', words } // "U.S.-led" and the like: its parts, in order
    }
    if (!term) continue
    if (token.negated) {
      parsed.exclude.push(term)
      continue
    }
    if (joinNext) parsed.groups[parsed.groups.length - 1].push(term)
    else parsed.groups.push([term])
    joinNext = false
  }
  if (joinNext) warnings.push('OR needs a word on each side.')
  if (parsed.groups.length === 0 && parsed.exclude.length > 0)
    warnings.push('Add a word to search for: a query cannot only exclude.')
  return parsed
}
