import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Block, DocumentContent, DocumentMeta } from '../../shared/model'
import { documentPart } from './document-part'

const meta = { id: 'doc', title: 'Port report' } as DocumentMeta

/** A text of paragraphs separated by blank lines, with its blocks. */
function doc(paragraphs: string[], lead = ''): DocumentContent {
  const blocks: Block[] = []
  let text = lead
  for (const p of paragraphs) {
    if (blocks.length) text += '\n\n'
    blocks.push({ kind: 'paragraph', start: text.length, end: text.length + p.length })
    text += p
  }
  return { meta, text: text + '\n', blocks }
}

const REPORT = doc(
  [
    'Cranes idle at Port Averly',
    'Container handling stopped early on Tuesday after a deliberate intrusion.',
    'The harbour master said no ship, crew member or cargo had been harmed.',
    'Workers said the screens demanded payment in bitcoin.'
  ],
  '  '
)

describe('documentPart', () => {
  it('gives whole blocks up to about maxChars, at least one, with offsets into the whole text', () => {
    const first = documentPart(REPORT, 0, 110)
    expect(first).toMatchObject({ meta, length: REPORT.text.length, from: 0 })
    expect(first.blocks).toEqual(REPORT.blocks.slice(0, 2))
    expect(first.to).toBe(REPORT.blocks[1].end)
    expect(first.text).toBe(REPORT.text.slice(0, first.to))
    const tiny = documentPart(REPORT, first.to, 1)
    expect(tiny.blocks).toEqual([REPORT.blocks[2]])
    expect(tiny.from).toBe(first.to)
    expect(tiny.text.startsWith('\n\nThe harbour master')).toBe(true)
  })

  it('runs the last part to the end of the text', () => {
    const last = documentPart(REPORT, REPORT.blocks[3].start, 1000)
    expect(last.to).toBe(REPORT.text.length)
    expect(last.text).toBe('Workers said the screens demanded payment in bitcoin.\n')
  })

  it('moves a start inside a block back to that block', () => {
    const part = documentPart(REPORT, REPORT.blocks[1].start + 5, 1)
    expect(part.from).toBe(REPORT.blocks[1].start)
    expect(part.blocks).toEqual([REPORT.blocks[1]])
  })

  it('gives the rest of the text, without blocks, from past the last block', () => {
    expect(documentPart(REPORT, REPORT.text.length + 10, 100)).toMatchObject({
      from: REPORT.text.length,
      to: REPORT.text.length,
      text: '',
      blocks: []
    })
    const empty = documentPart({ meta, text: '', blocks: [] }, 0, 100)
    expect(empty).toMatchObject({ length: 0, from: 0, to: 0, text: '', blocks: [] })
  })

  it('covers the text exactly, block by block, when parts are fetched one after another', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 30 }),
        fc.string({ maxLength: 3 }),
        fc.integer({ min: 1, max: 200 }),
        (paragraphs, lead, maxChars) => {
          const d = doc(paragraphs, lead)
          let text = ''
          const blocks: Block[] = []
          for (let from = 0, n = 0; n === 0 || from < d.text.length; n++) {
            const part = documentPart(d, from, maxChars)
            expect(part.from).toBe(from)
            text += part.text
            blocks.push(...part.blocks)
            if (part.to === from) break
            from = part.to
          }
          expect(text).toBe(d.text)
          expect(blocks).toEqual(d.blocks)
        }
      )
    )
  })
})
