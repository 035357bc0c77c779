import type {
  CaseAnnotation,
  CaseDocument,
  CaseMemo,
  CaseRecord,
  CaseState,
  CaseTag
} from './format'
import { gradeIdOf, recordKey } from './reliability-records'

/**
 * Before two states are merged, the other one (a bundle, or the base of the last exchange) is put
 * in our ids. Documents are matched by their text's hash, whatever their ids or file names;
 * tags by id, then by name under the same parent; annotations by id, then by the same place in
 * the same document with the same quote; memos by id, then by the same title and text; sources
 * by id, then by name; links by id, then by the same two ends; grades by what they grade. What
 * the base knew is matched as the base was (`hint`), never by content; the base itself is
 * matched by ids alone (`byContent` false). Our own ids are never changed.
 */
export interface IdMap {
  documents: Map<string, string>
  tags: Map<string, string>
  annotations: Map<string, string>
  memos: Map<string, string>
  sources: Map<string, string>
  links: Map<string, string>
}

export const emptyIdMap = (): IdMap => ({
  documents: new Map(),
  tags: new Map(),
  annotations: new Map(),
  memos: new Map(),
  sources: new Map(),
  links: new Map()
})

/** The tags with every parent before its children (a cycle's tags keep their order, last). */
function parentsFirst(tags: readonly CaseTag[]): CaseTag[] {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const out: CaseTag[] = []
  const placed = new Set<string>()
  for (const start of tags) {
    const chain: CaseTag[] = []
    const seen = new Set<string>()
    for (
      let x: CaseTag | undefined = start;
      x && !placed.has(x.id) && !seen.has(x.id);
      x = x.parent ? byId.get(x.parent) : undefined
    ) {
      seen.add(x.id)
      chain.unshift(x)
    }
    for (const x of chain) {
      placed.add(x.id)
      out.push(x)
    }
  }
  return out
}

const annotationKey = (docId: string, a: CaseAnnotation): string =>
  `${docId}\u0000${a.position.start}\u0000${a.position.end}\u0000${a.quote.exact}`

