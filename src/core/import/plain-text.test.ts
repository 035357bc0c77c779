import { describe, expect, it } from 'vitest'
import { plainTextToDocument } from './plain-text'
import { MAX_BLOCKS } from './text-blocks'
import { chooseTitle } from './title'

const kinds = (input: string): [string, string][] => {
  const doc = plainTextToDocument(input)
  return doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)])
}

describe('plainTextToDocument', () => {
  it('treats each line as a paragraph when the text puts one paragraph per line', () => {
    expect(
      kinds(
        'Harbour reopens after flood\nThe port reopened on Monday.\nShips queued offshore for days.'
      )
    ).toEqual([
      ['heading', 'Harbour reopens after flood'],
      ['paragraph', 'The port reopened on Monday.'],
      ['paragraph', 'Ships queued offshore for days.']
    ])
  })

  it('keeps hand-wrapped paragraphs together', () => {
    const wrapped =
      'The Averly river rose two metres overnight, flooding the lower town\nand cutting the rail line to the coast. Officials said that repairs\nwould take several weeks and cost more than last year.\n\nSecond paragraph.'
    expect(kinds(wrapped)).toEqual([
      [
        'paragraph',
        'The Averly river rose two metres overnight, flooding the lower town\nand cutting the rail line to the coast. Officials said that repairs\nwould take several weeks and cost more than last year.'
      ],
      ['paragraph', 'Second paragraph.']
    ])
  })

  it('recognises bulleted and numbered lines as list items', () => {
    expect(kinds('Key points:\n- Ferries cancelled\n• Schools closed\n2. Rail line cut')).toEqual([
      ['paragraph', 'Key points:'],
      ['list-item', 'Ferries cancelled'],
      ['list-item', 'Schools closed'],
      ['list-item', 'Rail line cut']
    ])
  })
})

describe('chooseTitle', () => {
  const title = (text: string, hint?: string): string => {
    const doc = plainTextToDocument(text)
    if (hint) doc.hints.title = hint
    return chooseTitle(doc, '/in/some-file.txt')
  }
  it.each([
    ['the title the file declares', title('Body text.', 'Declared title'), 'Declared title'],
    [
      'a title-like first line',
      title('Harbour reopens after flood\nThe port reopened on Monday.'),
      'Harbour reopens after flood'
    ],
    [
      'a long title-like first line, before a later sub-heading',
      title(
        'Flood defences on the Averly: what the council promised, what it built, and what the river did to both of them\nThe council voted for new walls in 2019.\n\nWhat went wrong\n\nThe walls were built too low.'
      ),
      'Flood defences on the Averly: what the council promised, what it built, and what the river did to both of them'
    ],
    [
      'the opening clause of a long first sentence, not a cut-off',
      title(
        'The fourth meeting of the working group on river safety and flood warnings in the lower valley, held in Averly last month, highlighted the need for better warnings.'
      ),
      'The fourth meeting of the working group on river safety and flood warnings in the lower valley'
    ],
    [
      'a short first sentence whole',
      title('The ferry runs again. Tickets are sold on board until the office reopens.'),
      'The ferry runs again'
    ],
    [
      'the first substantial paragraph, not a notice or a generic heading',
      title(
        `[Notice] This summary was put together from several sources. Check them before you quote it.\nNews Summary\nThe text below was published elsewhere and is summarised here.\nThe second river safety meeting took place in Averly on 3 and 4 March, with delegates from every town along the valley, ${'and a long agenda of works to plan and pay for before the spring floods arrive in the lower town '.repeat(2)}.\nBackground\nMore text.`
      ),
      'The second river safety meeting took place in Averly on 3 and 4 March'
    ],
    [
      'the first sentence of a Chinese text',
      title('昨天晚上，市议会在港口召开会议。议员们讨论了码头的修复工作。'),
      '昨天晚上，市议会在港口召开会议'
    ],
    [
      'the first sentence of an Arabic text',
      title('اجتمع مجلس المدينة مساء أمس في الميناء. ناقش الأعضاء إصلاح الرصيف.'),
      'اجتمع مجلس المدينة مساء أمس في الميناء'
    ],
    [
      'a heading near the top when the first line is a sentence',
      title('Posted today.\nFlood closes the quay\nThe quay is shut.'),
      'Flood closes the quay'
    ],
    [
      'the file name when there is nothing else',
      chooseTitle({ text: '', blocks: [], hints: {}, warnings: [] }, '/in/some-file.txt'),
      'some-file'
    ]
  ])('uses %s', (_, actual, expected) => expect(actual).toBe(expected))
})

describe('very many lines', () => {
  it('a 13 MB text with one character per line makes a bounded structure, its lines kept', () => {
    const input = 'a\n'.repeat(6_500_000)
    const doc = plainTextToDocument(input)
    expect(doc.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS)
    expect(doc.text.replace(/\n+/g, '')).toBe('a'.repeat(6_500_000))
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true)
  })
})
