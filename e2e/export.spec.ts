import { readFile } from 'node:fs/promises'
import { HtmlRenderer, Parser } from 'commonmark'
import { expect, file, test } from './fixtures'
import { importTwo, openDoc, selectText } from './helpers'

test('exports annotated notes from the Export dialog, with a live preview, and saves them', async ({
  app
}) => {
  await importTwo(app)
  await app
    .getByLabel('Import files')
    .setInputFiles([
      file(
        'hostile.txt',
        'Hostile source\nClick [here](http://evil.example) <script>alert(1)</script> # now'
      )
    ])
  for (const [title, phrase, tag] of [
    ['Cranes idle at Port Averly', 'a deliberate intrusion', 'Attribution/Official'],
    [
      'Hostile source',
      'Click [here](http://evil.example) <script>alert(1)</script>',
      'Sources/Hostile'
    ]
  ]) {
    await openDoc(app, title)
    await selectText(app.getByRole('article', { name: title }), phrase)
    await app.keyboard.press('h')
    const editor = app.getByRole('region', { name: 'Selected highlight' })
    await expect(editor).toContainText(phrase)
    await editor.getByRole('combobox', { name: 'Tags' }).fill(tag)
    await editor.getByRole('combobox', { name: 'Tags' }).press('Enter')
    await expect(editor.getByRole('list', { name: 'Applied tags' })).toContainText(tag)
  }

  await app.getByRole('button', { name: 'Export…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Export' })
  const preview = dialog.getByLabel('Preview')
  // Rendered: headings, quotes and tags as they will read.
  await expect(preview.getByRole('heading', { name: 'Analyst Workbench notes' })).toBeVisible()
  await expect(preview.locator('blockquote').first()).toHaveText('a deliberate intrusion')
  await expect(preview).toContainText('#Attribution/Official')
  await dialog.getByRole('radio', { name: 'By theme' }).check()
  await expect(preview.getByRole('heading', { name: 'Attribution/Official' })).toBeVisible()
  await dialog.getByRole('radio', { name: 'Chosen themes' }).check()
  await expect(dialog.getByText('Choose at least one theme.')).toBeVisible()
  await dialog
    .getByRole('group', { name: 'Themes to export' })
    .getByRole('checkbox', { name: 'Sources', exact: true })
    .check()
  await expect(preview).not.toContainText('deliberate intrusion')
  // The source's text shows as it was written: no link, no script.
  await expect(preview).toContainText('Click [here](http://evil.example) <script>alert(1)</script>')
  await expect(preview.getByRole('link')).toHaveCount(0)
  await app.screenshot({ path: 'docs/export.png' })
  // Show Markdown: the text as it will be saved.
  await dialog.getByRole('button', { name: 'Show Markdown' }).click()
  await expect(dialog.getByRole('button', { name: 'Show Markdown' })).toHaveAttribute(
    'aria-pressed',
    'true'
  )
  await expect(preview).toContainText(
    'Click \\[here\\](http\\://evil.example) \\<script\\>alert(1)\\</script\\>'
  )
  await expect(preview).toContainText('## Sources/Hostile')

  const downloading = app.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save…' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^analyst-workbench-notes-\d{4}-\d{2}-\d{2}\.md$/)
  const saved = await readFile(await download.path(), 'utf8')
  expect(saved).toContain('scope: "tags Sources"')
  const html = new HtmlRenderer().render(new Parser().parse(saved))
  expect(html).not.toMatch(/<script|<a |<img/)
  expect(html).toContain('Click [here](http://evil.example) &lt;script&gt;alert(1)&lt;/script&gt;')
  await expect(dialog).toBeHidden()
  await expect(
    app.getByRole('status').filter({ hasText: /^Exported analyst-workbench-notes-/ })
  ).toBeVisible()
})

test('renders Markdown notes in the preview without links to follow or images to load', async ({
  app
}) => {
  await importTwo(app)
  await openDoc(app, 'Cranes idle at Port Averly')
  await selectText(
    app.getByRole('article', { name: 'Cranes idle at Port Averly' }),
    'a deliberate intrusion'
  )
  await app.keyboard.press('h')
  const note = app
    .getByRole('region', { name: 'Selected highlight' })
    .getByRole('textbox', { name: 'Note' })
  await note.fill(
    '**Check** with [CERT](https://cert.example/report) ![their chart](https://cert.example/chart.png) <img src="https://cert.example/x.png">'
  )
  await note.blur()
  await expect(
    app.getByRole('region', { name: 'Selected highlight' }).getByText('Saved')
  ).toBeVisible()
  await app.getByRole('button', { name: 'Export…' }).click()
  const preview = app.getByRole('dialog', { name: 'Export' }).getByLabel('Preview')
  await expect(preview.locator('strong')).toHaveText('Check')
  await expect(preview).toContainText('CERT (https://cert.example/report)')
  await expect(preview).toContainText('[image: their chart]')
  await expect(preview.getByRole('link')).toHaveCount(0)
  await expect(preview.locator('img')).toHaveCount(0)
  // The harness fails the test on any request outside the app, such as an image loaded.
})

