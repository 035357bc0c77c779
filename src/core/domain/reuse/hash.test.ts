import fc from 'fast-check'
import { expect, it } from 'vitest'
import { fmix32, shingleHashes } from './hash'

/** The same hash computed from scratch for each shingle. */
function direct(words: Uint32Array, k: number): number[] {
  const out: number[] = []
  for (let i = 0; i + k <= words.length; i++) {
    let h = 0
    for (let j = 0; j < k; j++) h = (Math.imul(h, 0x9e3779b1) + words[i + j]) | 0
    out.push(fmix32(h))
  }
  return out
}

it('rolls the shingle hash exactly as computing each from scratch', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 0xffffffff })),
      fc.integer({ min: 1, max: 8 }),
      (ws, k) => {
        const words = Uint32Array.from(ws)
        expect(Array.from(shingleHashes(words, k))).toEqual(direct(words, k))
      }
    )
  )
})

it('depends on the order of the words', () => {
  expect(shingleHashes(Uint32Array.of(1, 2, 3), 3)[0]).not.toBe(
    shingleHashes(Uint32Array.of(3, 2, 1), 3)[0]
  )
})
