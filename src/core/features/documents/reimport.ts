import { basename, extname } from 'node:path'
import type { FilePayload } from '../../../shared/api'
import type { DocumentMeta, ReanchorReport, StoredRef } from '../../../shared/model'
import { toApiError, WorkbenchError } from '../../base/errors'
import { SerialQueue } from '../../base/serial-queue'
import { reanchor } from '../../domain/anchoring/reanchor'
import { chooseTitle } from '../../import/title'
import type { AnnotationFiles, ChangeEvents, DocumentCatalog, DocumentContents } from '../../ports'
import { contentFields } from './content-fields'
import { keepEdited } from './details'
import type { Parse } from './parse'

export interface ReimportDeps {
  catalog: DocumentCatalog
  contents: DocumentContents
  annotations: AnnotationFiles
  events: ChangeEvents
  parse: Parse
  findDocument: (id: string) => DocumentMeta
  /** Marks a document as switching to a new version (see text-version.ts). */
  switching?: <R>(docId: string, run: () => Promise<R>) => Promise<R>
}

/**
 * Replaces a document's text with a new version of its file. The id, import order and
 * annotations stay; every annotation (orphans included) is anchored again in the new text.
 * Re-imports run one at a time per document, so that two new versions cannot interleave.
 */
export function reimporter(
  deps: ReimportDeps
): (docId: string, file: FilePayload) => Promise<ReanchorReport> {
  const queues = new Map<string, SerialQueue>()

  async function replace(docId: string, file: FilePayload): Promise<ReanchorReport> {
    const { catalog, contents } = deps
    const current = deps.findDocument(docId)
    // A new version is read as the analyst chose for this document, unless told otherwise.
    const read = file.read ?? (current.read?.wholePage ? { wholePage: true } : undefined)
    const name = basename(file.name.replace(/\\/g, '/'))
    const sha = contents.checksum(file.data)
    const other = catalog.documents().find((d) => d.sha256 === sha && d.id !== docId)
    if (other)
      throw new WorkbenchError(
        'invalid-argument',
        `${name} is already in the library as "${other.title}".`
      )
    let parsed
    try {
      parsed = await deps.parse(name, file.data, read)
    } catch (err) {
      throw new WorkbenchError('invalid-argument', `${name}: ${toApiError(err).message}`)
    }
    const { doc } = parsed
    const fields = contentFields(
      parsed,
      name,
      sha,
      file.data.byteLength,
      chooseTitle(doc, name),
      read
    )
    const { stored } = await contents.put({
      sha256: sha,
      ext: extname(name).slice(1).toLowerCase(),
      original: file.data,
      text: doc.text,
      blocks: doc.blocks,
      textSha256: parsed.textSha256,
      meta: { ...fields, docId }
    })
    const switching = deps.switching ?? (<R>(_: string, run: () => Promise<R>) => run())
    return switching(docId, () => switchTo(docId, parsed, fields, stored))
  }

  /**
   * Moves the highlights to the new text, then switches the catalog to it. The file keeps the
   * positions in the text replaced until the catalog has switched (see text-version.ts), so that
   * a crash in between leaves every highlight on the text the catalog serves.
   */
  async function switchTo(
    docId: string,
    parsed: Awaited<ReturnType<Parse>>,
    fields: ReturnType<typeof contentFields>,
    stored: StoredRef
  ): Promise<ReanchorReport> {
    const { catalog, annotations } = deps
    const previousText = deps.findDocument(docId).textSha256
    const before = structuredClone(await annotations.get(docId))
    const { annotations: moved, report } = reanchor(parsed.doc.text, before.annotations)
    await annotations.update(docId, (draft) => {
      draft.previous = { textSha256: previousText, annotations: before.annotations }
      draft.annotations = moved
      draft.textSha256 = parsed.textSha256
    })
    let meta
    try {
      meta = await catalog.replace(
        docId,
        keepEdited(deps.findDocument(docId), { ...fields, stored })
      )
    } catch (err) {
      // The catalog still serves the old text: put the highlights back where they were in it.
      await annotations
        .update(docId, (draft) => {
          delete draft.previous
          draft.annotations = before.annotations
          draft.textSha256 = previousText
        })
        .catch(() => undefined)
      throw err
    }
    // The catalog serves the new text: the positions in the old one are no longer needed.
    await annotations
      .update(docId, (draft) => {
        delete draft.previous
      })
      .catch(() => undefined)
    deps.events.emit({
      kind: 'document-saved',
      meta,
      chunks: parsed.chunks,
      fingerprints: parsed.fingerprints
    })
    return report
  }

  return (docId, file) => {
    deps.findDocument(docId)
    let queue = queues.get(docId)
    if (!queue) queues.set(docId, (queue = new SerialQueue()))
    return queue.run(() => replace(docId, file))
  }
}
