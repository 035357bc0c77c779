import { useState } from 'react'
import { gradeFilterQuery, type GradeFilter } from '../../../shared/grade-filters'
import { GradeFilterControl } from '../themes/GradeFilterControl'
import type { ExportFormat, ExportOptions } from '../../../shared/model'
import { attempt } from '../feedback/attempt'
import { formatCount } from '../format'
import { useFetch } from '../hooks/use-fetch'
import { useDocumentList, useTags } from '../hooks/use-workspace'
import { useClient, useCommands, useFeedback } from '../state/app-context'
import { Dialog } from '../ui/Dialog'
import { RadioGroup } from '../ui/RadioGroup'
import { ExportPreview } from './ExportPreview'
import { saveBytes, saveText } from './save'

/** What the dialog saves: one of the workspace's text exports, or a REFI-QDA project. */
type Choice = ExportFormat | 'qdpx'

const FORMATS: { value: Choice; label: string }[] = [
  { value: 'md', label: 'Markdown notes (.md)' },
  { value: 'csv', label: 'Tagged passages for a spreadsheet (.csv)' },
  { value: 'w3c', label: 'W3C Web Annotations (.jsonld)' },
  { value: 'json', label: 'Full backup of the workspace (.json)' },
  { value: 'qdpx', label: 'REFI-QDA project for ATLAS.ti, MAXQDA, NVivo, QualCoder (.qdpx)' }
]

type Scope = 'all' | 'docs' | 'tags'
const SCOPES = [
  { value: 'all', label: 'Whole workspace' },
  { value: 'docs', label: 'Chosen documents' },
  { value: 'tags', label: 'Chosen themes' }
] as const
const GROUPS = [
  { value: 'doc', label: 'By document' },
  { value: 'tag', label: 'By theme' }
] as const

const CONTENTS = [
  { value: 'notes', label: 'Passages and notes' },
  { value: 'memos', label: 'Memos only' }
] as const

const toggle = (list: string[], id: string): string[] =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id]

