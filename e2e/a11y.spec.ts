import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { selectText, violations } from './helpers'

/** One main landmark and one level-one heading. */
async function expectOneMainAndH1(app: Page): Promise<void> {
  await expect(app.getByRole('main')).toHaveCount(1)
  await expect(app.getByRole('heading', { level: 1 })).toHaveCount(1)
}

test('every main screen passes axe-core with no violation', async ({ app }) => {
  // The empty library.
  await expect(app.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  await expectOneMainAndH1(app)
  expect(await violations(app)).toEqual([])

  // The library, with a document open.
  await app.getByRole('button', { name: 'Open the sample workspace' }).click()
  const article = app.getByRole('article', { name: /^Cyberattack halts cranes/ })
  await expect(article).toBeVisible()
  await expectOneMainAndH1(app)
  expect(await violations(app)).toEqual([])

  // The reader with highlights, two panes side by side, and the sidebar editing one of them.
  await app.getByRole('button', { name: /^Open beside EXCLUSIVE: Foreign state/ }).click()
  await expect(app.getByRole('article')).toHaveCount(2)
  for (const phrase of ['"a deliberate intrusion"', 'eleven cargo ships']) {
    await selectText(article, phrase)
    await app.keyboard.press('h')
    await expect(app.getByRole('region', { name: 'Selected highlight' })).toContainText(phrase)
  }
  const tags = app.getByRole('combobox', { name: 'Tags' })
  await tags.fill('Claims')
  await tags.press('Enter')
  await tags.fill('Cl')
  await expect(app.getByRole('listbox', { name: 'Tags suggestions' })).toBeVisible()
  await expectOneMainAndH1(app)
  expect(await violations(app)).toEqual([])
  // Highlights reach assistive technology: the paragraph describes the ones that start in it.
  await expect(article.locator('p', { hasText: 'Container handling' })).toHaveAccessibleDescription(
    'Highlighted: “"a deliberate intrusion"”. Highlighted: “eleven cargo ships”, tagged Claims.'
  )
  await tags.press('Escape')
  await selectText(article, 'cranes and trucks')
  await expect(app.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  expect(await violations(app)).toEqual([])

  // Search results, with matches marked in the reader.
  await app.getByRole('searchbox', { name: 'Search' }).fill('port')
  await app.getByRole('list', { name: 'Search results' }).getByRole('button').first().click()
  await expect(app.getByRole('toolbar', { name: 'Search matches' })).toBeVisible()
  await expectOneMainAndH1(app)
  expect(await violations(app)).toEqual([])
  await app.getByRole('searchbox', { name: 'Search' }).fill('')

  // Themes, with a theme chosen.
  await app.getByRole('button', { name: 'Themes' }).click()
  await app.getByRole('list', { name: 'Tags' }).getByRole('button').first().click()
  await expect(app.getByRole('heading', { name: /passages? on Claims/ })).toBeVisible()
  await expectOneMainAndH1(app)
  expect(await violations(app)).toEqual([])

  // Memos, with one being written.
  await app.getByRole('button', { name: 'Memos' }).click()
  await app.getByRole('button', { name: 'New memo' }).click()
  await expect(app.getByRole('textbox', { name: 'Memo text' })).toBeVisible()
  await expectOneMainAndH1(app)
  expect(await violations(app)).toEqual([])

  // The export dialog, and the list of shortcuts.
  await app.getByRole('button', { name: 'Export…' }).click()
  const exportDialog = app.getByRole('dialog', { name: 'Export' })
  await expect(exportDialog.getByLabel('Preview')).toBeVisible()
  expect(await violations(app)).toEqual([])
  await app.keyboard.press('Escape')
  // The dialog's close event comes a moment after Escape; until then the window's keys wait.
  // (Hidden as soon as it is closed; gone once the close event has reached the app.)
  await expect(exportDialog).toHaveCount(0)
  await expect(app.getByRole('button', { name: 'Export…' })).toBeFocused()
  await app.keyboard.press('?')
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  expect(await violations(app)).toEqual([])
})
