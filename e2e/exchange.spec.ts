import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Page } from '@playwright/test'
import { createWorkbench } from '../src/core/workbench'
import { expect, file, test, WORKER } from './fixtures'
import { violations } from './helpers'

const NS = 'xmlns="urn:QDA-XML:project:1.0"'
const G = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

async function openSample(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Open the sample workspace' }).click()
  await expect(app.getByRole('list', { name: 'Library' }).getByRole('button').first()).toBeVisible()
}

/** Opens the Exchange dialog from the ⋯ menu, with the keyboard. */
async function openExchange(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'More actions' }).focus()
  await app.keyboard.press('Enter')
  await app.getByRole('menuitem', { name: 'Exchange with another laptop…' }).focus()
  await app.keyboard.press('Enter')
  await expect(app.getByRole('dialog', { name: 'Exchange with another laptop' })).toBeVisible()
}

/** Saves what the next download brings, after `click`. */
async function downloaded(app: Page, click: () => Promise<void>) {
  const downloading = app.waitForEvent('download')
  await click()
  const download = await downloading
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) }
}

test('exports the workspace as a REFI-QDA project from the Export dialog', async ({ app }) => {
  await openSample(app)
  await app.getByRole('button', { name: 'Export…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Export' })
  await dialog.getByLabel('Format').selectOption({
    label: 'REFI-QDA project for ATLAS.ti, MAXQDA, NVivo, QualCoder (.qdpx)'
  })
  await expect(dialog).toContainText('ATLAS.ti, MAXQDA, NVivo, QualCoder and other QDA tools open')
  expect(await violations(app)).toEqual([])
  const saved = await downloaded(app, () => dialog.getByRole('button', { name: 'Save…' }).click())
  expect(saved.name).toMatch(/\.qdpx$/)
  expect(saved.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  const zip = await JSZip.loadAsync(saved.bytes)
  expect(await zip.file('project.qde')?.async('string')).toContain('<Project')
  await expect(
    app.getByRole('status').filter({ hasText: /^Exported .*\.qdpx: \d+ documents/ })
  ).toBeVisible()
  await expect(dialog).toBeHidden()
})

test('imports a QDA project made by another tool and reports what was left out', async ({
  app
}) => {
  const qde = `<?xml version="1.0" encoding="UTF-8"?>
<Project ${NS} name="From MAXQDA">
  <CodeBook><Codes><Code guid="${G(1)}" name="Attack" isCodable="true" color="#FF0000"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(2)}" name="Port report" plainTextPath="internal://${G(2)}.txt">
      <PlainTextSelection guid="${G(3)}" name="Ransomware" startPosition="0" endPosition="10">
        <Coding guid="${G(4)}"><CodeRef targetGUID="${G(1)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${G(5)}" startPosition="500" endPosition="900"/>
    </TextSource>
    <TextSource guid="${G(7)}" name="Ministry statement">
      <PlainTextContent>The ministry blamed a foreign state.</PlainTextContent>
      <PlainTextSelection guid="${G(8)}" name="a foreign state" startPosition="20" endPosition="35">
        <NoteRef targetGUID="${G(9)}"/>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes><Note guid="${G(9)}" name="on the claim"><PlainTextContent>Attribution without proof.</PlainTextContent></Note></Notes>
</Project>`
  const zip = new JSZip()
  zip.file('project.qde', qde)
  zip.file(`sources/${G(2)}.txt`, 'Ransomware hit the port of Averly on Monday.')
  const data = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })

  // Offered on the first screen and in the ⋯ menu; both open the same file picker.
  await expect(app.getByRole('button', { name: 'Import a QDA project…' })).toBeVisible()
  await app.getByRole('button', { name: 'More actions' }).click()
  await expect(app.getByRole('menuitem', { name: 'Import a QDA project…' })).toBeEnabled()
  await app.keyboard.press('Escape')
  const chooser = app.waitForEvent('filechooser')
  await app.getByRole('button', { name: 'Import a QDA project…' }).click()
  await (await chooser).setFiles([file('maxqda.qdpx', data)])
  const report = app.getByRole('dialog', { name: 'QDA project imported' })
  await expect(report.getByRole('heading', { name: 'Imported maxqda.qdpx' })).toBeVisible()
  await expect(report.getByRole('row', { name: 'Documents added 2' })).toBeVisible()
  await expect(report.getByRole('row', { name: /^Codes added to the codebook 1$/ })).toBeVisible()
  await expect(
    report.getByRole('row', { name: /^Coded selections, now highlights 2$/ })
  ).toBeVisible()
  const left = report.getByRole('region', { name: /Left out/ })
  await expect(left.getByRole('listitem')).toHaveCount(1)
  await expect(left).toContainText('Port report')
  expect(await violations(app)).toEqual([])
  await report.getByRole('button', { name: 'Close' }).click()
  await expect(report).toBeHidden()
  // The library shows the documents at once.
  const library = app.getByRole('list', { name: 'Library' })
  await expect(library.getByRole('button', { name: /^Ministry statement/ })).toBeVisible()
  await expect(library.getByRole('button', { name: /^Port report/ })).toBeVisible()

  // A file that is not a project: one sentence, nothing imported.
  await app.getByLabel('QDA project to import').setInputFiles([file('broken.qdpx', 'not a zip')])
  await expect(app.getByRole('alert').filter({ hasText: 'broken.qdpx' })).toBeVisible()
})

