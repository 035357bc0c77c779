import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { makeDocx, makeWordFixture } from '../../test-support/documents'
import { zipBomb } from '../../test-support/hostile'
import { docxToDocument } from './docx'

describe('docxToDocument', () => {
  it('finds a relocated main part, keeps list numbers, alt text, accepted changes, and notes and comments at the end, marked', async () => {
    const { bytes, expectedText } = await makeWordFixture()
    const doc = await docxToDocument(bytes)
    expect(doc.text).toBe(expectedText)
    const marked = doc.blocks
      .filter((b) => b.role)
      .map((b) => [b.role, doc.text.slice(b.start, b.end)])
    expect(marked).toEqual([
      ['alt-text', '[Image: The new quay at low tide]'],
      ['footnote', '1. Measured at the old tide gauge in 2023.'],
      ['endnote', '2. Figures from the port authority.'],
      ['comment', '[MQ1] Mara Quist: Check this date with the harbour master.']
    ])
    expect(doc.blocks.filter((b) => b.kind === 'list-item').map((b) => b.level)).toEqual([
      1, 2, 3, 2, 1, 1, 1
    ])
    expect(doc.text).not.toContain('two million')
    expect(doc.text).not.toContain('deleted paragraph')
    expect(doc.hints).toEqual({
      title: 'Harbour works report',
      author: 'Port of Averly',
      published: null,
      source: null
    })
  })

  it('reads a plain document as before', async () => {
    const doc = await docxToDocument(
      await makeDocx([{ text: 'Quay report', style: 'Heading1' }, { text: 'All berths open.' }], {
        title: 'Quay',
        creator: 'Ilse Brandt',
        created: '2025-04-01T10:00:00Z'
      })
    )
    expect(doc.text).toBe('Quay report\n\nAll berths open.')
    expect(doc.hints).toEqual({
      title: 'Quay',
      author: 'Ilse Brandt',
      published: '2025-04-01',
      source: null
    })
  })

  it.each([
    [
      'a zip without a Word document in it',
      async () => {
        const zip = new JSZip()
        zip.file('notes.txt', 'hello')
        return zip.generateAsync({ type: 'uint8array' })
      },
      /^this is not a Word \.docx file \(it has no main document part\)$/
    ],
    [
      'a cut-short archive',
      async () => (await makeWordFixture()).bytes.slice(0, 2000),
      /^the \.docx archive is damaged \(its table of contents is missing or cut short\)$/
    ],
    [
      'an archive whose headers lie about its sizes (a zip bomb)',
      () => zipBomb(300, 2048),
      /^the \.docx expands to more than 256 MB of text and markup \(more than its archive says\): it may be a zip bomb$/
    ]
  ])('refuses %s in one plain sentence', async (_, make, reason) => {
    await expect(docxToDocument(await make())).rejects.toThrow(reason)
  })
})
