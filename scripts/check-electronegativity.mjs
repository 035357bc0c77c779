// Runs Electronegativity (Electron security checks) over src/ offline and fails on any finding
// above "note" that security/electronegativity-suppressions.json does not suppress with a reason.
// Electronegativity exits 0 whatever it finds, so its SARIF report is read here instead.
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import run from '@doyensec/electronegativity'

const SARIF = 'out/electronegativity.sarif'
const suppressions = JSON.parse(
  readFileSync('security/electronegativity-suppressions.json', 'utf8')
)
for (const s of suppressions) {
  if (!s.ruleId || !s.file || typeof s.reason !== 'string' || s.reason.trim().length < 20) {
    console.error(
      `electronegativity: suppression ${JSON.stringify(s)} needs a ruleId, a file and a written reason.`
    )
    process.exit(1)
  }
}

mkdirSync('out', { recursive: true })
rmSync(SARIF, { force: true })
const { errors } = await run({
  input: 'src',
  output: SARIF,
  isSarif: true,
  isRelative: true,
  customScan: [],
  // The one check that needs the internet (it downloads Electron's release list).
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  severitySet: 'informational',
  confidenceSet: 'tentative',
  electronVersionOverride: JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8'))
    .version,
  parserPlugins: []
})
for (const e of errors.filter((x) => !x.tolerable)) {
  console.error(`electronegativity: could not analyse ${e.file}: ${e.message}`)
  process.exitCode = 1
}

// run() returns before its report is written; wait (up to 10 s) for a complete file.
let sarif = null
for (let i = 0; i < 100 && !sarif; i++) {
  try {
    sarif = JSON.parse(readFileSync(SARIF, 'utf8'))
  } catch {
    await new Promise((r) => setTimeout(r, 100))
  }
}
if (!sarif) {
  console.error(`electronegativity: no report at ${SARIF}`)
  process.exit(1)
}
const results = sarif.runs.flatMap((r) => r.results)
const failures = []
let suppressed = 0
for (const r of results) {
  if (r.level === 'note' || r.level === 'none') continue
  const file = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?'
  const line = r.locations?.[0]?.physicalLocation?.region?.startLine ?? 0
  if (suppressions.some((s) => s.ruleId === r.ruleId && s.file === file)) suppressed++
  else failures.push(`${r.level}: ${r.ruleId} at src/${file}:${line} — ${r.message?.text ?? ''}`)
}
console.log(
  `electronegativity: ${results.length} findings, ${suppressed} suppressed with a reason, ${failures.length} to fix`
)
for (const f of failures) console.error(f)
if (failures.length) process.exitCode = 1
