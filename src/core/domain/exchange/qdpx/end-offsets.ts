/**
 * The standard counts a selection as [startPosition, endPosition), but some tools write the end
 * inclusive. A selection whose name (or description) quotes its text tells which: when the text
 * from start to end matches, the end is exclusive; when one more character matches, inclusive.
 * A selection that says nothing follows the majority of those that do in the same project.
 */

export type EndConvention = 'exclusive' | 'inclusive'

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim()

/**
 * What this selection's quoted text says about its end, or null when it says nothing (no quote,
 * a shortened quote, or a quote that matches both ways or neither). `slice` gives the text between
 * two code point offsets; `length` is the text's length in code points.
 */
export function voteEnd(
  slice: (from: number, to: number) => string,
  length: number,
  start: number,
  end: number,
  quoted: string | undefined
): EndConvention | null {
  const q = quoted ? clean(quoted) : ''
  if (!q) return null
  const ex = end <= length && clean(slice(start, end)) === q
  const inc = end < length && clean(slice(start, end + 1)) === q
  if (ex && !inc) return 'exclusive'
  if (inc && !ex) return 'inclusive'
  return null
}

/** The convention most selections voted for; exclusive, as the standard says, on a tie or no votes. */
export const majority = (votes: { exclusive: number; inclusive: number }): EndConvention =>
  votes.inclusive > votes.exclusive ? 'inclusive' : 'exclusive'
