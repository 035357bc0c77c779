import { describe, expect, it } from 'vitest'
import { comparePair, parsePairKey } from './compare-pair'

const pane = (key: string, docId: string): { key: string; docId: string } => ({ key, docId })

describe('comparePair', () => {
  const panes = [pane('p1', 'd1'), pane('p2', 'd2'), pane('p3', 'd3')]
  it.each([
    ['p1', ['p1', 'p2']],
    ['p2', ['p2', 'p3']],
    ['p3', ['p2', 'p3']],
    [null, ['p1', 'p2']]
  ])('with %s active compares %j, left to right', (active, keys) => {
    const pair = comparePair(panes, active)
    expect([pair?.a.key, pair?.b.key]).toEqual(keys)
  })
  it('compares nothing with one pane, or two showing one document', () => {
    expect(comparePair([pane('p1', 'd1')], 'p1')).toBeNull()
    expect(comparePair([pane('p1', 'd1'), pane('p2', 'd1')], 'p1')).toBeNull()
  })
  it('names its panes in its key', () => {
    const pair = comparePair(panes, 'p2')
    expect(parsePairKey(pair?.key ?? '')).toEqual({ a: panes[1], b: panes[2] })
  })
  it('names a new pair when a pane shows another document', () => {
    const before = comparePair(panes, 'p1')?.key
    const after = comparePair([pane('p1', 'd1'), pane('p2', 'd9')], 'p1')?.key
    expect(after).not.toBe(before)
  })
})
