import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ByteWriter, pad4 } from './byte-writer'

describe('pad4', () => {
  it('brings any length to the next multiple of four, adding at most three', () => {
    expect([0, 1, 2, 3, 4, 5, 7, 8].map(pad4)).toEqual([0, 3, 2, 1, 0, 3, 1, 0])
    fc.assert(
      fc.property(fc.nat(2 ** 31 - 1), (n) => {
        const p = pad4(n)
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThan(4)
        expect((n + p) % 4).toBe(0)
      })
    )
  })
})

describe('ByteWriter', () => {
  it('keeps every write in order, growing past its first capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.constant('align' as const)), {
          maxLength: 30
        }),
        (writes) => {
          const w = new ByteWriter(4)
          const expected: number[] = []
          for (const x of writes)
            if (x === 'align') {
              w.align()
              while (expected.length % 4) expected.push(0)
            } else {
              w.bytes(x)
              expected.push(...x)
            }
          expect(w.length).toBe(expected.length)
          expect([...w.result()]).toEqual(expected)
        }
      )
    )
  })

  it('writes 32-bit values little-endian, and pads with zeros', () => {
    const w = new ByteWriter(2)
    w.bytes(new Uint8Array([9]))
    w.align()
    w.u32s(new Uint32Array([1, 0x01020304]))
    expect([...w.result()]).toEqual([9, 0, 0, 0, 1, 0, 0, 0, 4, 3, 2, 1])
  })
})
