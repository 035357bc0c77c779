import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eachWord } from '../search/fold'
import { fnv1a } from './hash'
import { tokenize } from './tokens'

/** What tokenize must give: search/fold.ts's words, hashed. */
function reference(text: string): { hash: number; start: number; end: number }[] {
  const out: { hash: number; start: number; end: number }[] = []
  eachWord(text, (word, start, end) => void out.push({ hash: fnv1a(word), start, end }))
  return out
}
const actual = (text: string) => {
  const t = tokenize(text)
  return Array.from(t.hashes, (hash, i) => ({ hash, start: t.starts[i], end: t.ends[i] }))
}

describe('tokenize', () => {
  it.each([
    ['plain words', 'The port, the PORT and the Port.'],
    ['apostrophes', "Averly's harbour — don't, rock'n'roll, ' lone, trailing' x’y"],
    ['accents', 'Café CAFÉ cafe\u0301 Ærø Øresund naïve'],
    ['digits and dates', '2025-03-12 at 06:10, $1.34 billion'],
    ['other scripts', 'Москва 東京 서울 القاهرة 𝐀𝐁𝐂 😀 ok'],
    ['empty', '']
  ])('gives the search index’s words: %s', (_n, text) =>
    expect(actual(text)).toEqual(reference(text))
  )

  it('gives the search index’s words for any text', () => {
    const chars = fc.constantFrom(..."aZ9 '’-.,\né\u0301ßİıДж東😀\t")
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 60 }),
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        (cs, s) => {
          const text = cs.join('') + s
          expect(actual(text)).toEqual(reference(text))
        }
      ),
      { numRuns: 500 }
    )
  })
})
