import fc from 'fast-check'
import search from 'approx-string-match'
import { describe, expect, it } from 'vitest'
import { describeRange } from './describe'
import { anchorQuote, MIN_SIMILARITY } from './match-quote'

const ARTICLE = `Container handling at Port Averly stopped early on Tuesday after what the port authority called "a deliberate intrusion" into the computer system that schedules its cranes and trucks.

Dock workers arriving for the 6 a.m. shift found the terminal screens showing a message demanding payment. Supervisors switched off the network at about 06:10.

The port authority has not said who was behind the attack. The port authority has asked CERT Averly to investigate.`

const at = (text: string, quote: string, occurrence = 1): [number, number] => {
  let i = -1
  for (let n = 0; n < occurrence; n++) i = text.indexOf(quote, i + 1)
  if (i < 0) throw new Error(`"${quote}" not in text`)
  return [i, i + quote.length]
}

describe('anchorQuote', () => {
  const cases: {
    name: string
    quote: string
    occurrence?: number
    edit: (t: string) => string
    expect: { method: string; text?: string } | 'orphaned'
  }[] = [
    {
      name: 'unchanged text: the position holds',
      quote: 'a deliberate intrusion',
      edit: (t) => t,
      expect: { method: 'position' }
    },
    {
      name: 'text inserted before: the exact quote is found where it moved',
      quote: 'switched off the network',
      edit: (t) => 'UPDATE 14:00: Operations resume Thursday.\n\n' + t,
      expect: { method: 'exact' }
    },
    {
      name: 'a repeated phrase: the context picks the right occurrence',
      quote: 'The port authority',
      occurrence: 2,
      edit: (t) => t.replace('Container handling', 'All container handling'),
      expect: { method: 'exact', text: 'The port authority' }
    },
    {
      name: 'a typo fixed inside the quote: found by fuzzy match',
      quote: 'Dock workers arriving for the 6 a.m. shift found the terminal screens',
      edit: (t) => t.replace('terminal screens', 'terminal’s screens'),
      expect: {
        method: 'fuzzy',
        text: 'Dock workers arriving for the 6 a.m. shift found the terminal’s screens'
      }
    },
    {
      name: 'the passage deleted: an orphan',
      quote: 'Supervisors switched off the network at about 06:10.',
      edit: (t) => t.replace(/Supervisors.*06:10\./, ''),
      expect: 'orphaned'
    },
    {
      name: 'the passage rewritten beyond recognition: an orphan',
      quote: 'a deliberate intrusion',
      edit: (t) => t.replace('a deliberate intrusion', 'an unplanned IT outage'),
      expect: 'orphaned'
    }
  ]

  it.each(cases)('$name', ({ quote, occurrence, edit, expect: expected }) => {
    const [start, end] = at(ARTICLE, quote, occurrence)
    const { quote: q, position } = describeRange(ARTICLE, start, end)
    const changed = edit(ARTICLE)
    const result = anchorQuote(changed, q, position)
    if (expected === 'orphaned') {
      expect(result).toEqual({ status: 'orphaned' })
      return
    }
    expect(result).toMatchObject({ status: 'anchored', method: expected.method })
    if (result.status !== 'anchored') return
    expect(changed.slice(result.start, result.end)).toBe(expected.text ?? quote)
    if (occurrence === 2) {
      // the second occurrence, not the first
      expect(result.start).toBe(at(changed, quote, 2)[0])
    }
  })

  it('describes a range with 32 characters of context either side', () => {
    const [start, end] = at(ARTICLE, 'Supervisors')
    const { quote, position } = describeRange(ARTICLE, start, end)
    expect(quote.prefix).toBe(ARTICLE.slice(start - 32, start))
    expect(quote.suffix).toBe(ARTICLE.slice(end, end + 32))
    expect(position).toEqual({ type: 'TextPositionSelector', start, end })
  })
})

const words = fc.array(
  fc.constantFrom(
    'port',
    'cranes',
    'ships',
    'Averly',
    'attack',
    'the',
    'network',
    'on',
    'Tuesday',
    '06:10',
    'ransom',
    'said',
    'officials'
  ),
  { minLength: 30, maxLength: 120 }
)
const textAndRange = words.chain((ws) => {
  const text = ws.join(' ')
  return fc
    .tuple(fc.constant(text), fc.integer({ min: 0, max: text.length - 12 }))
    .chain(([t, s]) =>
      fc.tuple(
        fc.constant(t),
        fc.constant(s),
        fc.integer({ min: s + 8, max: Math.min(t.length, s + 60) })
      )
    )
})

describe('anchorQuote properties', () => {
  it('never loses a quote when the text changes only outside it', () => {
    fc.assert(
      fc.property(
        textAndRange,
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        fc.nat(),
        fc.nat(),
        ([text, start, end], inserted, before, p, d) => {
          const { quote, position } = describeRange(text, start, end)
          // One insertion and one deletion, both outside [start, end).
          let changed: string
          if (before) {
            const at = p % (start + 1)
            const del = Math.min(d % 20, start - at)
            changed = text.slice(0, at) + inserted + text.slice(at + del)
          } else {
            const at = end + (p % (text.length - end + 1))
            changed = text.slice(0, at) + inserted + text.slice(at + (d % 20))
          }
          const result = anchorQuote(changed, quote, position)
          expect(result.status).toBe('anchored')
          if (result.status === 'anchored')
            expect(changed.slice(result.start, result.end)).toBe(quote.exact)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('only ever selects text equal or close to the quote', () => {
    fc.assert(
      fc.property(
        textAndRange,
        fc.string({ maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        ([text, start, end], inserted, p, d) => {
          const { quote, position } = describeRange(text, start, end)
          const at = p % (text.length + 1)
          const changed = text.slice(0, at) + inserted + text.slice(at + (d % 8))
          const result = anchorQuote(changed, quote, position)
          if (result.status !== 'anchored') return
          const found = changed.slice(result.start, result.end)
          const errors =
            search(found, quote.exact, quote.exact.length)[0]?.errors ?? quote.exact.length
          const distance = errors + Math.abs(found.length - quote.exact.length)
          expect(distance).toBeLessThanOrEqual(
            Math.ceil(quote.exact.length * (1 - MIN_SIMILARITY)) * 2
          )
        }
      ),
      { numRuns: 300 }
    )
  })
})
