import { expect, file, test } from './fixtures'
import { importTwo, LEDGER, openDoc, paintedText, selectText } from './helpers'

const LEDGER_TITLE = 'Cranes idle at Port Averly'

test('Enter takes the highlighted tag; a new tag is only made from the explicit Create entry', async ({
  app,
  workbench
}) => {
  await workbench.createTag({ path: 'Claims/Figures' })
  await importTwo(app)
  await openDoc(app, LEDGER_TITLE)
  await selectText(app.getByRole('article', { name: LEDGER_TITLE }), 'a deliberate intrusion')
  await app.keyboard.press('h')
  const editor = app.getByRole('region', { name: 'Selected highlight' })
  const box = editor.getByRole('combobox', { name: 'Tags' })
  await expect(box).toBeFocused()
  await box.pressSequentially('Claims/Fig')
  const options = editor.getByRole('option')
  await expect(options).toHaveText(['Claims/Figures', 'Create “Claims/Fig”'])
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await box.press('Enter')
  await expect(editor.getByRole('list', { name: 'Applied tags' })).toHaveText(/^Claims\/Figures/)
  // Creating is a choice of its own: ↓ to "Create …", then Enter.
  await box.pressSequentially('Claims/Fig')
  await expect(options).toHaveText(['Create “Claims/Fig”'])
  await box.press('Enter')
  await expect(editor.getByRole('list', { name: 'Applied tags' })).toContainText('Claims/Fig')
  await expect
    .poll(async () => (await workbench.listTags()).map((t) => t.path))
    .toEqual(['Claims', 'Claims/Fig', 'Claims/Figures'])
  // The list closes when focus leaves the box.
  await box.pressSequentially('Cl')
  await expect(editor.getByRole('listbox')).toBeVisible()
  await box.press('Tab')
  await expect(editor.getByRole('listbox')).toBeHidden()
})

test("text selected just after H stays selected: the new highlight's Tags box does not take it", async ({
  app
}) => {
  await importTwo(app)
  await openDoc(app, LEDGER_TITLE)
  const article = app.getByRole('article', { name: LEDGER_TITLE })
  // H, then a new selection in the same moment, before the frame that brings the Tags box.
  await article.evaluate((el) => {
    const select = (phrase: string): void => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.textContent ?? '').indexOf(phrase)
        if (i < 0) continue
        const range = document.createRange()
        range.setStart(n, i)
        range.setEnd(n, i + phrase.length)
        document.getSelection()?.removeAllRanges()
        document.getSelection()?.addRange(range)
        return
      }
    }
    ;(el.closest<HTMLElement>('[tabindex]') ?? el).focus()
    select('Container handling stopped early on Tuesday')
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', code: 'KeyH', bubbles: true }))
    select('stopped early')
  })
  await expect(app.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(1)
  await expect(app.getByRole('region', { name: 'Selected highlight' })).toBeVisible()
  await expect(app.getByRole('combobox', { name: 'Tags' })).not.toBeFocused()
  expect(await app.evaluate(() => document.getSelection()?.toString())).toBe('stopped early')
  await app
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('radio', { name: 'Pink' })
    .click()
  await app.keyboard.press('h')
  await expect.poll(() => paintedText(app, 'wb-pink')).toEqual(['stopped early'])
})

test.describe('while a highlight is still being saved', () => {
  // Long enough that typing and checking finish first on a loaded two-core runner (800 ms was not).
  test.use({ callDelaysMs: { createAnnotation: 3000 } })

  test('text typed into its Tags box is kept, and the tag applied once it is saved', async ({
    app
  }) => {
    await importTwo(app)
    await openDoc(app, LEDGER_TITLE)
    await selectText(app.getByRole('article', { name: LEDGER_TITLE }), 'a deliberate intrusion')
    await app.keyboard.press('h')
    const list = app.getByRole('list', { name: 'Highlights' }).getByRole('listitem')
    await app.keyboard.type('Method')
    // Still being saved: not listed yet, and what was typed is in the box.
    await expect(list).toHaveCount(0)
    const box = app.getByRole('combobox', { name: 'Tags' })
    await expect(box).toHaveValue('Method')
    await expect(list).toHaveCount(1)
    await expect(box).toHaveValue('Method')
    await box.press('Enter')
    await expect(list).toContainText('#Method')
  })
})

