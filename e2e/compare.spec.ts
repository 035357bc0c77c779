import { expect, test } from './fixtures'
import { importArticles, openDoc, paintedText, selectText, violations } from './helpers'

test('compares two derived documents side by side, steps between their shared passages, and confirms the derivation', async ({
  app
}) => {
  await importArticles(app)
  const library = app.getByRole('navigation', { name: 'Library pane' })
  await expect(library.locator('.library-count')).toHaveText('6 documents · 6 origins')

  // The details of the rewrite say what it shares with the release, and propose a derivation.
  await openDoc(app, 'Poaching crackdown')
  const edited = app.getByRole('article', { name: /^Poaching crackdown/ })
  const links = edited.locator('.reader-links')
  const toRelease = links.getByRole('listitem').filter({ hasText: 'Press release' })
  await expect(toRelease).toContainText(
    /Shares 1 passage \(\d+ words\) with Press release from the Ministry .* — likely derived/
  )

  // Compare: the release opens beside it, the shared passage is marked in both panes.
  await toRelease.getByRole('button', { name: 'Compare' }).click()
  const release = app.getByRole('article', { name: /^Press release/ })
  await expect(release).toBeVisible()
  await expect(app.getByRole('toolbar', { name: 'Shared passages' }).first()).toContainText(
    /Shared 1 of 1 · \d+ words · \d+% identical/
  )
  await expect
    .poll(async () => (await paintedText(app, 'wb-shared-current')).join(' | '))
    .toMatch(/tracking data every twelve hours.*\|.*tracking data every six hours/s)
  // Inside the edited passage, the words that differ are marked on both sides.
  const changed = (await paintedText(app, 'wb-shared-changed')).join(' ')
  expect(changed).toMatch(/twelve/)
  expect(changed).toMatch(/six/)
  expect(changed).not.toMatch(/Kessvik/)
  // A margin marker beside the passage in each pane; J brings the passage into view in both.
  await expect(app.locator('.shared-marker')).toHaveCount(2)
  await release.focus()
  await app.keyboard.press('j')
  await expect(app.locator('.shared-marker.current')).toHaveCount(2)
  for (const pane of [edited, release])
    await expect(
      pane.locator('p', { hasText: /tracking data every (twelve|six) hours/ })
    ).toBeInViewport()
  expect(await violations(app)).toEqual([])

  // The site's footer is boilerplate: counted behind a toggle, not marked until asked for.
  const bar = app.getByRole('toolbar', { name: 'Shared passages' }).first()
  await bar.getByLabel('Boilerplate (1 passage)').check()
  await expect(bar).toContainText('Shared 1 of 2')
  await expect(app.locator('.shared-marker')).toHaveCount(4)
  await bar.getByLabel(/Boilerplate/).uncheck()
  await expect(app.locator('.shared-marker')).toHaveCount(2)

  // A highlight of the statement in the release: the rewrite carries it, but as a likely copy
  // it repeats the claim and does not confirm it.
  await selectText(release, 'share vessel tracking data every six hours')
  await app.keyboard.press('h')
  await app.getByRole('combobox', { name: 'Tags' }).blur()
  const corroboration = app.getByLabel('Corroboration')
  await expect(corroboration).toContainText(
    'Also in 2 documents: all of its own origin (they repeat it, they do not confirm it).'
  )
  await expect(corroboration.getByRole('button', { name: /^Poaching crackdown/ })).toBeVisible()

  // The same claim, in the rewrite's own words: linked by hand, it shows in the sidebar.
  await selectText(edited, 'pay for two research cruises a year')
  await app.keyboard.press('h')
  await app.getByRole('combobox', { name: 'Tags' }).blur()
  await expect(
    app.getByRole('list', { name: 'Highlights' }).getByRole('button', { name: /research cruises/ })
  ).toBeVisible()
  await release.focus()
  await app
    .getByRole('list', { name: 'Highlights' })
    .getByRole('button', { name: /tracking data every six hours/ })
    .click()
  await app.getByLabel('Same claim as a highlight beside').selectOption({ index: 1 })
  await expect(corroboration).toContainText('The same claim as:')
  await expect(corroboration).toContainText('research cruises')
  await corroboration.getByRole('button', { name: /^Not the same claim as/ }).click()
  await expect(corroboration).not.toContainText('The same claim as:')

  // A derivation nothing proposed: from a source that was never imported.
  await edited.locator('.add-derivation summary').click()
  await edited.getByLabel('or a source never imported').fill('Harrowgate Fishing Cooperative')
  await edited.getByRole('button', { name: 'Confirm the derivation' }).click()
  await expect(edited.locator('.reader-links')).toContainText(
    'Derived from Harrowgate Fishing Cooperative (not imported)'
  )
  await app.keyboard.press('Control+z')
  await expect(edited.locator('.reader-links')).not.toContainText('Harrowgate Fishing Cooperative')

  // Confirming the derivation makes the two one origin.
  await toRelease.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(links).toContainText('Derived from Press release from the Ministry')
  await expect(library.locator('.library-count')).toHaveText('6 documents · 5 origins')
  await library.getByLabel('Sort by').selectOption('origin')
  await expect(library.locator('.origin-group')).toContainText('One origin · 2 documents')
  await expect(library.locator('.origin-group').getByRole('listitem')).toHaveCount(2)
  // …and the undo takes it back.
  await app.keyboard.press('Control+z')
  await expect(library.locator('.library-count')).toHaveText('6 documents · 6 origins')
  await app.screenshot({ path: 'test-results/compare.png' })
})
