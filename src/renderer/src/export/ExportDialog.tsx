import { useEffect, useRef, useState } from 'react'
import type {
  DocumentMeta,
  ExportFormat,
  ExportOptions,
  ExportResult,
  TagView
} from '../../../shared/model'
import { call, messageOf } from '../api'
import { formatCount } from '../format'
import { saveText } from './save'

interface Props {
  docs: DocumentMeta[]
  tags: TagView[]
  onClose: () => void
  onSaved: (message: string) => void
}

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'md', label: 'Markdown notes (.md)' },
  { value: 'csv', label: 'Tagged passages for a spreadsheet (.csv)' },
  { value: 'w3c', label: 'W3C Web Annotations (.jsonld)' },
  { value: 'json', label: 'Full backup of the workspace (.json)' }
]

type Scope = 'all' | 'docs' | 'tags'

/** Export: choose what (scope), how (grouping, format), see the Markdown as it will be, and save it. */
export function ExportDialog({ docs, tags, onClose, onSaved }: Props): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null)
  const [format, setFormat] = useState<ExportFormat>('md')
  const [scope, setScope] = useState<Scope>('all')
  const [docIds, setDocIds] = useState<string[]>([])
  const [tagIds, setTagIds] = useState<string[]>([])
  const [groupBy, setGroupBy] = useState<'doc' | 'tag'>('doc')
  const [result, setResult] = useState<
    { key: string; value: ExportResult } | { key: string; error: string } | null
  >(null)

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const options: ExportOptions = { format, groupBy }
  if (format !== 'json' && scope === 'docs') options.docIds = docIds
  if (format !== 'json' && scope === 'tags') options.tagIds = tagIds
  const key = JSON.stringify(options)
  const empty =
    format !== 'json' &&
    ((scope === 'docs' && docIds.length === 0) || (scope === 'tags' && tagIds.length === 0))

  useEffect(() => {
    if (empty) return
    let live = true
    const opts = JSON.parse(key) as ExportOptions
    call('exportWorkspace', opts).then(
      (value) => live && setResult({ key, value }),
      (err: unknown) => live && setResult({ key, error: messageOf(err) })
    )
    return () => {
      live = false
    }
  }, [key, empty])

  const current = result?.key === key && !empty ? result : null
  const toggle = (list: string[], id: string): string[] =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id]
  return (
    <dialog ref={ref} className="export-dialog" aria-label="Export" onClose={onClose}>
      <form method="dialog" className="export-form" onSubmit={(e) => e.preventDefault()}>
        <h2>Export</h2>
        <div className="export-options">
          <label className="field">
            Format
            <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {format !== 'json' ? (
            <fieldset>
              <legend>What</legend>
              <label>
                <input
                  type="radio"
                  name="scope"
                  checked={scope === 'all'}
                  onChange={() => setScope('all')}
                />{' '}
                Whole workspace
              </label>
              <label>
                <input
                  type="radio"
                  name="scope"
                  checked={scope === 'docs'}
                  onChange={() => setScope('docs')}
                />{' '}
                Chosen documents
              </label>
              <label>
                <input
                  type="radio"
                  name="scope"
                  checked={scope === 'tags'}
                  onChange={() => setScope('tags')}
                />{' '}
                Chosen themes
              </label>
              {scope === 'docs' && (
                <div className="choices" role="group" aria-label="Documents to export">
                  {docs.map((d) => (
                    <label key={d.id}>
                      <input
                        type="checkbox"
                        checked={docIds.includes(d.id)}
                        onChange={() => setDocIds(toggle(docIds, d.id))}
                      />{' '}
                      {d.title}
                    </label>
                  ))}
                </div>
              )}
              {scope === 'tags' && (
                <div className="choices" role="group" aria-label="Themes to export">
                  {tags.map((t) => (
                    <label key={t.id}>
                      <input
                        type="checkbox"
                        checked={tagIds.includes(t.id)}
                        onChange={() => setTagIds(toggle(tagIds, t.id))}
                      />{' '}
                      {t.path}
                    </label>
                  ))}
                </div>
              )}
            </fieldset>
          ) : (
            <p className="hint">
              The full backup holds every document's text, every highlight, note, tag and memo.
              Restore it into an empty workspace with the command line (workbench restore FILE).
            </p>
          )}
          {format === 'md' && (
            <fieldset>
              <legend>Group</legend>
              <label>
                <input
                  type="radio"
                  name="group"
                  checked={groupBy === 'doc'}
                  onChange={() => setGroupBy('doc')}
                />{' '}
                By document
              </label>
              <label>
                <input
                  type="radio"
                  name="group"
                  checked={groupBy === 'tag'}
                  onChange={() => setGroupBy('tag')}
                />{' '}
                By theme
              </label>
            </fieldset>
          )}
        </div>
        <div className="export-preview">
          {empty ? (
            <p className="hint">Choose at least one {scope === 'docs' ? 'document' : 'theme'}.</p>
          ) : current && 'error' in current ? (
            <p className="error" role="alert">
              {current.error}
            </p>
          ) : current ? (
            <>
              <p className="hint" aria-live="polite">
                {formatCount(current.value.documents, 'document')},{' '}
                {formatCount(current.value.passages, 'passage')} · {current.value.filename}
              </p>
              <pre aria-label="Preview" tabIndex={0}>
                {current.value.content.length > 50_000
                  ? `${current.value.content.slice(0, 50_000)}\n…`
                  : current.value.content}
              </pre>
            </>
          ) : (
            <p className="hint">Preparing…</p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={!current || 'error' in current}
            onClick={() => {
              if (!current || 'error' in current) return
              saveText(current.value.filename, current.value.content, current.value.mimeType)
              onSaved(`Exported ${current.value.filename}.`)
              ref.current?.close()
            }}
          >
            Save…
          </button>
        </div>
      </form>
    </dialog>
  )
}
