import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FORBIDDEN_IN_TEXT, makeHostileFixtures } from '../../test-support/hostile'
import { useTempDirs } from '../../test-support/temp-dir'
import { sourceWorker } from '../../test-support/worker'
import { createWorkbench } from '../workbench'

const tempDir = useTempDirs()
const child = fileURLToPath(new URL('../../test-support/cli-child.ts', import.meta.url))

function runCliProcess(
  args: string[],
  rssFile: string
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      env: { ...process.env, RSS_FILE: rssFile }
    })
    let stdout = ''
    let stderr = ''
    proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    proc.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('hostile and broken documents', () => {
  it('import as plain text or are refused with one line naming the file; nothing crashes; memory stays bounded; the workspace stays intact', async () => {
    const fixturesDir = await tempDir()
    const fixtures = await makeHostileFixtures(fixturesDir, 6)
    const ws = await tempDir()
    const rssFile = join(await tempDir(), 'rss')
    const paths = fixtures.map((f) => join(fixturesDir, f.name))
    const { code, stdout, stderr } = await runCliProcess(
      ['--workspace', ws, 'import', ...paths, '--max-file-mb', '5', '--json'],
      rssFile
    )

    expect(code).toBe(1) // some files failed: exit 1, not a crash
    expect(stderr).not.toMatch(/^\s+at /m) // no stack trace
    const report = JSON.parse(stdout) as {
      imported: { path: string; id: string }[]
      failed: { path: string; error: string }[]
    }
    const imported = new Set(report.imported.map((d) => d.path))
    for (const f of fixtures) {
      const path = join(fixturesDir, f.name)
      if (f.expect === 'import') {
        expect(imported.has(path), `${f.name} should import`).toBe(true)
      } else {
        const failure = report.failed.find((x) => x.path === path)
        expect(failure?.error, `${f.name} should be refused`).toMatch(f.reason as RegExp)
        expect(stderr).toContain(`failed: ${path}: ${failure?.error}\n`)
      }
    }
    expect(stderr.trim().split('\n')).toHaveLength(report.failed.length)

    const rssKb = Number(await readFile(rssFile, 'utf8'))
    expect(rssKb).toBeLessThan(1.5 * 1024 * 1024)

    const wb = await createWorkbench(ws, { parserWorker: sourceWorker })
    const docs = await wb.listDocuments()
    expect(docs).toHaveLength(fixtures.filter((f) => f.expect === 'import').length)
    for (const d of docs) {
      const { text } = await wb.getDocument(d.id)
      for (const bad of FORBIDDEN_IN_TEXT)
        expect(text, `${d.originalName} must not contain ${bad}`).not.toContain(bad)
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000]/)
    }
    const byName = new Map(docs.map((d) => [d.originalName, d]))
    expect((await wb.getDocument(byName.get('active-content.html')?.id as string)).text).toBe(
      'Port update\n\nShips are moving again.\n\nRead more about the harbour.'
    )
    expect((await wb.getDocument(byName.get('invalid-utf8.txt')?.id as string)).text).toBe(
      'Port été ÿþ!'
    )
    expect((await wb.getDocument(byName.get('bidi-override.txt')?.id as string)).text).toBe(
      'Invoice for txt.exe payment\n\nThe isolated word stays.'
    )
    expect((await wb.getDocument(byName.get('javascript-action.pdf')?.id as string)).text).toBe(
      'Quarterly port report\n\nThroughput fell by a third.'
    )
    await wb.close()
    for (const name of await readdir(ws))
      if (name.endsWith('.json')) JSON.parse(await readFile(join(ws, name), 'utf8'))
  }, 120_000)
})
