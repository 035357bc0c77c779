import { copyFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createWorkbench } from '../src/core/workbench'
import { expect, file, test, WORKER } from './fixtures'
import { BLOG, importTwo, LEDGER, openDoc, paintedText, selectText } from './helpers'

test('highlights a selection, tags it, writes a note, and finds it all again after a reload', async ({
  app
}) => {
  await importTwo(app)
  await openDoc(app, 'Cranes idle at Port Averly')
  const article = app.getByRole('article', { name: 'Cranes idle at Port Averly' })
  await selectText(article, 'a deliberate intrusion')
  const bar = app.getByRole('toolbar', { name: 'Highlight selection' })
  await bar.getByRole('radio', { name: 'Green' }).click()
  await bar.getByRole('button', { name: 'Highlight' }).click()
  await expect.poll(() => paintedText(app, 'wb-green')).toEqual(['a deliberate intrusion'])

  const editor = app.getByRole('region', { name: 'Selected highlight' })
  await expect(editor.getByRole('radio', { name: 'Green' })).toBeChecked()
  const tags = editor.getByRole('combobox', { name: 'Tags' })
  await tags.fill('Claims/Attribution')
  await tags.press('Enter')
  await expect(editor.getByRole('list', { name: 'Applied tags' })).toHaveText(/Claims\/Attribution/)
  await tags.fill('Sources/Local press')
  await tags.press('Enter')
  await editor
    .getByRole('textbox', { name: 'Note' })
    .fill('The port calls it deliberate; nobody else does yet.')
  await editor.getByRole('textbox', { name: 'Note' }).blur()
  await expect(editor.getByText('Saved')).toBeVisible()

  await app.reload()
  await openDoc(app, 'Cranes idle at Port Averly')
  const list = app.getByRole('list', { name: 'Highlights' })
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(list.getByRole('listitem')).toContainText('“a deliberate intrusion”')
  await expect(list.getByRole('listitem')).toContainText('#Claims/Attribution #Sources/Local press')
  await expect(list.getByRole('listitem')).toContainText(
    'The port calls it deliberate; nobody else does yet.'
  )
  await expect.poll(() => paintedText(app, 'wb-green')).toEqual(['a deliberate intrusion'])
  await list.getByRole('button').click()
  await expect(
    app.getByRole('region', { name: 'Selected highlight' }).getByRole('textbox', { name: 'Note' })
  ).toHaveValue('The port calls it deliberate; nobody else does yet.')
  await expect.poll(() => paintedText(app, 'wb-selected')).toEqual(['a deliberate intrusion'])
})

test.describe('while the highlight is being saved', () => {
  test.use({ callDelaysMs: { createAnnotation: 700 } })

  test('shows it at once, lists it once saved, and takes it away if the save fails', async ({
    app
  }) => {
    await importTwo(app)
    await openDoc(app, 'Cranes idle at Port Averly')
    const article = app.getByRole('article', { name: 'Cranes idle at Port Averly' })
    const list = app.getByRole('list', { name: 'Highlights' }).getByRole('listitem')
    await selectText(article, 'a deliberate intrusion')
    await app.keyboard.press('h')
    // Painted while the save is still on its way; listed (and selected) once it is saved.
    await expect.poll(() => paintedText(app, 'wb-yellow')).toEqual(['a deliberate intrusion'])
    await expect(list).toHaveCount(0)
    await expect(list).toHaveCount(1)
    await expect.poll(() => paintedText(app, 'wb-selected')).toEqual(['a deliberate intrusion'])
    await expect.poll(() => paintedText(app, 'wb-yellow')).toEqual(['a deliberate intrusion'])

    // Only white space cannot be highlighted: painted for a moment, then taken away, with the reason.
    await selectText(article, ' ')
    await app.keyboard.press('h')
    await expect.poll(() => paintedText(app, 'wb-yellow')).toEqual([' ', 'a deliberate intrusion'])
    await expect(app.getByRole('alert')).toContainText('Only white space is selected')
    await expect.poll(() => paintedText(app, 'wb-yellow')).toEqual(['a deliberate intrusion'])
    await expect(list).toHaveCount(1)
  })
})

