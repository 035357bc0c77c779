import { useState } from 'react'
import type { ProjectImportReport } from '../../../shared/exchange'
import { fileTooLarge } from '../../../shared/format'
import { messageOf } from '../api'
import { formatCount } from '../format'
import { useClient, useFeedback } from '../state/app-context'
import { Dialog } from '../ui/Dialog'

/** The hidden file input's name: "Import a QDA project…" in the ⋯ menu and on the empty library's screen click it. */
export const PROJECT_INPUT_LABEL = 'QDA project to import'

interface Done {
  name: string
  report: ProjectImportReport
}

/** Opens the file picker of "Import a QDA project…". */
export const pickProject = (): void =>
  document.querySelector<HTMLInputElement>(`input[aria-label="${PROJECT_INPUT_LABEL}"]`)?.click()

/**
 * "Import a QDA project…": picks a REFI-QDA project (.qdpx, or a bare .qde) written by ATLAS.ti,
 * MAXQDA, NVivo, QualCoder or this app, imports it into this workspace (codes matched by path)
 * and shows what came in and what was left out.
 */
export function ImportProject({ busy }: { busy: boolean }): React.JSX.Element {
  const client = useClient()
  const feedback = useFeedback()
  const [importing, setImporting] = useState<string | null>(null)
  const [done, setDone] = useState<Done | null>(null)

  const run = async (file: File): Promise<void> => {
    setImporting(file.name)
    try {
      const { limits } = await client.call('getWorkspaceInfo')
      if (file.size > limits.maxFileBytes) {
        feedback.error(
          `${file.name} was not imported: ${fileTooLarge(file.size, limits.maxFileBytes)}`
        )
        return
      }
      const data = new Uint8Array(await file.arrayBuffer())
      const report = await client.call('importProject', { name: file.name, data })
      setDone({ name: file.name, report })
    } catch (err) {
      feedback.error(messageOf(err))
    } finally {
      setImporting(null)
    }
  }

  return (
    <>
      {importing && (
        <span className="hint" role="status">
          Importing {importing}…
        </span>
      )}
      <input
        className="visually-hidden"
        type="file"
        accept=".qdpx,.qde"
        aria-label={PROJECT_INPUT_LABEL}
        tabIndex={-1}
        disabled={busy || importing !== null}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          e.currentTarget.value = ''
          if (file) void run(file)
        }}
      />
      {done && (
        <ProjectImportDialog name={done.name} report={done.report} onClose={() => setDone(null)} />
      )}
    </>
  )
}

/** What importing a project brought in, and every sentence of what was left out. */
export function ProjectImportDialog({
  name,
  report,
  onClose
}: {
  name: string
  report: ProjectImportReport
  onClose: () => void
}): React.JSX.Element {
  const rows: [string, string][] = [
    ['Documents added', String(report.documents)],
    ['Documents already here (matched by their text)', String(report.matchedDocuments)],
    ['Codes added to the codebook', String(report.codes)],
    ['Coded selections, now highlights', String(report.selections)],
    ['Memos', String(report.memos)]
  ]
  return (
    <Dialog label="QDA project imported" className="exchange-dialog" onClose={onClose}>
      {(close) => (
        <div className="exchange-body">
          <h2>Imported {name}</h2>
          <p>
            {formatCount(report.documents, 'document')} added,{' '}
            {formatCount(report.selections, 'highlight')}, {formatCount(report.codes, 'new code')}
            {report.skipped.length ? `, ${report.skipped.length} left out` : ''}.
          </p>
          <table className="exchange-counts">
            <caption className="visually-hidden">What the project brought in</caption>
            <tbody>
              {rows.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.endOffsets === 'inclusive' && (
            <p className="hint">
              The project counted the end of each selection inclusively (as some tools do); the
              passages were read that way.
            </p>
          )}
          {report.skipped.length > 0 && (
            <section aria-labelledby="project-skipped">
              <h3 id="project-skipped">Left out ({report.skipped.length})</h3>
              <ul className="exchange-lines">
                {report.skipped.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </section>
          )}
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={close}>
              Close
            </button>
          </div>
        </div>
      )}
    </Dialog>
  )
}
