import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { offsetMap } from './code-points'

describe('UTF-16 offsets and code points', () => {
  const text = 'a🚢b𠀀c\ud800d' // emoji, CJK Extension B, a lone surrogate
  it.each([
    [0, 0],
    [1, 1],
    [3, 2],
    [4, 3],
    [6, 4],
    [7, 5],
    [8, 6],
    [9, 7]
  ])('UTF-16 offset %i is code point %i', (u, cp) => {
    const map = offsetMap(text)
    expect(map.toCodePoint(u)).toBe(cp)
    expect(map.toUtf16(cp)).toBe(u)
  })

  it('counts the text in code points, a lone surrogate as one', () => {
    expect(offsetMap(text).codePoints).toBe(7)
    expect(offsetMap('plain').codePoints).toBe(5)
  })

  it('rounds an offset inside a pair down to the pair', () => {
    expect(offsetMap(text).toCodePoint(2)).toBe(1)
  })

  it('agrees with Array.from at every character boundary', () => {
    const chars = fc.constantFrom('a', 'é', '🚢', '𠀀', '\ud800', '\udc00', '中', '\n')
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const s = parts.join('')
        const map = offsetMap(s)
        const cps = Array.from(s)
        expect(map.codePoints).toBe(cps.length)
        let u = 0
        for (let cp = 0; cp <= cps.length; cp++) {
          expect(map.toCodePoint(u)).toBe(cp)
          expect(map.toUtf16(cp)).toBe(u)
          if (cp < cps.length) u += cps[cp].length
        }
      })
    )
  })
})
