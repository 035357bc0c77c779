import { makeDocx, makePdf } from '../src/test-support/documents'
import { expect, file, test } from './fixtures'

const WIRE =
  'Port Averly halts container traffic\nRansomware stopped the cranes on Tuesday, two sources said.\nEleven ships waited at anchor.'
const LEDGER = `<html><head><title>Cranes idle at Port Averly</title><meta property="og:site_name" content="The Averly Ledger"><meta name="date" content="2025-03-04"></head>
<body><h1>Cranes idle at Port Averly</h1><p>Container handling stopped early on Tuesday.</p><h2>What the port says</h2><p>The harbour master said no one was harmed.</p><script>document.title = 'pwned'</script></body></html>`

test('imports files, lists them in the library and reads one', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  await app.getByLabel('Import files').setInputFiles([
    file('wire.txt', WIRE, 'text/plain'),
    file('ledger.html', LEDGER, 'text/html'),
    file(
      'statement.md',
      '---\ntitle: Port Authority statement\ndate: 2025-03-05\n---\nOperations resume **Thursday**.',
      'text/markdown'
    ),
    file(
      'report.pdf',
      makePdf([['Incident report', '', 'Systems were isolated at 06:10.']], {
        title: 'CERT incident report'
      }),
      'application/pdf'
    ),
    file(
      'briefing.docx',
      await makeDocx([
        { text: 'Ministry briefing', style: 'Heading1' },
        { text: 'No ransom will be paid.' }
      ])
    )
  ])
  const library = app.getByRole('list', { name: 'Library' })
  await expect(app.getByRole('region', { name: 'Import results' })).toContainText(
    '5 documents imported, 0 already in the library, 0 failed.'
  )
  await expect(library.getByRole('listitem')).toHaveCount(5)
  await expect(library.getByRole('listitem').first()).toHaveAccessibleName(
    /^Port Averly halts container traffic/
  )
  await expect(
    library.getByRole('listitem', {
      name: /^Cranes idle at Port Averly — The Averly Ledger · Mar 4, 2025 · \d+ words$/
    })
  ).toBeVisible()

  await library.getByRole('button', { name: /^Cranes idle at Port Averly/ }).click()
  const article = app.getByRole('article', { name: 'Cranes idle at Port Averly' })
  await expect(article.getByRole('heading', { level: 2 })).toHaveText('Cranes idle at Port Averly')
  await expect(article.getByRole('heading', { name: 'What the port says', level: 3 })).toBeVisible()
  await expect(article).toContainText('The harbour master said no one was harmed.')
  await expect(article).not.toContainText('pwned')
  await expect(app).toHaveTitle('Analyst Workbench')

  await library.getByRole('button', { name: /^CERT incident report/ }).click()
  await expect(app.getByRole('article', { name: 'CERT incident report' })).toContainText(
    'Systems were isolated at 06:10.'
  )
  await library.getByRole('button', { name: /^Ministry briefing/ }).click()
  await expect(app.getByRole('article', { name: 'Ministry briefing' })).toContainText(
    'No ransom will be paid.'
  )
})

test('shows why a file failed, and imports the rest of the batch', async ({ app }) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([
      file('good.txt', 'A good report\nNothing unusual happened.'),
      file('fake.pdf', 'MZ\u0090 this is an executable'),
      file('photo.jpg', 'not a document'),
      file('empty.txt', '')
    ])
  const results = app.getByRole('region', { name: 'Import results' })
  await expect(results).toContainText('1 document imported, 0 already in the library, 3 failed.')
  await expect(results.getByRole('listitem')).toHaveText([
    'Failed fake.pdf: this is not a PDF file (it does not start with %PDF-)',
    'Failed photo.jpg: .jpg files are not supported (supported: .txt, .text, .md, .markdown, .html, .htm, .pdf, .docx)',
    'Failed empty.txt: the file is empty',
    'Imported good.txt as “A good report”'
  ])
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(1)
  await results.getByRole('button', { name: 'Dismiss import results' }).click()
  await expect(results).toBeHidden()
})

test('reports a file imported twice as already in the library and opens the original', async ({
  app
}) => {
  await app.getByLabel('Import files').setInputFiles([file('wire.txt', WIRE)])
  await expect(app.getByRole('region', { name: 'Import results' })).toContainText(
    '1 document imported'
  )
  await app.getByLabel('Import files').setInputFiles([file('wire-copy.txt', WIRE)])
  const results = app.getByRole('region', { name: 'Import results' })
  await expect(results).toContainText('0 documents imported, 1 already in the library, 0 failed.')
  await results.getByRole('button', { name: 'Port Averly halts container traffic' }).click()
  await expect(
    app.getByRole('article', { name: 'Port Averly halts container traffic' })
  ).toBeVisible()
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(1)
})

