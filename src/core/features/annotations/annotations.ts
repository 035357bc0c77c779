import type { AnnotationPatch, Change, NewAnnotation, TextRange } from '../../../shared/api'
import type { Annotation } from '../../../shared/model'
import { describeRange } from '../../domain/anchoring/describe'
import { annotationTimes } from '../../domain/exchange/bundle/change-times'
import { byPosition } from '../../domain/anchoring/reanchor'
import type { FeatureContext } from '../../ports'
import { WorkbenchError } from '../../base/errors'

/** The document an annotation belongs to is part of its id ("<docId>.<n>"), so no index is needed to find it. */
export const docIdOf = (annotationId: string): string => annotationId.split('.')[0]

export function annotationOps(ctx: FeatureContext) {
  const { annotations } = ctx
  const now = ctx.clock.now

  /** Saves a change to a document's highlights or note; search follows once it is saved. */
  const change: typeof annotations.update = async (docId, fn, topLevelOnly) => {
    const result = await annotations.update(docId, fn, topLevelOnly)
    ctx.events.emit({ kind: 'notes-changed', docId })
    return result
  }

  async function find(id: string): Promise<Annotation> {
    const docId = docIdOf(id)
    ctx.findDocument(docId)
    const found = (await annotations.get(docId)).annotations.find((a) => a.id === id)
    if (!found) throw new WorkbenchError('not-found', `No annotation with id ${id}.`)
    return found
  }

  function checkTags(tags: string[]): void {
    const known = new Set(ctx.codebook.tags().map((t) => t.id))
    const unknown = tags.find((t) => !known.has(t))
    if (unknown) throw new WorkbenchError('not-found', `No tag with id ${unknown} in the codebook.`)
  }

  async function selectorsFor(
    docId: string,
    start: number,
    end: number
  ): Promise<Pick<Annotation, 'quote' | 'position'>> {
    const { text } = await ctx.contents.text(ctx.findDocument(docId))
    if (!(start >= 0 && end <= text.length && start < end)) {
      throw new WorkbenchError(
        'invalid-argument',
        `The range ${start}–${end} is not inside the document (0–${text.length}) or is empty.`
      )
    }
    if (text.slice(start, end).trim() === '')
      throw new WorkbenchError(
        'invalid-argument',
        'Only white space is selected; select some text to highlight.'
      )
    return describeRange(text, start, end)
  }

  /** Replaces (or inserts) an annotation in its document's file, keeping reading order. */
  const put = (a: Annotation): Promise<void> =>
    change(
      a.docId,
      (file) => {
        // A new list (never the saved one changed in place): the store's copy can be shallow.
        file.annotations = file.annotations.filter((x) => x.id !== a.id)
        file.annotations.push(a)
        file.annotations.sort(byPosition)
      },
      true
    )

  return {
    async listAnnotations(docId: string, range?: TextRange): Promise<Annotation[]> {
      ctx.findDocument(docId)
      const all = (await annotations.get(docId)).annotations
      if (!range) return [...all]
      return all.filter((a) => a.position.start < range.end && a.position.end > range.start)
    },

    async createAnnotation(input: NewAnnotation): Promise<Change<Annotation>> {
      const tags = [...new Set(input.tags ?? [])]
      checkTags(tags)
      const stamp = now().toISOString()
      const annotation: Annotation = {
        id: `${input.docId}.${ctx.clock.newId()}`,
        docId: input.docId,
        ...(await selectorsFor(input.docId, input.start, input.end)),
        status: 'anchored',
        color: input.color ?? 'yellow',
        tags,
        note: input.note ?? '',
        created: stamp,
        modified: stamp
      }
      await put(annotation)
      return { value: annotation, undo: { method: 'deleteAnnotation', args: [annotation.id] } }
    },

    async updateAnnotation(id: string, patch: AnnotationPatch): Promise<Change<Annotation>> {
      const before = await find(id)
      if (patch.tags) checkTags(patch.tags)
      const previous: AnnotationPatch = {}
      if (patch.color !== undefined) previous.color = before.color
      if (patch.tags !== undefined) previous.tags = before.tags
      if (patch.note !== undefined) previous.note = before.note
      const at = now().toISOString()
      const edited: Annotation = {
        ...before,
        ...patch,
        tags: patch.tags ? [...new Set(patch.tags)] : before.tags,
        modified: at
      }
      const after: Annotation = { ...edited, times: annotationTimes(before, edited, at) }
      await put(after)
      return { value: after, undo: { method: 'updateAnnotation', args: [id, previous] } }
    },

    async deleteAnnotation(id: string): Promise<Change<Annotation>> {
      const before = await find(id)
      await change(
        before.docId,
        (file) => {
          file.annotations = file.annotations.filter((a) => a.id !== id)
        },
        true
      )
      return { value: before, undo: { method: 'restoreAnnotation', args: [before] } }
    },

    async restoreAnnotation(annotation: Annotation): Promise<Change<Annotation>> {
      ctx.findDocument(annotation.docId)
      if (docIdOf(annotation.id) !== annotation.docId)
        throw new WorkbenchError(
          'invalid-argument',
          'The annotation id does not belong to its document.'
        )
      const existing = (await annotations.get(annotation.docId)).annotations.find(
        (a) => a.id === annotation.id
      )
      // Tags deleted from the codebook since are left out rather than refused.
      const known = new Set(ctx.codebook.tags().map((t) => t.id))
      await put({ ...annotation, tags: annotation.tags.filter((t) => known.has(t)) })
      return existing
        ? { value: annotation, undo: { method: 'restoreAnnotation', args: [existing] } }
        : { value: annotation, undo: { method: 'deleteAnnotation', args: [annotation.id] } }
    },

    async reattachAnnotation(id: string, start: number, end: number): Promise<Change<Annotation>> {
      const before = await find(id)
      const at = now().toISOString()
      const moved: Annotation = {
        ...before,
        ...(await selectorsFor(before.docId, start, end)),
        status: 'anchored',
        modified: at
      }
      const after: Annotation = { ...moved, times: annotationTimes(before, moved, at) }
      await put(after)
      return { value: after, undo: { method: 'restoreAnnotation', args: [before] } }
    },

    async getDocumentNote(docId: string): Promise<string> {
      ctx.findDocument(docId)
      return (await annotations.get(docId)).note
    },

    async setDocumentNote(docId: string, note: string): Promise<Change<string>> {
      ctx.findDocument(docId)
      const previous = await change(
        docId,
        (file) => {
          const old = file.note
          if (old !== note) file.noteModified = now().toISOString()
          file.note = note
          return old
        },
        true
      )
      return { value: note, undo: { method: 'setDocumentNote', args: [docId, previous] } }
    }
  }
}
