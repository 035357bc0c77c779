import type { DocumentMeta } from '../../../shared/model'
import { fold } from '../../domain/search/fold'

/** What a search's document filters ask for (doc:, title:, after:, before:, and the panel's controls). */
export interface DocumentFilter {
  docRefs: string[]
  titles: string[]
  after: string | null | undefined
  before: string | null | undefined
}

/**
 * The catalog as search filters see it: which documents a filter allows, the catalog by id, and a
 * version number that changes with the catalog. Each is made once per version of the catalog
 * (each save gives a new list): a look-up per document was tens of milliseconds at 100,000.
 */
export class DocumentFilters {
  private view: {
    list: readonly DocumentMeta[]
    titles: string[]
    days: (string | null)[]
  } | null = null
  private byIdView: { list: readonly DocumentMeta[]; map: Map<string, DocumentMeta> } | null = null
  private versions = new WeakMap<readonly DocumentMeta[], number>()
  private count = 0

  constructor(private readonly documents: () => readonly DocumentMeta[]) {}

  /** The ids of the documents a filter allows: one pass, with titles folded and dates cut in advance. */
  where(filter: DocumentFilter): string[] {
    const list = this.documents()
    if (this.view?.list !== list)
      this.view = {
        list,
        titles: list.map((d) => fold(d.title)),
        days: list.map((d) => d.published?.slice(0, 10) ?? null)
      }
    const { titles, days } = this.view
    const { docRefs, after, before } = filter
    const out: string[] = []
    for (let i = 0; i < list.length; i++) {
      const id = list[i].id
      if (docRefs.length && !docRefs.some((r) => id === r || (r.length >= 4 && id.startsWith(r))))
        continue
      if (!filter.titles.every((w) => titles[i].includes(w))) continue
      const day = days[i]
      if (after && !(day && day >= after)) continue
      if (before && !(day && day <= before)) continue
      out.push(id)
    }
    return out
  }

  /** A number that changes whenever the catalog does. */
  version(): number {
    const list = this.documents()
    let v = this.versions.get(list)
    if (v === undefined) this.versions.set(list, (v = ++this.count))
    return v
  }

  /** The catalog by id. */
  byId(): Map<string, DocumentMeta> {
    const list = this.documents()
    if (this.byIdView?.list !== list)
      this.byIdView = { list, map: new Map(list.map((d) => [d.id, d])) }
    return this.byIdView.map
  }
}
