import { describe, expect, it } from 'vitest'
import type { DocumentMeta, Tag } from '../../shared/model'
import type { Outcome } from '../base/group-commit'
import {
  JOURNAL_MAX_BYTES,
  JOURNAL_MAX_DOCUMENTS,
  planCommit,
  type CatalogChange,
  type CatalogView,
  type CommitPlan,
  type JournalState
} from './append-planner'
import { replayCatalog } from './replay'
import { emptyWorkspace, type WorkspaceFile } from './schema'

const meta = (id: string, sha: string, importOrder: number): DocumentMeta => ({
  id,
  title: `Report ${id}`,
  author: null,
  published: null,
  source: null,
  originalName: `${id}.txt`,
  format: 'txt',
  sha256: sha.padEnd(64, '0'),
  textSha256: sha.padEnd(64, '1'),
  stored: { pack: 'pack-000001.awp', at: importOrder * 100, text: 10, blocks: 2, original: 10 },
  bytes: 10,
  chars: 10,
  words: 2,
  importedAt: '2025-03-06T09:00:00.000Z',
  importOrder
})
const tag = (id: string): Tag => ({ id, name: id, parent: null, color: '#d97706', description: '' })

/** Two documents, one tag, one memo; generation 3. */
function catalog(): WorkspaceFile {
  return {
    ...emptyWorkspace(),
    documents: [meta('a', 'a', 1), meta('b', 'b', 2)],
    nextImportOrder: 3,
    codebook: { tags: [tag('t1')] },
    memos: [
      { id: 'm1', title: 'Memo', text: '', docIds: [], tagIds: [], created: 'x', modified: 'x' }
    ],
    catalogGeneration: 3
  }
}
const viewOf = (data: WorkspaceFile): CatalogView => ({
  data,
  bySha: new Map(data.documents.map((d) => [d.sha256, d])),
  byId: new Map(data.documents.map((d) => [d.id, d]))
})
const roomy: JournalState = { documents: 0, bytes: 0, broken: false }

/** A new document from a file with checksum `sha`, with the id `id` (or `id-2`, `id-3`… when taken). */
const add = (sha: string, id = sha): CatalogChange => ({
  kind: 'add',
  sha: sha.padEnd(64, '0'),
  build: (order, taken) => {
    let free = id
    for (let n = 2; taken(free); n++) free = `${id}-${n}`
    return meta(free, sha, order)
  }
})
const remove = (id: string): CatalogChange => ({ kind: 'remove', id })
const retitle = (id: string, title: string): CatalogChange => ({
  kind: 'replace',
  id,
  fields: { title }
})
const addTag = (id: string): CatalogChange => ({
  kind: 'edit',
  touches: ['codebook'],
  change: (d) => void d.codebook.tags.push(tag(id))
})
const failingTagChange: CatalogChange = {
  kind: 'edit',
  touches: ['codebook'],
  change: (d) => {
    d.codebook.tags.push(tag('half-done'))
    d.codebook.tags[0].name = 'renamed halfway'
    throw new Error('refused')
  }
}
const renameAll: CatalogChange = {
  kind: 'rewrite',
  change: (d) => {
    for (const doc of d.documents) doc.title = doc.title.toUpperCase()
    return d.documents.length
  }
}

/** What a change came to, briefly: 'added x', 'duplicate x', 'removed x', 'ok', or the error's message. */
function brief(o: Outcome<unknown>): string {
  if (!o.ok) return `error: ${(o.error as Error).message}`
  const v = o.value as { status?: string; meta?: DocumentMeta; id?: string } | undefined
  if (v?.status) return `${v.status} ${v.meta?.id}`
  if (v && typeof v === 'object' && 'id' in v) return `doc ${v.id}`
  return 'ok'
}

const after = (plan: CommitPlan): WorkspaceFile | null => ('data' in plan ? plan.data : null)

interface Case {
  name: string
  batch: CatalogChange[]
  journal?: JournalState
  write: CommitPlan['write']
  outcomes: string[]
  /** The documents after the commit, by id (with their titles where they matter). */
  documents?: string[]
  entry?: { documents?: string[]; removed?: string[]; replaced?: string[]; tags?: string[] }
  tags?: string[]
}

