import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../test-support/cli'
import { useTempDirs } from '../test-support/temp-dir'

const tempDir = useTempDirs()

async function workspaceWithWork(): Promise<{ ws: string; dir: string; id: string }> {
  const ws = await tempDir()
  const dir = await tempDir()
  await writeFile(
    join(dir, 'wire.txt'),
    'Port Averly halts operations 🚢\nRansomware stopped the cranes.'
  )
  expect((await cli('-w', ws, 'import', join(dir, 'wire.txt'))).code).toBe(0)
  const [doc] = JSON.parse((await cli('-w', ws, 'list', '--json')).out)
  expect((await cli('-w', ws, 'tag', 'create', 'Impact')).code).toBe(0)
  return { ws, dir, id: doc.id }
}

describe('exchange commands', () => {
  it('exports a qdpx and imports it into another workspace', async () => {
    const { ws, dir } = await workspaceWithWork()
    const file = join(dir, 'case.qdpx')
    const out = await cli('-w', ws, 'export', '--format', 'qdpx', '-o', file)
    expect(out.code).toBe(0)
    expect(out.err).toMatch(/^wrote .*case\.qdpx: 1 documents, 0 highlights, 1 codes, 0 memos\n$/)
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK')
    expect((await cli('-w', ws, 'export', '--format', 'qdpx')).err).toMatch(/-o FILE\.qdpx/)

    const other = await tempDir()
    const imported = await cli('-w', other, 'import-project', file, '--json')
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.out)).toMatchObject({ documents: 1, codes: 1, skipped: [] })
    // The existing formats still work.
    expect((await cli('-w', other, 'export', '--format', 'csv')).code).toBe(0)
  })

  it('refuses a damaged project or bundle in one sentence naming the file', async () => {
    const { ws, dir } = await workspaceWithWork()
    const bad = join(dir, 'bad.qdpx')
    await writeFile(bad, 'PK\u0003\u0004 broken')
    const r = await cli('-w', ws, 'import-project', bad)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(
      new RegExp(`^workbench: ${bad.replace(/[.]/g, '\\.')} was not imported: [^\\n]+\\n$`)
    )
    const m = await cli('-w', ws, 'bundle', 'merge', bad)
    expect(m.code).toBe(1)
    expect(m.err).toMatch(/was not merged: /)
    const missing = await cli('-w', ws, 'bundle', 'merge', join(dir, 'none.awb'))
    expect(missing.err).toMatch(/Cannot read .*none\.awb\./)
  })

  it('bundle export, merge with a dry run and as JSON, merge again, undo', async () => {
    const { ws, dir, id } = await workspaceWithWork()
    const awb = join(dir, 'case.awb')
    const exported = await cli(
      '-w',
      ws,
      'bundle',
      'export',
      '--doc',
      id,
      '--tag',
      'Impact',
      '-o',
      awb
    )
    expect(exported.code).toBe(0)
    expect(exported.out).toMatch(/bundle b\w+, 0 documents/)
    const all = await cli('-w', ws, 'bundle', 'export', '-o', awb)
    expect(all.out).toMatch(/1 documents/)

    const other = await tempDir()
    const dry = await cli('-w', other, 'bundle', 'merge', awb, '--dry-run')
    expect(dry.code).toBe(0)
    expect(dry.out).toMatch(/^dry run: merging/)
    expect(JSON.parse((await cli('-w', other, 'list', '--json')).out)).toEqual([])

    const merged = await cli('-w', other, 'bundle', 'merge', awb, '--json')
    expect(merged.code).toBe(0)
    const report = JSON.parse(merged.out)
    expect(report).toMatchObject({ changed: true, dryRun: false })
    expect(JSON.parse((await cli('-w', other, 'list', '--json')).out)).toHaveLength(1)

    const again = await cli('-w', other, 'bundle', 'merge', awb)
    expect(again.out).toMatch(/^nothing to merge/)

    const undone = await cli('-w', other, 'bundle', 'undo', report.mergeId)
    expect(undone.code).toBe(0)
    expect(JSON.parse((await cli('-w', other, 'list', '--json')).out)).toEqual([])
    expect((await cli('-w', other, 'bundle', 'undo', 'merge-nope')).code).toBe(1)
  })
})
