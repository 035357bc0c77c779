import type { DocumentMeta } from '../../shared/model'

const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC'
})

/** "28 Aug 2025" for a YYYY-MM-DD date, the text as is when it is not one. */
export function formatDate(iso: string | null): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return dateFormat.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])))
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short'
})

/** "28 Aug 2025, 14:05" for an ISO timestamp, in local time; the text as is when it is not one. */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : dateTimeFormat.format(t)
}

const numberFormat = new Intl.NumberFormat()

export const formatCount = (n: number, one: string, many = `${one}s`): string =>
  `${numberFormat.format(n)} ${n === 1 ? one : many}`

/** The line under a title: source, date and length. */
export function describeDocument(d: DocumentMeta): string {
  return [d.source, formatDate(d.published), formatCount(d.words, 'word')]
    .filter(Boolean)
    .join(' · ')
}
