import { describe, expect, it } from 'vitest'
import type { DocumentMeta, Tag } from '../../shared/model'
import type { JournalEntry } from './journal'
import { replayCatalog } from './replay'
import { emptyWorkspace, type WorkspaceFile } from './schema'

const meta = (id: string, importOrder: number, title = `Report ${id}`): DocumentMeta => ({
  id,
  title,
  author: null,
  published: null,
  source: null,
  originalName: `${id}.txt`,
  format: 'txt',
  sha256: id.padEnd(64, '0'),
  textSha256: id.padEnd(64, '1'),
  stored: { pack: 'pack-000001.awp', at: importOrder * 100, text: 10, blocks: 2, original: 10 },
  bytes: 10,
  chars: 10,
  words: 2,
  importedAt: '2025-03-06T09:00:00.000Z',
  importOrder
})
const tag = (id: string): Tag => ({ id, name: id, parent: null, color: '#d97706', description: '' })
const entry = (e: Partial<JournalEntry>): JournalEntry => ({
  generation: 0,
  documents: [],
  nextImportOrder: 1,
  ...e
})

const catalog = (): WorkspaceFile => ({
  ...emptyWorkspace(),
  documents: [meta('a', 1), meta('b', 2)],
  nextImportOrder: 3
})

const ids = (data: WorkspaceFile): string[] => data.documents.map((d) => `${d.id}:${d.title}`)

describe('replayCatalog', () => {
  it('applies each entry in order: removals, then new versions, then new documents', () => {
    const data = catalog()
    const before = structuredClone(data)
    const out = replayCatalog(data, [
      entry({ documents: [meta('c', 3)], nextImportOrder: 4 }),
      entry({
        removed: ['a'],
        replaced: [meta('b', 2, 'Second version')],
        documents: [meta('a', 4, 'Imported again')],
        nextImportOrder: 5
      })
    ])
    expect(ids(out)).toEqual(['b:Second version', 'c:Report c', 'a:Imported again'])
    expect(out.nextImportOrder).toBe(5)
    expect(data).toEqual(before)
  })

  it('does not add a document twice (a line replayed over a catalog that already holds it)', () => {
    const out = replayCatalog(catalog(), [entry({ documents: [meta('b', 2, 'Again')] })])
    expect(ids(out)).toEqual(['a:Report a', 'b:Report b'])
  })

  it('takes the codebook and the memos whole from the last entry that has them', () => {
    const memo = {
      id: 'm',
      title: 'M',
      text: '',
      docIds: [],
      tagIds: [],
      created: 'x',
      modified: 'x'
    }
    const out = replayCatalog(catalog(), [
      entry({ tags: [tag('t1')] }),
      entry({ tags: [tag('t1'), tag('t2')], memos: [memo] }),
      entry({ documents: [] })
    ])
    expect(out.codebook.tags.map((t) => t.id)).toEqual(['t1', 't2'])
    expect(out.memos).toEqual([memo])
  })

  it('never lowers the next import order, and leaves a catalog without entries as it is', () => {
    expect(replayCatalog(catalog(), [entry({ nextImportOrder: 1 })]).nextImportOrder).toBe(3)
    expect(replayCatalog(catalog(), [])).toEqual(catalog())
  })
})
