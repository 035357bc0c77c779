import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import type { Change } from '../../shared/api'
import type {
  Annotation,
  DocumentMeta,
  HighlightColor,
  SearchHit,
  TagView,
  WorkspaceInfo
} from '../../shared/model'
import { call, messageOf } from './api'
import { Sidebar } from './annotations/Sidebar'
import { filesFromDrop } from './library/collect-files'
import { ImportControls } from './library/ImportControls'
import { ImportProgressBar, ImportReport } from './library/ImportReport'
import { LibraryPane } from './library/LibraryPane'
import { useImport } from './library/use-import'
import { MemosView } from './memos/MemosView'
import type { TextRange } from './reader/Reader'
import { ReaderPane } from './reader/ReaderPane'
import {
  dropPending,
  showPending,
  showSaved,
  useAnnotationList,
  useAnnotations
} from './state/use-annotations'
import { useUndo } from './state/use-undo'
import { SearchPanel } from './search/SearchPanel'
import { ExportDialog } from './export/ExportDialog'
import { copyText } from './export/save'
import { ThemesView } from './themes/ThemesView'

type View = 'library' | 'themes' | 'memos'
interface Pane {
  key: string
  docId: string
}
const MAX_PANES = 4
let paneCounter = 0
const newPane = (docId: string): Pane => ({ key: `pane-${++paneCounter}`, docId })

const isEditable = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))

