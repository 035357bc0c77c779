import { describe, expect, it } from 'vitest'
import { samePlain } from './same-plain'

const highlight = {
  id: 'doc.h1',
  position: { type: 'TextPositionSelector', start: 10, end: 50 },
  tags: ['t1', 't2'],
  note: ''
}

describe('samePlain', () => {
  it.each([
    ['the same object', highlight, highlight, true],
    ['an equal copy', highlight, structuredClone(highlight), true],
    ['another note', highlight, { ...highlight, note: 'Why?' }, false],
    ['tags in another order', highlight, { ...highlight, tags: ['t2', 't1'] }, false],
    ['a tag fewer', highlight, { ...highlight, tags: ['t1'] }, false],
    [
      'a nested change',
      highlight,
      { ...highlight, position: { ...highlight.position, end: 51 } },
      false
    ],
    ['a field more', highlight, { ...highlight, color: 'pink' }, false],
    ['an array and an object', [], {}, false],
    ['null and an object', null, {}, false],
    ['1 and "1"', 1, '1', false]
  ])('%s', (_, a, b, same) => {
    expect(samePlain(a, b)).toBe(same)
  })
})
