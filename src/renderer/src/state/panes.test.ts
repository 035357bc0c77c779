import { describe, expect, it } from 'vitest'
import { closePane, MAX_PANES, openPane, withoutDocuments, type Pane } from './panes'

const keys = (): (() => string) => {
  let n = 0
  return () => `new${++n}`
}
const panes = (...docIds: string[]): Pane[] => docIds.map((docId, i) => ({ key: `p${i}`, docId }))

describe('openPane', () => {
  it.each([
    ['the first document, in a new pane', [], null, 'a', false, [['new1', 'a']], 'new1'],
    [
      'in place, in the active pane',
      panes('a', 'b'),
      'p1',
      'c',
      false,
      [
        ['p0', 'a'],
        ['p1', 'c']
      ],
      'p1'
    ],
    [
      'in place, the pane already showing it',
      panes('a', 'b'),
      'p0',
      'b',
      false,
      [
        ['p0', 'a'],
        ['p1', 'b']
      ],
      'p1'
    ],
    [
      'in place, the first pane when none is active',
      panes('a', 'b'),
      'gone',
      'c',
      false,
      [
        ['p0', 'c'],
        ['p1', 'b']
      ],
      'p0'
    ],
    [
      'beside, after the others',
      panes('a'),
      'p0',
      'b',
      true,
      [
        ['p0', 'a'],
        ['new1', 'b']
      ],
      'new1'
    ],
    [
      'beside, the same document twice',
      panes('a'),
      'p0',
      'a',
      true,
      [
        ['p0', 'a'],
        ['new1', 'a']
      ],
      'new1'
    ]
  ] as const)('%s', (_, before, active, docId, beside, after, key) => {
    const outcome = openPane(before, active, docId, beside, keys())
    expect(outcome).toEqual({ panes: after.map(([k, d]) => ({ key: k, docId: d })), key })
  })

  it('never drops a pane silently: with every pane in use, opening beside asks', () => {
    const full = panes(...Array.from({ length: MAX_PANES }, (_, i) => `d${i}`))
    expect(openPane(full, 'p0', 'new', true, keys())).toEqual({ full: true })
    expect(openPane(full, 'p2', 'new', false, keys())).toMatchObject({ key: 'p2' })
  })
})

describe('closePane', () => {
  it.each([
    ['an inactive pane keeps the active one', 'p0', 'p2', 'p0'],
    ['the active pane passes to the one before it', 'p1', 'p1', 'p0'],
    ['the first active pane passes to the next', 'p0', 'p0', 'p1'],
    ['a pane that is not there changes nothing', 'p1', 'zz', 'p1']
  ])('%s', (_, active, closed, next) => {
    const out = closePane(panes('a', 'b', 'c'), active, closed)
    expect(out.activeKey).toBe(next)
    expect(out.panes.map((p) => p.key)).not.toContain(closed)
  })

  it('leaves no active pane when the last one closes', () => {
    expect(closePane(panes('a'), 'p0', 'p0')).toEqual({ panes: [], activeKey: null })
  })
})

describe('withoutDocuments', () => {
  it('closes every pane of a removed document', () => {
    const out = withoutDocuments(panes('a', 'b', 'a'), 'p2', (id) => id === 'a')
    expect(out).toEqual({ panes: [{ key: 'p1', docId: 'b' }], activeKey: 'p1' })
  })
})
