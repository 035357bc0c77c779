import { checkCodebook } from '../../codebook/check-codebook'
import type { CaseState } from './format'

/**
 * What the schemas cannot see: ids used twice, references to things not in the bundle, an
 * annotation filed under another document, positions past the end of a text. The first problem
 * as a sentence, or null.
 */
export function checkCase(
  state: CaseState,
  textLength: (docId: string) => number | undefined
): string | null {
  const refuse = (what: string): string => `The bundle was refused: in case.json, ${what}.`
  const unique = (kind: string, ids: string[]): string | null => {
    const seen = new Set<string>()
    for (const i of ids) {
      if (seen.has(i)) return refuse(`the ${kind} id “${i}” is used twice`)
      seen.add(i)
    }
    return null
  }
  const docs = new Map(state.documents.map((d) => [d.id, d]))
  const tags = new Set(state.tags.map((t) => t.id))
  const annotations = new Set(state.annotations.map((a) => a.id))
  const problem =
    unique(
      'document',
      state.documents.map((d) => d.id)
    ) ??
    unique(
      'tag',
      state.tags.map((t) => t.id)
    ) ??
    unique(
      'annotation',
      state.annotations.map((a) => a.id)
    ) ??
    unique(
      'memo',
      state.memos.map((m) => m.id)
    )
  if (problem) return problem
  for (const t of state.tags)
    if (t.parent !== null && !tags.has(t.parent))
      return refuse(`the tag “${t.id}” is under “${t.parent}”, which is not in its codebook`)
  // A loop of tags, or a chain deeper than the codebook holds, would hide tags and their passages.
  const tree = checkCodebook(state.tags)
  if (tree) return refuse(tree)
  for (const a of state.annotations) {
    if (!a.id.startsWith(`${a.docId}.`))
      return refuse(`the annotation “${a.id}” is not named after its document “${a.docId}”`)
    const doc = docs.get(a.docId)
    if (!doc || !doc.included)
      return refuse(
        `the annotation “${a.id}” is on the document “${a.docId}”, whose text is not in the bundle`
      )
    for (const t of a.tags)
      if (!tags.has(t))
        return refuse(`the annotation “${a.id}” has the tag “${t}”, which is not in its codebook`)
    const length = textLength(a.docId) ?? 0
    if (a.position.start > a.position.end || a.position.end > length)
      return refuse(
        `the annotation “${a.id}” lies at ${a.position.start}–${a.position.end}, outside its document's ${length} characters`
      )
  }
  for (const m of state.memos) {
    for (const d of m.docIds)
      if (!docs.has(d))
        return refuse(`the memo “${m.id}” links the document “${d}”, which is not in the bundle`)
    for (const t of m.tagIds)
      if (!tags.has(t))
        return refuse(`the memo “${m.id}” links the tag “${t}”, which is not in its codebook`)
  }
  for (const kind of ['sources', 'grades', 'links'] as const) {
    const records = state[kind] ?? []
    const dup = unique(
      kind.slice(0, -1),
      records.map((r) => r.id)
    )
    if (dup) return dup
    for (const r of records) {
      for (const d of r.docIds)
        if (!docs.has(d))
          return refuse(
            `the ${kind.slice(0, -1)} “${r.id}” refers to the document “${d}”, which is not in the bundle`
          )
      for (const a of r.annotationIds)
        if (!annotations.has(a))
          return refuse(
            `the ${kind.slice(0, -1)} “${r.id}” refers to the annotation “${a}”, which is not in the bundle`
          )
    }
  }
  return null
}
