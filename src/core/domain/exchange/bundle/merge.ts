import { align, type IdMap } from './align'
import type { CaseState, CaseTag, RecordKind } from './format'
import { compareTimes } from './merge-fields'

import {
  annotationSpec,
  canonical,
  documentSpec,
  memoSpec,
  mergeRecords,
  recordSpec,
  tagSpec,
  type RecordsReport
} from './merge-records'

/**
 * Merging a case bundle into a workspace, as a pure function of three states: ours, the
 * bundle's, and the base (the contents of the last exchange between the two workspaces, which
 * the bundle's manifest names; null for a first exchange, when nothing can be known deleted).
 *
 * The result does not depend on which side is ours (up to the order of records, and to ids where
 * both laptops imported the same text under different ids: ours are kept), and merging the
 * same bundle again changes nothing.
 */
export interface MergeInput {
  local: { workspaceId: string; state: CaseState }
  incoming: { workspaceId: string; state: CaseState }
  base: CaseState | null
}

export interface MergeReport extends RecordsReport {
  /** Documents to add with their text from the bundle: its id there, and ours. */
  newDocuments: { bundleId: string; id: string }[]
  /** Things put right after merging, one sentence each. */
  repairs: string[]
  /** The bundle's ids in ours. */
  idMap: IdMap
  /**
   * The bundle's contents in our ids: keep it as this exchange's snapshot, the base of the next
   * merge with a bundle whose manifest names this one as its last exchange.
   */
  bundleInOurIds: CaseState
  /** Anything in the workspace would change. */
  changed: boolean
}

export function mergeCase(input: MergeInput): { state: CaseState; report: MergeReport } {
  const local = input.local.state
  const baseAligned = input.base ? align(local, input.base, undefined, false) : null
  const { state: incoming, map } = align(local, input.incoming.state, baseAligned?.map)
  const base = baseAligned?.state ?? null
  const labels = { local: input.local.workspaceId, incoming: input.incoming.workspaceId }
  const report: RecordsReport = { changes: [], conflicts: [], marked: [] }
  const carried = new Set(incoming.documents.filter((d) => d.included).map((d) => d.id))
  const always = (): boolean => true

  const documents = mergeRecords(
    documentSpec,
    { local: local.documents, incoming: incoming.documents, base: base?.documents ?? null },
    labels,
    always,
    report
  )
  let tags = mergeRecords(
    tagSpec,
    { local: local.tags, incoming: incoming.tags, base: base?.tags ?? null },
    labels,
    always,
    report
  )
  const repairs: string[] = []
  tags = keepParents(tags, [...local.tags, ...incoming.tags], report, repairs)
  // In codebook order: ours first, then the bundle's new tags, parents kept back in their place.
  const order = new Map<string, number>()
  for (const t of [...local.tags, ...incoming.tags])
    if (!order.has(t.id)) order.set(t.id, order.size)
  tags.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0))
  tags = breakCycles(tags, repairs)

  // Tags the codebook no longer has come off every side's highlights and memos before they are
  // merged: a highlight whose only change was a tag deleted on the other laptop is unchanged.
  const tagIds = new Set(tags.map((t) => t.id))
  const docIds = new Set(documents.map((d) => d.id))
  const offAnnotations = <S extends Pick<CaseState, 'annotations'>>(s: S | null) =>
    s?.annotations.map((a) =>
      a.tags.every((t) => tagIds.has(t)) ? a : { ...a, tags: a.tags.filter((t) => tagIds.has(t)) }
    )
  const offMemos = <S extends Pick<CaseState, 'memos'>>(s: S | null) =>
    s?.memos.map((m) =>
      m.tagIds.every((t) => tagIds.has(t))
        ? m
        : { ...m, tagIds: m.tagIds.filter((t) => tagIds.has(t)) }
    )
  const dropped = local.annotations.reduce(
    (n, a) => n + a.tags.filter((t) => !tagIds.has(t)).length,
    0
  )
  if (dropped)
    repairs.push(
      `${dropped} tag(s) were taken off highlights because the tag was deleted on the other laptop.`
    )

  const annotations = mergeRecords(
    annotationSpec,
    {
      local: offAnnotations(local) ?? [],
      incoming: offAnnotations(incoming) ?? [],
      base: offAnnotations(base) ?? null
    },
    labels,
    (a) => carried.has(a.docId),
    report
  ).filter((a) => docIds.has(a.docId))
  const memos = mergeRecords(
    memoSpec,
    {
      local: offMemos(local) ?? [],
      incoming: offMemos(incoming) ?? [],
      base: offMemos(base) ?? null
    },
    labels,
    always,
    report
  ).map((m) =>
    m.docIds.every((d) => docIds.has(d))
      ? m
      : { ...m, docIds: m.docIds.filter((d) => docIds.has(d)) }
  )
  const state: CaseState = { documents, tags, annotations, memos }
  const annotationIds = new Set(annotations.map((a) => a.id))
  for (const kind of ['sources', 'grades', 'links'] as const satisfies readonly RecordKind[]) {
    // A bundle without them (from an earlier version) leaves ours as they are.
    if (!incoming[kind]) {
      if (local[kind]) state[kind] = local[kind]
      continue
    }
    const merged = mergeRecords(
      recordSpec(kind.slice(0, -1) as 'source' | 'grade' | 'link'),
      { local: local[kind] ?? [], incoming: incoming[kind] ?? [], base: base?.[kind] ?? null },
      labels,
      (r) => r.docIds.every((d) => carried.has(d)),
      report
    )
    state[kind] = merged.map((r) => ({
      ...r,
      docIds: r.docIds.filter((d) => docIds.has(d)),
      annotationIds: r.annotationIds.filter((a) => annotationIds.has(a))
    }))
  }

  const bundleIdOf = new Map([...map.documents].map(([from, to]) => [to, from]))
  const newDocuments = report.changes
    .filter((c) => c.kind === 'document' && c.change === 'added')
    .map((c) => ({ bundleId: bundleIdOf.get(c.id) ?? c.id, id: c.id }))
  const changed = report.changes.some((c) => c.change !== 'kept') || repairs.length > 0
  return {
    state,
    report: { ...report, newDocuments, repairs, idMap: map, bundleInOurIds: incoming, changed }
  }
}

