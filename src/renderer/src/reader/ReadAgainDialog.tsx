import { useState } from 'react'
import { TEXT_ENCODINGS, type DocumentMeta, type ReadOptions } from '../../../shared/model'
import { messageOf } from '../api'
import { useClient, useFeedback } from '../state/app-context'
import { Dialog, DialogFooter } from '../ui/Dialog'

/**
 * Read again as…: the original file read another way — another encoding (for a text garbled by a
 * wrong guess), or a web page whole or as its article — with the highlights re-anchored, as for
 * a new version.
 */
export function ReadAgainDialog({
  meta,
  onClose
}: {
  meta: DocumentMeta
  onClose: () => void
}): React.JSX.Element {
  const client = useClient()
  const feedback = useFeedback()
  // Starts from how the document was last read, so that changing one choice keeps the other.
  const [encoding, setEncoding] = useState(meta.read?.encoding ?? '')
  const [wholePage, setWholePage] = useState(meta.read?.wholePage ?? false)
  const [error, setError] = useState<string | null>(null)
  const web = meta.format === 'html'
  const read = async (close: () => void): Promise<void> => {
    const options: ReadOptions = { wholePage }
    if (encoding) options.encoding = encoding
    try {
      const r = await client.call('readDocumentAgain', meta.id, options)
      feedback.info(
        `Read again${encoding ? ` as ${encoding}` : ''}. Highlights: ${r.anchored} in place, ${r.moved} moved, ${r.orphaned} orphaned.`
      )
      close()
    } catch (err) {
      setError(messageOf(err))
    }
  }
  return (
    <Dialog label="Read again as" className="details-dialog" onClose={onClose}>
      {(close) => (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void read(close)
          }}
        >
          <h2>Read “{meta.title}” again</h2>
          <p className="hint">
            {meta.encoding
              ? `Now decoded as ${meta.encoding.name}${meta.encoding.guessed ? ' (guessed)' : ''}. `
              : ''}
            The original file is read again; highlights are re-anchored as for a new version.
          </p>
          {meta.format !== 'pdf' && meta.format !== 'docx' && (
            <label className="field">
              Encoding
              <select value={encoding} onChange={(e) => setEncoding(e.target.value)}>
                <option value="">as the file says, or as detected</option>
                {TEXT_ENCODINGS.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </select>
            </label>
          )}
          {web && (
            <label className="check">
              <input
                type="checkbox"
                checked={wholePage}
                onChange={(e) => setWholePage(e.target.checked)}
              />{' '}
              The whole web page, not only its article
            </label>
          )}
          <DialogFooter error={error} submit="Read again" onCancel={close} />
        </form>
      )}
    </Dialog>
  )
}
