// Writes the hostile and broken test documents into a folder: npm run fixtures -- DIR
import { makeHostileFixtures } from '../src/test-support/hostile'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npm run fixtures -- DIR')
  process.exit(2)
}
const fixtures = await makeHostileFixtures(dir)
for (const f of fixtures)
  console.log(`${f.expect === 'import' ? 'imports ' : 'refused '} ${f.name}`)
