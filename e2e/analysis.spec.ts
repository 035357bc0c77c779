import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { Workbench } from '../src/core/workbench'
import { expect, test } from './fixtures'
import { violations } from './helpers'

/**
 * The sample workspace with passages tagged through the core (as a session of reading would
 * leave it): causes, attribution and impact across the five demo documents, two sources graded.
 */
async function seed(app: Page, workbench: Workbench): Promise<Record<string, string>> {
  await app.getByRole('button', { name: 'Open the sample workspace' }).click()
  await expect(app.getByRole('article')).toHaveCount(1)
  const docs = await workbench.listDocuments()
  const tag = async (path: string): Promise<string> =>
    (await workbench.createTag({ path })).value.id
  const tags = {
    ransomware: await tag('Cause/Ransomware'),
    state: await tag('Cause/State actor'),
    impact: await tag('Impact'),
    attribution: await tag('Attribution')
  }
  const ids: Record<string, string> = {}
  const mark = async (title: RegExp, phrase: RegExp, tagIds: string[], key: string) => {
    const doc = docs.find((d) => title.test(d.title))
    if (!doc) throw new Error(`no document ${title}`)
    const { text } = await workbench.getDocument(doc.id)
    const m = phrase.exec(text)
    if (!m) throw new Error(`no ${phrase} in ${doc.title}`)
    ids[key] = (
      await workbench.createAnnotation({
        docId: doc.id,
        start: m.index,
        end: m.index + m[0].length,
        tags: tagIds
      })
    ).value.id
  }
  await mark(
    /^Port Averly container/,
    /[Rr]ansomware encrypted[^.]*/,
    [tags.ransomware, tags.impact],
    'wire'
  )
  await mark(/^Advisory/, /ransomware incident[^.]*/, [tags.ransomware], 'cert')
  await mark(/^EXCLUSIVE/, /[Ff]oreign[^.]*/, [tags.state, tags.attribution], 'blog')
  await mark(/^Cyberattack/, /deliberate intrusion[^.]*/, [tags.attribution], 'ledger')
  await mark(/^Cyberattack/, /ships?[^.]*/, [tags.impact], 'ships')
  await mark(
    /^Statement/,
    /unauthorised activity[^.]*/,
    [tags.impact, tags.ransomware],
    'authority'
  )
  const grade = async (title: RegExp, letter: 'B' | 'E') => {
    const doc = docs.find((d) => title.test(d.title))!
    const src = (await workbench.setDocumentSource(doc.id, title.source.slice(1, 12))).value.source!
    await workbench.gradeSource(src.id, letter, 'known record')
  }
  await grade(/^Port Averly container/, 'B')
  await grade(/^EXCLUSIVE/, 'E')
  // The app learns of changes made behind its back on a reload.
  await app.reload()
  await expect(app.getByRole('article')).toHaveCount(1)
  return ids
}