test('exchanges a case bundle with another laptop: export, merge preview, merge, undo, redo', async ({
  app,
  workbench
}) => {
  test.setTimeout(90_000)
  await openSample(app)
  // A highlight here, sent to the other laptop in the bundle.
  const docs = await workbench.listDocuments()
  const doc = docs[0]
  const { text } = await workbench.getDocument(doc.id)
  const quote = text.slice(0, 40).split('\n')[0]
  const sourceBefore = (await workbench.getDocumentReliability(doc.id)).source?.name ?? null
  const mine = (
    await workbench.createAnnotation({
      docId: doc.id,
      start: 0,
      end: quote.length,
      note: 'First reading.'
    })
  ).value

  await openExchange(app)
  const dialog = app.getByRole('dialog', { name: 'Exchange with another laptop' })
  await expect(dialog.getByRole('heading', { name: 'Export a case bundle' })).toBeVisible()
  await expect(dialog.getByRole('heading', { name: 'Merge a bundle' })).toBeVisible()
  await dialog.getByRole('radio', { name: 'Chosen documents' }).check()
  await expect(dialog.getByText('Choose at least one document.')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Save the bundle…' })).toBeDisabled()
  await dialog.getByRole('radio', { name: 'Whole workspace' }).check()
  expect(await violations(app)).toEqual([])
  const sent = await downloaded(app, () =>
    dialog.getByRole('button', { name: 'Save the bundle…' }).click()
  )
  expect(sent.name).toMatch(/\.awb$/)
  expect(sent.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
  await expect(dialog.getByRole('status').filter({ hasText: /^Saved .*\.awb: / })).toBeVisible()

  // The other laptop merges it, then edits the same highlight and adds a memo.
  const dir = await mkdtemp(join(tmpdir(), 'laptop-b-'))
  const other = await createWorkbench(dir, { parserWorker: { file: WORKER } })
  let answer: Uint8Array
  try {
    const first = await other.mergeBundle({ name: sent.name, data: sent.bytes }, {})
    expect(first.changed).toBe(true)
    // Both edit the same highlight after the exchange: here first, there later.
    await workbench.updateAnnotation(mine.id, { color: 'green', note: 'First reading.\nHere.' })
    await new Promise((r) => setTimeout(r, 20))
    const theirDoc = (await other.listDocuments()).find((d) => d.textSha256 === doc.textSha256)
    const theirs = (await other.listAnnotations(theirDoc!.id)).find((a) => a.quote.exact === quote)
    await other.updateAnnotation(theirs!.id, { color: 'pink', note: 'First reading.\nThere.' })
    await other.createMemo({ title: 'From laptop B', text: 'CERT found no state actor.' })
    // There, the document's source is named and graded, and the highlight graded.
    const source = (await other.setDocumentSource(theirDoc!.id, 'Harbour Desk')).value.source!
    await other.gradeSource(source.id, 'B', 'A long record on port news')
    await other.gradeHighlight(theirs!.id, 2, 'Confirmed by a second witness')
    answer = (await other.exportBundle({})).data
  } finally {
    await other.close()
    await rm(dir, { recursive: true, force: true })
  }

  // Back here: the Memos view behind the dialog shows what the merge changes.
  await dialog.getByRole('button', { name: 'Close' }).click()
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Memos' })
    .click()
  await expect(app.getByText('From laptop B')).toHaveCount(0)
  await openExchange(app)
  await dialog.getByLabel('Case bundle to merge').setInputFiles([file('from-b.awb', answer)])
  await expect(dialog.getByRole('heading', { name: 'Preview: merging from-b.awb' })).toBeVisible()
  const changes = dialog.getByRole('table', { name: 'What would change' })
  await expect(changes.getByRole('row', { name: /^Memos 1/ })).toBeVisible()
  await expect(changes.getByRole('row', { name: /^Highlights/ })).toBeVisible()
  await expect(changes.getByRole('row', { name: /^Sources 1/ })).toBeVisible()
  await expect(changes.getByRole('row', { name: /^Grades/ })).toBeVisible()
  const conflicts = dialog.getByRole('region', { name: 'Conflicts' })
  await expect(conflicts.getByRole('row', { name: /Highlight color/ })).toContainText('pink')
  await expect(conflicts.getByRole('row', { name: /Highlight color/ })).toContainText('green')
  // Named as a person knows it: the highlight's quote and its document.
  await expect(conflicts.getByRole('row', { name: /Highlight color/ })).toContainText(
    `“${quote.slice(0, 20)}`
  )
  await expect(conflicts.getByRole('row', { name: /Highlight color/ })).toContainText(doc.title)
  await expect(
    dialog.getByRole('region', { name: 'Notes merged with conflict marks' })
  ).toBeVisible()
  expect(await violations(app)).toEqual([])
  await app.screenshot({ path: 'docs/exchange.png' })
  // Nothing has changed yet.
  await expect(app.getByText('From laptop B')).toHaveCount(0)

  await dialog.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(dialog.getByRole('heading', { name: 'Merged from-b.awb' })).toBeVisible()
  await expect(dialog.getByRole('table', { name: 'What changed' })).toBeVisible()
  await expect(app.getByText('From laptop B').first()).toBeAttached()
  expect((await workbench.listAnnotations(doc.id)).find((a) => a.id === mine.id)?.color).toBe(
    'pink'
  )
  // The grades came with it: the source and its grade, and the highlight's own grade.
  const graded = await workbench.getDocumentReliability(doc.id)
  expect(graded.source?.name).toBe('Harbour Desk')
  expect(graded.highlightGrades[mine.id]?.credibility.current?.value).toBe(2)
  expect(await violations(app)).toEqual([])

  await dialog.getByRole('button', { name: 'Undo this merge' }).click()
  await expect(dialog.getByRole('heading', { name: 'Merge of from-b.awb undone' })).toBeVisible()
  await expect(dialog.getByText('The workspace is as it was before the merge')).toBeVisible()
  await expect(app.getByText('From laptop B')).toHaveCount(0)
  expect((await workbench.listAnnotations(doc.id)).find((a) => a.id === mine.id)?.color).toBe(
    'green'
  )
  expect((await workbench.getDocumentReliability(doc.id)).source?.name ?? null).toBe(sourceBefore)

  await dialog.getByRole('button', { name: 'Redo this merge' }).click()
  await expect(dialog.getByText(/^The merge was made again: /)).toBeVisible()
  await expect(app.getByText('From laptop B').first()).toBeAttached()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  await expect(app.getByText('From laptop B').first()).toBeVisible()
  // The library row shows the grade of the source that came with the bundle.
  await app
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Documents' })
    .click()
  const row = app
    .getByRole('list', { name: 'Library' })
    .getByRole('listitem')
    .filter({ hasText: doc.title })
  await expect(row.locator('.grade-badge')).toHaveText(/^B/)
})

test('a damaged bundle is refused in one sentence, and nothing changes', async ({ app }) => {
  await openSample(app)
  await openExchange(app)
  const dialog = app.getByRole('dialog', { name: 'Exchange with another laptop' })
  await dialog.getByLabel('Case bundle to merge').setInputFiles([file('bad.awb', 'PK nonsense')])
  await expect(dialog.getByRole('alert')).toContainText('bad.awb was not merged')
  await expect(dialog.getByRole('heading', { name: 'Export a case bundle' })).toBeVisible()
})
