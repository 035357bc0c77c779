import { useEffect, useState } from 'react'
import type { Annotation } from '../../../shared/model'
import { call, messageOf } from '../api'

/**
 * One request per document and revision, however many components ask (the active document's list
 * is wanted by its pane and by the sidebar): a long document's highlights are fetched once.
 */
const requests = new Map<string, Promise<Annotation[]>>()
function fetchAnnotations(docId: string, revision: number): Promise<Annotation[]> {
  const key = `${revision}\u0000${docId}`
  let request = requests.get(key)
  if (!request) {
    request = call('listAnnotations', docId)
    requests.set(key, request)
    // Only the latest revisions can be asked for again.
    for (const k of requests.keys()) if (requests.size > 8) requests.delete(k)
    request.catch(() => requests.delete(key))
  }
  return request
}

type Listener = (a: Annotation) => void
const listeners = new Set<Listener>()

/**
 * Shows a highlight the core has just saved in every list of its document at once, before the
 * lists are fetched again (which then keeps this same object): a new highlight is painted without
 * waiting for thousands of others to be fetched.
 */
export function showSaved(a: Annotation): void {
  for (const listener of listeners) listener(a)
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
  const [state, setState] = useState<{ docId: string | null; list: Annotation[] }>({
    docId: null,
    list: []
  })
  useEffect(() => {
    if (!docId) return
    let live = true
    fetchAnnotations(docId, revision).then(
      (list) =>
        live &&
        setState((prev) => ({
          docId,
          list: prev.docId === docId ? keepSame(prev.list, list) : list
        })),
      (err: unknown) => {
        if (!live) return
        setState({ docId, list: [] })
        onError(messageOf(err))
      }
    )
    return () => {
      live = false
    }
  }, [docId, revision, onError])
  useEffect(() => {
    const listener: Listener = (a) =>
      setState((prev) => {
        if (prev.docId !== a.docId || prev.list.some((x) => x.id === a.id)) return prev
        const at = prev.list.findIndex((x) => x.position.start > a.position.start)
        const list = [...prev.list]
        list.splice(at < 0 ? list.length : at, 0, a)
        return { docId: prev.docId, list }
      })
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return state.docId === docId ? state.list : []
}

/**
 * The new list, with every annotation that did not change replaced by the object already held:
 * components that show one annotation then skip re-rendering it (thousands, in a long document).
 */
function keepSame(before: Annotation[], after: Annotation[]): Annotation[] {
  const old = new Map(before.map((a) => [a.id, a]))
  return after.map((a) => {
    const prev = old.get(a.id)
    return prev && JSON.stringify(prev) === JSON.stringify(a) ? prev : a
  })
}
