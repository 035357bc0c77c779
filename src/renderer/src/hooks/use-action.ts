import { useCallback } from 'react'
import type { ApiMethod, ApiSpec } from '../../../shared/api'
import type { ChangeValue } from '../client/client'
import { attempt } from '../feedback/attempt'
import { useServices } from '../state/app-context'
import { VIEW_NAMES } from '../state/ui-state'

/** "Call and show the error": runs a call; a failure becomes an error message and resolves to undefined. */
export function useAction(): <T>(fn: () => Promise<T>, failure?: string) => Promise<T | undefined> {
  const { feedback } = useServices()
  return useCallback((fn, failure) => attempt(feedback, fn, failure), [feedback])
}

export type Perform = <K extends ApiMethod>(
  label: string,
  method: K,
  ...args: Parameters<ApiSpec[K]>
) => Promise<ChangeValue<K> | undefined>

/** Makes a change that can be undone (labelled for the undo message), showing the error if it fails. */
export function usePerform(): Perform {
  const { client, ui, feedback, commands } = useServices()
  return useCallback<Perform>(
    async (label, method, ...args) => {
      const value = await attempt(feedback, () =>
        client.perform(label, VIEW_NAMES[ui.get().view], method, ...args)
      )
      // A deletion says it is done, with a way back.
      if (value !== undefined && label.startsWith('delete'))
        feedback.info(`${label[0].toUpperCase()}${label.slice(1)}: done.`, {
          label: 'Undo',
          run: () => void commands.undo()
        })
      return value
    },
    [client, ui, feedback, commands]
  )
}
