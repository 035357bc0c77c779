import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../shared/model'
import { AnnotationCache } from './annotation-cache'
import type { AnnotationChange } from './annotation-list'

const saved = (id: string, start: number): Annotation => ({
  id,
  docId: 'doc',
  quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start, end: start + 4 },
  status: 'anchored',
  color: 'green',
  tags: [],
  note: '',
  created: '',
  modified: ''
})

describe('AnnotationCache', () => {
  it('tells every list about a pending highlight, then about the saved one in its place', async () => {
    const cache = new AnnotationCache()
    const heard: AnnotationChange[] = []
    cache.subscribe((c) => heard.push(c))
    const p = cache.showPending('doc', { start: 10, end: 14 }, 'green', 'text')
    expect(p).toMatchObject({ docId: 'doc', color: 'green', quote: { exact: 'text' } })
    expect(cache.isPending(p.id)).toBe(true)
    // Edits made meanwhile wait for the save and then go to the saved highlight.
    const target = cache.whenSaved(p.id)
    cache.showSaved(saved('doc.h1', 10), p.id)
    await expect(target).resolves.toBe('doc.h1')
    expect(cache.isPending(p.id)).toBe(false)
    expect(cache.identity('doc.h1')).toBe(p.id)
    expect(cache.identity('doc.h2')).toBe('doc.h2')
    await expect(cache.whenSaved('doc.h2')).resolves.toBe('doc.h2')
    expect(heard.map((c) => Object.keys(c)[0])).toEqual(['pending', 'saved'])
  })

  it('takes a pending highlight away when its save fails, and the edits waiting for it fail too', async () => {
    const cache = new AnnotationCache()
    const heard: AnnotationChange[] = []
    const stop = cache.subscribe((c) => heard.push(c))
    const p = cache.showPending('doc', { start: 0, end: 1 }, 'yellow')
    const target = cache.whenSaved(p.id)
    cache.dropPending(p.id, new Error('Only white space is selected'))
    await expect(target).rejects.toThrow('Only white space')
    expect(heard.at(-1)).toEqual({ dropped: p.id })
    stop()
    cache.showPending('doc', { start: 0, end: 1 }, 'yellow')
    expect(heard).toHaveLength(2)
  })

  it('says when a document is read for the first time', () => {
    const cache = new AnnotationCache()
    expect([cache.firstRead('a'), cache.firstRead('a'), cache.firstRead('b')]).toEqual([
      true,
      false,
      true
    ])
  })
})
