/**
 * The documents the import tests read, written to a folder so that they can be tried by hand
 * (`npm run fixtures -- DIR`): saved web pages in each site style, texts in legacy encodings
 * (with and without a byte order mark), PDFs with a form, comments, right-to-left text,
 * hyphenation, a damaged page and junk before the header, and a Word file with everything Word
 * readers lose. All of it is our own words.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makePdfFixture, makeWordFixture } from './documents'
import { encode, LEGACY_CASES, legacyText } from './encoded-texts'
import { makeWebPage, SITE_STYLES } from './web-pages'

export async function makeImportFixtures(dir: string): Promise<string[]> {
  const written: string[] = []
  const put = async (name: string, data: string | Uint8Array): Promise<void> => {
    await mkdir(join(dir, name, '..'), { recursive: true })
    await writeFile(join(dir, name), data)
    written.push(name)
  }
  for (const style of SITE_STYLES) await put(`web/${style}.html`, makeWebPage(style, 1).html)
  for (const [language, encoding] of LEGACY_CASES)
    await put(`encodings/${language}-${encoding}.txt`, encode(legacyText(language), encoding))
  for (const encoding of ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])
    await put(`encodings/russian-${encoding}-no-bom.txt`, encode(legacyText('russian'), encoding))
  await put(
    'pdf/form-and-comments.pdf',
    makePdfFixture([
      {
        lines: ['Berth inspection', '', 'The north berth was inspected on Monday.'],
        fields: [
          { name: 'inspector', label: 'Inspector', value: 'Ilse Brandt' },
          { name: 'berth', value: 'Grain terminal', choices: ['North quay', 'Grain terminal'] }
        ],
        comments: [{ contents: 'Check the date with the harbour master.', author: 'Mara Quist' }]
      }
    ])
  )
  await put(
    'pdf/right-to-left.pdf',
    makePdfFixture([{ rtlLines: ['اجتمع مجلس المدينة في الميناء'] }])
  )
  await put(
    'pdf/hyphenation.pdf',
    makePdfFixture([
      {
        lines: ['The recon-', 'struction of the well-', 'known quay, in\u00ad', 'cluding its wall.']
      }
    ])
  )
  await put(
    'pdf/damaged-page.pdf',
    makePdfFixture([{ lines: ['First page.'] }, { damaged: true }, { lines: ['Third page.'] }])
  )
  await put(
    'pdf/junk-before-header.pdf',
    makePdfFixture([{ lines: ['Forwarded report.'] }], { prefix: 'Received: from gateway\r\n\r\n' })
  )
  await put('docx/everything-word-readers-lose.docx', (await makeWordFixture()).bytes)
  return written
}
