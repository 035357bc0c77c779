import { describe, expect, it } from 'vitest'
import { makePdf, makePdfFixture, type PdfPageSpec } from '../../test-support/documents'
import { pdfBomb } from '../../test-support/hostile'
import { pdfToDocument } from './pdf'

const read = async (
  pages: PdfPageSpec[],
  prefix?: string
): Promise<{
  text: string
  blocks: [number | undefined, string | undefined, string][]
  warnings: string[]
}> => {
  const doc = await pdfToDocument(makePdfFixture(pages, { prefix }))
  return {
    text: doc.text,
    blocks: doc.blocks.map((b) => [b.page, b.role, doc.text.slice(b.start, b.end)]),
    warnings: doc.warnings
  }
}

const ARABIC = 'اجتمع مجلس المدينة في الميناء'

describe('pdfToDocument', () => {
  it('imports form fields and comments as marked blocks after their page, every block with its page', async () => {
    const doc = await read([
      {
        lines: ['Berth inspection', '', 'The north berth was inspected.'],
        fields: [
          { name: 'form.inspector[0]', value: 'Ilse Brandt' },
          {
            name: 'berth',
            label: 'Berth inspected',
            value: 'Grain terminal',
            choices: ['North quay', 'Grain terminal']
          },
          { name: 'remarks', value: '' }
        ],
        comments: [
          { contents: 'Check the date with the harbour master.', author: 'Mara Quist' },
          { contents: 'Draft wording', subtype: 'FreeText' },
          { contents: 'Key sentence', subtype: 'Highlight', author: 'Jonas Ebert' }
        ]
      },
      { lines: ['Page two closes the report.'] }
    ])
    expect(doc.blocks).toEqual([
      [1, undefined, 'Berth inspection'],
      [1, undefined, 'The north berth was inspected.'],
      [1, 'form-field', 'inspector: Ilse Brandt'],
      [1, 'form-field', 'Berth inspected: Grain terminal'],
      [1, 'comment', 'Mara Quist: Check the date with the harbour master.'],
      [1, 'comment', 'Draft wording'],
      [1, 'comment', 'Jonas Ebert: Key sentence'],
      [2, undefined, 'Page two closes the report.']
    ])
  })

  it.each(['visual', 'words', 'logical-glyphs'] as const)(
    'reads right-to-left text drawn %s in reading order, presentation forms as letters',
    async (rtlDrawing) => {
      const doc = await read([{ rtlLines: [ARABIC], rtlDrawing }])
      expect(doc.text).toBe(ARABIC)
    }
  )

  it.each([
    [
      'a word broken by a hyphen, found whole elsewhere',
      ['Repairs are in-', 'cluding the wall, including the quay.'],
      'Repairs are including the wall, including the quay.'
    ],
    [
      'a word broken by a hyphen, not a compound',
      ['The recon-', 'struction starts.'],
      'The reconstruction starts.'
    ],
    ['a soft hyphen', ['The recon\u00ad', 'struction starts.'], 'The reconstruction starts.'],
    [
      'a compound at a line end',
      ['A well-', 'known gauge and a long-', 'term plan.'],
      'A well-known gauge and a long-term plan.'
    ],
    [
      'a compound found whole elsewhere',
      ['The state-', 'run port and the state-run yard.'],
      'The state-run port and the state-run yard.'
    ],
    ['a dash before a capital', ['Averly -', 'Port Lenning line.'], 'Averly - Port Lenning line.']
  ])('joins lines: %s', async (_, lines, expected) => {
    expect((await read([{ lines }])).text).toBe(expected)
  })

  it('leaves a damaged page out, says which, and keeps the others with their page numbers', async () => {
    const doc = await read([
      { lines: ['First page.'] },
      { damaged: true },
      { lines: ['Third page.'] }
    ])
    expect(doc.blocks).toEqual([
      [1, undefined, 'First page.'],
      [3, undefined, 'Third page.']
    ])
    expect(doc.warnings).toEqual([
      'Page 2 could not be read and was left out: it is damaged (a compressed part of it is corrupt).'
    ])
  })

  it('tolerates bytes before the %PDF- header', async () => {
    const doc = await read(
      [{ lines: ['Forwarded report.'] }],
      'Received: from gateway\r\nX-Scan: clean\r\n\r\n'
    )
    expect(doc.text).toBe('Forwarded report.')
  })

  const good = Buffer.from(makePdf([['Quarterly port report'], ['Second page']])).toString('latin1')
  it.each([
    ['cut short', good.slice(0, Math.floor(good.length / 2)), 'its structure is broken'],
    ['only a header', '%PDF-1.4\n', 'its structure is broken'],
    [
      'garbage after the header',
      `%PDF-1.4\n${')))>>]]'.repeat(50)}\n%%EOF`,
      'its structure is broken'
    ],
    [
      'an array never closed',
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /X [1 2 3\n',
      'its structure is broken'
    ],
    [
      'a page tree that loops',
      good.replace('/Kids [', '/Kids [2 0 R '),
      'its list of pages loops back on itself'
    ],
    ['a missing catalog', good.replace('/Root 1 0 R', '/Root 99 0 R'), 'its structure is broken']
  ])('refuses a PDF %s in one plain sentence', async (_, body, detail) => {
    await expect(pdfToDocument(new Uint8Array(Buffer.from(body, 'latin1')))).rejects.toThrow(
      new RegExp(`^the PDF could not be read: it is damaged \\(${detail}\\)$`)
    )
  })

  it('refuses a compression bomb before inflating it', async () => {
    await expect(pdfToDocument(await pdfBomb(300))).rejects.toThrow(
      /^the PDF's compressed contents expand to more than 256 MB: it may be a compression bomb$/
    )
  })
})
