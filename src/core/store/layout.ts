import { createHash } from 'node:crypto'

/** The files and folders of a workspace (the README's "Where your data lives" describes each). */
export const LAYOUT = {
  /** The catalog (documents, codebook, memos), rewritten now and then… */
  catalog: 'workspace.json',
  /** …and the changes made since, one line each. */
  journal: 'workspace.journal',
  /** annotations/<docId>.json and annotations/<docId>.journal. */
  annotations: 'annotations',
  /** The content packs: texts/pack-000001.awp, … */
  texts: 'texts',
  /** The search index's snapshot. */
  index: 'index',
  backups: 'backups',
  /** The writer lock, and who holds it. */
  lock: 'workspace.lock',
  lockOwner: 'workspace.lock-owner.json',
  /** Made for a moment while a lock left by a crashed process is taken over. */
  lockTakeover: 'workspace.lock.takeover'
} as const

/** The folders made in a new workspace. */
export const FOLDERS = [LAYOUT.annotations, LAYOUT.texts, LAYOUT.index, LAYOUT.backups] as const

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')

/**
 * Whether an id is one this app makes (letters, digits, "_" and "-"), and so safe as a file name:
 * a document's id names its annotation files.
 */
export const isSafeId = (id: string): boolean => /^[A-Za-z0-9_-]+$/.test(id)

/** The names of a document's annotation file and its journal, in the annotations folder. */
export const annotationFileName = (docId: string): string => `${docId}.json`
export const annotationJournalName = (docId: string): string => `${docId}.journal`

/** The document whose annotation file or journal this is (a name in the annotations folder), if any. */
export function docIdOfAnnotationName(name: string): string | null {
  return /^([A-Za-z0-9_-]+)\.(?:json|journal)$/.exec(name)?.[1] ?? null
}
