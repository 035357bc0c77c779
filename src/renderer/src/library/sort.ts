import type { DocumentMeta } from '../../../shared/model'

export type SortKey = 'imported' | 'title' | 'date'

export const SORT_LABELS: Record<SortKey, string> = {
  imported: 'Import order',
  title: 'Title',
  date: 'Date (newest first)'
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** Documents whose title, source, author or file name contains every word of the filter, in the chosen order. */
export function sortAndFilter(docs: DocumentMeta[], sort: SortKey, filter: string): DocumentMeta[] {
  const words = fold(filter).split(/\s+/).filter(Boolean)
  const shown = words.length
    ? docs.filter((d) => {
        const hay = fold(
          [d.title, d.source, d.author, d.originalName, d.published].filter(Boolean).join(' ')
        )
        return words.every((w) => hay.includes(w))
      })
    : [...docs]
  switch (sort) {
    case 'title':
      return shown.sort((a, b) => collator.compare(a.title, b.title))
    case 'date':
      // Newest first; documents without a date go last, in import order.
      return shown.sort((a, b) => {
        if (a.published && b.published)
          return b.published.localeCompare(a.published) || a.importOrder - b.importOrder
        if (a.published) return -1
        if (b.published) return 1
        return a.importOrder - b.importOrder
      })
    case 'imported':
      return shown.sort((a, b) => a.importOrder - b.importOrder)
  }
}
