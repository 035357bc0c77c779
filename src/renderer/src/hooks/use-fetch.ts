import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { messageOf } from '../api'
import { useClient, useFeedback } from '../state/app-context'

export interface Fetched<T> {
  /** The answer for the current request (the previous one for the same request while it is fetched again). */
  data: T | undefined
  error: string | null
  /** Whether an answer for the current request has arrived. */
  loaded: boolean
}

/**
 * Fetches with cancellation: an answer that arrives after the request changed (or the component
 * went away) is dropped. `request` names what is asked for (null: nothing), `resources` what it
 * shows (see client/resources.ts): it is fetched again when one of them changes. Requests with the
 * same name are shared while fresh. With `report`, a failure is also shown as an error message.
 */
export function useFetch<T>(
  request: string | null,
  resources: readonly string[],
  fetch: () => Promise<T>,
  { report = false }: { report?: boolean } = {}
): Fetched<T> {
  const client = useClient()
  const feedback = useFeedback()
  const stamp = useResourceStamp(resources)
  const fetchRef = useRef(fetch)
  useEffect(() => {
    fetchRef.current = fetch
  })
  const [state, setState] = useState<{ request: string | null; data?: T; error: string | null }>({
    request: null,
    error: null
  })
  const resourceKey = resources.join('\u0000')
  useEffect(() => {
    if (request === null) return
    let live = true
    client
      .read(request, resourceKey.split('\u0000'), () => fetchRef.current())
      .then(
        (data) => live && setState({ request, data, error: null }),
        (err: unknown) => {
          if (!live) return
          setState({ request, error: messageOf(err) })
          if (report) feedback.error(messageOf(err))
        }
      )
    return () => {
      live = false
    }
  }, [client, feedback, request, resourceKey, stamp, report])
  const current = state.request === request && request !== null
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : null,
    loaded: current
  }
}

/** The versions of some resources, as one string that changes when one of them does. */
export function useResourceStamp(resources: readonly string[]): string {
  const client = useClient()
  const key = resources.join('\u0000')
  return useSyncExternalStore(
    (listener) => client.resources.subscribe(key.split('\u0000'), listener),
    () => client.resources.stamp(key.split('\u0000'))
  )
}