export function align(
  local: CaseState,
  other: CaseState,
  hint: IdMap = emptyIdMap(),
  byContent = true
): { state: CaseState; map: IdMap } {
  const map = emptyIdMap()
  const content = <T>(pairs: T[]): T[] => (byContent ? pairs : [])

  // Documents: by the hint, then by id with the same text, then by text, else a new one.
  const localDocs = new Map(local.documents.map((d) => [d.id, d]))
  const byHash = new Map<string, string[]>()
  for (const d of local.documents)
    byHash.set(d.textSha256, [...(byHash.get(d.textSha256) ?? []), d.id])
  const claimed = new Set<string>()
  const documents: CaseDocument[] = []
  for (const d of other.documents) {
    const hinted = hint.documents.get(d.id)
    let id: string | undefined
    if (hinted && localDocs.get(hinted)?.textSha256 === d.textSha256) id = hinted
    else if (localDocs.get(d.id)?.textSha256 === d.textSha256 && !claimed.has(d.id)) id = d.id
    else id = (byHash.get(d.textSha256) ?? []).find((x) => !claimed.has(x))
    if (id === undefined) {
      if (!d.included) continue // named only, and not here: nothing to link to
      id = localDocs.has(d.id) ? `${d.id}-${d.textSha256.slice(0, 8)}` : d.id
    }
    claimed.add(id)
    map.documents.set(d.id, id)
    documents.push({ ...d, id })
  }

  // Tags: by the hint (the base knew the tag), then by id; only then by name under the same
  // parent (in our ids), onto tags not matched yet. Parents are matched before their children, so
  // a tag renamed on one laptop still finds the children both laptops made under it.
  const localTags = new Set(local.tags.map((t) => t.id))
  const under = (parent: string | null, name: string): string => `${parent ?? ''}\u0000${name}`
  matchIds(
    parentsFirst(other.tags),
    map.tags,
    (t) => hint.tags.get(t.id) ?? (localTags.has(t.id) ? t.id : undefined),
    content(local.tags.map((t): [string, string] => [under(t.parent, t.name), t.id])),
    (t) =>
      under(t.parent === null ? null : (map.tags.get(t.parent) ?? `\u0001${t.parent}`), t.name),
    hint.tags.values()
  )
  const tag = (id: string): string | undefined => map.tags.get(id)
  const tags: CaseTag[] = other.tags.map((t) => ({
    ...t,
    id: tag(t.id) as string,
    parent: t.parent === null ? null : (tag(t.parent) ?? null)
  }))

  // Annotations: by the hint, then by id in our document; only then by place and quote.
  const localAnns = new Set(local.annotations.map((a) => a.id))
  const own = (a: CaseAnnotation): string =>
    `${map.documents.get(a.docId)}.${a.id.slice(a.docId.length + 1)}`
  const placed = other.annotations.filter((a) => map.documents.has(a.docId))
  matchIds(
    placed,
    map.annotations,
    (a) => hint.annotations.get(a.id) ?? (localAnns.has(own(a)) ? own(a) : undefined),
    content(
      local.annotations
        .filter((a) => a.status === 'anchored')
        .map((a): [string, string] => [annotationKey(a.docId, a), a.id])
    ),
    (a) => annotationKey(map.documents.get(a.docId) as string, a),
    hint.annotations.values(),
    own
  )
  const annotations: CaseAnnotation[] = placed.map((a) => ({
    ...a,
    id: map.annotations.get(a.id) as string,
    docId: map.documents.get(a.docId) as string,
    tags: a.tags.map(tag).filter((x): x is string => !!x)
  }))

  // Memos: by the hint, then by id; only then by the same title and text.
  const localMemos = new Set(local.memos.map((m) => m.id))
  matchIds(
    other.memos,
    map.memos,
    (m) => hint.memos.get(m.id) ?? (localMemos.has(m.id) ? m.id : undefined),
    content(local.memos.map((m): [string, string] => [`${m.title}\u0000${m.text}`, m.id])),
    (m) => `${m.title}\u0000${m.text}`,
    hint.memos.values()
  )
  const docRefs = (ids: string[]): string[] =>
    ids.map((d) => map.documents.get(d)).filter((x): x is string => !!x)
  const memos: CaseMemo[] = other.memos.map((m) => ({
    ...m,
    id: map.memos.get(m.id) as string,
    docIds: docRefs(m.docIds),
    tagIds: m.tagIds.map(tag).filter((x): x is string => !!x)
  }))

  // Sources, grades and links: their references in our ids first (a record whose document or
  // highlight is not here is dropped), then sources by id or name, links by id or by the same
  // ends, grades by what they grade.
  const refs = (r: CaseRecord): CaseRecord | null => {
    const fields: CaseRecord['fields'] = {}
    for (const [k, v] of Object.entries(r.fields)) {
      if (typeof v !== 'string' || !/(DocId|AnnotationId)$/.test(k)) fields[k] = v
      else {
        const to = (k.endsWith('DocId') ? map.documents : map.annotations).get(v)
        if (to === undefined) return null
        fields[k] = to
      }
    }
    return {
      ...r,
      docIds: docRefs(r.docIds),
      annotationIds: r.annotationIds
        .map((a) => map.annotations.get(a))
        .filter((x): x is string => !!x),
      fields
    }
  }
  const present = (list: CaseRecord[] | undefined): CaseRecord[] | undefined =>
    list?.map(refs).filter((r): r is CaseRecord => r !== null)
  const byKey = (kind: 'sources' | 'links', list: CaseRecord[] | undefined) => {
    if (!list) return undefined
    const ours = new Set((local[kind] ?? []).map((r) => r.id))
    const key = (r: CaseRecord): string => recordKey(kind, r) ?? `\u0001${r.id}`
    matchIds(
      list,
      map[kind],
      (r) => hint[kind].get(r.id) ?? (ours.has(r.id) ? r.id : undefined),
      content((local[kind] ?? []).map((r): [string, string] => [key(r), r.id])),
      key,
      hint[kind].values()
    )
    return list.map((r) => ({ ...r, id: map[kind].get(r.id) as string }))
  }
  const state: CaseState = { documents, tags, annotations, memos }
  const sources = byKey('sources', present(other.sources))
  if (sources) state.sources = sources
  const source = (id: CaseRecord['fields'][string]) =>
    typeof id === 'string' ? (map.sources.get(id) ?? null) : null
  const grades = present(other.grades)
    ?.map((r) => {
      const id = gradeIdOf(r)
      if (id === null) return null
      return 'sourceId' in r.fields
        ? { ...r, id, fields: { ...r.fields, sourceId: source(r.fields.sourceId) } }
        : { ...r, id }
    })
    .filter((r): r is CaseRecord => r !== null)
    .filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i)
  if (grades) state.grades = grades
  const links = byKey('links', present(other.links))
  if (links) state.links = links
  return { state, map }
}

/**
 * Gives each record of the other side our id: the one `byId` says (hint or same id), else the
 * first of ours with the same key that nothing matched yet, else its own (`fallback`), made
 * unique if ours already uses it.
 */
function matchIds<R extends { id: string }>(
  records: readonly R[],
  out: Map<string, string>,
  byId: (r: R) => string | undefined,
  ours: [key: string, id: string][],
  keyOf: (r: R) => string,
  hinted: Iterable<string>,
  fallback: (r: R) => string = (r) => r.id
): void {
  const taken = new Set<string>()
  const rest: R[] = []
  for (const r of records) {
    const id = byId(r)
    if (id !== undefined && !taken.has(id)) {
      taken.add(id)
      out.set(r.id, id)
    } else rest.push(r)
  }
  // Only records new on both sides since the base are matched by content.
  const known = new Set(hinted)
  const byKey = new Map<string, string[]>()
  for (const [key, id] of ours)
    if (!taken.has(id) && !known.has(id)) byKey.set(key, [...(byKey.get(key) ?? []), id])
  const oursIds = new Set(ours.map(([, id]) => id))
  for (const r of rest) {
    const candidates = byKey.get(keyOf(r)) ?? []
    let id = candidates.find((x) => !taken.has(x))
    if (id === undefined) {
      id = fallback(r)
      for (let n = 2; taken.has(id) || oursIds.has(id); n++) id = `${fallback(r)}-${n}`
    }
    taken.add(id)
    out.set(r.id, id)
  }
}
