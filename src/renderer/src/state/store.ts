import { useSyncExternalStore } from 'react'

/** A small observable value: components read slices of it with useStore and re-render only when their slice changes. */
export interface Store<S> {
  get: () => S
  set: (update: Partial<S> | ((s: S) => Partial<S>)) => void
  subscribe: (listener: () => void) => () => void
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set: (update) => {
      const patch = typeof update === 'function' ? update(state) : update
      let changed = false
      for (const k of Object.keys(patch) as (keyof S)[])
        if (!Object.is(patch[k], state[k])) changed = true
      if (!changed) return
      state = { ...state, ...patch }
      for (const l of [...listeners]) l()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    }
  }
}

/** A slice of a store; `select` must return values already held (or primitives), not new objects. */
export function useStore<S, T>(store: Store<S>, select: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()))
}
