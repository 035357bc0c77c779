import { useRef } from 'react'
import { pickProject } from '../exchange/ImportProject'
import { useCommands } from '../state/app-context'

/** The first screen of an empty workspace: what to do next. */
export function EmptyLibrary(): React.JSX.Element {
  const commands = useCommands()
  const restoreRef = useRef<HTMLInputElement>(null)
  return (
    <div className="empty">
      <h1>Your library is empty</h1>
      <p>
        Import news articles, reports and statements (.txt, .md, .html, .pdf, .docx): use Import,
        press Ctrl+O, or drop files and folders anywhere on this window.
      </p>
      <p>
        New here? The sample workspace has a few short articles about one event, from sources of
        varying reliability, to try things on.
      </p>
      <p>
        Coming from ATLAS.ti, MAXQDA, NVivo or QualCoder? Import a QDA project (.qdpx) brings in its
        documents, codes, coded passages and memos.
      </p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={() => void commands.openSample()}>
          Open the sample workspace
        </button>
        <button type="button" onClick={() => restoreRef.current?.click()}>
          Restore from a backup…
        </button>
        <button type="button" onClick={pickProject}>
          Import a QDA project…
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
            if (f) void commands.restoreBackup(f)
          }}
        />
      </div>
    </div>
  )
}