/** A tag kept on one side needs its parent: one deleted on the other side is kept too. */
function keepParents(
  tags: CaseTag[],
  known: CaseTag[],
  report: RecordsReport,
  repairs: string[]
): CaseTag[] {
  const have = new Map(tags.map((t) => [t.id, t]))
  const versions = new Map<string, CaseTag>()
  for (const t of known) {
    const v = versions.get(t.id)
    if (!v || compareTimes(t.modified, v.modified) > 0) versions.set(t.id, t)
  }
  const out = [...tags]
  for (let i = 0; i < out.length; i++) {
    const parent = out[i].parent
    if (parent === null || have.has(parent)) continue
    const found = versions.get(parent)
    if (!found) continue
    const back = canonical(tagSpec, found)
    have.set(parent, back)
    out.push(back)
    const deleted = report.changes.findIndex(
      (c) => c.kind === 'tag' && c.id === parent && c.change === 'deleted'
    )
    if (deleted >= 0) report.changes.splice(deleted, 1)
    else report.changes.push({ kind: 'tag', id: parent, change: 'restored' })
    repairs.push(`The tag “${back.name}” was kept: a tag under it is still in use.`)
  }
  return out.map((t) => (t.parent !== null && !have.has(t.parent) ? { ...t, parent: null } : t))
}

/** Two moves that made tags each other's ancestors: the later move is undone to the top level. */
function breakCycles(tags: CaseTag[], repairs: string[]): CaseTag[] {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const parentTime = (t: CaseTag): string => t.times?.parent ?? t.modified
  for (const start of tags) {
    const path: CaseTag[] = []
    const seen = new Set<string>()
    for (
      let t: CaseTag | undefined = byId.get(start.id);
      t;
      t = t.parent ? byId.get(t.parent) : undefined
    ) {
      if (seen.has(t.id)) {
        const cycle = path.slice(path.findIndex((x) => x.id === t!.id))
        const last = cycle.reduce((a, b) => {
          const c = compareTimes(parentTime(a), parentTime(b))
          return c > 0 || (c === 0 && a.id > b.id) ? a : b
        })
        byId.set(last.id, { ...last, parent: null })
        repairs.push(
          `The tag “${last.name}” was moved to the top level: the two laptops had moved tags under each other.`
        )
        break
      }
      seen.add(t.id)
      path.push(t)
    }
  }
  return tags.map((t) => byId.get(t.id) as CaseTag)
}
