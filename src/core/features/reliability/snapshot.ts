import type { GradesSnapshot } from '../../../shared/reliability'
import type { ReliabilityFile } from '../../../shared/reliability-schemas'

/** Copies of the records named (null for those there are none of): what an undo puts back. */
export function takeSnapshot(
  file: Readonly<ReliabilityFile>,
  ids: {
    sources: string[]
    documents: string[]
    highlights: string[]
    links?: string[]
    claims?: string[]
  }
): GradesSnapshot {
  const copy = <T>(value: T | undefined): T | null => structuredClone(value ?? null)
  return {
    ...(ids.links && {
      links: Object.fromEntries(
        ids.links.map((id) => [id, copy(file.links.find((l) => l.id === id))])
      )
    }),
    ...(ids.claims && {
      claims: Object.fromEntries(
        ids.claims.map((id) => [id, copy(file.claims.find((c) => c.id === id))])
      )
    }),
    sources: Object.fromEntries(
      ids.sources.map((id) => [id, copy(file.sources.find((s) => s.id === id))])
    ),
    documents: Object.fromEntries(ids.documents.map((id) => [id, copy(file.documents[id])])),
    highlights: Object.fromEntries(ids.highlights.map((id) => [id, copy(file.highlights[id])]))
  }
}

/** Puts a record back in a list by its id (null: takes it out). */
function putById<T extends { id: string }>(list: T[], id: string, value: T | null): void {
  const at = list.findIndex((x) => x.id === id)
  if (value === null) {
    if (at >= 0) list.splice(at, 1)
  } else if (at >= 0) list[at] = structuredClone(value)
  else list.push(structuredClone(value))
}

/** Puts records back as a snapshot has them. */
export function applySnapshot(draft: ReliabilityFile, snapshot: GradesSnapshot): void {
  for (const [id, l] of Object.entries(snapshot.links ?? {})) putById(draft.links, id, l)
  for (const [id, c] of Object.entries(snapshot.claims ?? {})) putById(draft.claims, id, c)
  for (const [id, s] of Object.entries(snapshot.sources)) putById(draft.sources, id, s)
  for (const [id, d] of Object.entries(snapshot.documents)) {
    if (d === null) delete draft.documents[id]
    else draft.documents[id] = structuredClone(d)
  }
  for (const [id, h] of Object.entries(snapshot.highlights)) {
    if (h === null) delete draft.highlights[id]
    else draft.highlights[id] = structuredClone(h)
  }
}
