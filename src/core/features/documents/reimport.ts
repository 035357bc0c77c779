import { basename, extname } from 'node:path'
import type { FilePayload } from '../../../shared/api'
import type { DocumentMeta, ReanchorReport } from '../../../shared/model'
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
    const { catalog, contents, annotations } = deps
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
    const { stored } = await contents.put({
      sha256: sha,
      ext: extname(name).slice(1).toLowerCase(),
      original: file.data,
      text: doc.text,
      blocks: doc.blocks,
      textSha256: parsed.textSha256
    })
    const before = structuredClone(await annotations.get(docId))
    const { annotations: moved, report } = reanchor(doc.text, before.annotations)
    await annotations.update(docId, (draft) => {
      draft.annotations = moved
    })
    let meta
    try {
      meta = await catalog.replace(
        docId,
        keepEdited(
          deps.findDocument(docId),
          contentFields(
            parsed,
            name,
            sha,
            stored,
            file.data.byteLength,
            chooseTitle(doc, name),
            read
          )
        )
      )
    } catch (err) {
      // The catalog still serves the old text: put the highlights back where they were in it.
      await annotations
        .update(docId, (draft) => Object.assign(draft, before))
        .catch(() => undefined)
      throw err
    }
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
