import type { Page } from '@playwright/test'
import type { WorkbenchApi } from '../src/shared/api'
import { expect, file, test } from './fixtures'
import { BLOG, importTwo, LEDGER, violations } from './helpers'

const PAGE = (title: string, line: string): string =>
  `<html><head><title>${title}</title><meta property="og:site_name" content="Harbour Ledger"></head>
<body><article><h1>${title}</h1><p>${line}</p><p>The harbour master said repairs would take a week.</p></article></body></html>`

/** The Themes view's passages of one tag, chosen in the codebook. */
async function openTheme(app: Page, tag: string): Promise<ReturnType<Page['getByRole']>> {
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Themes' })
    .click()
  await app
    .getByRole('list', { name: 'Tags' })
    .getByRole('button', { name: new RegExp(`^${tag}`) })
    .click()
  return app.getByRole('region', { name: `Passages tagged ${tag}` })
}

test('a source graded twice lists its badge, its history and its documents in the Sources view', async ({
  app
}) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([
      file('closed.html', PAGE('Pier closed', 'The eastern pier closed on Monday.')),
      file('reopens.html', PAGE('Pier reopens', 'The eastern pier reopens on Friday.')),
      file('ledger.txt', LEDGER)
    ])
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library.getByRole('listitem')).toHaveCount(3)
  await app.getByRole('button', { name: 'Dismiss import results' }).click()

  // The first grade, in the reader (G).
  await library.getByRole('button', { name: /^Pier closed/ }).click()
  const article = app.getByRole('article', { name: 'Pier closed' })
  await expect(article).toContainText('The eastern pier closed')
  await article.focus()
  await app.keyboard.press('g')
  const dialog = app.getByRole('dialog', { name: 'Source and grades' })
  await expect(dialog.getByLabel('Source', { exact: true })).toHaveValue('Harbour Ledger')
  await dialog.getByRole('group', { name: 'Source reliability' }).getByLabel(/^C/).check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  // The Sources view, with the keyboard.
  const sourcesButton = app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Sources' })
  await sourcesButton.focus()
  await app.keyboard.press('Enter')
  await expect(sourcesButton).toHaveAttribute('aria-pressed', 'true')
  const list = app.getByRole('list', { name: 'Source list' })
  const ledger = list.getByRole('button', { name: /^Harbour Ledger / })
  await expect(ledger).toHaveAccessibleName(
    'Harbour Ledger Unknown · 2 documents Graded source C: fairly reliable'
  )
  await expect(ledger.locator('.grade-badge')).toHaveText('C')
  await list.getByRole('button').first().focus()
  // ↓ and ↑ move through the list; Enter chooses.
  for (let i = 0; i < 5 && !(await ledger.evaluate((el) => el === document.activeElement)); i++)
    await app.keyboard.press('ArrowDown')
  await expect(ledger).toBeFocused()
  await app.keyboard.press('Enter')
  const details = app.getByRole('region', { name: 'Source Harbour Ledger' })
  await expect(details.getByRole('heading', { name: 'Harbour Ledger' })).toBeVisible()

  // The second grade, in the view, with a rationale.
  const form = details.getByRole('form', { name: 'Grade Harbour Ledger' })
  await form.getByLabel('Set reliability').selectOption('B')
  await expect(form).toContainText('Small doubts only')
  await form.getByLabel('Why').fill('Right on the pier closures of May and June')
  await form.getByLabel('Why').press('Enter')
  const history = details.getByRole('table', { name: 'Grade history of Harbour Ledger' })
  const rows = history.getByRole('row')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(1)).toContainText('B Usually reliablecurrent')
  await expect(rows.nth(1)).toContainText('Right on the pier closures of May and June')
  await expect(rows.nth(2)).toContainText('C Fairly reliable')
  await expect(ledger.locator('.grade-badge')).toHaveText('B')
  await expect(details.locator('.source-current')).toContainText('Usually reliable')

  // Undoable, like every grading (outside a text box, where Ctrl+Z undoes typing).
  await ledger.focus()
  await app.keyboard.press('Control+z')
  await expect(rows).toHaveCount(2)
  await expect(ledger.locator('.grade-badge')).toHaveText('C')
  await app.keyboard.press('Control+Shift+z')
  await expect(rows).toHaveCount(3)

  // Its kind, other names and notes are edited in place.
  await details.getByLabel('Kind').selectOption('news-outlet')
  await expect(ledger).toHaveAccessibleName(/^Harbour Ledger News outlet · 2 documents/)
  await details.getByLabel(/^Other names/).fill('harbourledger.nv, The Ledger')
  await details.getByLabel(/^Other names/).press('Enter')
  await details.getByLabel('Notes').fill('Port paper of Averly since 1921.')
  await details.getByLabel('Notes').blur()
  await expect(details.getByLabel(/^Other names/)).toHaveValue('harbourledger.nv, The Ledger')
  await list.getByRole('button').first().focus()
  await app.getByLabel('Filter sources').fill('the ledger')
  await expect(list.getByRole('button')).toHaveCount(1)
  await app.getByLabel('Filter sources').fill('')

  const docs = details.getByRole('list', { name: 'Documents from Harbour Ledger' })
  await expect(docs.getByRole('button')).toHaveText(['Pier closedB–', 'Pier reopensB–'])
  expect(await violations(app)).toEqual([])
  await details.evaluate((el) => el.scrollTo(0, 0))
  await app.screenshot({ path: '/tmp/sources.png' })

  // A document opens in the Documents view.
  await docs.getByRole('button', { name: /Pier reopens/ }).focus()
  await app.keyboard.press('Enter')
  await expect(
    app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Documents' })
  ).toHaveAttribute('aria-pressed', 'true')
  await expect(app.getByRole('article', { name: 'Pier reopens' })).toContainText(
    'The eastern pier reopens'
  )
})

