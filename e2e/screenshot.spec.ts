import { expect, test } from './fixtures'
import { importArticles, selectText } from './helpers'

/** Builds the state shown in the README's screenshot: the sample workspace, read side by side, with tagged highlights. */
test('the main screen with the sample workspace, two sources side by side and tagged highlights', async ({
  app
}) => {
  await app.setViewportSize({ width: 1440, height: 860 })
  await app.getByRole('button', { name: 'Open the sample workspace' }).click()
  const ledger = app.getByRole('article', { name: /^Cyberattack halts cranes/ })
  await expect(ledger).toBeVisible()
  await app.getByRole('button', { name: /^Open beside EXCLUSIVE: Foreign state/ }).click()
  const blog = app.getByRole('article', { name: /^EXCLUSIVE: Foreign state/ })
  await expect(blog).toBeVisible()

  const mark = async (
    article: typeof blog,
    phrase: string,
    color: string,
    tag: string,
    note = ''
  ): Promise<void> => {
    await selectText(article, phrase)
    await app
      .getByRole('toolbar', { name: 'Highlight selection' })
      .getByRole('radio', { name: color })
      .click()
    await app.keyboard.press('h')
    const editor = app.getByRole('region', { name: 'Selected highlight' })
    await expect(editor).toContainText(phrase)
    await editor.getByRole('combobox', { name: 'Tags' }).fill(tag)
    await editor.getByRole('combobox', { name: 'Tags' }).press('Enter')
    await expect(editor.getByRole('list', { name: 'Applied tags' })).toContainText(tag)
    if (note) {
      await editor.getByRole('textbox', { name: 'Note' }).fill(note)
      await editor.getByRole('textbox', { name: 'Note' }).blur()
    }
  }
  await mark(ledger, '"a deliberate intrusion"', 'Yellow', 'Attribution/Official')
  await mark(ledger, 'navigation and safety systems run on a separate network', 'Green', 'Safety')
  await mark(
    blog,
    'carried out by hackers working for a foreign government',
    'Pink',
    'Attribution/Unverified',
    'Anonymous insiders only. CERT (7 Mar) found no evidence of a state actor.'
  )
  await mark(blog, '"seconds away"', 'Orange', 'Safety')
  await app.getByRole('combobox', { name: 'Tags' }).blur()
  await app.getByRole('list', { name: 'Highlights' }).getByRole('button').first().click()
  await app.screenshot({ path: 'docs/screenshot.png' })
})

test('the compare view: a rewrite and the release it copies, side by side', async ({ app }) => {
  await importArticles(app)
  await app
    .getByRole('list', { name: 'Library' })
    .getByRole('button', { name: /^Poaching crackdown/ })
    .click()
  const edited = app.getByRole('article', { name: /^Poaching crackdown/ })
  await edited
    .locator('.reader-links li', { hasText: 'Press release' })
    .getByRole('button', { name: 'Compare' })
    .click()
  await expect(app.getByRole('article', { name: /^Press release/ })).toBeVisible()
  await expect(app.locator('.shared-marker')).toHaveCount(2)
  await edited.focus()
  await app.keyboard.press('j')
  await expect(app.locator('.shared-marker.current')).toHaveCount(2)
  await app.screenshot({ path: 'docs/compare.png' })
})
