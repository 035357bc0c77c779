import type { Annotation } from '../../../shared/model'
import { samePlain } from './same-plain'

/** One document's annotations as a view holds them: the saved ones, and new ones still being saved. */
export interface AnnotationList {
  docId: string | null
  list: Annotation[]
  /** New highlights being saved: painted at once, listed once saved. */
  pending: Annotation[]
}

/** A change the cache tells every list of a document about before the list is fetched again. */
export type AnnotationChange =
  { saved: Annotation; replaces?: string } | { pending: Annotation } | { dropped: string }

/** The list after a change: pending highlights added or taken away, a saved one put in text order. */
export function applyChange(prev: AnnotationList, change: AnnotationChange): AnnotationList {
  if ('dropped' in change) {
    const pending = prev.pending.filter((p) => p.id !== change.dropped)
    return pending.length === prev.pending.length ? prev : { ...prev, pending }
  }
  if ('pending' in change)
    return prev.docId === change.pending.docId
      ? { ...prev, pending: [...prev.pending, change.pending] }
      : prev
  const a = change.saved
  const pending = change.replaces
    ? prev.pending.filter((p) => p.id !== change.replaces)
    : prev.pending
  if (prev.docId !== a.docId) return pending === prev.pending ? prev : { ...prev, pending }
  const at = prev.list.findIndex((x) => x.id === a.id)
  if (at >= 0) {
    if (samePlain(prev.list[at], a)) return pending === prev.pending ? prev : { ...prev, pending }
    const list = [...prev.list]
    list[at] = a
    return { docId: prev.docId, list, pending }
  }
  const before = prev.list.findIndex((x) => x.position.start > a.position.start)
  const list = [...prev.list]
  list.splice(before < 0 ? list.length : before, 0, a)
  return { docId: prev.docId, list, pending }
}

/**
 * The new list, with every annotation that did not change replaced by the object already held:
 * components that show one annotation then skip re-rendering it (thousands, in a long document).
 */
export function keepSame(before: Annotation[], after: Annotation[]): Annotation[] {
  const old = new Map(before.map((a) => [a.id, a]))
  let changed = before.length !== after.length
  const out = after.map((a, i) => {
    const prev = old.get(a.id)
    const kept = prev && samePlain(prev, a) ? prev : a
    if (kept !== before[i]) changed = true
    return kept
  })
  return changed ? out : before
}
