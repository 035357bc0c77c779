import { describe, expect, it } from 'vitest'
import { EntryTable, KIND_NOTE, KIND_TEXT } from './entries'
import { Postings } from './postings'

describe('the entry table', () => {
  it('keeps the live totals through removals, reuses slots, and renumbers on a vacuum', () => {
    const t = new EntryTable()
    const a = t.addDocument('a', ['port'], 1)
    const b = t.addDocument('b', ['ship', 'crane'], 2)
    const a1 = t.add(a, KIND_TEXT, 0, 10, 4)
    const b1 = t.add(b, KIND_TEXT, 0, 10, 6)
    const a2 = t.add(a, KIND_NOTE, 3, 5, 2)
    t.annotationIds.set(a2, 'note-1')
    const b2 = t.add(b, KIND_NOTE, 0, 0, 3)
    t.annotationIds.set(b2, 'note-2')
    expect([t.alive, t.aliveLength, t.aliveDocs, t.titleLengthSum]).toEqual([4, 15, 2, 3])
    expect(t.averageLength()).toBe(15 / 4)

    const postings = Postings.over(Uint32Array.from([a1, b1, a2, b2]), new Uint8Array(4))
    t.clearNotes('a')
    expect(t.liveCount(postings)).toBe(3)
    expect(t.removeDocument('b')?.slot).toBe(b)
    expect(t.removeDocument('b')).toBeNull()
    expect([t.alive, t.aliveLength, t.aliveDocs, t.titleLengthSum]).toEqual([1, 4, 1, 1])
    expect(t.liveCount(postings)).toBe(1)
    // A new document takes the free slot.
    const c = t.addDocument('c', [], 0)
    expect(c).toBe(b)
    const c1 = t.add(c, KIND_NOTE, 7, 9, 1)
    t.annotationIds.set(c1, 'note-3')

    const map = t.vacuum()
    expect([...(map ?? [])]).toEqual([0, -1, -1, -1, 1])
    expect(t.size).toBe(2)
    expect(t.info(0)).toEqual({ doc: 'a', kind: KIND_TEXT, start: 0, end: 10 })
    expect(t.info(1)).toEqual({
      doc: 'c',
      kind: KIND_NOTE,
      start: 7,
      end: 9,
      annotationId: 'note-3'
    })
    expect(t.doc(a).chunks).toEqual([0])
    expect(t.doc(c).notes).toEqual([1])
    expect(t.vacuum()).toBeNull()
  })

  it('grows past its first capacity', () => {
    const t = new EntryTable()
    const slot = t.addDocument('d', [], 0)
    for (let i = 0; i < 5000; i++) t.add(slot, KIND_TEXT, i, i + 1, 1)
    expect(t.info(4999).start).toBe(4999)
    expect(t.aliveLength).toBe(5000)
  })
})
