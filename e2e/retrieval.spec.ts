import type { Locator, Page } from '@playwright/test'
import { expect, file, test } from './fixtures'
import { violations } from './helpers'

const REPORT = `# Sanctions on the Lazarus network

Treasury named three cryptocurrency exchanges.

## Who is behind it

Analysts tie the laundering to the Lazarus Group.`

const BRIEF = `A second account

The exchanges deny any link to the group.`

const groupsOf = (app: Page): Locator =>
  app
    .getByRole('list', { name: 'Search results' })
    .getByRole('listitem')
    .filter({ has: app.locator('.search-doc') })

test('finds a misspelt word while it is still being typed, and says where each hit is', async ({
  app
}) => {
  await app.getByLabel('Import files').setInputFiles([file('report.md', REPORT)])
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(1)
  const box = app.getByRole('searchbox', { name: 'Search' })
  // "No matches." must never flash up while the first words of a matching query are typed.
  await app.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { seen: string[] }).seen = seen
    new MutationObserver(() => {
      if (document.body.textContent?.includes('No matches.')) seen.push('No matches.')
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
  await box.pressSequentially('Lazarsu')
  await expect(groupsOf(app)).toHaveCount(1)
  expect(await app.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([])
  await box.fill('')
  await box.pressSequentially('launderin')
  const hit = app.locator('.hit').first()
  await expect(hit.locator('.hit-location')).toHaveText('§ Who is behind it')
})

test('lists what a filter selects before anything is typed, and memos as hits of their own', async ({
  app,
  workbench
}) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([file('report.md', REPORT), file('brief.txt', BRIEF)])
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(2)
  const report = (await workbench.listDocuments()).find((d) => d.title.startsWith('Sanctions'))
  if (!report) throw new Error('report missing')
  const { text } = await workbench.getDocument(report.id)
  const claims = (await workbench.createTag({ path: 'Claims' })).value
  const at = text.indexOf('three cryptocurrency exchanges')
  await workbench.createAnnotation({ docId: report.id, start: at, end: at + 30, tags: [claims.id] })
  await workbench.createMemo({
    title: 'Open questions',
    text: 'Which exchanges were named twice?',
    tagIds: [claims.id]
  })
  await app.reload()

  // Focus on the empty search box shows the filters at once.
  await app.keyboard.press('Control+k')
  await expect(app.getByLabel('Filter by tag')).toBeVisible()
  await expect(app.getByText('Type words to search, or choose a tag')).toBeVisible()
  expect(await violations(app)).toEqual([])
  await app.getByLabel('Filter by tag').selectOption({ label: 'Claims' })
  const groups = groupsOf(app)
  await expect(groups).toHaveCount(2)
  await expect(groups.first()).toHaveAccessibleName('Memos: 1 hit')
  await expect(groups.nth(1)).toContainText('three cryptocurrency exchanges')

  // Typed as a filter, the same.
  await app.getByRole('button', { name: 'Back to the library' }).click()
  await expect(app.getByRole('list', { name: 'Library' })).toBeVisible()
  const box = app.getByRole('searchbox', { name: 'Search' })
  await box.fill('tag:Claims')
  await expect(groups).toHaveCount(2)

  // A memo hit opens the memo in Memos.
  await box.fill('exchanges named')
  await groups.first().getByRole('button').click()
  await expect(app.getByRole('button', { name: 'Memos', pressed: true })).toBeVisible()
  await expect(
    app.getByRole('region', { name: 'Memo' }).getByRole('textbox', { name: 'Title' })
  ).toHaveValue('Open questions')
})

test('a removed document goes to the Trash: Undo brings it back, and so does Restore', async ({
  app
}) => {
  await app.getByLabel('Import files').setInputFiles([file('report.md', REPORT)])
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library.getByRole('listitem')).toHaveCount(1)
  await library.getByRole('button', { name: /^Sanctions on the Lazarus network/ }).click()
  const remove = async (): Promise<void> => {
    await app.getByRole('button', { name: 'Actions for Sanctions on the Lazarus network' }).click()
    await app.getByRole('menuitem', { name: 'Remove from library…' }).click()
    await app.getByRole('button', { name: 'Move to Trash' }).click()
  }
  await remove()
  const toasts = app.getByRole('status').filter({ hasText: 'to the Trash' })
  await expect(toasts).toContainText('Moved “Sanctions on the Lazarus network” to the Trash.')
  await expect(library.getByRole('listitem')).toHaveCount(0)
  await toasts.getByRole('button', { name: 'Undo' }).click()
  await expect(library.getByRole('listitem')).toHaveCount(1)

  await library.getByRole('button', { name: /^Sanctions on the Lazarus network/ }).click()
  await remove()
  await expect(library.getByRole('listitem')).toHaveCount(0)
  await app.getByRole('button', { name: 'Trash (1)' }).click()
  const dialog = app.getByRole('dialog', { name: 'Trash' })
  await expect(dialog).toContainText('Sanctions on the Lazarus network')
  expect(await violations(app)).toEqual([])
  await dialog.getByRole('button', { name: 'Restore Sanctions on the Lazarus network' }).click()
  await expect(dialog).toContainText('The Trash is empty.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(library.getByRole('listitem')).toHaveCount(1)
})

test('the brief has its own title, its sources with their notes, and its memos; memos export alone', async ({
  app,
  workbench
}) => {
  await app.getByLabel('Import files').setInputFiles([file('brief.txt', BRIEF)])
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(1)
  const [doc] = await workbench.listDocuments()
  const tag = (await workbench.createTag({ path: 'Denials' })).value
  const { text } = await workbench.getDocument(doc.id)
  const at = text.indexOf('deny any link')
  await workbench.createAnnotation({ docId: doc.id, start: at, end: at + 13, tags: [tag.id] })
  await workbench.setDocumentNote(doc.id, 'Second-hand: no named source.')
  await workbench.createMemo({ title: 'Next step', text: 'Ask the exchanges directly.' })
  await app.reload()
  await app.getByRole('button', { name: 'Export…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Export' })
  const preview = dialog.getByLabel('Preview')
  await dialog.getByRole('radio', { name: 'By theme' }).check()
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Exchanges: who denies what')
  await expect(preview.getByRole('heading', { name: 'Exchanges: who denies what' })).toBeVisible()
  await expect(preview.getByRole('heading', { name: 'Sources' })).toBeVisible()
  await expect(preview).toContainText('Second-hand: no named source.')
  await expect(preview.getByRole('heading', { name: 'Memos' })).toBeVisible()
  await dialog.getByRole('radio', { name: 'Memos only' }).check()
  await expect(preview.getByRole('heading', { name: 'Next step' })).toBeVisible()
  await expect(preview).not.toContainText('deny any link')
  await expect(dialog).toContainText('1 memo · analyst-workbench-memos-')
})

test("edits a document's details from the pane's menu, by keyboard, and can undo it", async ({
  app
}) => {
  await app.getByLabel('Import files').setInputFiles([file('brief.txt', BRIEF)])
  const library = app.getByRole('list', { name: 'Library' })
  await library.getByRole('button', { name: /^A second account/ }).click()
  await app.getByRole('button', { name: 'Actions for A second account' }).click()
  await app.getByRole('menuitem', { name: 'Edit details…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Document details' })
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('A second account')
  expect(await violations(app)).toEqual([])
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Exchanges deny the link')
  await dialog.getByRole('textbox', { name: /^Source/ }).fill('Harbour Wire')
  await dialog.getByLabel('Published').fill('2025-04-02')
  await dialog.getByRole('textbox', { name: /^Web address/ }).fill('not an address')
  await dialog.getByRole('textbox', { name: /^Web address/ }).press('Enter')
  // A web address that is not one: refused with the reason, the dialog stays.
  await expect(app.getByRole('alert').filter({ hasText: 'is not a web address' })).toBeVisible()
  await expect(dialog).toBeVisible()
  await dialog.getByRole('textbox', { name: /^Web address/ }).fill('https://wire.example/deny')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const reader = app.getByRole('region', { name: /^Reader: / })
  await expect(reader.locator('.pane-title')).toHaveText('Exchanges deny the link')
  await expect(reader.locator('.reader-meta')).toContainText('Harbour Wire (edited)')
  await expect(reader.locator('.reader-meta')).toContainText('https://wire.example/deny')
  await expect(library.getByRole('button', { name: /^Exchanges deny the link/ })).toBeVisible()

  // The found value is offered back.
  await app.getByRole('button', { name: 'Actions for Exchanges deny the link' }).click()
  await app.getByRole('menuitem', { name: 'Edit details…' }).click()
  await expect(dialog).toContainText('Found at import: A second account')
  await dialog.getByRole('button', { name: 'Use the title found at import' }).click()
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('A second account')
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await app.getByRole('article').first().click()
  await app.keyboard.press('Control+z')
  await expect(reader.locator('.pane-title')).toHaveText('A second account')
})

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Storm report</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>
<article><h1>Storm report</h1><p>The storm closed the harbour for two days, the port authority said on Monday.</p>
<p>Ferries will resume on Wednesday if the wind drops below gale force.</p></article>
<footer>Subscribe to our newsletter for more stories.</footer></body></html>`

test('keeps a whole web page when asked, and reads it again as its article', async ({ app }) => {
  await app.getByRole('checkbox', { name: 'Keep whole web pages' }).check()
  await app.getByLabel('Import files').setInputFiles([file('storm.html', PAGE)])
  const library = app.getByRole('list', { name: 'Library' })
  await library.getByRole('button', { name: /^Storm report/ }).click()
  const article = app.getByRole('article', { name: 'Storm report' })
  await expect(article).toContainText('Subscribe to our newsletter')
  await app.getByRole('button', { name: 'Actions for Storm report' }).click()
  await app.getByRole('menuitem', { name: 'Read again as…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Read again as' })
  expect(await violations(app)).toEqual([])
  // The dialog starts from how the page was read: whole.
  const whole = dialog.getByRole('checkbox', { name: 'The whole web page, not only its article' })
  await expect(whole).toBeChecked()
  await whole.uncheck()
  await dialog.getByRole('button', { name: 'Read again' }).click()
  await expect(dialog).toBeHidden()
  await expect(article).not.toContainText('Subscribe to our newsletter')
  await expect(article).toContainText('Ferries will resume')
})

test('the import results say how a file was read when the reader should know', async ({ app }) => {
  // Windows-1252 text without a declaration: its encoding is a guess, and the results say so.
  const bytes = Buffer.from(
    'Caf\xe9 owners met the mayor \x96 a \x93first\x94 step.\n\nMore text follows here.',
    'latin1'
  )
  await app
    .getByLabel('Import files')
    .setInputFiles([{ name: 'cafe.txt', mimeType: 'text/plain', buffer: bytes }])
  await expect(app.locator('.outcome.imported .outcome-note')).toHaveText(
    'Decoded as windows-1252 (guessed).'
  )
})
