import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Characters on the first line of the longest paragraph shown in a reader. */
function charsPerLine(article: Locator): Promise<number> {
  return article.evaluate((el) => {
    const paragraphs = Array.from(el.querySelectorAll<HTMLElement>('.reader-body p'))
    const p = paragraphs.sort((a, b) => b.textContent.length - a.textContent.length)[0]
    const node = p.firstChild as Text
    const range = document.createRange()
    let top: number | null = null
    let n = 0
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i)
      range.setEnd(node, i + 1)
      const box = range.getClientRects()[0]
      if (!box) continue
      if (top === null) top = box.top
      else if (Math.abs(box.top - top) > 2) break
      n++
    }
    return n
  })
}

const noSideScroll = (app: Page): Promise<boolean> =>
  app.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)

async function twoSamplePanes(app: Page): Promise<[Locator, Locator]> {
  await app.getByRole('button', { name: 'Open the sample workspace' }).click()
  const ledger = app.getByRole('article', { name: /^Cyberattack halts cranes/ })
  await expect(ledger).toBeVisible()
  await app.getByRole('button', { name: /^Open beside EXCLUSIVE: Foreign state/ }).click()
  const blog = app.getByRole('article', { name: /^EXCLUSIVE: Foreign state/ })
  await expect(blog).toBeVisible()
  return [ledger, blog]
}

test.describe('on a small laptop screen (1024×640)', () => {
  test.use({ viewport: { width: 1024, height: 640 } })

  test('the window never scrolls sideways, and two panes are readable with the panels folded away', async ({
    app
  }) => {
    expect(await noSideScroll(app)).toBe(true)
    const [ledger, blog] = await twoSamplePanes(app)
    expect(await noSideScroll(app)).toBe(true)
    // Every toolbar control is reachable: what does not fit is in the ⋯ menu.
    const banner = app.getByRole('banner')
    await expect(banner.getByRole('searchbox', { name: 'Search' })).toBeInViewport({ ratio: 1 })
    for (const name of ['Import', 'Undo', 'Redo', 'More actions'])
      await expect(banner.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 })
    await app.getByRole('button', { name: 'More actions' }).click()
    await expect(app.getByRole('menuitem', { name: 'Export…' })).toBeVisible()
    await expect(app.getByRole('menuitem', { name: 'Import folder…' })).toBeVisible()
    await app.keyboard.press('Escape')
    await app.screenshot({ path: 'test-results/screens/1024-two-panes.png' })

    await app.keyboard.press('Control+b')
    await expect(app.getByRole('navigation', { name: 'Library pane' })).toBeHidden()
    await app.keyboard.press('Control+Alt+b')
    await expect(app.getByRole('complementary')).toBeHidden()
    expect(await noSideScroll(app)).toBe(true)
    expect(await charsPerLine(ledger)).toBeGreaterThanOrEqual(45)
    expect(await charsPerLine(blog)).toBeGreaterThanOrEqual(45)
    // Both pane titles stay in view, on one line with the source and date.
    await expect(app.locator('.pane-title')).toHaveCount(2)
    for (const title of await app.locator('.pane-title').all()) await expect(title).toBeInViewport()
    await app.screenshot({ path: 'test-results/screens/1024-two-panes-folded.png' })

    await app.getByRole('button', { name: 'Library panel' }).click()
    await expect(app.getByRole('navigation', { name: 'Library pane' })).toBeVisible()
    await app.getByRole('button', { name: 'Annotations panel' }).click()
    await expect(app.getByRole('complementary')).toBeVisible()
  })
})

test('two panes at 1280×800 show at least 45 characters a line with the library folded', async ({
  app
}) => {
  const [ledger, blog] = await twoSamplePanes(app)
  expect(await noSideScroll(app)).toBe(true)
  await app.screenshot({ path: 'test-results/screens/1280-two-panes.png' })
  await app.getByRole('button', { name: 'Library panel' }).click()
  expect(await charsPerLine(ledger)).toBeGreaterThanOrEqual(45)
  expect(await charsPerLine(blog)).toBeGreaterThanOrEqual(45)
  await app.screenshot({ path: 'test-results/screens/1280-two-panes-folded.png' })
})

test('open panes, the active pane, the view and the panels come back after a reload', async ({
  app
}) => {
  await twoSamplePanes(app)
  const wire = /^Open beside Port Averly/
  await app.getByRole('button', { name: wire }).click()
  await expect(app.getByRole('article')).toHaveCount(3)
  // The first pane active, the sidebar folded, the Themes view shown.
  await app.getByRole('article', { name: /^Cyberattack halts cranes/ }).focus()
  await app.keyboard.press('Control+Alt+b')
  await app.getByRole('button', { name: 'Themes' }).click()
  await app.reload()
  await expect(app.getByRole('button', { name: 'Themes' })).toHaveAttribute('aria-pressed', 'true')
  await app.getByRole('button', { name: 'Documents' }).click()
  await expect(app.getByRole('article')).toHaveCount(3)
  await expect(app.locator('.pane-title')).toHaveText([
    /^Cyberattack halts cranes/,
    /^EXCLUSIVE: Foreign state/,
    /^Port Averly/
  ])
  await expect(app.locator('.pane.active .pane-title')).toHaveText(/^Cyberattack halts cranes/)
  await expect(app.getByRole('complementary')).toBeHidden()
})

test('the toolbar fits at every common laptop and desktop width, in every view', async ({
  app
}) => {
  await app.getByRole('button', { name: 'Open the sample workspace' }).click()
  await expect(app.getByRole('article')).toHaveCount(1)
  const banner = app.getByRole('banner')
  for (const width of [1024, 1152, 1280, 1366, 1440, 1536, 1600, 1920]) {
    await app.setViewportSize({ width, height: 760 })
    for (const view of ['Documents', 'Themes', 'Analysis']) {
      await banner.getByRole('button', { name: view, exact: true }).click()
      expect(await noSideScroll(app), `${view} at ${width} px scrolls sideways`).toBe(true)
      for (const name of ['Import', 'Undo', 'More actions'])
        await expect(banner.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 })
    }
  }
})
