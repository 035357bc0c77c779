import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { paintedText } from './helpers'

/** Presses Tab until the focused element is named `name` (its label or text); fails if it never is. */
async function tabTo(app: Page, name: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await app.keyboard.press('Tab')
    const focused = await app.evaluate(() => {
      const el = document.activeElement
      return el?.getAttribute('aria-label') ?? el?.textContent ?? ''
    })
    if (name.test(focused)) return
  }
  throw new Error(`Tab never reached ${name}`)
}

/** The text of the block the keyboard caret is in. */
const caretBlock = (app: Page): Promise<string> =>
  app.evaluate(() => {
    const node = document.getSelection()?.focusNode
    const el = node instanceof Element ? node : node?.parentElement
    return el?.closest('[data-start]')?.textContent ?? ''
  })

test('codes passages without a mouse: find, open, select with the caret, highlight, tag, note, next highlight', async ({
  app
}) => {
  // A fresh start: the sample workspace, opened from the keyboard.
  await tabTo(app, /^Open the sample workspace$/)
  await app.keyboard.press('Enter')
  await expect(app.getByRole('article', { name: /^Cyberattack halts cranes/ })).toBeVisible()

  // Find a document: the search box, ↓ into the results, Enter opens the hit.
  await app.keyboard.press('Control+k')
  await app.keyboard.type('harbour master')
  const hits = app.getByRole('list', { name: 'Search results' }).getByRole('button')
  await expect(hits.first()).toBeVisible()
  await app.keyboard.press('ArrowDown')
  await expect(hits.first()).toBeFocused()
  await app.keyboard.press('Escape')
  await expect(app.getByRole('searchbox', { name: 'Search' })).toBeFocused()
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('Enter')
  const article = app.getByRole('article', { name: /^Cyberattack halts cranes/ })
  await expect(app.getByRole('toolbar', { name: 'Search matches' })).toBeVisible()

  // Into the reader: a focus ring, and a caret that the arrow keys move.
  await app.keyboard.press('Alt+1')
  await expect(article).toBeFocused()
  await expect(article).toHaveCSS('outline-style', 'solid')
  await expect(app.locator('.reader-caret')).toBeVisible()
  for (let i = 0; i < 12 && !(await caretBlock(app)).startsWith('Container handling'); i++)
    await app.keyboard.press('ArrowDown')
  expect(await caretBlock(app)).toMatch(/^Container handling/)
  await app.keyboard.press('Home')
  await app.keyboard.press('Control+Shift+ArrowRight')
  await app.keyboard.press('Control+Shift+ArrowRight')
  await expect(app.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  await app.screenshot({ path: 'test-results/screens/caret-selection.png' })

  // H highlights it, and focus goes to its Tags box; a new tag is created explicitly.
  await app.keyboard.press('h')
  await expect.poll(() => paintedText(app, 'wb-yellow')).toEqual(['Container handling'])
  const editor = app.getByRole('region', { name: 'Selected highlight' })
  await expect(editor.getByRole('combobox', { name: 'Tags' })).toBeFocused()
  await app.keyboard.type('Claims')
  await expect(editor.getByRole('option', { name: 'Create “Claims”' })).toBeVisible()
  await app.keyboard.press('Enter')
  await expect(editor.getByRole('list', { name: 'Applied tags' })).toHaveText(/Claims/)
  // Tab goes on to the note.
  await app.keyboard.press('Tab')
  await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused()
  await app.keyboard.type('The port calls it deliberate.')
  // Esc: back to the reader, the caret where it was.
  await app.keyboard.press('Escape')
  await expect(article).toBeFocused()

  // A second passage: the rest of the line after the caret; the existing tag is taken with Enter.
  await app.keyboard.press('Control+ArrowRight')
  await app.keyboard.press('Control+Shift+ArrowRight')
  await app.keyboard.press('Control+Shift+ArrowRight')
  await app.keyboard.press('h')
  await expect(editor.getByRole('combobox', { name: 'Tags' })).toBeFocused()
  await app.keyboard.type('clai')
  await app.keyboard.press('Enter')
  await expect(editor.getByRole('list', { name: 'Applied tags' })).toHaveText(/Claims/)
  const items = app.getByRole('list', { name: 'Highlights' }).getByRole('listitem')
  await expect(items).toHaveCount(2)
  await expect(items).toContainText(['#Claims', '#Claims'])
  await expect(items.first()).toContainText('The port calls it deliberate.')

  // ] and [ move from highlight to highlight.
  await app.keyboard.press('Escape')
  await expect(article).toBeFocused()
  await app.keyboard.press(']')
  await expect(editor.locator('blockquote')).toHaveText('Container handling')
  await app.keyboard.press(']')
  await expect(editor.locator('blockquote')).not.toHaveText('Container handling')
  await app.keyboard.press('[')
  await expect(editor.locator('blockquote')).toHaveText('Container handling')
  // T goes to the tags of the selected highlight.
  await app.keyboard.press('t')
  await expect(editor.getByRole('combobox', { name: 'Tags' })).toBeFocused()
})

test('? lists every keyboard shortcut', async ({ app }) => {
  await app.keyboard.press('?')
  const dialog = app.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  for (const does of ['Highlight the selection, then type its tags', 'Move the caret by word'])
    await expect(dialog).toContainText(does)
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
