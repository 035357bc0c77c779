import type { Change, NewTag, TagPatch, TagState } from '../../../shared/api'
import type { Annotation, Passage, Tag, TagView } from '../../../shared/model'
import type { FeatureContext } from '../../ports'
import { WorkbenchError } from '../../base/errors'
import { annotationTimes, tagTimes } from '../../domain/exchange/bundle/change-times'
import { tagScope, taggedWithin } from '../../domain/codebook/tag-rules'
import {
  depthOf,
  findChild,
  heightOf,
  MAX_TAG_DEPTH,
  MAX_TAG_NAME,
  pathOf,
  splitPath,
  subtree,
  TAG_PALETTE,
  tagViews
} from '../../domain/codebook/tree'

/** The codebook (hierarchical tags) and the tags applied to passages. */
export function codebookOps(ctx: FeatureContext) {
  const { annotations, codebook } = ctx
  const tags = (): readonly Tag[] => codebook.tags()

  const findTag = (id: string): Tag => {
    const tag = tags().find((t) => t.id === id)
    if (!tag) throw new WorkbenchError('not-found', `No tag with id ${id} in the codebook.`)
    return tag
  }

  const validName = (name: string): string => {
    const clean = name.trim().replace(/\s+/g, ' ')
    if (!clean) throw new WorkbenchError('invalid-argument', 'A tag needs a name.')
    if (clean.includes('/'))
      throw new WorkbenchError(
        'invalid-argument',
        `A tag name cannot contain "/" ("${clean}"): "/" separates a tag from its parent.`
      )
    if (clean.length > MAX_TAG_NAME)
      throw new WorkbenchError(
        'invalid-argument',
        `A tag name can be at most ${MAX_TAG_NAME} characters long.`
      )
    return clean
  }

  /** Refuses a change that would put a tag more than MAX_TAG_DEPTH levels down. */
  const checkDepth = (levels: number, what: string): void => {
    if (levels > MAX_TAG_DEPTH)
      throw new WorkbenchError(
        'invalid-argument',
        `${what} would be ${levels.toLocaleString('en-US')} levels deep; the codebook holds at most ${MAX_TAG_DEPTH} levels.`
      )
  }

  /** The passages of live documents, with the tags they carry. */
  async function livePassages(): Promise<{ id: string; docId: string; tags: string[] }[]> {
    const live = new Set(ctx.catalog.documents().map((d) => d.id))
    return (await annotations.all()).filter((f) => live.has(f.docId)).flatMap((f) => f.annotations)
  }

  /** Every passage, in the library or in the Trash: a tag change reaches both, and so does its undo. */
  async function allPassages(): Promise<{ id: string; tags: string[] }[]> {
    return (await annotations.all()).flatMap((f) => f.annotations)
  }

  async function counts(): Promise<Map<string, number>> {
    const out = new Map<string, number>()
    for (const a of await livePassages()) for (const t of a.tags) out.set(t, (out.get(t) ?? 0) + 1)
    return out
  }

  async function snapshot(affected: Set<string>): Promise<TagState> {
    const passages = (await allPassages())
      .filter((a) => taggedWithin(a, affected))
      .map((a) => ({ id: a.id, tags: [...a.tags] }))
    return { tags: structuredClone([...tags()]), passages }
  }

  /** Gives a passage (a draft being written) new tags, and the time they changed when they did. */
  function retagOne(a: Annotation, next: string[], at: string): void {
    a.times = annotationTimes(a, { ...a, tags: next }, at)
    a.tags = next
  }

  /** Rewrites the tags of many passages, one document file at a time. */
  async function retag(rewrite: (tags: string[]) => string[], only: Set<string>): Promise<number> {
    let changed = 0
    for (const file of await annotations.all()) {
      if (!file.annotations.some((a) => taggedWithin(a, only))) continue
      changed += await annotations.update(file.docId, (draft) => {
        let n = 0
        const at = ctx.clock.now().toISOString()
        for (const a of draft.annotations) {
          if (!taggedWithin(a, only)) continue
          retagOne(a, [...new Set(rewrite(a.tags))], at)
          n++
        }
        return n
      })
    }
    return changed
  }

  async function applyTagState(state: TagState): Promise<Change<TagState>> {
    const ids = new Set(state.passages.map((p) => p.id))
    const before = await snapshot(new Set(tags().map((t) => t.id)))
    const undo: TagState = {
      tags: before.tags,
      passages: (await allPassages())
        .filter((a) => ids.has(a.id))
        .map((a) => ({ id: a.id, tags: [...a.tags] }))
    }
    await codebook.update((draft) => {
      draft.codebook.tags = structuredClone(state.tags)
    })
    const wanted = new Map(state.passages.map((p) => [p.id, p.tags]))
    for (const file of await annotations.all()) {
      if (!file.annotations.some((a) => wanted.has(a.id))) continue
      const at = ctx.clock.now().toISOString()
      await annotations.update(file.docId, (draft) => {
        for (const a of draft.annotations) retagOne(a, wanted.get(a.id) ?? a.tags, at)
      })
    }
    return { value: state, undo: { method: 'applyTagState', args: [undo] } }
  }

  /** Tag paths are indexed with the notes: after a change to them, search reads every note again, once. */
  const reindexed =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await fn(...args)
      ctx.events.emit({ kind: 'codebook-changed' })
      return result
    }

  return {
    applyTagState: reindexed(applyTagState),

    async listTags(): Promise<TagView[]> {
      return tagViews(tags(), await counts())
    },

    async createTag(input: NewTag): Promise<Change<Tag>> {
      const split = splitPath(input.path)
      checkDepth(
        split.length,
        `The tag "${split.length > 3 ? `${split.slice(0, 3).join('/')}/…` : split.join('/')}"`
      )
      const names = split.map(validName)
      if (names.length === 0) throw new WorkbenchError('invalid-argument', 'A tag needs a name.')
      const created: Tag[] = []
      const leaf = await codebook.update((draft) => {
        let parent: string | null = null
        let tag: Tag | undefined
        names.forEach((name, i) => {
          const last = i === names.length - 1
          tag = findChild(draft.codebook.tags, parent, name)
          if (tag && last)
            throw new WorkbenchError(
              'invalid-argument',
              `The tag "${names.join('/')}" already exists.`
            )
          if (!tag) {
            tag = {
              id: `t${ctx.clock.newId()}`,
              name,
              parent,
              // A sub-tag takes its parent's colour; a new top-level tag the palette's next one.
              color:
                (last && input.color) ||
                draft.codebook.tags.find((t) => t.id === parent)?.color ||
                TAG_PALETTE[
                  draft.codebook.tags.filter((t) => t.parent === null).length % TAG_PALETTE.length
                ],
              description: last ? (input.description ?? '') : ''
            }
            draft.codebook.tags.push(tag)
            created.push(tag)
          }
          parent = tag.id
        })
        return tag as Tag
      })
      // Undo removes what this call created: the topmost new tag takes its new children with it.
      return { value: leaf, undo: { method: 'deleteTag', args: [created[0].id] } }
    },

    updateTag: reindexed(async (id: string, patch: TagPatch): Promise<Change<Tag>> => {
      const before = findTag(id)
      const name = patch.name !== undefined ? validName(patch.name) : before.name
      const parent = patch.parent !== undefined ? patch.parent : before.parent
      if (parent !== null) {
        findTag(parent)
        if (subtree(tags(), id).has(parent))
          throw new WorkbenchError(
            'invalid-argument',
            `"${pathOf(tags(), id)}" cannot move under itself or one of its own sub-tags.`
          )
        checkDepth(
          depthOf(tags(), parent) + heightOf(tags(), id),
          `Under "${pathOf(tags(), parent)}", the deepest tag of "${before.name}"`
        )
      }
      const clash = findChild(tags(), parent, name)
      if (clash && clash.id !== id)
        throw new WorkbenchError(
          'invalid-argument',
          `There is already a tag "${name}" ${parent ? `under "${pathOf(tags(), parent)}"` : 'at the top level'}.`
        )
      const edited: Tag = {
        ...before,
        name,
        parent,
        color: patch.color ?? before.color,
        description: patch.description ?? before.description
      }
      const after: Tag = {
        ...edited,
        times: tagTimes(before, edited, ctx.clock.now().toISOString())
      }
      await codebook.update((draft) => {
        draft.codebook.tags = draft.codebook.tags.map((t) => (t.id === id ? after : t))
      })
      const previous: TagPatch = {
        name: before.name,
        parent: before.parent,
        color: before.color,
        description: before.description
      }
      return { value: after, undo: { method: 'updateTag', args: [id, previous] } }
    }),

    mergeTags: reindexed(async (fromId: string, intoId: string): Promise<Change<Tag>> => {
      findTag(fromId)
      const into = findTag(intoId)
      if (fromId === intoId)
        throw new WorkbenchError('invalid-argument', 'A tag cannot be merged into itself.')
      if (subtree(tags(), fromId).has(intoId))
        throw new WorkbenchError(
          'invalid-argument',
          `"${pathOf(tags(), fromId)}" cannot be merged into one of its own sub-tags.`
        )
      checkDepth(
        depthOf(tags(), intoId) + heightOf(tags(), fromId) - 1,
        `Merged into "${pathOf(tags(), intoId)}", the deepest sub-tag of "${pathOf(tags(), fromId)}"`
      )
      const before = await snapshot(new Set([fromId]))
      await retag((ts) => ts.map((t) => (t === fromId ? intoId : t)), new Set([fromId]))
      const at = ctx.clock.now().toISOString()
      await codebook.update((draft) => {
        const was = new Map(draft.codebook.tags.map((t) => [t.id, structuredClone(t)]))
        draft.codebook.tags = draft.codebook.tags
          .filter((t) => t.id !== fromId)
          .map((t) => (t.parent === fromId ? { ...t, parent: intoId } : t))
        // children moved under `into` may now clash by name; keep both, renamed so that nothing is lost
        const seen = new Set<string>()
        for (const t of draft.codebook.tags.filter((x) => x.parent === intoId)) {
          let name = t.name
          for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${t.name} (${n})`
          t.name = name
          seen.add(name.toLowerCase())
          const before = was.get(t.id)
          if (before) t.times = tagTimes(before, t, at)
        }
      })
      return { value: into, undo: { method: 'applyTagState', args: [before] } }
    }),

    deleteTag: reindexed(async (id: string): Promise<Change<{ tag: Tag; passages: number }>> => {
      const tag = findTag(id)
      const doomed = subtree(tags(), id)
      const before = await snapshot(doomed)
      const passages = await retag((ts) => ts.filter((t) => !doomed.has(t)), doomed)
      await codebook.update((draft) => {
        draft.codebook.tags = draft.codebook.tags.filter((t) => !doomed.has(t.id))
      })
      return { value: { tag, passages }, undo: { method: 'applyTagState', args: [before] } }
    }),

    async tagUsage(id: string): Promise<{ passages: number; subTags: number }> {
      findTag(id)
      const ids = tagScope(tags(), [id])
      const passages = (await livePassages()).filter((a) => taggedWithin(a, ids)).length
      return { passages, subTags: ids.size - 1 }
    },

    async listPassages(tagId: string): Promise<Passage[]> {
      findTag(tagId)
      const ids = tagScope(tags(), [tagId])
      const order = new Map(ctx.catalog.documents().map((d) => [d.id, d]))
      const out: Passage[] = []
      for (const file of await annotations.all()) {
        const doc = order.get(file.docId)
        if (!doc) continue
        for (const a of file.annotations)
          if (taggedWithin(a, ids)) out.push({ annotation: a, docTitle: doc.title })
      }
      return out.sort(
        (x, y) =>
          (order.get(x.annotation.docId)?.importOrder ?? 0) -
            (order.get(y.annotation.docId)?.importOrder ?? 0) ||
          x.annotation.position.start - y.annotation.position.start
      )
    }
  }
}
