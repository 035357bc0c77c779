import { expect, file, test } from './fixtures'

test.use({ importDelayMs: 400 })

test('shows a progress bar while a batch imports', async ({ app }) => {
  await app
    .getByLabel('Import files')
    .setInputFiles([
      file('one.txt', 'First report.'),
      file('two.txt', 'Second report.'),
      file('three.txt', 'Third report.')
    ])
  const progress = app.getByRole('progressbar', { name: 'Import progress' })
  await expect(progress).toBeVisible()
  await expect(app.getByRole('status').filter({ hasText: 'Importing' })).toContainText(
    /Importing [12] of 3: (one|two)\.txt/
  )
  await expect(app.getByRole('button', { name: 'Import', exact: true })).toBeDisabled()
  await expect(app.getByRole('region', { name: 'Import results' })).toContainText(
    '3 documents imported'
  )
  await expect(progress).toBeHidden()
  await expect(app.getByRole('button', { name: 'Import', exact: true })).toBeEnabled()
})