/** Export: choose what (scope), how (grouping, format), see it as it will be, and save it. */
export function ExportDialog(): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const feedback = useFeedback()
  const docs = useDocumentList()
  const tags = useTags()
  const [choice, setChoice] = useState<Choice>('md')
  const qdpx = choice === 'qdpx'
  const format: ExportFormat = qdpx ? 'json' : choice
  const [saving, setSaving] = useState(false)
  /** What the last .qdpx export left out (shown until the dialog is closed). */
  const [qdpxSkipped, setQdpxSkipped] = useState<{ filename: string; skipped: string[] } | null>(
    null
  )
  const [scope, setScope] = useState<Scope>('all')
  const [docIds, setDocIds] = useState<string[]>([])
  const [tagIds, setTagIds] = useState<string[]>([])
  const [groupBy, setGroupBy] = useState<'doc' | 'tag'>('doc')
  const [content, setContent] = useState<'notes' | 'memos'>('notes')
  const [title, setTitle] = useState('')
  const [gradeFilter, setGradeFilter] = useState<GradeFilter | null>(null)

  const memosOnly = (format === 'md' || format === 'csv') && content === 'memos'
  const options: ExportOptions = { format, groupBy }
  if (memosOnly) options.memosOnly = true
  if (format === 'md' && title.trim()) options.title = title.trim()
  if (format !== 'json' && scope === 'docs') options.docIds = docIds
  if (format !== 'json' && scope === 'tags') options.tagIds = tagIds
  if (format !== 'json' && !memosOnly && gradeFilter) options.grades = gradeFilterQuery(gradeFilter)
  const empty =
    format !== 'json' &&
    ((scope === 'docs' && docIds.length === 0) || (scope === 'tags' && tagIds.length === 0))
  const key = JSON.stringify(options)
  // Made again when anything in the workspace changes (every change makes search results stale).
  const result = useFetch(empty || qdpx ? null : `export:${key}`, ['search', 'documents'], () =>
    client.call('exportWorkspace', JSON.parse(key) as ExportOptions)
  )
  const value = result.data

  return (
    <Dialog label="Export" className="export-dialog" onClose={() => commands.setDialog(null)}>
      {(close) => (
        <form method="dialog" className="export-form" onSubmit={(e) => e.preventDefault()}>
          <h2>Export</h2>
          <div className="export-options">
            <label className="field">
              Format
              <select value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
                {FORMATS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
            {qdpx ? (
              <p className="hint">
                A project in the REFI-QDA exchange format (QDA-XML 1.0) that ATLAS.ti, MAXQDA,
                NVivo, QualCoder and other QDA tools open: every document's text, the codebook of
                themes with colours and descriptions, every highlight as a coded selection with its
                note, document notes and memos, and sources and grades as document variables.
              </p>
            ) : format !== 'json' ? (
              <>
                <RadioGroup legend="What" options={SCOPES} value={scope} onChange={setScope} />
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
              </>
            ) : (
              <p className="hint">
                The full backup holds every document's text, every highlight, note, tag and memo.
                Restore it into an empty workspace with Restore from a backup on the first screen,
                or with the command line (workbench restore FILE).
              </p>
            )}
            {!qdpx && format !== 'json' && !memosOnly && (
              <GradeFilterControl value={gradeFilter} onChange={setGradeFilter} />
            )}
            {(format === 'md' || format === 'csv') && (
              <RadioGroup
                legend="Content"
                options={CONTENTS}
                value={content}
                onChange={setContent}
              />
            )}
            {format === 'md' && !memosOnly && (
              <RadioGroup legend="Group" options={GROUPS} value={groupBy} onChange={setGroupBy} />
            )}
            {format === 'md' && (
              <label className="field">
                Title
                <input
                  type="text"
                  value={title}
                  placeholder="Analyst Workbench notes"
                  maxLength={200}
                  onChange={(e) => setTitle(e.target.value)}
                />
              </label>
            )}
          </div>
          <div className="export-preview">
            {qdpx ? (
              qdpxSkipped ? (
                <div className="error" role="alert">
                  <p>Saved {qdpxSkipped.filename}, without:</p>
                  <ul>
                    {qdpxSkipped.skipped.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="hint">
                  {saving
                    ? 'Writing the project…'
                    : 'The project is written when you save it; anything that cannot be written (an orphaned highlight, a damaged text) is listed here.'}
                </p>
              )
            ) : empty ? (
              <p className="hint">Choose at least one {scope === 'docs' ? 'document' : 'theme'}.</p>
            ) : result.error ? (
              <p className="error" role="alert">
                {result.error}
              </p>
            ) : value ? (
              <>
                {value.leftOut?.length ? (
                  <div className="error" role="alert">
                    <p>Left out, because it could not be read:</p>
                    <ul>
                      {value.leftOut.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <ExportPreview
                  content={value.content}
                  markdown={format === 'md'}
                  summary={`${memosOnly ? formatCount(value.memos, 'memo') : `${formatCount(value.documents, 'document')}, ${formatCount(value.passages, 'passage')}, ${formatCount(value.memos, 'memo')}`} · ${value.filename}`}
                />
              </>
            ) : (
              <p className="hint">Preparing…</p>
            )}
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={qdpx ? saving : !value || empty}
              onClick={async () => {
                if (qdpx) {
                  setSaving(true)
                  setQdpxSkipped(null)
                  const out = await attempt(
                    feedback,
                    () => client.call('exportQdpx'),
                    'Could not export the project'
                  )
                  setSaving(false)
                  if (!out) return
                  saveBytes(out.filename, out.data, 'application/zip')
                  feedback.info(
                    `Exported ${out.filename}: ${formatCount(out.documents, 'document')}, ${formatCount(out.highlights, 'highlight')}, ${formatCount(out.codes, 'code')}, ${formatCount(out.memos, 'memo')}.`
                  )
                  if (out.skipped.length)
                    setQdpxSkipped({ filename: out.filename, skipped: out.skipped })
                  else close()
                  return
                }
                if (!value) return
                saveText(value.filename, value.content, value.mimeType)
                feedback.info(`Exported ${value.filename}.`)
                close()
              }}
            >
              Save…
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