test('an empty workspace says where sources come from', async ({ app }) => {
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Sources' })
    .click()
  await expect(app.getByRole('region', { name: 'Sources' })).toContainText('No sources yet')
  expect(await violations(app)).toEqual([])
})

test('Themes counts passages by origin, shows their badges and filters them by grade', async ({
  app,
  workbench
}) => {
  await importTwo(app)
  const docs = await workbench.listDocuments()
  const ledger = docs.find((d) => d.title.startsWith('Cranes'))
  const blog = docs.find((d) => d.title.startsWith('Foreign hackers'))
  if (!ledger || !blog) throw new Error('documents missing')
  const claims = (await workbench.createTag({ path: 'Claims' })).value
  for (const [doc, text, phrase] of [
    [ledger, LEDGER, 'a deliberate intrusion'],
    [blog, BLOG, 'hackers working for a foreign government']
  ] as const) {
    const at = text.indexOf(phrase)
    await workbench.createAnnotation({
      docId: doc.id,
      start: at,
      end: at + phrase.length,
      tags: [claims.id]
    })
  }
  await workbench.setDocumentSource(ledger.id, 'Harbour Ledger')
  const source = (await workbench.listSources()).find((s) => s.name === 'Harbour Ledger')
  if (!source) throw new Error('source missing')
  await workbench.gradeSource(source.id, 'B', 'A port paper of record')
  await workbench.gradeDocument(ledger.id, { credibility: 2 }, 'The harbour master said so')
  await app.reload()

  let passages = await openTheme(app, 'Claims')
  await expect(passages.getByText('2 passages from 2 origins')).toBeVisible()
  await expect(passages.locator('.passage .grade-badge')).toHaveText(['B2', '–'])

  // Only the reliable sources; only the ungraded; back to all.
  const filter = passages.getByRole('group', { name: 'Grades' })
  await filter.getByLabel('Show passages by grade').selectOption('reliability')
  await expect(filter.getByLabel('Reliability from')).toHaveValue('A')
  await expect(filter.getByLabel('Reliability to')).toHaveValue('B')
  await expect(passages.locator('.passage-source')).toHaveText(['Cranes idle at Port Averly'])
  await expect(passages.getByRole('status')).toHaveText(
    'Showing 1 of 2, reliability A–B: 1 passage from 1 origin.'
  )
  await filter.getByLabel('Reliability from').selectOption('C')
  await expect(passages.getByRole('status')).toHaveText('No passage here is reliability C.')
  await filter.getByLabel('Show passages by grade').selectOption('credibility')
  await expect(passages.locator('.passage-source')).toHaveText(['Cranes idle at Port Averly'])
  await filter.getByLabel('Show passages by grade').selectOption('ungraded')
  await expect(passages.locator('.passage-source')).toHaveText([
    'Foreign hackers hit Averly, insiders claim'
  ])
  expect(await violations(app)).toEqual([])
  await filter.getByLabel('Show passages by grade').selectOption('all')
  await expect(passages.locator('.passage')).toHaveCount(2)

  // The blog is confirmed to derive from the ledger: one origin.
  const linked = await app.evaluate(
    ([from, to]) =>
      (window as unknown as { workbench: WorkbenchApi }).workbench.setLink(
        from,
        { kind: 'document', docId: to },
        'confirmed'
      ),
    [blog.id, ledger.id] as const
  )
  expect(linked.ok).toBe(true)
  await app.reload()
  passages = await openTheme(app, 'Claims')
  await expect(passages.getByText('2 passages from 1 origin')).toBeVisible()
})
