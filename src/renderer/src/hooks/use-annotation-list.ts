import { useEffect, useState } from 'react'
import type { Annotation } from '../../../shared/model'
import { applyChange, keepSame, type AnnotationList } from '../client/annotation-list'
import { useClient } from '../state/app-context'
import { useFetch } from './use-fetch'

/** The list while none has arrived: always the same one, so that effects that depend on it do not run again. */
const NONE: Annotation[] = []

export interface DocumentAnnotations {
  list: Annotation[]
  /** Whether the list has arrived (an empty list may be one still on its way). */
  loaded: boolean
  /** New highlights still being saved. */
  pending: Annotation[]
}

/**
 * A document's annotations, fetched again when they change, with new highlights shown as soon as
 * they are made (see client/annotation-cache.ts). A failure is reported, never shown as an empty list.
 */
export function useAnnotationList(docId: string | null): DocumentAnnotations {
  const client = useClient()
  const key = docId ? `annotations:${docId}` : null
  const fetched = useFetch(
    key,
    key ? [key] : [],
    async () => {
      if (!docId) return NONE
      // The full list waits for the reader's first screen (see client/openings.ts).
      await client.openings.after(docId)
      const list = await client.call('listAnnotations', docId)
      // A damaged file restored from its backup is found when it is first read: say so.
      if (client.annotations.firstRead(docId)) client.resources.invalidate(['info'])
      return list
    },
    { report: true }
  )
  const [state, setState] = useState<AnnotationList>({ docId, list: NONE, pending: NONE })
  // Another document: start from nothing (highlights made before its list arrives are kept).
  if (state.docId !== docId) setState({ docId, list: NONE, pending: NONE })
  const data = fetched.data
  // Take in a new answer, keeping the objects of annotations that did not change.
  const [seen, setSeen] = useState<Annotation[] | undefined>(undefined)
  if (data !== seen) {
    setSeen(data)
    if (data) setState((prev) => ({ ...prev, list: keepSame(prev.list, data) }))
  }
  useEffect(
    () => client.annotations.subscribe((change) => setState((prev) => applyChange(prev, change))),
    [client]
  )
  if (state.docId !== docId) return { list: NONE, loaded: false, pending: NONE }
  return { list: data ? state.list : NONE, loaded: data !== undefined, pending: state.pending }
}
