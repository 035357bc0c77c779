// Writes the test documents into a folder: npm run fixtures -- DIR
// DIR/hostile: hostile and broken files; DIR/import: web pages, encodings, PDFs and a Word file.
import { join } from 'node:path'
import { makeHostileFixtures } from '../src/test-support/hostile'
import { makeImportFixtures } from '../src/test-support/import-fixtures'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npm run fixtures -- DIR')
  process.exit(2)
}
const fixtures = await makeHostileFixtures(join(dir, 'hostile'))
for (const f of fixtures)
  console.log(`${f.expect === 'import' ? 'imports ' : 'refused '} hostile/${f.name}`)
for (const name of await makeImportFixtures(join(dir, 'import')))
  console.log(`imports  import/${name}`)
