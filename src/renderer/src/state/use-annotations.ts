import { useEffect, useState } from 'react'
import type { Annotation } from '../../../shared/model'
import { call, messageOf } from '../api'

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
    call('listAnnotations', docId).then(
      (list) => live && setState({ docId, list }),
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
  return state.docId === docId ? state.list : []
}