test('Ctrl+Z says which view a change was made in before undoing it there', async ({ app }) => {
  await importTwo(app)
  await app.getByRole('button', { name: 'Memos' }).click()
  await app.getByRole('button', { name: 'New memo' }).click()
  const text = app.getByRole('textbox', { name: 'Memo text' })
  await text.fill('CERT found no evidence of a state actor.')
  await text.blur()
  await expect(app.getByText('Saved')).toBeVisible()
  await app.getByRole('button', { name: 'Documents' }).click()
  await app.locator('body').click({ position: { x: 600, y: 790 } })
  await app.keyboard.press('Control+z')
  await expect(
    app
      .getByRole('status')
      .filter({ hasText: 'The last change, “edit memo”, was made in Memos. Press Ctrl+Z again' })
  ).toBeVisible()
  await app.getByRole('button', { name: 'Memos' }).click()
  await app.getByRole('region', { name: 'Memos' }).getByRole('button', { name: 'Memo 1' }).click()
  await expect(text).toHaveValue('CERT found no evidence of a state actor.')
  await app.getByRole('button', { name: 'Documents' }).click()
  await app.locator('body').click({ position: { x: 600, y: 790 } })
  await app.keyboard.press('Control+z')
  await app.keyboard.press('Control+z')
  await expect(
    app.getByRole('status').filter({ hasText: 'Undid: edit memo (made in Memos)' })
  ).toBeVisible()
  await app.getByRole('button', { name: 'Memos' }).click()
  await app.getByRole('region', { name: 'Memos' }).getByRole('button', { name: 'Memo 1' }).click()
  await expect(text).toHaveValue('')
})

test('info messages fade by themselves; errors stay until dismissed', async ({ app }) => {
  await importTwo(app)
  await openDoc(app, LEDGER_TITLE)
  const article = app.getByRole('article', { name: LEDGER_TITLE })
  await selectText(article, ' ')
  await app.keyboard.press('h')
  const error = app.getByRole('alert').filter({ hasText: 'Only white space is selected' })
  await expect(error).toBeVisible()
  await selectText(article, 'a deliberate intrusion')
  await app.keyboard.press('h')
  await app.getByRole('button', { name: 'Delete highlight' }).click()
  const info = app.getByRole('status').filter({ hasText: 'Delete highlight: done.' })
  await expect(info).toBeVisible()
  await expect(info).toBeHidden({ timeout: 20_000 })
  await expect(error).toBeVisible()
  await error.getByRole('button', { name: 'Dismiss' }).click()
  await expect(error).toBeHidden()
})

test('a fifth document beside four asks which to replace instead of dropping the oldest', async ({
  app
}) => {
  await app.getByRole('button', { name: 'Open the sample workspace' }).click()
  await expect(app.getByRole('article')).toHaveCount(1)
  const beside = app.getByRole('button', { name: /^Open beside / })
  for (let i = 1; i < 4; i++) await beside.nth(i).click()
  await expect(app.getByRole('article')).toHaveCount(4)
  const first = await app.locator('.pane-title').first().textContent()
  await beside.nth(4).click()
  const question = app.getByRole('alertdialog', { name: 'Every pane is in use' })
  await expect(question).toContainText('4 documents are open side by side')
  await expect(app.getByRole('article')).toHaveCount(4)
  await question.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.locator('.pane-title').first()).toHaveText(first ?? '')
  await beside.nth(4).click()
  await question.getByRole('button', { name: 'Open in its place' }).click()
  await expect(app.getByRole('article')).toHaveCount(4)
  await expect(app.locator('.pane.active .pane-title')).toHaveText(/^Statement by the Port/)
})

test('pane titles stay while text is selected and while stepping through matches', async ({
  app
}) => {
  await importTwo(app)
  await openDoc(app, LEDGER_TITLE)
  const pane = app.getByRole('region', { name: `Reader: ${LEDGER_TITLE}` })
  await selectText(app.getByRole('article', { name: LEDGER_TITLE }), 'harbour master')
  await expect(pane.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  await expect(pane.locator('.pane-title')).toHaveText(LEDGER_TITLE)
  await expect(pane.locator('.pane-title')).toBeVisible()
  await app.getByRole('searchbox', { name: 'Search' }).fill('harbour')
  await app.getByRole('list', { name: 'Search results' }).getByRole('button').first().click()
  await expect(pane.getByRole('toolbar', { name: 'Search matches' })).toBeVisible()
  await expect(pane.locator('.pane-title')).toBeVisible()
})

test('the sidebar names the document it shows', async ({ app }) => {
  await importTwo(app)
  await openDoc(app, LEDGER_TITLE)
  await expect(app.getByRole('complementary')).toContainText(`Document: ${LEDGER_TITLE}`)
  await openDoc(app, 'Foreign hackers hit Averly, insiders claim')
  await expect(app.getByRole('complementary')).toContainText(
    'Document: Foreign hackers hit Averly, insiders claim'
  )
})

test('the import report lists what was imported, each opening its document', async ({ app }) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([file('ledger.txt', LEDGER), file('bad.pdf', 'not a pdf')])
  const results = app.getByRole('region', { name: 'Import results' })
  await expect(results.getByRole('listitem')).toHaveText([
    /^Failed bad\.pdf: /,
    `Imported ledger.txt as “${LEDGER_TITLE}”`
  ])
  await results.getByRole('button', { name: LEDGER_TITLE }).click()
  await expect(app.getByRole('article', { name: LEDGER_TITLE })).toBeVisible()
  await expect.poll(() => paintedText(app, 'wb-yellow')).toEqual([])
})
