/**
 * The baselines a user has without an index: every text read through for each query. Texts are
 * held in memory, so that only the reading through is timed. Neither finds misspellings or ranks.
 *
 * - `substringScan`: the fastest there is: texts folded in advance (case and accents), each word
 *   looked for as a substring (so "jury" also finds "injury").
 * - `wordScan`: what `grep -iw` does: whole words, case-insensitive, by regular expression over
 *   the texts as they are.
 */
import { fold } from '../src/core/domain/search/fold'
import { parseQuery, type Term } from '../src/core/domain/search/parse-query'

export interface ScanDoc {
  /** The text and title as they are, and folded. */
  text: string
  folded: string
  title: string
  published: string | null
}

const needle = (t: Term): string => (t.kind === 'phrase' ? t.words.join(' ') : t.text)
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A query as tests on one document, given a test for one of its terms. */
function compile(
  query: string,
  has: (term: Term) => (d: ScanDoc) => boolean
): (d: ScanDoc) => boolean {
  const q = parseQuery(query)
  const titles = q.filters.titles.map(fold)
  const { after, before } = q.filters
  const groups = q.groups.map((g) => g.map(has))
  const exclude = q.exclude.map(has)
  return (d) =>
    (!titles.length || titles.every((w) => fold(d.title).includes(w))) &&
    (!after || (d.published !== null && d.published >= after)) &&
    (!before || (d.published !== null && d.published <= before)) &&
    groups.every((g) => g.some((t) => t(d))) &&
    !exclude.some((t) => t(d))
}

/** How many documents match, substrings of folded texts. */
export function substringScan(query: string, docs: readonly ScanDoc[]): number {
  const test = compile(query, (t) => {
    const s = needle(t)
    return (d) => d.folded.includes(s)
  })
  return docs.filter(test).length
}

/** How many documents match, whole words by regular expression (as `grep -iw`). */
export function wordScan(query: string, docs: readonly ScanDoc[]): number {
  const test = compile(query, (t) => {
    const re = new RegExp(
      t.kind === 'phrase'
        ? `\\b${t.words.map(escape).join('\\W+')}\\b`
        : t.kind === 'prefix'
          ? `\\b${escape(t.text)}`
          : `\\b${escape(t.text)}\\b`,
      'i'
    )
    return (d) => re.test(d.text)
  })
  return docs.filter(test).length
}
