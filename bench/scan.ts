/**
 * The baseline a user has without an index: every text read through for each query, as grep
 * would do it (case and accents folded, whole words as substrings, a phrase as one string; no
 * misspellings, no ranking). Texts are held in memory, folded already, so that only the reading
 * through is timed.
 */
import { fold } from '../src/core/search/fold'
import { parseQuery, type Term } from '../src/core/search/parse-query'

export interface ScanDoc {
  /** Folded text and title. */
  text: string
  title: string
  published: string | null
}

const needle = (t: Term): string => (t.kind === 'phrase' ? t.words.join(' ') : t.text)

/** How many documents match the query. */
export function linearScan(query: string, docs: readonly ScanDoc[]): number {
  const q = parseQuery(query)
  const titles = q.filters.titles.map(fold)
  const { after, before } = q.filters
  let hits = 0
  for (const d of docs) {
    if (titles.length && !titles.every((w) => d.title.includes(w))) continue
    if (after && !(d.published && d.published >= after)) continue
    if (before && !(d.published && d.published <= before)) continue
    if (!q.groups.every((g) => g.some((t) => d.text.includes(needle(t))))) continue
    if (q.exclude.some((t) => d.text.includes(needle(t)))) continue
    hits++
  }
  return hits
}
