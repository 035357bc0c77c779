import { useSyncExternalStore } from 'react'
import { pickProject } from '../exchange/ImportProject'
import { ImportControls } from '../library/ImportControls'
import type { Importer } from '../library/use-import'
import { useClient, useCommands, useUi } from '../state/app-context'
import { VIEWS } from '../state/layout-storage'
import { VIEW_NAMES } from '../state/ui-state'
import { Menu } from '../ui/Menu'
import { PanelIcon } from './icons'
import { SEARCH_BOX_ID } from './use-shortcuts'

const clickInput = (label: string): void =>
  document.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)?.click()

/**
 * The bar across the top: views, search, import, export, undo and the panel switches. Import
 * folder folds into the ⋯ menu below 1360 px wide, Export and the shortcuts list below 1200 px
 * (styles/shell.css); the menu lists them all, with Import a QDA project…, Exchange with another
 * laptop… and Trash….
 */
export function Toolbar({
  importer,
  hasDocuments
}: {
  importer: Importer
  hasDocuments: boolean
}): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const view = useUi((s) => s.view)
  const query = useUi((s) => s.query)
  const libraryOpen = useUi((s) => s.libraryOpen)
  const sidebarOpen = useUi((s) => s.sidebarOpen)
  const history = useSyncExternalStore(client.history.subscribe, client.history.snapshot)
  const busy = importer.progress !== null
  const describe = (verb: string, e: typeof history.undo): string =>
    e ? `${verb} “${e.label}” (made in ${e.view})` : `Nothing to ${verb.toLowerCase()}`
  const setQuery = commands.setQuery
  return (
    <header className="toolbar">
      <span className="app-name">Analyst Workbench</span>
      {view === 'library' && (
        <button
          type="button"
          className="icon-button"
          aria-label="Library panel"
          aria-pressed={libraryOpen}
          title={`${libraryOpen ? 'Hide' : 'Show'} the library (Ctrl+B)`}
          onClick={commands.toggleLibrary}
        >
          <PanelIcon side="left" />
        </button>
      )}
      <nav className="views" aria-label="Views">
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => commands.setView(v)}
          >
            {VIEW_NAMES[v]}
          </button>
        ))}
      </nav>
      <input
        id={SEARCH_BOX_ID}
        type="search"
        className="search-box"
        aria-label="Search"
        placeholder="Search everything (Ctrl+K)"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onFocus={() => {
          if (view === 'library') commands.openSearch()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') commands.closeSearch()
          else if (e.key === 'ArrowDown') {
            const first = document.querySelector<HTMLElement>('.search-results .hit')
            if (first) {
              e.preventDefault()
              first.focus()
            }
          }
        }}
      />
      <ImportControls busy={busy} onFiles={(files) => void importer.run(files)} />
      <button
        type="button"
        className="wide-only"
        onClick={() => commands.setDialog('export')}
        disabled={!hasDocuments}
      >
        Export…
      </button>
      <div className="history">
        <button
          type="button"
          disabled={!history.undo}
          onClick={() => void commands.undo()}
          title={`${describe('Undo', history.undo)} — Ctrl+Z`}
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!history.redo}
          onClick={() => void commands.redo()}
          title={`${describe('Redo', history.redo)} — Ctrl+Shift+Z`}
        >
          Redo
        </button>
      </div>
      {view === 'library' && (
        <button
          type="button"
          className="icon-button"
          aria-label="Annotations panel"
          aria-pressed={sidebarOpen}
          title={`${sidebarOpen ? 'Hide' : 'Show'} the annotations (Ctrl+Alt+B)`}
          onClick={commands.toggleSidebar}
        >
          <PanelIcon side="right" />
        </button>
      )}
      <button
        type="button"
        className="icon-button wide-only"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => commands.setDialog('shortcuts')}
      >
        ?
      </button>
      {/* The ⋯ menu lists everything: Import folder, Export and Shortcuts are also buttons on wide screens. */}
      <Menu
        label="More actions"
        items={[
          {
            label: 'Import folder…',
            onSelect: () => clickInput('Import a folder'),
            disabled: busy
          },
          {
            label: 'Export…',
            onSelect: () => commands.setDialog('export'),
            disabled: !hasDocuments
          },
          {
            label: 'Exchange with another laptop…',
            onSelect: () => commands.setDialog('exchange')
          },
          {
            label: 'Import a QDA project…',
            onSelect: pickProject,
            disabled: busy
          },
          {
            label: 'Trash…',
            onSelect: () => commands.setDialog('trash')
          },
          {
            label: 'Keyboard shortcuts',
            hint: '?',
            onSelect: () => commands.setDialog('shortcuts')
          }
        ]}
      >
        ⋯
      </Menu>
    </header>
  )
}
