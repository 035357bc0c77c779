import { useState } from 'react'
import type { DetailField, DetailsPatch, DocumentMeta } from '../../../shared/model'
import { messageOf } from '../api'
import { useClient } from '../state/app-context'
import { VIEW_NAMES } from '../state/ui-state'
import { Dialog, DialogFooter } from '../ui/Dialog'

const FIELDS: { field: DetailField; label: string; type?: string; hint?: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'author', label: 'Author' },
  { field: 'source', label: 'Source', hint: 'publisher, outlet or site' },
  { field: 'published', label: 'Published', type: 'date' },
  { field: 'url', label: 'Web address', type: 'url', hint: 'shown and exported, never opened' },
  { field: 'language', label: 'Language', hint: 'en, fr, pt-BR…' }
]

const valueOf = (meta: DocumentMeta, field: DetailField): string =>
  field === 'published' ? (meta.published ?? '').slice(0, 10) : (meta[field] ?? '')

/**
 * Edit a document's details. Each field the analyst changed says what the import found and can
 * go back to it. Saved as one undoable change; a value that is not what it says (a date, an
 * address) is refused with the reason, and the dialog stays open.
 */
export function DetailsDialog({
  meta,
  onClose
}: {
  meta: DocumentMeta
  onClose: () => void
}): React.JSX.Element {
  const client = useClient()
  const [error, setError] = useState<string | null>(null)
  const [values, setValues] = useState(() =>
    Object.fromEntries(FIELDS.map(({ field }) => [field, valueOf(meta, field)]))
  )
  const found = meta.found ?? {}
  const save = async (close: () => void): Promise<void> => {
    const patch: DetailsPatch = {}
    for (const { field } of FIELDS)
      // Spaces alone are no edit (the workbench trims them): nothing to save, nothing to undo.
      if (values[field].trim() !== valueOf(meta, field).trim())
        patch[field] = values[field].trim() || null
    if (Object.keys(patch).length === 0) return close()
    try {
      await client.perform(
        `edit the details of “${meta.title}”`,
        VIEW_NAMES.library,
        'updateDocumentDetails',
        meta.id,
        patch
      )
      close()
    } catch (err) {
      // Said in the dialog, next to what is to be corrected.
      setError(messageOf(err))
    }
  }
  return (
    <Dialog label="Document details" className="details-dialog" onClose={onClose}>
      {(close) => (
        <form
          className="details-form"
          // Checked by the workbench, which says what is wrong in words of its own.
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            void save(close)
          }}
        >
          <h2>Document details</h2>
          {FIELDS.map(({ field, label, type, hint }) => (
            <div key={field} className="details-field">
              <label className="field">
                {label}
                {hint && <span className="field-hint"> ({hint})</span>}
                <input
                  type={type ?? 'text'}
                  value={values[field]}
                  required={field === 'title'}
                  onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
                />
              </label>
              {field in found && (
                <p className="found">
                  Found at import: {found[field] || 'nothing'}{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Use the ${label.toLowerCase()} found at import`}
                    onClick={() => setValues((v) => ({ ...v, [field]: found[field] ?? '' }))}
                  >
                    Use it
                  </button>
                </p>
              )}
            </div>
          ))}
          <DialogFooter error={error} submit="Save" onCancel={close} />
        </form>
      )}
    </Dialog>
  )
}
