import type { Change, MemoInput } from '../../../shared/api'
import type { Memo } from '../../../shared/model'
import type { FeatureContext } from '../../ports'
import { WorkbenchError } from '../../base/errors'
import { memoTimes } from '../../domain/exchange/bundle/change-times'

/** Free-standing memos: a title and text, optionally linked to documents and tags. */
export function memoOps(ctx: FeatureContext) {
  const { memos } = ctx
  const now = ctx.clock.now

  const validate = (input: MemoInput): Required<MemoInput> => {
    const title = input.title.trim()
    if (!title) throw new WorkbenchError('invalid-argument', 'A memo needs a title.')
    const docIds = [...new Set(input.docIds ?? [])]
    const tagIds = [...new Set(input.tagIds ?? [])]
    docIds.forEach(ctx.findDocument)
    const tags = new Set(ctx.codebook.tags().map((t) => t.id))
    const unknown = tagIds.find((t) => !tags.has(t))
    if (unknown) throw new WorkbenchError('not-found', `No tag with id ${unknown} in the codebook.`)
    return { title, text: input.text, docIds, tagIds }
  }

  const find = (id: string): Memo => {
    const memo = memos.memos().find((m) => m.id === id)
    if (!memo) throw new WorkbenchError('not-found', `No memo with id ${id}.`)
    return memo
  }

  const put = (memo: Memo): Promise<void> =>
    memos.update((draft) => {
      draft.memos = [...draft.memos.filter((m) => m.id !== memo.id), memo].sort((a, b) =>
        a.created.localeCompare(b.created)
      )
    })

  return {
    async listMemos(): Promise<Memo[]> {
      return structuredClone([...memos.memos()])
    },
    async createMemo(input: MemoInput): Promise<Change<Memo>> {
      const stamp = now().toISOString()
      const memo: Memo = {
        id: `m${ctx.clock.newId()}`,
        ...validate(input),
        created: stamp,
        modified: stamp
      }
      await put(memo)
      return { value: memo, undo: { method: 'deleteMemo', args: [memo.id] } }
    },
    async updateMemo(id: string, input: MemoInput): Promise<Change<Memo>> {
      const before = find(id)
      const at = now().toISOString()
      const edited: Memo = { ...before, ...validate(input), modified: at }
      const memo: Memo = { ...edited, times: memoTimes(before, edited, at) }
      await put(memo)
      return { value: memo, undo: { method: 'restoreMemo', args: [before] } }
    },
    async deleteMemo(id: string): Promise<Change<Memo>> {
      const before = find(id)
      await memos.update((draft) => {
        draft.memos = draft.memos.filter((m) => m.id !== id)
      })
      return { value: before, undo: { method: 'restoreMemo', args: [before] } }
    },
    async restoreMemo(memo: Memo): Promise<Change<Memo>> {
      const existing = memos.memos().find((m) => m.id === memo.id)
      await put({
        ...memo,
        docIds: memo.docIds.filter((d) => ctx.catalog.findById(d) !== undefined),
        tagIds: memo.tagIds.filter((t) => ctx.codebook.tags().some((x) => x.id === t))
      })
      return existing
        ? { value: memo, undo: { method: 'restoreMemo', args: [existing] } }
        : { value: memo, undo: { method: 'deleteMemo', args: [memo.id] } }
    }
  }
}
