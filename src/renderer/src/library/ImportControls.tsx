import { useRef } from 'react'
import { ImportProject } from '../exchange/ImportProject'
import { ACCEPT } from './collect-files'

interface Props {
  busy: boolean
  onFiles: (files: File[]) => void
}

/**
 * "Import" opens the file picker; "Import folder" picks a whole folder. Both accept several files.
 * The hidden input of "Import a QDA project…" (in the ⋯ menu and on the empty library's screen)
 * is here too: a REFI-QDA project from another tool.
 */
export function ImportControls({ busy, onFiles }: Props): React.JSX.Element {
  const filesRef = useRef<HTMLInputElement>(null)
  const folderRef = useRef<HTMLInputElement>(null)
  const take = (input: HTMLInputElement | null): void => {
    if (!input?.files) return
    const files = Array.from(input.files)
    input.value = ''
    if (files.length) onFiles(files)
  }
  return (
    <div className="import-controls">
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => filesRef.current?.click()}
        title="Import files (Ctrl+O)"
      >
        Import
      </button>
      {/* Below 1360 px this one folds into the ⋯ menu (styles/shell.css). */}
      <button
        type="button"
        className="roomy-only"
        disabled={busy}
        onClick={() => folderRef.current?.click()}
      >
        Import folder
      </button>
      <ImportProject busy={busy} />
      <input
        ref={filesRef}
        className="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        aria-label="Import files"
        tabIndex={-1}
        onChange={(e) => take(e.currentTarget)}
      />
      <input
        ref={folderRef}
        className="visually-hidden"
        type="file"
        multiple
        aria-label="Import a folder"
        tabIndex={-1}
        {...{ webkitdirectory: '' }}
        onChange={(e) => take(e.currentTarget)}
      />
    </div>
  )
}
