import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EDITED_STATEMENT, STATEMENT } from './articles.fixture'
import { wordDiff } from './word-diff'

const whole = (s: string) => ({ start: 0, end: s.length })
const words = (s: string, ranges: { start: number; end: number }[]) =>
  ranges.map((r) => s.slice(r.start, r.end))

/** The length of a longest common subsequence, the slow way. */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    let diag = 0
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1])
      diag = up
    }
  }
  return row[b.length]
}

describe('wordDiff', () => {
  it('marks the changed words of the edited statement', () => {
    const d = wordDiff(STATEMENT, whole(STATEMENT), EDITED_STATEMENT, whole(EDITED_STATEMENT))
    expect(words(STATEMENT, d.a)).toEqual([
      'vessel',
      'six',
      'harbours',
      'inspection',
      'refer',
      'joint',
      'each',
      'three',
      'fund',
      'state'
    ])
    expect(words(EDITED_STATEMENT, d.b)).toEqual([
      'ship',
      'twelve',
      'ports',
      'patrol',
      'send',
      'every',
      'pay for',
      'health'
    ])
  })

  it('works inside ranges of longer texts, with offsets in those texts', () => {
    const a = 'xx one two three yy'
    const b = 'zzz one 2 three'
    const d = wordDiff(a, { start: 3, end: 16 }, b, { start: 4, end: 15 })
    expect(d).toEqual({ a: [{ start: 7, end: 10 }], b: [{ start: 8, end: 9 }], common: 2 })
  })

  it('keeps a longest common subsequence, and marks every other word', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 })
    fc.assert(
      fc.property(text, text, (wa, wb) => {
        const a = wa.join(' ')
        const b = wb.join(' ')
        const d = wordDiff(a, whole(a), b, whole(b))
        expect(d.common).toBe(lcsLength(wa, wb))
        const changed = (s: string, rs: { start: number; end: number }[]) =>
          words(s, rs).join(' ').split(' ').filter(Boolean).length
        expect(changed(a, d.a)).toBe(wa.length - d.common)
        expect(changed(b, d.b)).toBe(wb.length - d.common)
      })
    )
  })
})
