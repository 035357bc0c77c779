import type { DocumentMeta } from '../shared/model'
import type { ChangeEvents } from './ports'
import type { AnnotationStore } from './store/annotation-store'
import type { WorkspaceStore } from './store/workspace-store'

/** What the workbench's parts share: the stores, the clock and the id generator (passed in, so tests control them). */
export interface CoreContext {
  store: WorkspaceStore
  annotations: AnnotationStore
  now: () => Date
  newId: () => string
  findDocument: (id: string) => DocumentMeta
  getText: (meta: DocumentMeta) => Promise<string>
  events: ChangeEvents
  /** The checksum that identifies content (SHA-256, hex). */
  checksum: (data: Uint8Array | string) => string
}
