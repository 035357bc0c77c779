import { useRef, useState } from 'react'
import type { BundleExportOptions, MergeReport, MergeUndoReport } from '../../../shared/exchange'
import { fileTooLarge } from '../../../shared/format'
import { messageOf } from '../api'
import { saveBytes } from '../export/save'
import { formatCount } from '../format'
import { useDocumentList, useTags } from '../hooks/use-workspace'
import { useClient, useCommands, useFeedback } from '../state/app-context'
import { Dialog } from '../ui/Dialog'
import { RadioGroup } from '../ui/RadioGroup'
import { changeSummary, MergeReportView } from './MergeReportView'

type Scope = 'all' | 'docs' | 'tags'
const SCOPES = [
  { value: 'all', label: 'Whole workspace' },
  { value: 'docs', label: 'Chosen documents' },
  { value: 'tags', label: 'Chosen themes' }
] as const

const toggle = (list: string[], id: string): string[] =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id]

/** The hidden input the "Merge a bundle…" button clicks. */
const BUNDLE_INPUT_LABEL = 'Case bundle to merge'

/** Where a merge is: previewed (dry run), made, undone or made again. */
type Merge =
  | { step: 'preview'; file: File; data: Uint8Array; report: MergeReport }
  | { step: 'merged'; file: File; report: MergeReport }
  | { step: 'undone' | 'redone'; file: File; report: MergeReport; undo: MergeUndoReport }

/**
 * "Exchange with another laptop": a case bundle (.awb) of the whole workspace, chosen documents
 * or chosen themes, for another analyst's workbench; and merging theirs, previewed first, with
 * "Undo this merge" after.
 */
