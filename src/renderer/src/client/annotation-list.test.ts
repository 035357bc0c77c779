import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../shared/model'
import { applyChange, keepSame, type AnnotationList } from './annotation-list'

const ann = (id: string, start: number, extra: Partial<Annotation> = {}): Annotation => ({
  id,
  docId: 'doc',
  quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start, end: start + 5 },
  status: 'anchored',
  color: 'yellow',
  tags: [],
  note: '',
  created: '',
  modified: '',
  ...extra
})

const list = (...items: Annotation[]): AnnotationList => ({
  docId: 'doc',
  list: items,
  pending: []
})

describe('applyChange', () => {
  it('adds a pending highlight of the document, and ignores one of another document', () => {
    const p = ann('pending-1', 30)
    expect(applyChange(list(), { pending: p }).pending).toEqual([p])
    const other = { ...p, docId: 'other' }
    const before = list()
    expect(applyChange(before, { pending: other })).toBe(before)
  })

  it('puts a saved highlight in text order in place of its pending one', () => {
    const a = ann('h1', 10)
    const c = ann('h3', 50)
    const pending = ann('pending-1', 30)
    const before = { ...list(a, c), pending: [pending] }
    const after = applyChange(before, { saved: ann('h2', 30), replaces: 'pending-1' })
    expect(after.list.map((x) => x.id)).toEqual(['h1', 'h2', 'h3'])
    expect(after.pending).toEqual([])
    // The others are the same objects: their components do not render again.
    expect(after.list[0]).toBe(a)
  })

  it('takes away a pending highlight whose save failed', () => {
    const before = { ...list(), pending: [ann('pending-1', 0), ann('pending-2', 9)] }
    expect(applyChange(before, { dropped: 'pending-1' }).pending.map((p) => p.id)).toEqual([
      'pending-2'
    ])
    const unchanged = list()
    expect(applyChange(unchanged, { dropped: 'nope' })).toBe(unchanged)
  })

  it('replaces a highlight already listed when it changed, and keeps the list when it did not', () => {
    const a = ann('h1', 10)
    const before = list(a)
    expect(applyChange(before, { saved: ann('h1', 10) })).toBe(before)
    const recoloured = applyChange(before, { saved: ann('h1', 10, { color: 'pink' }) })
    expect(recoloured.list).toEqual([ann('h1', 10, { color: 'pink' })])
  })
})

describe('keepSame', () => {
  it('keeps the objects of unchanged annotations, and the whole list when nothing changed', () => {
    const before = [ann('h1', 1), ann('h2', 2)]
    expect(keepSame(before, structuredClone(before))).toBe(before)
    const after = keepSame(before, [structuredClone(before[0]), ann('h2', 2, { note: 'new' })])
    expect(after[0]).toBe(before[0])
    expect(after[1].note).toBe('new')
    expect(keepSame(before, [structuredClone(before[1])])).toEqual([before[1]])
  })
})
