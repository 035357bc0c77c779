import * as chrono from 'chrono-node'
import type { DatePrecision, StatedDate } from '../../../shared/analysis'

/**
 * Dates stated in a passage ("on Monday", "last week", "3 March", "in 2019"), read with
 * chrono-node's English parser relative to the document's publication date: "last week" in an
 * article of 13 March 2024 is 6 March 2024. Times of day are ignored (a timeline is by day).
 * Everything runs on the reference given, never on the clock, so the same text gives the same dates.
 */

/** chrono reads "in 2019" as nothing; a year after in/during/since/until/by/before/after is a year. */
const yearParser: chrono.Parser = {
  pattern: () =>
    /(?<![\p{L}\p{N}])(?:in|during|since|until|by|before|after)\s+((?:1[5-9]|20)\d\d)(?![\p{L}\p{N}])/iu,
  extract: (_context, match) => ({ year: Number(match[1]) })
}

const parser = (() => {
  const p = chrono.en.casual.clone()
  p.parsers.push(yearParser)
  return p
})()

/** A YYYY-MM-DD day (or YYYY, YYYY-MM) as the reference instant: noon UTC on that day. */
export function referenceOf(day: string): Date | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(day)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), 12))
  return Number.isNaN(d.getTime()) ? null : d
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

function precisionOf(c: chrono.ParsedComponents): DatePrecision {
  // A weekday ("on Monday") names a day, though chrono counts only day numbers as certain.
  if (c.isCertain('day') || c.isCertain('weekday')) return 'day'
  if (c.isCertain('month')) return 'month'
  return 'year'
}

const dated = (c: chrono.ParsedComponents): boolean =>
  c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || c.isCertain('year')

function read(text: string, reference: Date): StatedDate[] {
  const out: StatedDate[] = []
  for (const r of parser.parse(
    text,
    { instant: reference, timezone: 'UTC' },
    { forwardDate: false }
  )) {
    const c = r.start
    // A bare time of day ("at 3pm") dates nothing.
    if (!dated(c)) continue
    const precision = precisionOf(c)
    const year = c.get('year') as number
    const month = precision === 'year' ? 1 : (c.get('month') as number)
    const day = precision === 'day' ? (c.get('day') as number) : 1
    out.push({
      text: r.text,
      start: r.index,
      end: r.index + r.text.length,
      date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
      precision
    })
  }
  return out
}

const key = (d: StatedDate): string => `${d.start}:${d.end}:${d.date}`

/**
 * Every date a passage states, in reading order. With a publication date, partial and relative
 * dates are read against it; without one, only dates that do not depend on a reference are kept
 * ("5 May 2021", not "last week" nor "3 March"): the text is read against two references far
 * apart, and what changes between them is left out.
 */
export function extractDates(text: string, published: string | null): StatedDate[] {
  const reference = published ? referenceOf(published) : null
  if (reference) return read(text, reference)
  const other = new Set(read(text, new Date(Date.UTC(1987, 6, 1, 12))).map(key))
  return read(text, new Date(Date.UTC(2003, 0, 1, 12))).filter((d) => other.has(key(d)))
}
