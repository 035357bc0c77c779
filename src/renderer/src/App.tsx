import { useCallback, useEffect, useState, type DragEvent } from 'react'
import type { DocumentMeta, WorkspaceInfo } from '../../shared/model'
import { call, messageOf } from './api'
import { filesFromDrop } from './library/collect-files'
import { ImportControls } from './library/ImportControls'
import { ImportProgressBar, ImportReport } from './library/ImportReport'
import { LibraryPane } from './library/LibraryPane'
import { useImport } from './library/use-import'
import { Reader } from './reader/Reader'

export function App(): React.JSX.Element {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null)
  const [docs, setDocs] = useState<DocumentMeta[] | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const [confirmRemove, setConfirmRemove] = useState<{ id: string; title: string } | null>(null)

  const refresh = useCallback(() => {
    call('listDocuments').then(setDocs, (err: unknown) => setError(messageOf(err)))
  }, [])
  const importer = useImport(refresh)

  useEffect(() => {
    call('getWorkspaceInfo').then(setInfo, (err: unknown) => setError(messageOf(err)))
    refresh()
  }, [refresh])

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
        e.preventDefault()
        document.querySelector<HTMLInputElement>('input[aria-label="Import files"]')?.click()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const openSample = async (): Promise<void> => {
    try {
      const outcomes = await call('openSampleWorkspace')
      refresh()
      const first = outcomes.find((o) => o.status === 'imported')
      if (first?.status === 'imported') setOpenId(first.document.id)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const remove = async (id: string): Promise<void> => {
    setConfirmRemove(null)
    try {
      await call('removeDocument', id)
      if (openId === id) setOpenId(null)
      refresh()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const onDrop = async (e: DragEvent): Promise<void> => {
    e.preventDefault()
    setDragging(false)
    if (importer.progress) return
    const files = await filesFromDrop(e.dataTransfer)
    void importer.run(files)
  }

  const busy = importer.progress !== null
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
      <header className="toolbar">
        <span className="app-name">Analyst Workbench</span>
        <ImportControls busy={busy} onFiles={(files) => void importer.run(files)} />
      </header>
      {info?.warnings.map((w) => (
        <p key={w} className="warning" role="alert">
          {w}
        </p>
      ))}
      {error && (
        <p className="error banner" role="alert">
          {error}{' '}
          <button type="button" className="link" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      )}
      {importer.progress && <ImportProgressBar progress={importer.progress} />}
      {importer.outcomes && (
        <ImportReport outcomes={importer.outcomes} onOpen={setOpenId} onClose={importer.dismiss} />
      )}
      {confirmRemove && (
        <div className="confirm" role="alertdialog" aria-label="Remove document">
          <span>
            Remove “{confirmRemove.title}” from the library? Its original file and text stay in the
            workspace folder, and importing the file again brings it back.
          </span>
          <button type="button" className="danger" onClick={() => void remove(confirmRemove.id)}>
            Remove
          </button>
          <button type="button" onClick={() => setConfirmRemove(null)} autoFocus>
            Cancel
          </button>
        </div>
      )}
      <main className="panes">
        <LibraryPane docs={docs ?? []} openId={openId} onOpen={setOpenId} />
        <section className="reader-pane" aria-label="Reader">
          {openId ? (
            <Reader
              key={openId}
              id={openId}
              onRemove={(id, title) => setConfirmRemove({ id, title })}
            />
          ) : docs && docs.length === 0 ? (
            <div className="empty">
              <h1>Your library is empty</h1>
              <p>
                Import news articles, reports and statements (.txt, .md, .html, .pdf, .docx): use
                Import, press Ctrl+O, or drop files and folders anywhere on this window.
              </p>
              <p>
                New here? The sample workspace has a few short articles about one event, from
                sources of varying reliability, to try things on.
              </p>
              <div className="empty-actions">
                <button type="button" className="primary" onClick={() => void openSample()}>
                  Open the sample workspace
                </button>
              </div>
            </div>
          ) : docs ? (
            <div className="empty">
              <p>Choose a document in the library to read it.</p>
            </div>
          ) : null}
        </section>
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
    </div>
  )
}