const cases: Case[] = [
  {
    name: 'two adds of new files',
    batch: [add('c'), add('d')],
    write: 'append',
    outcomes: ['added c', 'added d'],
    documents: ['a', 'b', 'c', 'd'],
    entry: { documents: ['c', 'd'] }
  },
  {
    name: 'add and remove of one document in one batch',
    batch: [add('c'), remove('c')],
    write: 'append',
    outcomes: ['added c', 'doc c'],
    documents: ['a', 'b'],
    entry: { documents: [] }
  },
  {
    name: 'replace then remove',
    batch: [retitle('a', 'New'), remove('a')],
    write: 'append',
    outcomes: ['doc a', 'doc a'],
    documents: ['b'],
    entry: { documents: [], removed: ['a'] }
  },
  {
    name: 'remove then re-add of the same file',
    batch: [remove('a'), add('a')],
    write: 'append',
    outcomes: ['doc a', 'added a'],
    documents: ['b', 'a'],
    entry: { documents: ['a'], removed: ['a'] }
  },
  {
    name: 'two adds of the same file (the second is a duplicate of the first)',
    batch: [add('c'), add('c', 'other')],
    write: 'append',
    outcomes: ['added c', 'duplicate c'],
    documents: ['a', 'b', 'c'],
    entry: { documents: ['c'] }
  },
  {
    name: 'an add of a file already in the library',
    batch: [add('b', 'again')],
    write: 'nothing',
    outcomes: ['duplicate b']
  },
  {
    name: 'a new id is never one in use, or one added earlier in the batch',
    batch: [add('c', 'a'), add('d', 'a')],
    write: 'append',
    outcomes: ['added a-2', 'added a-3'],
    documents: ['a', 'b', 'a-2', 'a-3'],
    entry: { documents: ['a-2', 'a-3'] }
  },
  {
    name: 'a failing codebook change between two adds: the others saved, none of it kept',
    batch: [add('c'), failingTagChange, add('d')],
    write: 'append',
    outcomes: ['added c', 'error: refused', 'added d'],
    documents: ['a', 'b', 'c', 'd'],
    entry: { documents: ['c', 'd'] },
    tags: ['t1']
  },
  {
    name: 'codebook changes on each side of a failing one',
    batch: [addTag('t2'), failingTagChange, addTag('t3')],
    write: 'append',
    outcomes: ['ok', 'error: refused', 'ok'],
    documents: ['a', 'b'],
    entry: { documents: [], tags: ['t1', 't2', 't3'] },
    tags: ['t1', 't2', 't3']
  },
  {
    name: 'a removal of a document not in the library fails alone',
    batch: [remove('zz'), retitle('b', 'New')],
    write: 'append',
    outcomes: ['error: No document with id zz in this workspace.', 'doc b'],
    documents: ['a', 'b'],
    entry: { documents: [], replaced: ['b'] }
  },
  {
    name: 'a change to the whole catalog forces a rewrite, after and before typed changes',
    batch: [add('c'), renameAll, failingTagChange, remove('a')],
    write: 'rewrite',
    outcomes: ['added c', 'ok', 'error: refused', 'doc a'],
    documents: ['b:REPORT B', 'c:REPORT C'],
    tags: ['t1']
  },
  {
    name: 'a full journal (documents) forces a rewrite',
    batch: [add('c')],
    journal: { documents: JOURNAL_MAX_DOCUMENTS, bytes: 0, broken: false },
    write: 'rewrite',
    outcomes: ['added c'],
    documents: ['a', 'b', 'c']
  },
  {
    name: 'a full journal (bytes) forces a rewrite',
    batch: [addTag('t2')],
    journal: { documents: 0, bytes: JOURNAL_MAX_BYTES, broken: false },
    write: 'rewrite',
    outcomes: ['ok'],
    tags: ['t1', 't2']
  },
  {
    name: 'a broken journal forces a rewrite',
    batch: [remove('b')],
    journal: { documents: 0, bytes: 10, broken: true },
    write: 'rewrite',
    outcomes: ['doc b'],
    documents: ['a']
  }
]

describe('planCommit', () => {
  it.each(cases)('$name', (c) => {
    const data = catalog()
    const before = structuredClone(data)
    const plan = planCommit(viewOf(data), c.batch, c.journal ?? roomy)
    expect(plan.write).toBe(c.write)
    expect(plan.outcomes.map(brief)).toEqual(c.outcomes)
    expect(data, 'the catalog given is not changed').toEqual(before)
    const next = after(plan) ?? data
    if (c.documents)
      expect(
        next.documents.map((d) =>
          c.documents?.some((x) => x.includes(':')) ? `${d.id}:${d.title}` : d.id
        )
      ).toEqual(c.documents)
    expect(next.codebook.tags.map((t) => t.id)).toEqual(c.tags ?? ['t1'])
    expect(next.codebook.tags[0].name).toBe('t1')
    if (plan.write === 'append') {
      const { entry } = plan
      expect(entry.generation).toBe(3)
      expect(entry.nextImportOrder).toBe(next.nextImportOrder)
      if (c.entry?.documents) expect(entry.documents.map((d) => d.id)).toEqual(c.entry.documents)
      expect(entry.removed).toEqual(c.entry?.removed)
      expect(entry.replaced?.map((d) => d.id)).toEqual(c.entry?.replaced)
      expect(entry.tags?.map((t) => t.id)).toEqual(c.entry?.tags)
      expect(entry.memos, 'memos untouched, not appended').toBeUndefined()
      // What a restart reads back (the catalog and this line) is what memory holds.
      expect(replayCatalog(data, [entry])).toEqual(plan.data)
    }
    if (plan.write === 'rewrite') expect(plan.data.catalogGeneration).toBe(4)
  })

  it('copies the list of documents at most once for a batch of adds, and says how the look-ups grow', () => {
    const data = catalog()
    const plan = planCommit(viewOf(data), [add('c'), add('d'), add('e')], roomy)
    if (plan.write !== 'append') throw new Error('expected an append')
    expect(plan.grown?.map((d) => d.id)).toEqual(['c', 'd', 'e'])
    expect(plan.data.documents[0]).toBe(data.documents[0]) // documents are shared, not copied
    expect(plan.data.nextImportOrder).toBe(6)
    expect(plan.data.memos).toBe(data.memos)
  })

  it('says the look-ups must be built again after a removal or a new version', () => {
    for (const batch of [[remove('a')], [retitle('b', 'New')]]) {
      const plan = planCommit(viewOf(catalog()), batch, roomy)
      expect(plan.write === 'append' && plan.grown).toBe(null)
    }
  })

  it('appends only what an edit touches', () => {
    const plan = planCommit(
      viewOf(catalog()),
      [
        {
          kind: 'edit',
          touches: ['memos'],
          change: (d) => void (d.memos = d.memos.filter((m) => m.id !== 'm1'))
        }
      ],
      roomy
    )
    if (plan.write !== 'append') throw new Error('expected an append')
    expect(plan.entry.memos).toEqual([])
    expect(plan.entry.tags).toBeUndefined()
    expect(plan.data.memos).toEqual([])
  })
})
