import type { DocumentMeta } from '../../../shared/model'

export type SortKey = 'imported' | 'title' | 'date' | 'origin'

export const SORT_LABELS: Record<SortKey, string> = {
  imported: 'Import order',
  title: 'Title',
  date: 'Date (newest first)',
  origin: 'Origin (grouped)'
}

/** Documents in groups by origin: the largest origin first, each in import order, as shown. */
export function groupByOrigin(
  docs: DocumentMeta[],
  originOf: ReadonlyMap<string, string>
): { origin: string; docs: DocumentMeta[] }[] {
  const groups = new Map<string, DocumentMeta[]>()
  for (const d of [...docs].sort((a, b) => a.importOrder - b.importOrder)) {
    const o = originOf.get(d.id) ?? d.id
    const list = groups.get(o)
    if (list) list.push(d)
    else groups.set(o, [d])
  }
  return [...groups.entries()]
    .map(([origin, list]) => ({ origin, docs: list }))
    .sort((a, b) => b.docs.length - a.docs.length || a.docs[0].importOrder - b.docs[0].importOrder)
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
    case 'origin': // grouped by the caller (groupByOrigin)
      return shown.sort((a, b) => a.importOrder - b.importOrder)
  }
}