export function ExchangeDialog(): React.JSX.Element {
  const client = useClient()
  const commands = useCommands()
  const feedback = useFeedback()
  const docs = useDocumentList()
  const tags = useTags()
  const inputRef = useRef<HTMLInputElement>(null)
  const [scope, setScope] = useState<Scope>('all')
  const [docIds, setDocIds] = useState<string[]>([])
  const [tagIds, setTagIds] = useState<string[]>([])
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [exported, setExported] = useState<string | null>(null)
  const [merge, setMerge] = useState<Merge | null>(null)

  const empty =
    (scope === 'docs' && docIds.length === 0) || (scope === 'tags' && tagIds.length === 0)

  /** Runs one call at a time; its error is said in the dialog, in one sentence. */
  const run = async (what: string, fn: () => Promise<void>): Promise<void> => {
    setBusy(what)
    setError(null)
    try {
      await fn()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  const exportBundle = (): Promise<void> =>
    run('Writing the bundle…', async () => {
      const options: BundleExportOptions = {}
      if (scope === 'docs') options.docIds = docIds
      if (scope === 'tags') options.tagIds = tagIds
      const out = await client.call('exportBundle', options)
      saveBytes(out.filename, out.data, 'application/zip')
      const text = `Saved ${out.filename}: ${formatCount(out.documents, 'document')}, ${formatCount(out.highlights, 'highlight')}.`
      setExported(text)
      feedback.info(text)
    })

  const preview = (file: File): Promise<void> =>
    run('Reading the bundle…', async () => {
      setMerge(null)
      const { limits } = await client.call('getWorkspaceInfo')
      if (file.size > limits.maxFileBytes)
        throw new Error(
          `${file.name} was not merged: ${fileTooLarge(file.size, limits.maxFileBytes)}`
        )
      const data = new Uint8Array(await file.arrayBuffer())
      const report = await client.call('mergeBundle', { name: file.name, data }, { dryRun: true })
      setMerge({ step: 'preview', file, data, report })
    })

  const mergeNow = (m: Extract<Merge, { step: 'preview' }>): Promise<void> =>
    run('Merging…', async () => {
      const report = await client.call('mergeBundle', { name: m.file.name, data: m.data }, {})
      setMerge({ step: 'merged', file: m.file, report })
      feedback.info(
        report.changed ? `Merged ${m.file.name}.` : `${m.file.name} changed nothing here.`
      )
    })

  const undoOrRedo = (m: Merge, method: 'undoMerge' | 'redoMerge'): Promise<void> =>
    run(method === 'undoMerge' ? 'Undoing the merge…' : 'Merging again…', async () => {
      if (!m.report.mergeId) return
      const change = await client.call(method, m.report.mergeId)
      setMerge({
        step: change.value.state,
        file: m.file,
        report: m.report,
        undo: change.value
      })
    })

  const status = (
    <>
      {busy && (
        <p className="hint" role="status">
          {busy}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  )

  return (
    <Dialog
      label="Exchange with another laptop"
      className="exchange-dialog"
      onClose={() => commands.setDialog(null)}
    >
      {(close) => (
        <div className="exchange-body">
          <h2>Exchange with another laptop</h2>
          {merge ? (
            <section aria-labelledby="merge-heading">
              <h3 id="merge-heading">
                {merge.step === 'preview'
                  ? `Preview: merging ${merge.file.name}`
                  : merge.step === 'undone'
                    ? `Merge of ${merge.file.name} undone`
                    : `Merged ${merge.file.name}`}
              </h3>
              {merge.step === 'undone' && (
                <p role="status">
                  The workspace is as it was before the merge
                  {merge.undo.documents
                    ? `: ${formatCount(merge.undo.documents, 'document')} it added were taken out`
                    : ''}
                  .
                </p>
              )}
              {merge.step === 'redone' && (
                <p role="status">The merge was made again: {changeSummary(merge.report)}.</p>
              )}
              {merge.step !== 'undone' && <MergeReportView report={merge.report} />}
              {status}
              <div className="dialog-actions">
                <button type="button" onClick={() => setMerge(null)} disabled={busy !== null}>
                  {merge.step === 'preview' ? 'Cancel merge' : 'Back'}
                </button>
                {merge.step === 'preview' && (
                  <button
                    type="button"
                    className="primary"
                    disabled={busy !== null || !merge.report.changed}
                    onClick={() => void mergeNow(merge)}
                  >
                    Merge
                  </button>
                )}
                {(merge.step === 'merged' || merge.step === 'redone') && merge.report.mergeId && (
                  <button
                    type="button"
                    disabled={busy !== null}
                    onClick={() => void undoOrRedo(merge, 'undoMerge')}
                  >
                    Undo this merge
                  </button>
                )}
                {merge.step === 'undone' && (
                  <button
                    type="button"
                    disabled={busy !== null}
                    onClick={() => void undoOrRedo(merge, 'redoMerge')}
                  >
                    Redo this merge
                  </button>
                )}
                {merge.step !== 'preview' && (
                  <button type="button" className="primary" onClick={close}>
                    Close
                  </button>
                )}
              </div>
            </section>
          ) : (
            <>
              <p className="hint">
                Two analysts on two laptops without a network work on one case: each exports a case
                bundle (.awb) for the other, who merges it. Documents are matched by their text;
                where both changed the same thing, the later change is kept and the other is
                reported.
              </p>
              <section aria-labelledby="bundle-export-heading" className="exchange-section">
                <h3 id="bundle-export-heading">Export a case bundle</h3>
                <RadioGroup legend="What" options={SCOPES} value={scope} onChange={setScope} />
                {scope === 'docs' && (
                  <div className="choices" role="group" aria-label="Documents to send">
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
                  <div className="choices" role="group" aria-label="Themes to send">
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
                <p className="hint">
                  {empty
                    ? `Choose at least one ${scope === 'docs' ? 'document' : 'theme'}.`
                    : 'The bundle holds the documents (texts and originals), their highlights and notes, the codebook and memos, the sources with their grades, the documents’ and highlights’ grades, and the links between the documents sent.'}
                </p>
                {exported && <p role="status">{exported}</p>}
                <button
                  type="button"
                  className="primary"
                  disabled={empty || busy !== null || docs.length === 0}
                  onClick={() => void exportBundle()}
                >
                  Save the bundle…
                </button>
              </section>
              <section aria-labelledby="bundle-merge-heading" className="exchange-section">
                <h3 id="bundle-merge-heading">Merge a bundle</h3>
                <p className="hint">
                  Choose a bundle from another laptop: you see what it would change before anything
                  is changed, and a merge can be undone.
                </p>
                <button
                  type="button"
                  disabled={busy !== null}
                  onClick={() => inputRef.current?.click()}
                >
                  Merge a bundle…
                </button>
                <input
                  ref={inputRef}
                  className="visually-hidden"
                  type="file"
                  accept=".awb"
                  aria-label={BUNDLE_INPUT_LABEL}
                  tabIndex={-1}
                  onChange={(e) => {
                    const file = e.currentTarget.files?.[0]
                    e.currentTarget.value = ''
                    if (file) void preview(file)
                  }}
                />
              </section>
              {status}
              <div className="dialog-actions">
                <button type="button" onClick={close}>
                  Close
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </Dialog>
  )
}
