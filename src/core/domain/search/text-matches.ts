import { eachWord } from './fold'
import { phraseMatcher, wordMatches } from './match-terms'
import type { ParsedQuery, Term } from './parse-query'

/**
 * Whether a short text (a memo) matches a query read word for word, without an index: every
 * group has a term in it, no excluded term is in it. Returns the words that matched (to mark in a
 * snippet) and how many times, or null when it does not match.
 */
export function textMatches(
  text: string,
  query: ParsedQuery
): { words: Set<string>; count: number } | null {
  const words = new Map<string, number>()
  eachWord(text, (w) => void words.set(w, (words.get(w) ?? 0) + 1))
  const matched = new Set<string>()
  let count = 0
  const has = (t: Term, exact: boolean): boolean => {
    if (t.kind === 'phrase') {
      if (!phraseMatcher(t.words)(text)) return false
      for (const w of t.words) matched.add(w)
      count++
      return true
    }
    let found = false
    for (const [w, n] of words) {
      const ok = exact && t.kind === 'word' ? w === t.text : wordMatches(t, w)
      if (!ok) continue
      matched.add(w)
      count += n
      found = true
    }
    return found
  }
  if (query.exclude.some((t) => has(t, true))) return null
  matched.clear()
  count = 0
  // Every group is looked at (not stopped at the first that fails), so that each marks its words.
  const ok = query.groups.map((g) => g.map((t) => has(t, false)).some(Boolean))
  return ok.every(Boolean) ? { words: matched, count } : null
}
