import type { DerivationLink } from '../../../shared/reliability'
import { fold } from '../search/fold'

/** Documents that derive from one another, and the un-imported sources they derive from. */
export interface Origin {
  /** The id of its first document in sort order: stable while its members stay. */
  id: string
  documents: string[]
  /** Names of its documents' sources and of the un-imported sources it derives from, sorted. */
  sources: string[]
}

export interface OriginInput {
  id: string
  /** The name of the document's source, when it has one. */
  source?: string | null
  /**
   * Every name its source goes by (its name and aliases): a document whose source is the one a
   * confirmed link names ("Source: state.gov", the source U.S. Department of State with the alias
   * state.gov) is of that link's origin.
   */
  sourceNames?: readonly string[]
}

export interface OriginsOptions {
  /** Also join along proposed links (for a "likely origins" view); rejected links never join. */
  includeProposed?: boolean
  /**
   * The key that makes two names of an un-imported source one source (aliases); by default the
   * name folded, with spaces and punctuation collapsed.
   */
  sourceKey?: (name: string) => string
}

/** "U.S. Department of State" and "U.S. department of state " are one source. */
export const defaultSourceKey = (name: string): string =>
  fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** Union–find over numbered nodes, with path halving and union by size. */
class DisjointSets {
  private parent: Int32Array
  private size: Int32Array
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i)
    this.size = new Int32Array(n).fill(1)
  }
  find(x: number): number {
    const p = this.parent
    while (p[x] !== x) {
      p[x] = p[p[x]]
      x = p[x]
    }
    return x
  }
  union(a: number, b: number): void {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra]
    this.parent[rb] = ra
    this.size[ra] += this.size[rb]
  }
}

/**
 * Groups documents into origins: confirmed links join the two documents, a link to a source that
 * was never imported joins every document linked to that source, chains and cycles join
 * transitively, and rejected (or, by default, proposed) links join nothing. A document with no
 * links is an origin of its own. Links that name a document not in `docs` are ignored. Origins
 * come sorted by id, their documents sorted.
 */
export function origins(
  docs: readonly OriginInput[],
  links: readonly DerivationLink[],
  options: OriginsOptions = {}
): { origins: Origin[]; originOf: Map<string, string> } {
  const key = options.sourceKey ?? defaultSourceKey
  const index = new Map<string, number>()
  docs.forEach((d, i) => index.set(d.id, i))
  const external = new Map<string, { node: number; names: Set<string> }>()
  const joins: [number, number][] = []
  for (const link of links) {
    if (link.status === 'rejected') continue
    if (link.status === 'proposed' && !options.includeProposed) continue
    const from = index.get(link.from)
    if (from === undefined) continue
    if (link.to.kind === 'document') {
      const to = index.get(link.to.docId)
      if (to !== undefined) joins.push([from, to])
      continue
    }
    const k = key(link.to.name)
    if (!k) continue
    let ext = external.get(k)
    if (!ext) external.set(k, (ext = { node: docs.length + external.size, names: new Set() }))
    ext.names.add(link.to.name.trim())
    joins.push([from, ext.node])
  }
  docs.forEach((d, i) => {
    for (const name of d.sourceNames ?? []) {
      const ext = external.get(key(name))
      if (ext) joins.push([i, ext.node])
    }
  })
  const sets = new DisjointSets(docs.length + external.size)
  for (const [a, b] of joins) sets.union(a, b)

  const groups = new Map<number, { documents: string[]; sources: Set<string> }>()
  docs.forEach((d, i) => {
    const root = sets.find(i)
    let g = groups.get(root)
    if (!g) groups.set(root, (g = { documents: [], sources: new Set() }))
    g.documents.push(d.id)
    if (d.source?.trim()) g.sources.add(d.source.trim())
  })
  for (const ext of external.values()) {
    const g = groups.get(sets.find(ext.node))
    // Always found: an external node exists only through a link from a document.
    for (const name of ext.names) g?.sources.add(name)
  }
  const out: Origin[] = []
  const originOf = new Map<string, string>()
  for (const g of groups.values()) {
    const documents = [...new Set(g.documents)].sort()
    const origin = { id: documents[0], documents, sources: [...g.sources].sort() }
    out.push(origin)
    for (const d of documents) originOf.set(d, origin.id)
  }
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return { origins: out, originOf }
}
