import { describe, expect, it } from 'vitest'
import { plainTextToDocument } from './plain-text'
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
      'the start of a long first sentence, cut at a word',
      title(
        'The fourth meeting of the working group on river safety, held in Averly last month, highlighted the need for better warnings.'
      ),
      'The fourth meeting of the working group on river safety, held in Averly last month…'
    ],
    [
      'the file name when there is nothing else',
      chooseTitle({ text: '', blocks: [], hints: {}, warnings: [] }, '/in/some-file.txt'),
      'some-file'
    ]
  ])('uses %s', (_, actual, expected) => expect(actual).toBe(expected))
})
