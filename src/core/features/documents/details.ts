import type { Change } from '../../../shared/api'
import {
  DETAIL_FIELDS,
  type DetailField,
  type DetailsPatch,
  type DocumentMeta
} from '../../../shared/model'
import { WorkbenchError } from '../../base/errors'
import { withoutControls } from '../../domain/text/control-chars'
import type { ChangeEvents, DocumentCatalog } from '../../ports'

const MAX_DETAIL_CHARS = 500
const MAX_URL_CHARS = 2000
const DAY = /^\d{4}-\d{2}-\d{2}$/
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/

const invalid = (message: string): WorkbenchError => new WorkbenchError('invalid-argument', message)

/** A detail as the analyst typed it, checked and tidied (control characters out, spaces trimmed); null clears it. */
export function checkDetail(field: DetailField, value: string | null): string | null {
  const v = value === null ? '' : withoutControls(value).replace(/\s+/g, ' ').trim()
  if (field === 'title') {
    if (!v) throw invalid('A document needs a title.')
    if (v.length > MAX_DETAIL_CHARS)
      throw invalid(`A title can be at most ${MAX_DETAIL_CHARS} characters long.`)
    return v
  }
  if (!v) return null
  if (field === 'published') {
    const d = new Date(`${v}T00:00:00Z`)
    if (!DAY.test(v) || Number.isNaN(d.getTime()) || !d.toISOString().startsWith(v))
      throw invalid(`The publication date "${v}" is not a date as YYYY-MM-DD.`)
    return v
  }
  if (field === 'url') {
    let url: URL
    try {
      url = new URL(v)
    } catch {
      throw invalid(`"${v}" is not a web address (it should start with https:// or http://).`)
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw invalid(`"${v}" is not a web address (it should start with https:// or http://).`)
    if (v.length > MAX_URL_CHARS)
      throw invalid(`A web address can be at most ${MAX_URL_CHARS} characters long.`)
    return v
  }
  if (field === 'language') {
    if (!LANGUAGE.test(v)) throw invalid(`"${v}" is not a language tag such as en, fr or pt-BR.`)
    return v
  }
  if (v.length > MAX_DETAIL_CHARS)
    throw invalid(`The ${field} can be at most ${MAX_DETAIL_CHARS} characters long.`)
  return v
}

const current = (meta: DocumentMeta, field: DetailField): string | null => meta[field] ?? null

/**
 * For a new version of a document: the details the analyst edited keep their edited values, and
 * what the new version says becomes the value found (for going back to it).
 */
export function keepEdited<F extends Partial<DocumentMeta>>(meta: DocumentMeta, fields: F): F {
  if (!meta.found) return fields
  const out: Partial<DocumentMeta> = { ...fields }
  const found: NonNullable<DocumentMeta['found']> = {}
  for (const field of Object.keys(meta.found) as DetailField[]) {
    const fresh = (fields[field] ?? null) as string | null
    const edited = current(meta, field)
    if (fresh !== edited) found[field] = fresh
    ;(out as Record<DetailField, string | null>)[field] = edited
  }
  out.found = Object.keys(found).length ? found : undefined
  return out as F
}

/** Editing a document's details: saved (journaled) like any change, undoable, searched and exported. */
export function detailsOps(deps: {
  catalog: DocumentCatalog
  events: ChangeEvents
  findDocument: (id: string) => DocumentMeta
  clock: { now(): Date }
}) {
  return {
    async updateDocumentDetails(id: string, patch: DetailsPatch): Promise<Change<DocumentMeta>> {
      const meta = deps.findDocument(id)
      const before: DetailsPatch = {}
      const found = { ...meta.found }
      const fields: Partial<DocumentMeta> = {}
      for (const field of DETAIL_FIELDS) {
        if (!(field in patch)) continue
        const next = checkDetail(field, patch[field] ?? null)
        const was = current(meta, field)
        if (next === was) continue
        before[field] = was
        const original = field in found ? (found[field] ?? null) : was
        if (next === original) delete found[field]
        else found[field] = original
        ;(fields as Record<DetailField, string | null>)[field] = next
      }
      const undo = {
        method: 'updateDocumentDetails' as const,
        args: [id, before] as [string, DetailsPatch]
      }
      if (Object.keys(before).length === 0) return { value: { ...meta }, undo }
      fields.found = Object.keys(found).length ? found : undefined
      // When each detail changed: a case bundle merges two laptops' edits by these times.
      const at = deps.clock.now().toISOString()
      fields.times = { ...meta.times }
      for (const field of Object.keys(before) as DetailField[]) fields.times[field] = at
      const updated = await deps.catalog.replace(id, fields)
      // The title is searched (title:) and every export shows the details.
      deps.events.emit({ kind: 'document-saved', meta: updated })
      return { value: { ...updated }, undo }
    }
  }
}