test('filters and sorts the library, and moves through it with the keyboard', async ({ app }) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([
      file('b.md', '---\ntitle: Bravo report\ndate: 2025-01-10\nsource: Coastal Wire\n---\nText.'),
      file('a.md', '---\ntitle: alpha report\ndate: 2025-03-01\n---\nText.'),
      file('c.md', '---\ntitle: Charlie report\n---\nText.')
    ])
  const items = app.getByRole('list', { name: 'Library' }).getByRole('listitem')
  await expect(items).toHaveCount(3)
  const titles = async (): Promise<string[]> => await items.locator('.doc-title').allTextContents()
  expect(await titles()).toEqual(['Bravo report', 'alpha report', 'Charlie report'])
  await app.getByLabel('Sort by').selectOption({ label: 'Title' })
  expect(await titles()).toEqual(['alpha report', 'Bravo report', 'Charlie report'])
  await app.getByLabel('Sort by').selectOption({ label: 'Date (newest first)' })
  expect(await titles()).toEqual(['alpha report', 'Bravo report', 'Charlie report'])
  await app.getByLabel('Filter library').fill('coastal')
  await expect(items).toHaveCount(1)
  await expect(app.getByText('1 of 3 documents')).toBeVisible()
  await app.getByLabel('Filter library').fill('')
  await items.first().getByRole('button').first().focus()
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('Enter')
  await expect(app.getByRole('article', { name: 'Bravo report' })).toBeVisible()
  await app.keyboard.press('End')
})

test('imports files dropped on the window', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  const dataTransfer = await app.evaluateHandle(() => {
    const dt = new DataTransfer()
    dt.items.add(
      new File(['Dropped report\nThe river rose overnight.'], 'dropped.txt', { type: 'text/plain' })
    )
    return dt
  })
  await app.locator('.app').dispatchEvent('dragover', { dataTransfer })
  await expect(app.getByText('Drop files or folders to import them')).toBeVisible()
  await app.locator('.app').dispatchEvent('drop', { dataTransfer })
  await expect(
    app.getByRole('list', { name: 'Library' }).getByRole('listitem', { name: /^Dropped report/ })
  ).toBeVisible()
})

test('removes a document after confirmation', async ({ app }) => {
  await app.getByLabel('Import files').setInputFiles([file('wire.txt', WIRE)])
  await app
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /^Port Averly halts container traffic/ })
    .click()
  const remove = async (): Promise<void> => {
    await app
      .getByRole('button', { name: 'Actions for Port Averly halts container traffic' })
      .click()
    await app.getByRole('menuitem', { name: 'Remove from library…' }).click()
  }
  await remove()
  const confirm = app.getByRole('alertdialog', { name: 'Move document to the Trash' })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(1)
  await remove()
  await confirm.getByRole('button', { name: 'Move to Trash' }).click()
  await expect(app.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  // The removed document waits in the Trash.
  await expect(app.getByRole('button', { name: 'Trash (1)' })).toBeVisible()
})

test('opens the sample workspace on first start and keeps it after a reload', async ({ app }) => {
  await app.getByRole('button', { name: 'Open the sample workspace' }).click()
  const items = app.getByRole('list', { name: 'Library' }).getByRole('listitem')
  await expect(items).toHaveCount(5)
  await expect(
    app.getByRole('article', { name: /^Cyberattack halts cranes at Port Averly/ })
  ).toBeVisible()
  await app.reload()
  await expect(items).toHaveCount(5)
  await items.getByRole('button', { name: /^EXCLUSIVE: Foreign state/ }).click()
  const blog = app.getByRole('article', { name: /Foreign state behind Averly port attack/ })
  await expect(blog).toContainText('Forget the official line.')
  await expect(blog).not.toContainText('Support us')
  await items.getByRole('button', { name: /^Cyberattack halts cranes/ }).click()
  await expect(
    app
      .getByRole('article', { name: /^Cyberattack halts cranes/ })
      .getByRole('heading', { name: 'Impact on the town' })
  ).toBeVisible()
})

test('marks where each page of a PDF starts, and a highlight across a page mark keeps only the text', async ({
  app,
  workbench
}) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([
      file(
        'pages.pdf',
        makePdf([
          ['Harbour log', '', 'The first page ends here.'],
          ['The second page starts here.']
        ]),
        'application/pdf'
      )
    ])
  const library = app.getByRole('list', { name: 'Library' })
  await library.getByRole('button', { name: /^Harbour log/ }).click()
  const article = app.getByRole('article', { name: 'Harbour log' })
  await expect(article.getByRole('separator', { name: 'Page 1' })).toBeVisible()
  await expect(article.getByRole('separator', { name: 'Page 2' })).toBeVisible()
  // Select from "ends here" on page 1 to "The second" on page 2, over the mark.
  await article.evaluate((el) => {
    ;(el.closest<HTMLElement>('[tabindex]') ?? (el as HTMLElement)).focus()
    const nodes: Text[] = []
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text)
    const from = nodes.find((n) => n.data.includes('ends here'))
    const to = nodes.find((n) => n.data.includes('The second'))
    if (!from || !to) throw new Error('text not found')
    const range = document.createRange()
    range.setStart(from, from.data.indexOf('ends here'))
    range.setEnd(to, to.data.indexOf('The second') + 'The second'.length)
    document.getSelection()?.removeAllRanges()
    document.getSelection()?.addRange(range)
  })
  await app.keyboard.press('h')
  await expect
    .poll(async () => {
      const [doc] = await workbench.listDocuments()
      return (await workbench.listAnnotations(doc.id)).map((a) => a.quote.exact)
    })
    .toEqual(['ends here.\n\nThe second'])
})
