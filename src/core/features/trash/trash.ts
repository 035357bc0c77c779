import type { CoreApi } from '../../../shared/api'
import type { DocumentMeta, TrashItem } from '../../../shared/model'
import { WorkbenchError } from '../../base/errors'
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
 * never in neither.
 */
export function trashFeature(deps: TrashDeps): TrashOps {
  const { catalog, trash, events } = deps
  const forget = (id: string): Promise<void> =>
    trash.update((draft) => {
      draft.items = draft.items.filter((i) => i.meta.id !== id)
    })

  return {
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
        await forget(id).catch(() => undefined)
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
        if (item) await forget(id)
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
      await forget(id)
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
      const items = [...trash.data.items].filter((i) => !catalog.findById(i.meta.id))
      for (const { meta } of items)
        await deps.annotations.update(meta.id, (file) => {
          file.annotations = []
          file.note = ''
        })
      await trash.update((draft) => {
        draft.items = []
      })
      return { documents: items.length }
    }
  }
}
