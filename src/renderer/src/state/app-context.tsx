import { createContext, useContext, useState, type ReactNode } from 'react'
import type { WorkbenchApi } from '../../../shared/api'
import { Client } from '../client/client'
import { Feedback } from '../feedback/feedback'
import { createCommands, type Commands } from './commands'
import { createStore, useStore, type Store } from './store'
import { initialUiState, type UiState } from './ui-state'

/** What every part of the window shares: made once, passed down through context, never through props. */
export interface Services {
  client: Client
  ui: Store<UiState>
  feedback: Feedback
  commands: Commands
}

const ServicesContext = createContext<Services | null>(null)

export function createServices(api: WorkbenchApi): Services {
  const client = new Client(api)
  const ui = createStore(initialUiState())
  const feedback = new Feedback()
  return { client, ui, feedback, commands: createCommands(client, ui, feedback) }
}

export function ServicesProvider({
  api,
  children
}: {
  api: WorkbenchApi
  children: ReactNode
}): React.JSX.Element {
  const [services] = useState(() => createServices(api))
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
}

export function useServices(): Services {
  const services = useContext(ServicesContext)
  if (!services) throw new Error('useServices() outside <ServicesProvider>')
  return services
}

export const useClient = (): Client => useServices().client
export const useCommands = (): Commands => useServices().commands
export const useFeedback = (): Feedback => useServices().feedback

/** A slice of the window's state; re-renders only when that slice changes. */
export function useUi<T>(select: (s: UiState) => T): T {
  return useStore(useServices().ui, select)
}
