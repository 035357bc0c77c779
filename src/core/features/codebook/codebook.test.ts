import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../test-support/temp-dir'
import { importText, openTestWorkbench, run } from '../../../test-support/workbench'
import type { Workbench } from '../../workbench'

const tempDir = useTempDirs()

const A =
  'Officials blamed the Lazarus Group for the theft of 1.5 billion dollars in crypto assets.'
const B =
  'A blog claimed a foreign state attacked the port; CERT found no evidence of a state actor.'

async function setup(): Promise<{
  wb: Workbench
  a: string
  b: string
  passage: (doc: string, text: string, quote: string, tags: string[]) => Promise<string>
}> {
  const wb = await openTestWorkbench(await tempDir())
  const a = (await importText(wb, 'a.txt', A)).id
  const b = (await importText(wb, 'b.txt', B)).id
  const passage = async (
    doc: string,
    text: string,
    quote: string,
    tags: string[]
  ): Promise<string> =>
    (
      await wb.createAnnotation({
        docId: doc,
        start: text.indexOf(quote),
        end: text.indexOf(quote) + quote.length,
        tags
      })
    ).value.id
  return { wb, a, b, passage }
}

const paths = async (wb: Workbench): Promise<string[]> =>
  (await wb.listTags()).map((t) => `${t.path}:${t.count}`)

describe('codebook', () => {
  it('creates hierarchical tags from a path, reusing existing parents, with counts', async () => {
    const { wb, a, passage } = await setup()
    const lazarus = (
      await wb.createTag({
        path: 'Actors/Lazarus Group',
        color: '#aa0000',
        description: 'DPRK-linked'
      })
    ).value
    const states = (await wb.createTag({ path: 'actors / State actors' })).value
    expect(lazarus).toMatchObject({
      name: 'Lazarus Group',
      color: '#aa0000',
      description: 'DPRK-linked'
    })
    expect(states.parent).toBe(lazarus.parent)
    await passage(a, A, 'Lazarus Group', [lazarus.id])
    expect(await paths(wb)).toEqual(['Actors:0', 'Actors/Lazarus Group:1', 'Actors/State actors:0'])
    await expect(wb.createTag({ path: 'Actors/Lazarus group' })).rejects.toThrow(
      'The tag "Actors/Lazarus group" already exists.'
    )
    await expect(wb.createTag({ path: ' / ' })).rejects.toThrow('A tag needs a name.')
    await wb.close()
  })

  it('undoes a creation, removing the parents it created', async () => {
    const { wb } = await setup()
    const change = await wb.createTag({ path: 'Claims/Attribution/Unverified' })
    expect(await paths(wb)).toEqual([
      'Claims:0',
      'Claims/Attribution:0',
      'Claims/Attribution/Unverified:0'
    ])
    const redo = await run(wb, change.undo)
    expect(await paths(wb)).toEqual([])
    await run(wb, redo)
    expect(await paths(wb)).toEqual([
      'Claims:0',
      'Claims/Attribution:0',
      'Claims/Attribution/Unverified:0'
    ])
    await wb.close()
  })

  it('renames and moves tags, refusing clashes and cycles; passages follow', async () => {
    const { wb, a, passage } = await setup()
    const group = (await wb.createTag({ path: 'Actors/Lazarus' })).value
    const other = (await wb.createTag({ path: 'Themes' })).value
    const id = await passage(a, A, 'Lazarus Group', [group.id])
    const rename = await wb.updateTag(group.id, { name: 'Lazarus Group' })
    expect(await paths(wb)).toEqual(['Actors:0', 'Actors/Lazarus Group:1', 'Themes:0'])
    await wb.updateTag(group.id, { parent: other.id })
    expect(await paths(wb)).toEqual(['Actors:0', 'Themes:0', 'Themes/Lazarus Group:1'])
    expect((await wb.listAnnotations(a)).find((x) => x.id === id)?.tags).toEqual([group.id])
    await expect(wb.updateTag(other.id, { parent: group.id })).rejects.toThrow(
      '"Themes" cannot move under itself or one of its own sub-tags.'
    )
    await expect(wb.updateTag(group.id, { name: 'a/b' })).rejects.toThrow('cannot contain "/"')
    await wb.createTag({ path: 'Themes/Crypto' })
    await expect(wb.updateTag(group.id, { name: 'crypto' })).rejects.toThrow(
      'There is already a tag "crypto" under "Themes".'
    )
    await run(wb, rename.undo)
    expect((await wb.listTags()).find((t) => t.id === group.id)).toMatchObject({
      name: 'Lazarus',
      parent: group.parent
    })
    await wb.close()
  })

  it('holds at most 32 levels: creating, moving or merging deeper is refused in one sentence', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const levels = (n: number, name = 'L') => Array.from({ length: n }, (_, i) => `${name}${i}`)
    const deepest = (await wb.createTag({ path: levels(32).join('/') })).value
    await expect(wb.createTag({ path: levels(12_000).join('/') })).rejects.toThrow(
      /^The tag "L0\/L1\/L2\/…" would be 12,000 levels deep; the codebook holds at most 32 levels\.$/
    )
    await expect(wb.createTag({ path: `${levels(32).join('/')}/One more` })).rejects.toThrow(
      /would be 33 levels deep/
    )
    const pair = (await wb.createTag({ path: 'Pair/Child' })).value
    const top = (await wb.listTags()).find((t) => t.path === 'Pair')
    await expect(wb.updateTag(top?.id as string, { parent: deepest.id })).rejects.toThrow(
      /^Under "L0\/.*\/L31", the deepest tag of "Pair" would be 34 levels deep; the codebook holds at most 32 levels\.$/
    )
    await expect(wb.mergeTags(top?.id as string, deepest.id)).rejects.toThrow(
      /the deepest sub-tag of "Pair" would be 33 levels deep/
    )
    expect((await wb.listTags()).find((t) => t.id === pair.id)?.path).toBe('Pair/Child')
    await wb.close()
  })

  it('merges one tag into another across every document, and undoes the merge', async () => {
    const { wb, a, b, passage } = await setup()
    const state = (await wb.createTag({ path: 'State actor' })).value
    const nation = (await wb.createTag({ path: 'Nation-state' })).value
    const child = (await wb.createTag({ path: 'Nation-state/Claims' })).value
    const p1 = await passage(a, A, 'Lazarus Group', [nation.id])
    const p2 = await passage(b, B, 'a foreign state', [nation.id, state.id])
    const merge = await wb.mergeTags(nation.id, state.id)
    expect(await paths(wb)).toEqual(['State actor:2', 'State actor/Claims:0'])
    expect((await wb.listAnnotations(a))[0].tags).toEqual([state.id])
    expect((await wb.listAnnotations(b))[0].tags).toEqual([state.id])
    await run(wb, merge.undo)
    expect(await paths(wb)).toEqual(['Nation-state:2', 'Nation-state/Claims:0', 'State actor:1'])
    expect((await wb.listAnnotations(a)).find((x) => x.id === p1)?.tags).toEqual([nation.id])
    expect((await wb.listAnnotations(b)).find((x) => x.id === p2)?.tags).toEqual([
      nation.id,
      state.id
    ])
    await expect(wb.mergeTags(nation.id, child.id)).rejects.toThrow(
      'cannot be merged into one of its own sub-tags'
    )
    await wb.close()
  })

  it('tells how many passages a deletion touches, deletes sub-tags with it, and undoes it', async () => {
    const { wb, a, b, passage } = await setup()
    const actors = (await wb.createTag({ path: 'Actors' })).value
    const lazarus = (await wb.createTag({ path: 'Actors/Lazarus Group' })).value
    await passage(a, A, 'Lazarus Group', [lazarus.id])
    await passage(b, B, 'a state actor', [actors.id])
    expect(await wb.tagUsage(actors.id)).toEqual({ passages: 2, subTags: 1 })
    const deletion = await wb.deleteTag(actors.id)
    expect(deletion.value).toMatchObject({ passages: 2, tag: { name: 'Actors' } })
    expect(await paths(wb)).toEqual([])
    expect((await wb.listAnnotations(a))[0].tags).toEqual([])
    await run(wb, deletion.undo)
    expect(await paths(wb)).toEqual(['Actors:1', 'Actors/Lazarus Group:1'])
    expect((await wb.listAnnotations(a))[0].tags).toEqual([lazarus.id])
    await wb.close()
  })

  it('lists every passage on a theme and its sub-themes across documents, in document order', async () => {
    const { wb, a, b, passage } = await setup()
    const attribution = (await wb.createTag({ path: 'Attribution' })).value
    const unverified = (await wb.createTag({ path: 'Attribution/Unverified' })).value
    const other = (await wb.createTag({ path: 'Money' })).value
    await passage(b, B, 'a foreign state attacked the port', [unverified.id])
    await passage(a, A, 'Officials blamed the Lazarus Group', [attribution.id])
    await passage(a, A, '1.5 billion dollars', [other.id])
    const passages = await wb.listPassages(attribution.id)
    const title = async (id: string): Promise<string> => (await wb.getDocument(id)).meta.title
    expect(passages.map((p) => [p.docTitle, p.annotation.quote.exact])).toEqual([
      [await title(a), 'Officials blamed the Lazarus Group'],
      [await title(b), 'a foreign state attacked the port']
    ])
    expect((await wb.listPassages(unverified.id)).map((p) => p.annotation.quote.exact)).toEqual([
      'a foreign state attacked the port'
    ])
    const titleA = await title(a)
    await wb.removeDocument(b)
    expect((await wb.listPassages(attribution.id)).map((p) => p.docTitle)).toEqual([titleA])
    await wb.close()
  })
})

