import type { CoreApi } from '../../../shared/api'
import type { DocumentMeta } from '../../../shared/model'
import { WorkbenchError } from '../../base/errors'
import { documentPart } from '../../domain/document-part'
import type {
  AnnotationFiles,
  ChangeEvents,
  Clock,
  DocumentCatalog,
  DocumentContents
} from '../../ports'
import { ImportService } from './import-service'
import type { Parse } from './parse'
import { detailsOps } from './details'
import { reimporter } from './reimport'
import type { ImportLimits } from '../../../shared/model'

export interface DocumentsDeps {
  catalog: DocumentCatalog
  contents: DocumentContents
  annotations: AnnotationFiles
  events: ChangeEvents
  clock: Clock
  limits: ImportLimits
  parse: Parse
  /** Folder of the demo documents offered on first start. */
  sampleDir?: string
  /** Marks a document as switching to a new version (see annotations/text-version.ts). */
  switching?: <R>(docId: string, run: () => Promise<R>) => Promise<R>
}

export type DocumentsOps = Pick<
  CoreApi,
  | 'listDocuments'
  | 'getDocument'
  | 'getDocumentPart'
  | 'importFile'
  | 'openSampleWorkspace'
  | 'reimportDocument'
  | 'readDocumentAgain'
  | 'updateDocumentDetails'
>

/** The library: importing, reading, removing documents, and new versions of them. */
export function documentsFeature(deps: DocumentsDeps): {
  ops: DocumentsOps
  imports: ImportService
  findDocument: (id: string) => DocumentMeta
} {
  const { catalog, contents } = deps
  const findDocument = (id: string): DocumentMeta => {
    const doc = catalog.findById(id)
    if (!doc) throw new WorkbenchError('not-found', `No document with id ${id} in this workspace.`)
    return doc
  }
  const imports = new ImportService(deps)
  const reimport = reimporter({ ...deps, findDocument })
  const ops: DocumentsOps = {
    async listDocuments() {
      return catalog.documents().map((d) => ({ ...d }))
    },
    async getDocument(id) {
      const meta = findDocument(id)
      return { meta: { ...meta }, ...(await contents.text(meta)) }
    },
    async getDocumentPart(id, from, maxChars) {
      const meta = findDocument(id)
      return documentPart({ meta: { ...meta }, ...(await contents.text(meta)) }, from, maxChars)
    },
    importFile: (file) => imports.importFile(file),
    async openSampleWorkspace() {
      if (!deps.sampleDir)
        throw new WorkbenchError(
          'not-found',
          'The sample documents are not installed with this copy of the app.'
        )
      return imports.importFolder(deps.sampleDir)
    },
    reimportDocument: reimport,
    readDocumentAgain: async (id, read) => {
      const meta = findDocument(id)
      const data = await contents.original(meta)
      return reimport(id, { name: meta.originalName, data, read })
    },
    ...detailsOps({ catalog, events: deps.events, findDocument, clock: deps.clock })
  }
  return { ops, imports, findDocument }
}
