import { expect, file, test } from './fixtures'
import { paintedText } from './helpers'

const WIRE = `Port Averly terminal shut by ransomware

Ransomware encrypted the computers that run the container terminal, sources said.

The attackers demanded 40 bitcoin. The port authority declined to comment on the ransomware demand.`
const ADVISORY = `Advisory on ransomware

Ransomware operators used a stolen remote-access password. No evidence links the incident to a state actor.`
const BLOG = `Foreign state behind port attack

Insiders say a foreign government carried out the attack.`

test('finds words as you type, grouped by document, and steps through every match in a document', async ({
  app
}) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([file('wire.txt', WIRE), file('advisory.txt', ADVISORY), file('blog.txt', BLOG)])
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(3)
  await app.keyboard.press('Control+k')
  const box = app.getByRole('searchbox', { name: 'Search' })
  await expect(box).toBeFocused()
  await box.pressSequentially('ransomw')
  const results = app.getByRole('list', { name: 'Search results' })
  const groups = results.getByRole('listitem').filter({ has: app.locator('.search-doc') })
  await expect(groups).toHaveCount(2)
  await expect(
    groups.filter({ hasText: 'Port Averly terminal shut by ransomware' })
  ).toHaveAccessibleName(/^Port Averly terminal shut by ransomware: \d+ hits?$/)
  await expect(results.locator('mark').first()).toHaveText(/^ransomware$/i)

  await box.fill('ransomware -evidence')
  await expect(groups).toHaveCount(1)
  await groups.filter({ hasText: 'Port Averly terminal' }).getByRole('button').first().click()
  const matchBar = app.getByRole('toolbar', { name: 'Search matches' })
  await expect(matchBar).toContainText('Match 1 of 3')
  await expect.poll(() => paintedText(app, 'wb-search-current')).toEqual(['ransomware'])
  await expect
    .poll(async () => (await paintedText(app, 'wb-search')).map((t) => t.toLowerCase()))
    .toEqual(['ransomware', 'ransomware'])
  await app.getByRole('article', { name: 'Port Averly terminal shut by ransomware' }).click()
  await app.keyboard.press('F3')
  await expect(matchBar).toContainText('Match 2 of 3')
  await matchBar.getByRole('button', { name: 'Next match' }).click()
  await expect(matchBar).toContainText('Match 3 of 3')
  await app.keyboard.press('Shift+F3')
  await expect(matchBar).toContainText('Match 2 of 3')
  await app.getByRole('button', { name: 'Dismiss import results' }).click()
  await app.screenshot({ path: 'docs/search.png' })
  await matchBar.getByRole('button', { name: 'Clear' }).click()
  await expect(matchBar).toBeHidden()
  await expect.poll(() => paintedText(app, 'wb-search')).toEqual([])
})

test('says what was wrong with a malformed query and still shows what it can', async ({ app }) => {
  // Typed while the import may still run: the results catch up when it finishes.
  await app.getByLabel('Import files').setInputFiles([file('blog.txt', BLOG)])
  await app.getByRole('searchbox', { name: 'Search' }).fill('"foreign government')
  await expect(
    app.getByRole('status').filter({ hasText: 'The closing quote is missing' })
  ).toBeVisible()
  await expect(app.getByRole('list', { name: 'Search results' }).getByRole('button')).toHaveCount(1)
  await app.getByRole('searchbox', { name: 'Search' }).fill('zzzyx')
  await expect(app.getByText('No matches.')).toBeVisible()
  await app.getByRole('searchbox', { name: 'Search' }).press('Escape')
  await expect(app.getByRole('list', { name: 'Library' })).toBeVisible()
})

test('filters results by tag, document and date', async ({ app, workbench }) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([
      file('wire.md', `---\ndate: 2025-03-05\n---\n${WIRE}`),
      file('advisory.md', `---\ndate: 2025-03-07\n---\n${ADVISORY}`)
    ])
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('listitem')).toHaveCount(2)
  const box = app.getByRole('searchbox', { name: 'Search' })
  const groups = app
    .getByRole('list', { name: 'Search results' })
    .getByRole('listitem')
    .filter({ has: app.locator('.search-doc') })
  await box.fill('ransomware ')
  await expect(groups).toHaveCount(2)
  await app.getByLabel('Published from').fill('2025-03-06')
  await expect(groups).toHaveCount(1)
  await expect(groups.first()).toHaveAccessibleName(/^Advisory on ransomware/)
  await app.getByLabel('Published from').fill('')
  await app
    .getByLabel('Filter by document')
    .selectOption({ label: 'Port Averly terminal shut by ransomware' })
  await expect(groups).toHaveCount(1)
  await expect(groups.first()).toHaveAccessibleName(/^Port Averly terminal/)
  await app.getByLabel('Filter by document').selectOption({ label: 'any' })
  await expect(groups).toHaveCount(2)

  // Tag a passage of the advisory (through the same API the app uses), then filter by the tag.
  const advisory = (await workbench.listDocuments()).find(
    (d) => d.title === 'Advisory on ransomware'
  )
  if (!advisory) throw new Error('advisory missing')
  const { text } = await workbench.getDocument(advisory.id)
  const tag = (await workbench.createTag({ path: 'Method/Stolen credentials' })).value
  const at = text.indexOf('stolen remote-access password')
  await workbench.createAnnotation({ docId: advisory.id, start: at, end: at + 29, tags: [tag.id] })
  await app.reload()
  await app.getByRole('searchbox', { name: 'Search' }).fill('ransomware ')
  await app.getByLabel('Filter by tag').selectOption({ label: 'Method' })
  await expect(groups).toHaveCount(1)
  await expect(groups.first()).toHaveAccessibleName(/^Advisory on ransomware/)
})
