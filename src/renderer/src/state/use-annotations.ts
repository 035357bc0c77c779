import { useEffect, useState } from 'react'
import type { Annotation } from '../../../shared/model'
import { call } from '../api'

/** A document's annotations, fetched again whenever the workspace revision changes. */
export function useAnnotations(docId: string | null, revision: number): Annotation[] {
  const [state, setState] = useState<{ docId: string | null; list: Annotation[] }>({
    docId: null,
    list: []
  })
  useEffect(() => {
    if (!docId) return
    let live = true
    call('listAnnotations', docId).then(
      (list) => live && setState({ docId, list }),
      () => live && setState({ docId, list: [] })
    )
    return () => {
      live = false
    }
  }, [docId, revision])
  return state.docId === docId ? state.list : []
}