async function openAnalysis(app: Page, tab: string): Promise<void> {
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Analysis' })
    .click()
  await app.getByRole('tab', { name: tab }).click()
  await expect(app.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
}

test('the code matrix counts passages per tag and document; a cell opens its passages', async ({
  app,
  workbench
}) => {
  await app.setViewportSize({ width: 1280, height: 800 })
  await seed(app, workbench)
  await openAnalysis(app, 'Code matrix')
  const matrix = app.getByRole('table', { name: 'Code matrix: tags by documents' })
  await expect(matrix).toBeVisible()
  // Cause rolls up its two sub-tags: four passages, in four documents.
  const cause = matrix.getByRole('row', { name: /^Collapse Cause/ })
  await expect(cause.getByRole('button', { name: /^All 4 passages tagged Cause$/ })).toBeVisible()
  await matrix.getByRole('button', { name: 'Collapse Cause' }).press('Enter')
  await expect(matrix.getByRole('rowheader', { name: /Ransomware/ })).toHaveCount(0)
  await matrix.getByRole('button', { name: 'Expand Cause' }).click()
  await matrix
    .getByRole('button', {
      name: /^2 passages tagged Impact in Cyberattack|^1 passage tagged Impact in Cyberattack/
    })
    .click()
  const passages = app.getByRole('region', { name: /^Passages: Impact in Cyberattack/ })
  await expect(passages.getByRole('listitem')).toHaveCount(1)
  await expect(passages).toContainText('Cyberattack halts cranes')
  expect(await violations(app)).toEqual([])
  await app.screenshot({ path: 'docs/analysis-matrix.png' })

  // By grade, and filtered to reliable sources only.
  await app.getByRole('combobox', { name: 'Columns' }).selectOption('grades')
  const byGrade = app.getByRole('table', { name: 'Code matrix: tags by grades' })
  await expect(byGrade.getByRole('columnheader', { name: 'B–' })).toBeVisible()
  await expect(byGrade.getByRole('columnheader', { name: 'E–' })).toBeVisible()
  const downloading = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export CSV' }).click()
  const csv = await readFile(await (await downloading).path(), 'utf8')
  expect(csv).toMatch(/^\ufefftag,depth,.*B–/)

  // Opening a passage takes the reader to it.
  await app.getByRole('combobox', { name: 'Columns' }).selectOption('documents')
  await app.getByRole('button', { name: /^1 passage tagged Attribution in EXCLUSIVE/ }).click()
  await app.getByRole('button', { name: /^Open [Ff]oreign/ }).click()
  await expect(app.getByRole('region', { name: 'Selected highlight' })).toContainText(/[Ff]oreign/)
})

test('a matrix with more documents than fit shows the busiest hundred and says how many it left out', async ({
  app,
  workbench
}) => {
  const tag = (await workbench.createTag({ path: 'Delay' })).value.id
  // 103 notes, the first with three passages: it stays however the columns are cut.
  for (let i = 0; i < 103; i++) {
    const text = `Berth ${i} reopened late. Crane ${i} idle. Gate ${i} shut.`
    const r = await workbench.importFile({
      name: `berth-${String(i).padStart(3, '0')}.txt`,
      data: new TextEncoder().encode(text)
    })
    if (r.status !== 'imported') throw new Error(`berth ${i}: ${r.status}`)
    const phrases = i === 0 ? ['reopened late', 'idle', 'shut'] : ['reopened late']
    for (const p of phrases)
      await workbench.createAnnotation({
        docId: r.document.id,
        start: text.indexOf(p),
        end: text.indexOf(p) + p.length,
        tags: [tag]
      })
  }
  await app.reload()
  await openAnalysis(app, 'Code matrix')
  const matrix = app.getByRole('table', { name: 'Code matrix: tags by documents' })
  await expect(
    app.getByRole('status').filter({ hasText: 'Showing the 100 documents' })
  ).toContainText('3 more are left out here')
  // The hint offers the other axes; the row total still counts every passage.
  await expect(app.getByText(/choose Sources, Origins or Grades as columns/)).toBeVisible()
  await expect(matrix.getByRole('button', { name: 'All 105 passages tagged Delay' })).toBeVisible()
  await expect(matrix.getByRole('columnheader')).toHaveCount(102)
  await expect(matrix.getByRole('button', { name: /^3 passages tagged Delay in / })).toBeVisible()
  expect(await violations(app)).toEqual([])
})

test('co-occurrence: two tags on one highlight, on overlapping ones, or in one paragraph', async ({
  app,
  workbench
}) => {
  await seed(app, workbench)
  await openAnalysis(app, 'Co-occurrence')
  const table = app.getByRole('table', { name: 'Co-occurrence of tags, on one highlight' })
  await expect(table.getByRole('button', { name: 'Cause/Ransomware with Impact: 2' })).toBeVisible()
  await table.getByRole('button', { name: 'Cause/Ransomware with Impact: 2' }).click()
  const places = app.getByRole('region', { name: 'Together: Cause/Ransomware with Impact' })
  await expect(places.getByRole('heading')).toHaveText('2 places: Cause/Ransomware with Impact')
  expect(await violations(app)).toEqual([])
  await app.getByRole('radio', { name: 'In one paragraph' }).check()
  await expect(
    app.getByRole('table', { name: 'Co-occurrence of tags, in one paragraph' })
  ).toBeVisible()
})

test('frequencies as a chart and a table; the timeline with a date set and undone', async ({
  app,
  workbench
}) => {
  await app.setViewportSize({ width: 1280, height: 800 })
  const ids = await seed(app, workbench)
  await openAnalysis(app, 'Frequencies')
  const chart = app.getByRole('img', { name: 'Passages per tag, as bars' })
  await expect(chart).toBeVisible()
  // Bars take the tags' colours.
  const impact = (await workbench.listTags()).find((t) => t.path === 'Impact')!
  await expect(chart.locator(`rect[fill="${impact.color}"]`).first()).toBeVisible()
  const svg = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Save as SVG' }).click()
  expect(await readFile(await (await svg).path(), 'utf8')).toMatch(
    /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/
  )
  const png = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Save as PNG' }).click()
  const bytes = await readFile(await (await png).path())
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  await app.getByRole('radio', { name: 'Table' }).check()
  await expect(
    app.getByRole('table', { name: 'Passages per tag' }).getByRole('row', { name: /^Impact 3/ })
  ).toBeVisible()
  expect(await violations(app)).toEqual([])

  await openAnalysis(app, 'Timeline')
  await expect(app.getByLabel('Timeline of passages by tag')).toBeVisible()
  await expect(app.getByRole('button', { name: /^2025-03-04, Cause\/Ransomware/ })).toBeVisible()
  await app.screenshot({ path: 'docs/analysis-timeline.png' })
  await app.getByRole('radio', { name: 'Table' }).check()
  const table = app.getByRole('table', { name: 'Passages by date' })
  const cert = table.getByRole('row').filter({ hasText: 'ransomware incident' })
  // The advisory says "on 4 March 2025": a date stated in the passage.
  await expect(cert).toContainText('2025-03-04')
  await expect(cert).toContainText('stated in the passage')
  await cert.getByRole('button', { name: /^Change the date of/ }).click()
  await cert.getByLabel(/^Date of/).fill('2025-03-03')
  await cert.getByLabel(/^Date of/).press('Enter')
  await expect(cert).toContainText('2025-03-03')
  await expect(cert).toContainText('set by you')
  expect(await violations(app)).toEqual([])
  await app.keyboard.press('Control+z')
  await expect(table.getByRole('row').filter({ hasText: 'ransomware incident' })).toContainText(
    'stated in the passage'
  )
  expect(ids.cert).toBeTruthy()
})

test('builds an analysis of competing hypotheses from Themes with the keyboard, reads its report, undoes', async ({
  app,
  workbench
}) => {
  await app.setViewportSize({ width: 1280, height: 800 })
  await seed(app, workbench)
  await openAnalysis(app, 'Competing hypotheses')
  await app
    .getByRole('textbox', { name: 'Title of a new analysis' })
    .fill('Who is behind the attack?')
  await app.getByRole('textbox', { name: 'Its question' }).fill('Criminals or a state?')
  await app.getByRole('textbox', { name: 'Its question' }).press('Enter')
  await expect(app.getByRole('heading', { name: 'Who is behind the attack?' })).toBeVisible()
  for (const h of ['A criminal ransomware gang', 'A foreign state']) {
    await app.getByRole('textbox', { name: 'New hypothesis' }).fill(h)
    await app.getByRole('textbox', { name: 'New hypothesis' }).press('Enter')
    await expect(app.getByRole('listitem').filter({ hasText: h })).toBeVisible()
  }

  // Passages come from Themes, one key press each.
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Themes' })
    .press('Enter')
  // Ransomware has three passages, Attribution two: wait for the whole list before pressing.
  for (const [theme, n] of [
    ['Ransomware', 3],
    ['Attribution', 2]
  ] as const) {
    await app
      .getByRole('list', { name: 'Tags' })
      .getByRole('button', { name: new RegExp(`^${theme}`) })
      .press('Enter')
    const adds = app.getByRole('button', { name: 'Add to “Who is behind the attack?”' })
    await expect(adds).toHaveCount(n)
    for (let i = 0; i < n; i++) await adds.nth(i).press('Enter')
  }
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Analysis' })
    .press('Enter')
  const grid = app.getByRole('grid', { name: 'Ratings of Who is behind the attack?' })
  await expect(grid.locator('tbody').getByRole('rowheader')).toHaveCount(5)
  await app
    .getByRole('textbox', { name: 'New item of evidence' })
    .fill('No ransom note was published')
  await app.getByRole('textbox', { name: 'New item of evidence' }).press('Enter')
  await expect(grid.locator('tbody').getByRole('rowheader')).toHaveCount(6)

  // Rate with the keyboard: 2 = C, 5 = II, arrows move, 0 = NA, Delete clears.
  const first = grid.getByRole('gridcell', { name: /^E1 for H1/ })
  await first.focus()
  await app.keyboard.press('2')
  await expect(first).toHaveText('C')
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press('5')
  await expect(grid.getByRole('gridcell', { name: /^E1 for H2/ })).toHaveText('II')
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('4')
  await app.keyboard.press('ArrowLeft')
  await app.keyboard.press('2')
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('0')
  await expect(grid.getByRole('gridcell', { name: /^E3 for H1/ })).toHaveText('NA')
  await app.keyboard.press('Delete')
  await expect(grid.getByRole('gridcell', { name: /^E3 for H1: not rated/ })).toBeVisible()
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press('1')
  await expect(grid.getByRole('gridcell', { name: /^E5 for H2/ })).toHaveText('CC')

  // The gang leads: E1 and E2 are very and plainly inconsistent with a state.
  const ranking = app.getByRole('region', { name: 'Ranking' })
  await expect(ranking.getByRole('listitem').first()).toContainText('H1 A criminal ransomware gang')
  expect(await violations(app)).toEqual([])
  await app.getByRole('heading', { name: 'Who is behind the attack?' }).scrollIntoViewIfNeeded()
  await app.screenshot({ path: 'docs/analysis-ach.png' })

  // The report.
  const downloading = app.waitForEvent('download')
  await app.getByRole('button', { name: 'Export report' }).press('Enter')
  const report = await readFile(await (await downloading).path(), 'utf8')
  expect(report).toContain('# Who is behind the attack?')
  expect(report).toMatch(/\| E1 .*\| C \| II \|/)
  expect(report).toContain('No ransom note was published')

  // Undo the last rating.
  await app.keyboard.press('Control+z')
  await expect(grid.getByRole('gridcell', { name: /^E5 for H2: not rated/ })).toBeVisible()
})
