import { useState, type DragEvent } from 'react'
import { ExchangeDialog } from '../exchange/ExchangeDialog'
import { ExportDialog } from '../export/ExportDialog'
import { ErrorMessages, InfoMessages } from '../feedback/Messages'
import { useFetch } from '../hooks/use-fetch'
import { useDocuments } from '../hooks/use-workspace'
import { filesFromDrop } from '../library/collect-files'
import { ImportProgressBar, ImportReport } from '../library/ImportReport'
import { useImport } from '../library/use-import'
import { AnalysisView } from '../analysis/AnalysisView'
import { MemosView } from '../memos/MemosView'
import { useClient, useCommands, useUi } from '../state/app-context'
import { ThemesView } from '../themes/ThemesView'
import { DocumentsView } from './DocumentsView'
import { ShortcutsDialog } from './ShortcutsDialog'
import { TrashDialog } from '../library/TrashDialog'
import { GradeDialogHost } from '../reliability/GradeDialogHost'
import { SourcesView } from '../reliability/SourcesView'
import { Toolbar } from './Toolbar'
import { useLayoutMemory } from './use-layout-memory'
import { useShortcuts } from './use-shortcuts'

/** The window: toolbar, messages, the current view, dialogs, and files dropped anywhere. */
export function Shell(): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const view = useUi((s) => s.view)
  const dialog = useUi((s) => s.dialog)
  const docs = useDocuments()
  const importer = useImport()
  const [dragging, setDragging] = useState(false)
  const info = useFetch('info', ['info'], () => client.call('getWorkspaceInfo'), { report: true })
  useShortcuts()
  useLayoutMemory()

  const onDrop = async (e: DragEvent): Promise<void> => {
    e.preventDefault()
    setDragging(false)
    if (importer.progress) return
    void importer.run(await filesFromDrop(e.dataTransfer))
  }

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (Array.from(e.dataTransfer.types).includes('Files')) {
          e.preventDefault()
          setDragging(true)
        }
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <Toolbar importer={importer} hasDocuments={Boolean(docs?.length)} />
      {info.data?.warnings.map((w) => (
        <p key={w} className="warning" role="alert">
          {w}
        </p>
      ))}
      <ErrorMessages />
      {importer.progress && <ImportProgressBar progress={importer.progress} />}
      {importer.outcomes && (
        <ImportReport
          outcomes={importer.outcomes}
          onOpen={(id) => void commands.open(id)}
          onClose={importer.dismiss}
        />
      )}
      {view === 'library' && <DocumentsView empty={docs ? docs.length === 0 : null} />}
      {view === 'themes' && (
        <main className="view-main">
          <h1 className="visually-hidden">Themes</h1>
          <ThemesView />
        </main>
      )}
      {view === 'memos' && (
        <main className="view-main">
          <h1 className="visually-hidden">Memos</h1>
          <MemosView />
        </main>
      )}
      {view === 'sources' && (
        <main className="view-main">
          <h1 className="visually-hidden">Sources</h1>
          <SourcesView />
        </main>
      )}
      {view === 'analysis' && (
        <main className="view-main">
          <h1 className="visually-hidden">Analysis</h1>
          <AnalysisView />
        </main>
      )}
      {dialog === 'export' && <ExportDialog />}
      {dialog === 'shortcuts' && <ShortcutsDialog />}
      {dialog === 'trash' && <TrashDialog />}
      {dialog === 'exchange' && <ExchangeDialog />}
      <GradeDialogHost />
      <InfoMessages />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
    </div>
  )
}
