import { describe, expect, it } from 'vitest'
import { assemble, cleanText, countWords, normalizeDate } from './text-blocks'

describe('assemble', () => {
  it('joins blocks with a blank line and records exact ranges', () => {
    const { text, blocks } = assemble([
      { kind: 'heading', level: 1, text: 'Floods close the harbour' },
      { kind: 'paragraph', text: '  The river rose overnight.  ' },
      { kind: 'list-item', level: 1, text: 'Ferries cancelled' }
    ])
    expect(text).toBe(
      'Floods close the harbour\n\n  The river rose overnight.\n\nFerries cancelled'
    )
    for (const b of blocks) expect(text.slice(b.start, b.end)).not.toMatch(/^\n|\n$/)
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'Floods close the harbour',
      '  The river rose overnight.',
      'Ferries cancelled'
    ])
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1 })
  })

  it('drops blocks with no visible text', () => {
    const { text, blocks } = assemble([
      { kind: 'paragraph', text: ' \n\t' },
      { kind: 'paragraph', text: 'Only this' }
    ])
    expect(text).toBe('Only this')
    expect(blocks).toEqual([{ kind: 'paragraph', start: 0, end: 9 }])
  })
})

describe('cleanText', () => {
  it.each([
    ['CRLF and CR line ends become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['control characters are removed', 'a\u0000b\u0007c\u009bd', 'abcd'],
    ['tabs and newlines stay', 'a\tb\nc', 'a\tb\nc'],
    ['decomposed accents are composed (NFC)', 'Cafe\u0301', 'Café'],
    [
      'bidi overrides and isolates are removed',
      'Invoice \u202Etxt.exe\u202C and \u2066x\u2069',
      'Invoice txt.exe and x'
    ]
  ])('%s', (_, input, expected) => expect(cleanText(input)).toBe(expected))
})

describe('normalizeDate', () => {
  it.each([
    ['2025-08-28', '2025-08-28'],
    ['2025-08-28T20:46:00-04:00', '2025-08-28'],
    ['D:20250301120000Z', '2025-03-01'],
    ['28 August 2025', '2025-08-28'],
    ['Thursday, Aug 28, 2025 8:46 pm ET', '2025-08-28'],
    ['September 3rd, 2025', '2025-09-03'],
    ['2025/9/3', '2025-09-03'],
    ['2025-02-30', null],
    ['last Tuesday', null],
    ['', null],
    [null, null]
  ])('%s → %s', (input, expected) => expect(normalizeDate(input)).toBe(expected))
})

describe('countWords', () => {
  it.each([
    ['The U.S. delegation met twice.', 5],
    ["North Korea's hackers stole $1.5 billion", 6],
    ['', 0],
    ['— · —', 0]
  ])('%s has %i words', (text, n) => expect(countWords(text)).toBe(n))
})

describe('assemble beyond the block limit', () => {
  it('merges neighbouring blocks of the same page, keeping the text', () => {
    const raw = Array.from({ length: 10 }, (_, i) => ({
      kind: i % 3 === 0 ? ('heading' as const) : ('paragraph' as const),
      text: `b${i}`,
      page: i < 6 ? 1 : 2
    }))
    const full = assemble(raw)
    const capped = assemble(raw, 4)
    expect(capped.text).toBe(full.text)
    expect(capped.blocks.map((b) => [capped.text.slice(b.start, b.end), b.page])).toEqual([
      ['b0\n\nb1\n\nb2', 1],
      ['b3\n\nb4\n\nb5', 1],
      ['b6\n\nb7\n\nb8', 2],
      ['b9', 2]
    ])
  })
})