describe('memos', () => {
  it('creates, edits, deletes and restores memos linked to documents and tags', async () => {
    const { wb, a } = await setup()
    const tag = (await wb.createTag({ path: 'Attribution' })).value
    const created = await wb.createMemo({
      title: 'Who did it?',
      text: 'Only the blog names a state.',
      docIds: [a],
      tagIds: [tag.id]
    })
    expect(await wb.listMemos()).toEqual([created.value])
    const edit = await wb.updateMemo(created.value.id, {
      title: 'Who did it?',
      text: 'CERT: no evidence of a state actor.'
    })
    expect((await wb.listMemos())[0]).toMatchObject({
      text: 'CERT: no evidence of a state actor.',
      docIds: [],
      tagIds: []
    })
    await run(wb, edit.undo)
    expect((await wb.listMemos())[0].text).toBe('Only the blog names a state.')
    const deletion = await wb.deleteMemo(created.value.id)
    expect(await wb.listMemos()).toEqual([])
    await run(wb, deletion.undo)
    expect(await wb.listMemos()).toEqual([created.value])
    await expect(wb.createMemo({ title: '  ', text: '' })).rejects.toThrow('A memo needs a title.')
    await expect(wb.createMemo({ title: 'x', text: '', docIds: ['nope'] })).rejects.toThrow(
      'No document with id nope'
    )
    await wb.close()
  })
})
