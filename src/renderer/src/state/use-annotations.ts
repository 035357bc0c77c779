import { useEffect, useState } from 'react'
import type { Annotation, HighlightColor } from '../../../shared/model'
import { call, messageOf } from '../api'
import { afterOpening } from './openings'
import { samePlain } from './same-plain'

/**
 * One request per document and revision, however many components ask (the active document's list
 * is wanted by its pane and by the sidebar): a long document's highlights are fetched once.
 */
const requests = new Map<string, Promise<Annotation[]>>()
function fetchAnnotations(docId: string, revision: number): Promise<Annotation[]> {
  const key = `${revision}\u0000${docId}`
  let request = requests.get(key)
  if (!request) {
    request = afterOpening(docId).then(() => call('listAnnotations', docId))
    requests.set(key, request)
    // Only the latest revisions can be asked for again.
    for (const k of requests.keys()) if (requests.size > 8) requests.delete(k)
    request.catch(() => requests.delete(key))
  }
  return request
}

type Change =
  { saved: Annotation; replaces?: string } | { pending: Annotation } | { dropped: string }
type Listener = (change: Change) => void
const listeners = new Set<Listener>()

/**
 * Shows a highlight the core has just saved in every list of its document at once, before the
 * lists are fetched again (which then keeps this same object): a new highlight is painted without
 * waiting for thousands of others to be fetched. It takes the place of the pending highlight
 * `replaces`, in the same render.
 */
export function showSaved(a: Annotation, replaces?: string): void {
  for (const listener of listeners) listener({ saved: a, replaces })
}

let pendingCount = 0

/**
 * Paints a new highlight at once, while the core saves it (a durable save takes tens of
 * milliseconds): the readers of its document show it until showSaved() or dropPending() is called
 * with its id. It is not listed anywhere until it is saved.
 */
export function showPending(
  docId: string,
  range: { start: number; end: number },
  color: HighlightColor
): Annotation {
  const a: Annotation = {
    id: `pending-${++pendingCount}`,
    docId,
    quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: range.start, end: range.end },
    status: 'anchored',
    color,
    tags: [],
    note: '',
    created: '',
    modified: ''
  }
  for (const listener of listeners) listener({ pending: a })
  return a
}

/** Takes away a pending highlight whose save failed. */
export function dropPending(id: string): void {
  for (const listener of listeners) listener({ dropped: id })
}

/**
 * A document's annotations, fetched again whenever the workspace revision changes. A failure is
 * reported, never shown as an empty list.
 */
export function useAnnotations(
  docId: string | null,
  revision: number,
  onError: (message: string) => void
): Annotation[] {
  return useAnnotationList(docId, revision, onError).list
}

interface ListState {
  docId: string | null
  list: Annotation[]
  /** New highlights being saved (see showPending). */
  pending: Annotation[]
}

/**
 * The same, whether the list has arrived (an empty list may be one still on its way), and the
 * new highlights still being saved.
 */
export function useAnnotationList(
  docId: string | null,
  revision: number,
  onError: (message: string) => void
): { list: Annotation[]; loaded: boolean; pending: Annotation[] } {
  const [state, setState] = useState<ListState>({ docId: null, list: [], pending: NONE })
  useEffect(() => {
    if (!docId) return
    let live = true
    fetchAnnotations(docId, revision).then(
      (list) =>
        live &&
        setState((prev) =>
          prev.docId === docId
            ? { ...prev, list: keepSame(prev.list, list) }
            : { docId, list, pending: NONE }
        ),
      (err: unknown) => {
        if (!live) return
        setState({ docId, list: [], pending: NONE })
        onError(messageOf(err))
      }
    )
    return () => {
      live = false
    }
  }, [docId, revision, onError])
  useEffect(() => {
    const listener: Listener = (change) => setState((prev) => apply(prev, change))
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return state.docId === docId
    ? { list: state.list, loaded: true, pending: state.pending }
    : { list: NONE, loaded: false, pending: NONE }
}

function apply(prev: ListState, change: Change): ListState {
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
  if (prev.docId !== a.docId || prev.list.some((x) => x.id === a.id))
    return pending === prev.pending ? prev : { ...prev, pending }
  const at = prev.list.findIndex((x) => x.position.start > a.position.start)
  const list = [...prev.list]
  list.splice(at < 0 ? list.length : at, 0, a)
  return { docId: prev.docId, list, pending }
}

/** The list while none has arrived: always the same one, so that effects that depend on it do not run again. */
const NONE: Annotation[] = []

/**
 * The new list, with every annotation that did not change replaced by the object already held:
 * components that show one annotation then skip re-rendering it (thousands, in a long document).
 */
function keepSame(before: Annotation[], after: Annotation[]): Annotation[] {
  const old = new Map(before.map((a) => [a.id, a]))
  return after.map((a) => {
    const prev = old.get(a.id)
    return prev && samePlain(prev, a) ? prev : a
  })
}
