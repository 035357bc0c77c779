import { ServicesProvider } from './state/app-context'
import { Shell } from './shell/Shell'

/** The app: the window's services (the workbench client among them), then its shell. */
export function App(): React.JSX.Element {
  return (
    <ServicesProvider api={window.workbench}>
      <Shell />
    </ServicesProvider>
  )
}
