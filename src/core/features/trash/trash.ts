import type { CoreApi } from '../../../shared/api'
import type { DocumentMeta, TrashItem } from '../../../shared/model'
import { WorkbenchError } from '../../base/errors'
import { SerialQueue } from '../../base/serial-queue'
import type { AnnotationFiles, ChangeEvents, Clock, Collection, DocumentCatalog } from '../../ports'

/** What the Trash keeps of a removed document: its catalog entry (text and highlights stay where they are). */
export interface TrashRecords {
  schemaVersion: 1
  items: { meta: DocumentMeta; removedAt: string }[]
}

export interface TrashDeps {
  catalog: DocumentCatalog
  annotations: AnnotationFiles
  events: ChangeEvents
  clock: Clock
  trash: Collection<TrashRecords>
  findDocument: (id: string) => DocumentMeta
}

export type TrashOps = Pick<
  CoreApi,
  'removeDocument' | 'restoreDocument' | 'listTrash' | 'emptyTrash'
>

/**
 * Removing a document moves it to the Trash: its catalog entry is kept there, and its text (in
 * the append-only packs) and its highlights (in its annotation file) stay where they are, so that
 * restoring it brings everything back. The Trash is written before the catalog forgets the
 * document, so that a crash in between leaves it in both (restoring then only clears the Trash),
 * never in neither. All four run one after another, so that emptying the Trash never forgets a
 * document removed while it was at work.
 */
export function trashFeature(deps: TrashDeps): TrashOps {
  const { catalog, trash, events } = deps
  const queue = new SerialQueue()
  const forget = (ids: ReadonlySet<string>): Promise<void> =>
    trash.update((draft) => {
      draft.items = draft.items.filter((i) => !ids.has(i.meta.id))
    })

  const ops: TrashOps = {
    async removeDocument(id) {
      const meta = deps.findDocument(id)
      await trash.update((draft) => {
        draft.items = [
          ...draft.items.filter((i) => i.meta.id !== id),
          { meta: structuredClone(meta), removedAt: deps.clock.now().toISOString() }
        ]
      })
      let removed: DocumentMeta
      try {
        removed = await catalog.remove(id)
      } catch (err) {
        // Forget the Trash entry only if the catalog still has the document: a removal that
        // failed after the catalog let go must leave the Trash holding it.
        if (catalog.findById(id)) await forget(new Set([id])).catch(() => undefined)
        throw err
      }
      events.emit({ kind: 'document-removed', id })
      return { value: { ...removed }, undo: { method: 'restoreDocument', args: [id] } }
    },

    async restoreDocument(id) {
      const item = trash.data.items.find((i) => i.meta.id === id)
      const present = catalog.findById(id)
      if (present) {
        // Left in both by a crash between the two writes of a removal.
        if (item) await forget(new Set([id]))
        return { value: { ...present }, undo: { method: 'removeDocument', args: [id] } }
      }
      if (!item) throw new WorkbenchError('not-found', `No document with id ${id} in the Trash.`)
      const again = catalog.findBySha(item.meta.sha256)
      if (again)
        throw new WorkbenchError(
          'invalid-argument',
          `“${item.meta.title}” cannot be restored: the same file was imported again since, as “${again.title}”. Remove that one first to restore this one with its highlights.`
        )
      const added = await catalog.add({
        sha: item.meta.sha256,
        build: () => structuredClone(item.meta)
      })
      if (added.status !== 'added')
        throw new WorkbenchError(
          'invalid-argument',
          `“${item.meta.title}” is in the library already.`
        )
      events.emit({ kind: 'document-saved', meta: added.meta })
      await forget(new Set([id]))
      return { value: { ...added.meta }, undo: { method: 'removeDocument', args: [id] } }
    },

    async listTrash() {
      const out: TrashItem[] = []
      for (const { meta, removedAt } of [...trash.data.items].reverse()) {
        let highlights = 0
        try {
          highlights = (await deps.annotations.peek(meta.id)).annotations.length
        } catch {
          // A damaged annotation file: the document can still be restored, and it is reported there.
        }
        out.push({ meta: structuredClone(meta), removedAt, highlights })
      }
      return out
    },

    async emptyTrash() {
      const emptied = new Set<string>()
      const failed: string[] = []
      let documents = 0
      for (const { meta } of [...trash.data.items]) {
        if (catalog.findById(meta.id)) {
          // Left in both by a crash during a removal: it is in the library, keep its highlights.
          emptied.add(meta.id)
          continue
        }
        try {
          await deps.annotations.update(meta.id, (file) => {
            file.annotations = []
            file.note = ''
          })
          emptied.add(meta.id)
          documents++
        } catch {
          failed.push(`“${meta.title}”`)
        }
      }
      await forget(emptied)
      if (failed.length > 0)
        throw new WorkbenchError(
          'io',
          `The Trash could not be emptied of ${failed.join(', ')}: the highlights could not be cleared (the annotation file is damaged or cannot be written). The other documents were removed for good.`
        )
      return { documents }
    }
  }
  return {
    removeDocument: (id) => queue.run(() => ops.removeDocument(id)),
    restoreDocument: (id) => queue.run(() => ops.restoreDocument(id)),
    listTrash: () => queue.run(() => ops.listTrash()),
    emptyTrash: () => queue.run(() => ops.emptyTrash())
  }
}
