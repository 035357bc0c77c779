import { Sidebar } from '../annotations/Sidebar'
import { LibraryPane } from '../library/LibraryPane'
import { ReaderPane } from '../reader/ReaderPane'
import { SearchPanel } from '../search/SearchPanel'
import { useUi } from '../state/app-context'
import { Confirmations } from './Confirmations'
import { EmptyLibrary } from './EmptyLibrary'

/** The Documents view: the library (or search results), the panes side by side, the annotations sidebar. */
export function DocumentsView({ empty }: { empty: boolean | null }): React.JSX.Element {
  const panes = useUi((s) => s.panes)
  const query = useUi((s) => s.query)
  const libraryOpen = useUi((s) => s.libraryOpen)
  const sidebarOpen = useUi((s) => s.sidebarOpen)
  const searchOpen = useUi((s) => s.searchOpen)
  const searching = query.trim() !== '' || searchOpen
  const left = libraryOpen || searching
  const columns = [
    left ? 'minmax(200px, 264px)' : '',
    'minmax(0, 1fr)',
    sidebarOpen ? 'minmax(232px, 296px)' : ''
  ]
  return (
    <div className="workspace" style={{ gridTemplateColumns: columns.join(' ') }}>
      {left && (searching ? <SearchPanel query={query} /> : <LibraryPane />)}
      <main className="panes-main">
        {!(empty && panes.length === 0) && <h1 className="visually-hidden">Documents</h1>}
        <Confirmations />
        {panes.length > 0 ? (
          <div
            className="panes"
            style={{ gridTemplateColumns: `repeat(${panes.length}, minmax(0, 1fr))` }}
          >
            {panes.map((pane) => (
              <ReaderPane key={pane.key} pane={pane} closable={panes.length > 1} />
            ))}
          </div>
        ) : empty ? (
          <EmptyLibrary />
        ) : empty === false ? (
          <div className="empty">
            <p>
              Choose a document in the library to read it. “Open beside” (⊞) puts a second one next
              to it.
            </p>
          </div>
        ) : null}
      </main>
      {sidebarOpen && <Sidebar />}
    </div>
  )
}