test('exports CSV and a full backup, and copies a passage and a theme as Markdown', async ({
  app,
  context
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await importTwo(app)
  await openDoc(app, 'Cranes idle at Port Averly')
  await selectText(
    app.getByRole('article', { name: 'Cranes idle at Port Averly' }),
    'no ship, crew member or cargo had been harmed'
  )
  await app.keyboard.press('h')
  const editor = app.getByRole('region', { name: 'Selected highlight' })
  await editor.getByRole('combobox', { name: 'Tags' }).fill('Safety')
  await editor.getByRole('combobox', { name: 'Tags' }).press('Enter')
  await expect(editor.getByRole('list', { name: 'Applied tags' })).toContainText('Safety')
  await editor.getByRole('button', { name: 'Copy as Markdown' }).click()
  await expect(
    app.getByRole('status').filter({ hasText: 'Copied the passage as Markdown.' })
  ).toBeVisible()
  const copied = await app.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain('# Cranes idle at Port Averly')
  expect(copied).toContain('> no ship, crew member or cargo had been harmed')
  expect(copied).toContain('#Safety')

  await app.getByRole('button', { name: 'Themes' }).click()
  await app
    .getByRole('list', { name: 'Tags' })
    .getByRole('button', { name: /^Safety/ })
    .click()
  await app.getByRole('button', { name: 'Copy as Markdown' }).click()
  await expect.poll(() => app.evaluate(() => navigator.clipboard.readText())).toContain('# Safety')

  await app.getByRole('button', { name: 'Export…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Export' })
  await dialog
    .getByLabel('Format')
    .selectOption({ label: 'Tagged passages for a spreadsheet (.csv)' })
  await expect(dialog.getByLabel('Preview')).toContainText(
    'document,document_id,tag,quote,note,start,end'
  )
  let downloading = app.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save…' }).click()
  const csv = await readFile(await (await downloading).path(), 'utf8')
  expect(csv.startsWith('\uFEFFdocument,document_id,tag,quote')).toBe(true)
  expect(csv).toContain(',Safety,"no ship, crew member or cargo had been harmed",')

  await app.getByRole('button', { name: 'Export…' }).click()
  await dialog.getByLabel('Format').selectOption({ label: 'Full backup of the workspace (.json)' })
  await expect(dialog.getByText(/2 documents, 1 passage/)).toBeVisible()
  downloading = app.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save…' }).click()
  const dump = JSON.parse(await readFile(await (await downloading).path(), 'utf8'))
  expect(dump).toMatchObject({ format: 'analyst-workbench-export', version: 2 })
  expect(dump.workspace.documents).toHaveLength(2)

  await app.getByRole('button', { name: 'Export…' }).click()
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('restores a full backup into the empty workspace of a new installation', async ({ app }) => {
  // A backup made elsewhere: one document with a tagged, annotated passage.
  const { mkdtemp, rm } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { createWorkbench } = await import('../src/core/workbench')
  const { WORKER } = await import('./fixtures')
  const dir = await mkdtemp(join(tmpdir(), 'backup-src-'))
  const source = await createWorkbench(dir, { parserWorker: { file: WORKER } })
  const outcome = await source.importFile({
    name: 'wire.txt',
    data: new TextEncoder().encode(
      'Port Averly halts container traffic\nRansomware stopped the cranes.'
    )
  })
  if (outcome.status !== 'imported') throw new Error('import failed')
  const tag = (await source.createTag({ path: 'Method/Ransomware' })).value
  const { text } = await source.getDocument(outcome.document.id)
  const at = text.indexOf('Ransomware')
  await source.createAnnotation({
    docId: outcome.document.id,
    start: at,
    end: at + 10,
    tags: [tag.id],
    note: 'Named by the wire only'
  })
  const backup = (await source.exportWorkspace({ format: 'json' })).content
  await source.close()
  await rm(dir, { recursive: true, force: true })

  await app
    .getByLabel('Backup file to restore')
    .setInputFiles([file('backup.json', backup, 'application/json')])
  await expect(
    app
      .getByRole('status')
      .filter({ hasText: 'Restored 1 documents and 1 highlights from backup.json.' })
  ).toBeVisible()
  await openDoc(app, 'Port Averly halts container traffic')
  await expect(app.getByRole('list', { name: 'Highlights' })).toContainText(
    'Named by the wire only'
  )
  await expect(app.getByRole('list', { name: 'Highlights' })).toContainText('#Method/Ransomware')
})