export function App(): React.JSX.Element {
  const [info, setInfo] = useState<WorkspaceInfo | null>(null)
  const [docs, setDocs] = useState<DocumentMeta[] | null>(null)
  const [tags, setTags] = useState<TagView[]>([])
  const [view, setView] = useState<View>('library')
  const [panes, setPanes] = useState<Pane[]>([])
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [selection, setSelectionState] = useState<(TextRange & { paneKey: string }) | null>(null)
  // The latest selection, also as a ref set at once: H pressed right after selecting must see it,
  // even before React has rendered with the new selection.
  const selectionRef = useRef(selection)
  const setSelection = useCallback((next: (TextRange & { paneKey: string }) | null) => {
    selectionRef.current = next
    setSelectionState(next)
  }, [])
  /**
   * The selection as it is now. The browser reports a new selection in a task of its own, so a key
   * pressed at once may arrive first: the readers are asked to report it before it is read.
   */
  const currentSelection = useCallback(() => {
    document.dispatchEvent(new Event('selectionchange'))
    return selectionRef.current
  }, [])
  const [scrollTarget, setScrollTarget] = useState<{ id: string; nonce: number } | null>(null)
  const [color, setColor] = useState<HighlightColor>('yellow')
  const [revision, setRevision] = useState(0)
  const [textRevision, setTextRevision] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<{ text: string; undo?: boolean } | null>(null)
  const [dragging, setDragging] = useState(false)
  const [confirmRemove, setConfirmRemove] = useState<{ id: string; title: string } | null>(null)
  const [query, setQuery] = useState('')
  const [exporting, setExporting] = useState(false)
  const [matches, setMatches] = useState<
    Record<string, { docId: string; ranges: { start: number; end: number }[]; current: number }>
  >({})
  const searchRef = useRef<HTMLInputElement>(null)
  const restoreRef = useRef<HTMLInputElement>(null)

  const refresh = useCallback(() => {
    call('listDocuments').then(setDocs, (err: unknown) => setError(messageOf(err)))
  }, [])
  const bump = useCallback(() => setRevision((r) => r + 1), [])
  const importer = useImport(refresh)
  const history = useUndo(bump)

  useEffect(() => refresh(), [refresh])
  useEffect(() => {
    call('listTags').then(setTags, (err: unknown) => setError(messageOf(err)))
  }, [revision])

  const activePane = panes.find((p) => p.key === activeKey) ?? panes[0] ?? null
  const activeDoc = docs?.find((d) => d.id === activePane?.docId) ?? null
  const activeAnnotations = useAnnotations(activePane?.docId ?? null, revision, setError)
  // Warnings (a damaged file restored from backup) can arise whenever a file is first read,
  // so they are fetched again once the active document's annotations have loaded.
  useEffect(() => {
    call('getWorkspaceInfo').then(setInfo, (err: unknown) => setError(messageOf(err)))
  }, [revision, activeAnnotations])
  const titleOf = (id: string): string => docs?.find((d) => d.id === id)?.title ?? 'Document'

  /** Opens a document in the active pane (or the first one), or in a new pane beside the others. */
  const open = (docId: string, beside = false): string => {
    const active = panes.find((p) => p.key === activeKey) ?? panes[0]
    let next = panes
    let key: string
    if (beside || !active) {
      const pane = newPane(docId)
      key = pane.key
      next = panes.length >= MAX_PANES ? [...panes.slice(1), pane] : [...panes, pane]
    } else {
      const existing = panes.find((p) => p.docId === docId)
      key = existing?.key ?? active.key
      if (!existing) next = panes.map((p) => (p.key === active.key ? { ...p, docId } : p))
    }
    setPanes(next)
    setActiveKey(key)
    setView('library')
    return key
  }

  /** Opens a search hit: its document at the passage, with every match marked; a note hit selects its highlight. */
  const openHit = async (hit: SearchHit): Promise<void> => {
    const key = open(hit.docId)
    if (hit.annotationId) {
      setSelected(hit.annotationId)
      setScrollTarget({ id: hit.annotationId, nonce: Date.now() })
      return
    }
    try {
      const ranges = await call('findInDocument', hit.docId, query)
      const current = Math.max(
        0,
        ranges.findIndex((r) => r.end > hit.start)
      )
      setMatches((m) => ({ ...m, [key]: { docId: hit.docId, ranges, current } }))
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const stepMatch = (paneKey: string, delta: number): void =>
    setMatches((m) => {
      const cur = m[paneKey]
      if (!cur || cur.ranges.length === 0) return m
      return {
        ...m,
        [paneKey]: {
          ...cur,
          current: (cur.current + delta + cur.ranges.length) % cur.ranges.length
        }
      }
    })

  const openPassage = (a: Annotation): void => {
    open(a.docId)
    setSelected(a.id)
    setScrollTarget({ id: a.id, nonce: Date.now() })
  }

  const highlight = useCallback(async (): Promise<void> => {
    const selection = selectionRef.current
    if (!selection) return
    const pane = panes.find((p) => p.key === selection.paneKey)
    if (!pane) return
    // Clear the selection now, not after the save: text selected meanwhile must stay selected.
    document.getSelection()?.removeAllRanges()
    setSelection(null)
    // Painted at once, and replaced by the saved highlight in the same frame (or taken away if the
    // save fails).
    const pending = showPending(pane.docId, selection, color)
    try {
      const a = await history.perform(
        'highlight',
        call('createAnnotation', {
          docId: pane.docId,
          start: selection.start,
          end: selection.end,
          color
        })
      )
      showSaved(a, pending.id)
      setActiveKey(pane.key)
      setSelected(a.id)
    } catch (err) {
      dropPending(pending.id)
      setError(messageOf(err))
    }
  }, [panes, color, history, setSelection])

  const undoOrRedo = useCallback(
    async (redo: boolean): Promise<void> => {
      try {
        const label = redo ? await history.redo() : await history.undo()
        if (label) setStatus({ text: `${redo ? 'Redid' : 'Undid'}: ${label}` })
      } catch (err) {
        setError(`Could not ${redo ? 'redo' : 'undo'}: ${messageOf(err)}`)
      }
    },
    [history]
  )

  const keyHandler = useRef<(e: KeyboardEvent) => void>(() => undefined)
  useEffect(() => {
    keyHandler.current = (e: KeyboardEvent): void => {
      const mod = e.ctrlKey || e.metaKey
      if (mod && e.key.toLowerCase() === 'o') {
        e.preventDefault()
        document.querySelector<HTMLInputElement>('input[aria-label="Import files"]')?.click()
        return
      }
      if (mod && (e.key.toLowerCase() === 'k' || e.key.toLowerCase() === 'f')) {
        e.preventDefault()
        searchRef.current?.focus()
        searchRef.current?.select()
        return
      }
      if (e.key === 'F3' && activePane) {
        e.preventDefault()
        stepMatch(activePane.key, e.shiftKey ? -1 : 1)
        return
      }
      if (isEditable(e.target)) return
      if (mod && e.key.toLowerCase() === 'z') {
        e.preventDefault()
        void undoOrRedo(e.shiftKey)
      } else if (mod && e.key.toLowerCase() === 'y') {
        e.preventDefault()
        void undoOrRedo(true)
      } else if (!mod && !e.altKey && e.key.toLowerCase() === 'h' && currentSelection()) {
        e.preventDefault()
        void highlight()
      } else if (e.key === 'Escape' && selected) {
        setSelected(null)
      }
    }
  })
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => keyHandler.current(e)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const perform = useCallback(
    async <T,>(label: string, change: Promise<Change<T>>): Promise<T> => {
      try {
        const value = await history.perform(label, change)
        if (label.startsWith('delete'))
          setStatus({ text: `${label[0].toUpperCase()}${label.slice(1)}: done.`, undo: true })
        return value
      } catch (err) {
        setError(messageOf(err))
        throw err
      }
    },
    [history]
  )

  /** "Copy as Markdown" for one passage or a theme: the same Markdown as the export, as a fragment. */
  const copyMarkdown = async (scope: {
    annotationIds?: string[]
    tagIds?: string[]
  }): Promise<void> => {
    try {
      const { content, passages } = await call('exportWorkspace', {
        format: 'md',
        fragment: true,
        groupBy: scope.tagIds ? 'tag' : 'doc',
        ...scope
      })
      await copyText(content)
      setStatus({
        text: `Copied ${passages === 1 ? 'the passage' : `${passages} passages`} as Markdown.`
      })
    } catch (err) {
      setError(`Could not copy: ${messageOf(err)}`)
    }
  }

  const restoreBackup = async (f: File): Promise<void> => {
    try {
      const { documents, passages } = await call('restoreBackup', {
        name: f.name,
        data: new Uint8Array(await f.arrayBuffer())
      })
      setStatus({
        text: `Restored ${documents} documents and ${passages} highlights from ${f.name}.`
      })
      refresh()
      bump()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const openSample = async (): Promise<void> => {
    try {
      const outcomes = await call('openSampleWorkspace')
      refresh()
      const first = outcomes.find((o) => o.status === 'imported')
      if (first?.status === 'imported') open(first.document.id)
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const remove = async (id: string): Promise<void> => {
    setConfirmRemove(null)
    try {
      await call('removeDocument', id)
      setPanes((current) => current.filter((p) => p.docId !== id))
      refresh()
      bump()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const reimport = async (docId: string, file: File): Promise<void> => {
    try {
      const report = await call('reimportDocument', docId, {
        name: file.name,
        data: new Uint8Array(await file.arrayBuffer())
      })
      setStatus({
        text: `New version imported. Highlights: ${report.anchored} in place, ${report.moved} moved, ${report.orphaned} orphaned.`
      })
      setTextRevision((r) => r + 1)
      refresh()
      bump()
    } catch (err) {
      setError(messageOf(err))
    }
  }

  const onDrop = async (e: DragEvent): Promise<void> => {
    e.preventDefault()
    setDragging(false)
    if (importer.progress) return
    void importer.run(await filesFromDrop(e.dataTransfer))
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
        <nav className="views" aria-label="Views">
          {(['library', 'themes', 'memos'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {v === 'library' ? 'Documents' : v === 'themes' ? 'Themes' : 'Memos'}
            </button>
          ))}
        </nav>
        <input
          ref={searchRef}
          type="search"
          className="search-box"
          aria-label="Search"
          placeholder="Search everything (Ctrl+K)"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value)
            if (view !== 'library') setView('library')
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('')
          }}
        />
        <ImportControls busy={busy} onFiles={(files) => void importer.run(files)} />
        <button type="button" onClick={() => setExporting(true)} disabled={!docs?.length}>
          Export…
        </button>
        <div className="history">
          <button
            type="button"
            disabled={!history.canUndo}
            onClick={() => void undoOrRedo(false)}
            title="Undo (Ctrl+Z)"
          >
            Undo
          </button>
          <button
            type="button"
            disabled={!history.canRedo}
            onClick={() => void undoOrRedo(true)}
            title="Redo (Ctrl+Shift+Z)"
          >
            Redo
          </button>
        </div>
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
        <ImportReport
          outcomes={importer.outcomes}
          onOpen={(id) => open(id)}
          onClose={importer.dismiss}
        />
      )}
      {confirmRemove && (
        <div className="confirm" role="alertdialog" aria-label="Remove document">
          <span>
            Remove “{confirmRemove.title}” from the library? Its original file, text and highlights
            stay in the workspace folder, and importing the file again brings it back.
          </span>
          <button type="button" className="danger" onClick={() => void remove(confirmRemove.id)}>
            Remove
          </button>
          <button type="button" onClick={() => setConfirmRemove(null)} autoFocus>
            Cancel
          </button>
        </div>
      )}
      {view === 'library' && (
        <main className="workspace">
          {query.trim() ? (
            <SearchPanel
              query={query}
              docs={docs ?? []}
              tags={tags}
              revision={revision}
              onOpen={(hit) => void openHit(hit)}
            />
          ) : (
            <LibraryPane
              docs={docs ?? []}
              openId={activePane?.docId ?? null}
              onOpen={(id) => open(id)}
              onOpenBeside={(id) => open(id, true)}
            />
          )}
          <div
            className="panes"
            style={{ gridTemplateColumns: `repeat(${Math.max(1, panes.length)}, minmax(0, 1fr))` }}
          >
            {panes.length > 0 ? (
              panes.map((pane) => (
                <PaneContainer
                  key={pane.key}
                  pane={pane}
                  title={titleOf(pane.docId)}
                  active={pane.key === activePane?.key}
                  closable={panes.length > 1}
                  revision={revision}
                  onError={setError}
                  textRevision={textRevision}
                  selectedId={selected}
                  scrollTarget={scrollTarget}
                  selection={selection?.paneKey === pane.key ? selection : null}
                  matches={matches[pane.key]?.docId === pane.docId ? matches[pane.key] : null}
                  onStepMatch={(delta) => stepMatch(pane.key, delta)}
                  onClearMatches={() =>
                    setMatches((m) => {
                      const { [pane.key]: _, ...rest } = m
                      return rest
                    })
                  }
                  color={color}
                  onColor={setColor}
                  onHighlight={() => void highlight()}
                  onSelect={(id) => {
                    setActiveKey(pane.key)
                    setSelected(id)
                  }}
                  onSelection={(range) => {
                    const cur = selectionRef.current
                    setSelection(
                      range
                        ? { ...range, paneKey: pane.key }
                        : cur?.paneKey === pane.key
                          ? null
                          : cur
                    )
                  }}
                  onFocus={() => setActiveKey(pane.key)}
                  onClose={() => setPanes((current) => current.filter((p) => p.key !== pane.key))}
                  onRemove={() => setConfirmRemove({ id: pane.docId, title: titleOf(pane.docId) })}
                  onReimport={(file) => void reimport(pane.docId, file)}
                />
              ))
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
                  <button type="button" onClick={() => restoreRef.current?.click()}>
                    Restore from a backup…
                  </button>
                  <input
                    ref={restoreRef}
                    type="file"
                    accept=".json"
                    className="visually-hidden"
                    aria-label="Backup file to restore"
                    tabIndex={-1}
                    onChange={(e) => {
                      const f = e.currentTarget.files?.[0]
                      e.currentTarget.value = ''
                      if (f) void restoreBackup(f)
                    }}
                  />
                </div>
              </div>
            ) : docs ? (
              <div className="empty">
                <p>
                  Choose a document in the library to read it. “Open beside” puts a second one next
                  to it.
                </p>
              </div>
            ) : null}
          </div>
          <Sidebar
            doc={activeDoc ? { id: activeDoc.id, title: activeDoc.title } : null}
            annotations={activeAnnotations}
            tags={tags}
            selectedId={selected}
            revision={revision}
            canReattach={Boolean(selection && selection.paneKey === activePane?.key)}
            perform={perform}
            onCopy={(id) => void copyMarkdown({ annotationIds: [id] })}
            onSelect={(id, scroll) => {
              setSelected(id)
              if (id && scroll) setScrollTarget({ id, nonce: Date.now() })
            }}
            onReattach={(id) => {
              if (!selection) return
              void perform(
                're-attach highlight',
                call('reattachAnnotation', id, selection.start, selection.end)
              ).then(() => {
                document.getSelection()?.removeAllRanges()
                setSelection(null)
              })
            }}
          />
        </main>
      )}
      {view === 'themes' && (
        <ThemesView
          tags={tags}
          revision={revision}
          perform={perform}
          onOpenPassage={openPassage}
          onError={setError}
          onCopy={(tagId) => void copyMarkdown({ tagIds: [tagId] })}
        />
      )}
      {view === 'memos' && (
        <MemosView
          docs={docs ?? []}
          tags={tags}
          revision={revision}
          perform={perform}
          onError={setError}
        />
      )}
      {exporting && (
        <ExportDialog
          docs={docs ?? []}
          tags={tags}
          onClose={() => setExporting(false)}
          onSaved={(text) => setStatus({ text })}
        />
      )}
      {status && (
        <div className="toast" role="status">
          {status.text}
          {status.undo && (
            <button
              type="button"
              className="link"
              onClick={() => void undoOrRedo(false).then(() => setStatus(null))}
            >
              Undo
            </button>
          )}
          <button
            type="button"
            className="link"
            aria-label="Dismiss message"
            onClick={() => setStatus(null)}
          >
            ×
          </button>
        </div>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
    </div>
  )
}

interface PaneContainerProps extends Omit<
  React.ComponentProps<typeof ReaderPane>,
  'paneKey' | 'docId' | 'annotations' | 'annotationsLoaded' | 'pending'
> {
  pane: Pane
  revision: number
  onError: (message: string) => void
}

/** A pane with its own document's annotations. */
function PaneContainer({
  pane,
  revision,
  onError,
  ...rest
}: PaneContainerProps): React.JSX.Element {
  const annotations = useAnnotationList(pane.docId, revision, onError)
  return (
    <ReaderPane
      paneKey={pane.key}
      docId={pane.docId}
      annotations={annotations.list}
      annotationsLoaded={annotations.loaded}
      pending={annotations.pending}
      {...rest}
    />
  )
}
