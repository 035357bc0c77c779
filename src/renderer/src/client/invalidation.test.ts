import { describe, expect, it } from 'vitest'
import type { ApiMethod } from '../../../shared/api'
import { changedBy } from './invalidation'
import { Resources } from './resources'

describe('changedBy', () => {
  it.each<[ApiMethod, unknown[], unknown, string[]]>([
    ['listDocuments', [], [], []],
    ['search', ['x'], {}, []],
    ['createAnnotation', [{}], { docId: 'd1' }, ['annotations:d1', 'tags', 'passages', 'search']],
    ['restoreAnnotation', [{}], { docId: 'd2' }, ['annotations:d2', 'tags', 'passages', 'search']],
    ['setDocumentNote', ['d1', 'n'], 'n', ['note:d1', 'search']],
    ['updateTag', ['t', {}], {}, ['tags', 'passages', 'search']],
    ['mergeTags', ['t', 'u'], {}, ['tags', 'annotations:*', 'passages', 'search']],
    ['updateMemo', ['m', {}], {}, ['memos', 'search']],
    [
      'removeDocument',
      ['d1'],
      {},
      ['documents', 'annotations:d1', 'tags', 'passages', 'search', 'info', 'trash']
    ],
    [
      'restoreDocument',
      ['d1'],
      {},
      ['documents', 'annotations:d1', 'tags', 'passages', 'search', 'info', 'trash']
    ],
    ['emptyTrash', [], {}, ['trash']],
    ['exportQdpx', [], {}, []],
    ['exportBundle', [{}], {}, []],
    ['importProject', [{ name: 'p.qdpx', data: new Uint8Array() }], {}, ['*']],
    ['mergeBundle', [{ name: 'b.awb', data: new Uint8Array() }, { dryRun: true }], {}, []],
    ['mergeBundle', [{ name: 'b.awb', data: new Uint8Array() }, {}], {}, ['*']],
    ['undoMerge', ['merge-1'], {}, ['*']],
    ['redoMerge', ['merge-1'], {}, ['*']],
    ['updateDocumentDetails', ['d1', {}], {}, ['documents', 'passages', 'search', 'info']],
    [
      'reimportDocument',
      ['d1', {}],
      {},
      ['text:d1', 'annotations:d1', 'documents', 'passages', 'search', 'info']
    ],
    ['restoreBackup', [{}], {}, ['*']],
    // The importer refreshes the library itself, a few times a second.
    ['importFile', [{}], {}, []]
  ])('%s', (method, args, value, keys) => {
    expect(changedBy(method, args, value)).toEqual(keys)
  })
})

describe('Resources', () => {
  it('changes the version of a key, of its group, or of everything', () => {
    const r = new Resources()
    const v = (k: string): number => r.version(k)
    r.invalidate(['annotations:d1'])
    expect([v('annotations:d1'), v('annotations:d2'), v('tags')]).toEqual([1, 0, 0])
    r.invalidate(['annotations:*'])
    expect([v('annotations:d1'), v('annotations:d2'), v('tags')]).toEqual([2, 1, 0])
    r.invalidate(['*'])
    expect([v('annotations:d1'), v('annotations:d2'), v('tags')]).toEqual([3, 2, 1])
  })

  it('tells a listener about changes to its keys only', () => {
    const r = new Resources()
    const heard: string[] = []
    const stop = r.subscribe(['annotations:d1', 'tags'], () => heard.push('yes'))
    r.invalidate(['memos'])
    r.invalidate(['annotations:d2'])
    r.invalidate(['annotations:d1'])
    r.invalidate(['annotations:*'])
    r.invalidate(['*'])
    stop()
    r.invalidate(['tags'])
    expect(heard).toHaveLength(3)
  })
})