test('highlights with the H key, overlapping highlights, and selects a highlight by clicking it', async ({
  app
}) => {
  await importTwo(app)
  await openDoc(app, 'Cranes idle at Port Averly')
  const article = app.getByRole('article', { name: 'Cranes idle at Port Averly' })
  await selectText(article, 'Container handling stopped early on Tuesday')
  await app.keyboard.press('h')
  await selectText(article, 'stopped early')
  await app
    .getByRole('toolbar', { name: 'Highlight selection' })
    .getByRole('radio', { name: 'Pink' })
    .click()
  await app.keyboard.press('h')
  await expect
    .poll(() => paintedText(app, 'wb-yellow'))
    .toEqual(['Container handling stopped early on Tuesday'])
  await expect.poll(() => paintedText(app, 'wb-pink')).toEqual(['stopped early'])
  await expect(app.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(2)

  // H put focus in the new highlight's Tags box: Esc goes back to the reader, Esc again deselects.
  await expect(app.getByRole('combobox', { name: 'Tags' })).toBeFocused()
  await app.keyboard.press('Escape')
  await expect(article).toBeFocused()
  await app.keyboard.press('Escape')
  await expect(app.getByRole('region', { name: 'Selected highlight' })).toBeHidden()
  // A click inside both highlights selects the inner one; a click on "Container" the outer one.
  await article.getByText(/Container handling stopped/).click({ position: { x: 5, y: 8 } })
  await expect
    .poll(() => paintedText(app, 'wb-selected'))
    .toEqual(['Container handling stopped early on Tuesday'])
  await app
    .getByRole('region', { name: 'Selected highlight' })
    .getByRole('radio', { name: 'Blue' })
    .click()
  await expect
    .poll(() => paintedText(app, 'wb-blue'))
    .toEqual(['Container handling stopped early on Tuesday'])
})

test('reads two documents side by side and highlights in either', async ({ app }) => {
  await importTwo(app)
  await openDoc(app, 'Cranes idle at Port Averly')
  await app
    .getByRole('button', { name: 'Open beside Foreign hackers hit Averly, insiders claim' })
    .click()
  const ledger = app.getByRole('article', { name: 'Cranes idle at Port Averly' })
  const blog = app.getByRole('article', { name: 'Foreign hackers hit Averly, insiders claim' })
  await expect(ledger).toBeVisible()
  await expect(blog).toBeVisible()
  await expect(app.getByRole('article')).toHaveCount(2)

  await selectText(blog, 'working for a foreign government')
  await app
    .getByRole('region', { name: 'Reader: Foreign hackers hit Averly, insiders claim' })
    .getByRole('button', { name: 'Highlight' })
    .click()
  await selectText(ledger, 'no ship, crew member or cargo had been harmed')
  await app
    .getByRole('region', { name: 'Reader: Cranes idle at Port Averly' })
    .getByRole('button', { name: 'Highlight' })
    .click()
  await expect
    .poll(async () => (await paintedText(app, 'wb-yellow')).sort())
    .toEqual(['no ship, crew member or cargo had been harmed', 'working for a foreign government'])
  await expect(
    app.getByRole('complementary', { name: 'Annotations for Cranes idle at Port Averly' })
  ).toBeVisible()

  // Each pane scrolls on its own.
  const scrollers = app.locator('.pane-scroll')
  await scrollers.nth(0).evaluate((el) => (el.scrollTop = 40))
  expect(await scrollers.nth(1).evaluate((el) => el.scrollTop)).toBe(0)

  await app.screenshot({ path: 'docs/side-by-side.png' })
  await app
    .getByRole('button', { name: 'Close Foreign hackers hit Averly, insiders claim' })
    .click()
  await expect(app.getByRole('article')).toHaveCount(1)
})

test('finds tagged passages across documents under Themes and opens one at its passage', async ({
  app
}) => {
  await importTwo(app)
  for (const [title, phrase, tag] of [
    ['Cranes idle at Port Averly', 'a deliberate intrusion', 'Attribution/Official'],
    [
      'Foreign hackers hit Averly, insiders claim',
      'hackers working for a foreign government',
      'Attribution/Unverified'
    ],
    ['Foreign hackers hit Averly, insiders claim', 'seconds away from being taken over', 'Safety']
  ]) {
    await openDoc(app, title)
    await selectText(app.getByRole('article', { name: title }), phrase)
    await app.keyboard.press('h')
    await expect(app.getByRole('region', { name: 'Selected highlight' })).toContainText(phrase)
    const tags = app
      .getByRole('region', { name: 'Selected highlight' })
      .getByRole('combobox', { name: 'Tags' })
    await tags.fill(tag)
    await tags.press('Enter')
    await expect(
      app
        .getByRole('region', { name: 'Selected highlight' })
        .getByRole('list', { name: 'Applied tags' })
    ).toContainText(tag)
  }
  await app.getByRole('button', { name: 'Themes' }).click()
  const tree = app.getByRole('list', { name: 'Tags' })
  await expect(tree.getByRole('button')).toHaveText([
    'Attribution2',
    'Official1',
    'Unverified1',
    'Safety1'
  ])
  await tree.getByRole('button', { name: /^Attribution/ }).click()
  const passages = app.getByRole('region', { name: 'Passages tagged Attribution' })
  await expect(
    passages.getByRole('heading', { name: '2 passages on Attribution and its sub-tags' })
  ).toBeVisible()
  await expect(passages.locator('.passage-source')).toHaveText([
    'Cranes idle at Port Averly',
    'Foreign hackers hit Averly, insiders claim'
  ])
  await expect(passages.locator('.passage-tags')).toHaveText([
    '#Attribution/Official',
    '#Attribution/Unverified'
  ])
  await app.screenshot({ path: 'docs/themes.png' })
  await passages
    .getByRole('button', { name: /^Open “hackers working for a foreign government”/ })
    .click()
  await expect(
    app.getByRole('article', { name: 'Foreign hackers hit Averly, insiders claim' })
  ).toBeVisible()
  await expect
    .poll(() => paintedText(app, 'wb-selected'))
    .toEqual(['hackers working for a foreign government'])
  await expect(app.getByRole('region', { name: 'Selected highlight' })).toContainText(
    'hackers working for a foreign government'
  )
})

test('undoes and redoes a deletion with Ctrl+Z and Ctrl+Shift+Z', async ({ app }) => {
  await importTwo(app)
  await openDoc(app, 'Cranes idle at Port Averly')
  await selectText(
    app.getByRole('article', { name: 'Cranes idle at Port Averly' }),
    'screens demanded payment'
  )
  await app.keyboard.press('h')
  const note = app
    .getByRole('region', { name: 'Selected highlight' })
    .getByRole('textbox', { name: 'Note' })
  await note.fill('Ransom note: check with CERT')
  await note.blur()
  await app.getByRole('button', { name: 'Delete highlight' }).click()
  const items = app.getByRole('list', { name: 'Highlights' }).getByRole('listitem')
  await expect(items).toHaveCount(0)
  await expect.poll(() => paintedText(app, 'wb-yellow')).toEqual([])
  await app.locator('body').click({ position: { x: 5, y: 790 } })
  await app.keyboard.press('Control+z')
  await expect(items).toHaveCount(1)
  await expect(items).toContainText('Ransom note: check with CERT')
  await expect.poll(() => paintedText(app, 'wb-yellow')).toEqual(['screens demanded payment'])
  await expect(app.getByRole('status').filter({ hasText: 'Undid: delete highlight' })).toBeVisible()
  await app.keyboard.press('Control+Shift+z')
  await expect(items).toHaveCount(0)
  await app.getByRole('button', { name: 'Undo', exact: true }).first().click()
  await expect(items).toHaveCount(1)
})

test('replaces a document with a new version and keeps its highlights, orphans included', async ({
  app
}) => {
  await importTwo(app)
  await openDoc(app, 'Cranes idle at Port Averly')
  const article = app.getByRole('article', { name: 'Cranes idle at Port Averly' })
  for (const phrase of [
    'Cranes idle',
    'a deliberate intrusion into the terminal system',
    'had been harmed'
  ]) {
    await selectText(article, phrase)
    await app.keyboard.press('h')
  }
  const v2 = LEDGER.replace(
    'a deliberate intrusion into the terminal system',
    'an IT fault'
  ).replace('The harbour master', 'UPDATE: ships are moving.\n\nThe harbour master')
  await app
    .getByLabel('New version of Cranes idle at Port Averly')
    .setInputFiles([file('ledger-v2.txt', v2)])
  await expect(app.getByRole('status')).toContainText(
    'New version imported. Highlights: 1 in place, 1 moved, 1 orphaned.'
  )
  await expect(article).toContainText('UPDATE: ships are moving.')
  const orphans = app.getByRole('list', { name: 'Orphaned highlights' })
  await expect(orphans.getByRole('listitem')).toHaveCount(1)
  await orphans.getByRole('button').click()
  await selectText(article, 'an IT fault')
  await app.getByRole('button', { name: 'Re-attach to selection' }).click()
  await expect(orphans).toBeHidden()
  await expect
    .poll(async () => (await paintedText(app, 'wb-yellow')).sort())
    .toEqual(['Cranes idle', 'an IT fault', 'had been harmed'])
})

test('manages the codebook: rename, merge and delete with the passage count shown first', async ({
  app
}) => {
  await importTwo(app)
  await openDoc(app, 'Foreign hackers hit Averly, insiders claim')
  await selectText(
    app.getByRole('article', { name: 'Foreign hackers hit Averly, insiders claim' }),
    'a foreign government'
  )
  await app.keyboard.press('h')
  const tags = app
    .getByRole('region', { name: 'Selected highlight' })
    .getByRole('combobox', { name: 'Tags' })
  await tags.fill('State acter')
  await tags.press('Enter')
  await app.getByRole('button', { name: 'Themes' }).click()
  await app.getByLabel('New tag').fill('Attribution')
  await app.getByLabel('New tag').press('Enter')
  const tree = app.getByRole('list', { name: 'Tags' })
  await tree.getByRole('button', { name: /^State acter/ }).click()
  const details = app.getByRole('region', { name: 'Tag State acter' })
  await details.getByRole('textbox', { name: 'Name' }).fill('State actor')
  await details.getByRole('button', { name: 'Rename' }).click()
  await expect(tree.getByRole('button', { name: /^State actor/ })).toBeVisible()
  await app
    .getByRole('region', { name: 'Tag State actor' })
    .getByLabel('Merge into')
    .selectOption({ label: 'Attribution' })
  await expect(tree.getByRole('button')).toHaveText(['Attribution1'])
  await tree.getByRole('button', { name: /^Attribution/ }).click()
  await app.getByRole('button', { name: 'Delete tag…' }).click()
  const confirm = app.getByRole('alertdialog', { name: 'Delete tag' })
  await expect(confirm).toContainText('Delete “Attribution”? It is on 1 passage; the passages stay')
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(tree).toBeHidden()
  await app.keyboard.press('Control+z')
  await expect(tree.getByRole('button')).toHaveText(['Attribution1'])
})

test('writes a memo linked to a document and keeps it', async ({ app }) => {
  await importTwo(app)
  await app.getByRole('button', { name: 'Memos' }).click()
  await app.getByRole('button', { name: 'New memo' }).click()
  await app
    .getByRole('textbox', { name: 'Memo text' })
    .fill('Only the blog names a state; CERT has found no evidence.')
  await app.getByRole('textbox', { name: 'Memo text' }).blur()
  await app.getByRole('checkbox', { name: 'Foreign hackers hit Averly, insiders claim' }).click()
  await expect(
    app.getByRole('checkbox', { name: 'Foreign hackers hit Averly, insiders claim' })
  ).toBeChecked()
  await app.reload()
  await app.getByRole('button', { name: 'Memos' }).click()
  await app.getByRole('region', { name: 'Memos' }).getByRole('button', { name: 'Memo 1' }).click()
  await expect(app.getByRole('textbox', { name: 'Memo text' })).toHaveValue(
    'Only the blog names a state; CERT has found no evidence.'
  )
  await expect(
    app.getByRole('checkbox', { name: 'Foreign hackers hit Averly, insiders claim' })
  ).toBeChecked()
  expect(BLOG).toContain('foreign government')
})

test.describe('a damaged annotation file', () => {
  let docId = ''
  test.use({
    // A previous session: one document with one highlight, then the file gets damaged on disk.
    seedWorkspace: {
      run: async (dir) => {
        const wb = await createWorkbench(dir, { parserWorker: { file: WORKER } })
        const outcome = await wb.importFile({
          name: 'ledger.txt',
          data: new TextEncoder().encode(LEDGER)
        })
        if (outcome.status !== 'imported') throw new Error('import failed')
        docId = outcome.document.id
        const { text } = await wb.getDocument(docId)
        const start = text.indexOf('Cranes idle')
        await wb.createAnnotation({ docId, start, end: start + 11, color: 'blue' })
        await wb.setDocumentNote(docId, 'From the backup')
        await wb.close()
        // The next session backs the file up before its first change; this one got damaged.
        await copyFile(
          join(dir, 'annotations', `${docId}.json`),
          join(dir, 'backups', `${docId}-20250306T090000000Z.json`)
        )
        await writeFile(join(dir, 'annotations', `${docId}.json`), '\u0000\u0000\u0000')
      }
    }
  })

  test('is restored from its backup, with a warning', async ({ app }) => {
    await openDoc(app, 'Cranes idle at Port Averly')
    await expect(
      app
        .getByRole('alert')
        .filter({ hasText: `${docId}.json was damaged (the file contains NUL bytes)` })
    ).toBeVisible()
    await expect.poll(() => paintedText(app, 'wb-blue')).toEqual(['Cranes idle'])
    await expect(app.getByRole('textbox', { name: 'Document note' })).toHaveValue('From the backup')
  })
})

test.describe('a document with hundreds of highlights', () => {
  const COUNT = 450
  test.use({
    seedWorkspace: {
      run: async (dir) => {
        const wb = await createWorkbench(dir, { parserWorker: { file: WORKER } })
        const paragraphs = Array.from(
          { length: COUNT },
          (_, i) => `Paragraph ${i + 1} of the long report, with a passage worth marking.`
        )
        const outcome = await wb.importFile({
          name: 'long-report.txt',
          data: new TextEncoder().encode(`Long report\n\n${paragraphs.join('\n\n')}`)
        })
        if (outcome.status !== 'imported') throw new Error('import failed')
        const docId = outcome.document.id
        const { text } = await wb.getDocument(docId)
        for (const m of text.matchAll(/Paragraph \d+/g))
          await wb.createAnnotation({
            docId,
            start: m.index,
            end: m.index + m[0].length,
            color: 'green'
          })
        await wb.close()
      }
    }
  })

  test('paints those on screen as the reader scrolls, and lists them a page at a time', async ({
    app
  }) => {
    await openDoc(app, 'Long report')
    // Highlights are painted where the reader is (the browser's cost per frame grows with every
    // highlight registered, seen or not), and follow the scrolling.
    await expect.poll(() => paintedText(app, 'wb-green')).toContain('Paragraph 1')
    expect(await paintedText(app, 'wb-green')).not.toContain(`Paragraph ${COUNT}`)
    const middle = app.getByRole('article').getByText('Paragraph 225 of')
    await middle.scrollIntoViewIfNeeded()
    await expect.poll(() => paintedText(app, 'wb-green')).toContain('Paragraph 225')
    await expect.poll(() => paintedText(app, 'wb-green')).not.toContain('Paragraph 1')
    const list = app.getByRole('list', { name: 'Highlights' }).getByRole('listitem')
    await expect(list).toHaveCount(200)
    await expect(list.first()).toContainText('“Paragraph 1”')
    await app.getByRole('button', { name: 'Show 200 more of 250 not shown' }).click()
    await expect(list).toHaveCount(400)
    const last = app.getByRole('button', { name: 'Show 50 more of 50 not shown' })
    await last.focus()
    await app.keyboard.press('Enter')
    await expect(list).toHaveCount(COUNT)
    await expect(list.last()).toContainText(`“Paragraph ${COUNT}”`)
    // Choosing the last one scrolls the reader to it, at the end of the text.
    await list.last().getByRole('button').click()
    await expect(app.getByRole('article').getByText(`Paragraph ${COUNT} of`)).toBeInViewport()
    await expect.poll(() => paintedText(app, 'wb-green')).toContain(`Paragraph ${COUNT}`)
    await expect.poll(() => paintedText(app, 'wb-selected')).toEqual([`Paragraph ${COUNT}`])
    await expect(app.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0)
    // Painted in several highlight objects per colour, so that one change repaints little.
    const objects = await app.evaluate(() =>
      [...CSS.highlights.keys()].filter((k) => k.startsWith('wb-green-'))
    )
    expect(objects.length).toBeGreaterThan(1)
  })
})
