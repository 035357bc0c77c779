import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeDocx, makePdf } from '../test-support/documents'
import { useTempDirs } from '../test-support/temp-dir'
import { cli } from '../test-support/cli'
import { sourceWorker } from '../test-support/worker'

const tempDir = useTempDirs()

async function sources(): Promise<string> {
  const dir = await tempDir()
  await mkdir(join(dir, 'more'))
  await writeFile(
    join(dir, 'wire.txt'),
    'Port Averly halts operations\nRansomware stopped the cranes.'
  )
  await writeFile(
    join(dir, 'more', 'ledger.html'),
    '<title>Cranes idle</title><meta name="date" content="2025-03-04"><meta property="og:site_name" content="The Ledger"><p>Ships queue offshore.</p>'
  )
  return dir
}

describe('workbench CLI', () => {
  it('imports a folder, lists and shows documents as JSON', async () => {
    const ws = await tempDir()
    const src = await sources()
    const imported = await cli('--workspace', ws, 'import', src, '--json')
    expect(imported.code).toBe(0)
    const report = JSON.parse(imported.out)
    expect(report).toEqual({
      imported: [
        { id: expect.any(String), title: 'Cranes idle', path: join(src, 'more', 'ledger.html') },
        {
          id: expect.any(String),
          title: 'Port Averly halts operations',
          path: join(src, 'wire.txt')
        }
      ],
      duplicates: [],
      failed: []
    })
    const list = JSON.parse((await cli('--workspace', ws, 'list', '--json')).out)
    expect(list).toEqual([
      {
        id: report.imported[0].id,
        title: 'Cranes idle',
        source: 'The Ledger',
        published: '2025-03-04',
        words: 3,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        reliability: null,
        credibility: null,
        flags: []
      },
      {
        id: report.imported[1].id,
        title: 'Port Averly halts operations',
        source: null,
        published: null,
        words: 8,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        reliability: null,
        credibility: null,
        // It names no one: no source line, no publisher, no "… said".
        flags: ['no-named-source']
      }
    ])
    const shown = await cli('--workspace', ws, 'show', report.imported[0].id, '--json')
    expect(JSON.parse(shown.out)).toMatchObject({
      id: report.imported[0].id,
      title: 'Cranes idle',
      source: 'The Ledger',
      text: 'Ships queue offshore.'
    })
    expect((await cli('--workspace', ws, 'show', report.imported[1].id)).out).toBe(
      'Port Averly halts operations\n\nRansomware stopped the cranes.\n'
    )
    // The file it came from, exactly as it was; an existing file is never replaced.
    const saved = join(src, 'saved.html')
    const original = await cli('--workspace', ws, 'original', report.imported[0].id, '-o', saved)
    expect(original).toMatchObject({ code: 0, out: expect.stringMatching(/^saved \d+ bytes/) })
    expect(await readFile(saved, 'utf8')).toBe(
      await readFile(join(src, 'more', 'ledger.html'), 'utf8')
    )
    expect(
      await cli('--workspace', ws, 'original', report.imported[0].id, '-o', saved)
    ).toMatchObject({ code: 1, err: `workbench: ${saved} already exists; choose another name\n` })
  })

  it('imports PDF and Word files read from disk', async () => {
    const ws = await tempDir()
    const src = await tempDir()
    await writeFile(
      join(src, 'report.pdf'),
      makePdf([['Incident report', '', 'Systems were isolated.']], { title: 'CERT report' })
    )
    await writeFile(
      join(src, 'brief.docx'),
      await makeDocx(
        [{ text: 'Briefing', style: 'Heading1' }, { text: 'No ransom will be paid.' }],
        { title: 'Ministry brief' }
      )
    )
    const { code, out } = await cli('--workspace', ws, 'import', src, '--json')
    expect(code).toBe(0)
    expect(
      JSON.parse(out)
        .imported.map((d: { title: string }) => d.title)
        .sort()
    ).toEqual(['CERT report', 'Ministry brief'])
  })

  it('reports duplicates and failures, exits 1 when a file failed, and prints no stack trace', async () => {
    const ws = await tempDir()
    const src = await sources()
    await cli('--workspace', ws, 'import', src)
    await writeFile(join(src, 'bad.pdf'), 'MZ not a pdf')
    const again = await cli('--workspace', ws, 'import', src, join(src, 'nope.txt'))
    expect(again.code).toBe(1)
    expect(again.out).toMatch(/^duplicate {2}\S+ {2}.*ledger\.html is already in the workspace$/m)
    expect(again.out).toMatch(/^0 imported, 2 duplicate, 2 failed$/m)
    expect(again.err.trim().split('\n')).toEqual([
      `failed: ${join(src, 'nope.txt')}: no such file or folder`,
      `failed: ${join(src, 'bad.pdf')}: this is not a PDF file (it does not start with %PDF-)`
    ])
    expect(again.err).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it.each([
    ['an unknown command', ['frobnicate']],
    ['a missing argument', ['show']],
    ['an unknown option', ['list', '--colour']],
    ['a bad number', ['import', 'x', '--max-file-mb', 'lots']]
  ])('exits 2 on %s', async (_, argv) => {
    const ws = await tempDir()
    const { code, err } = await cli('--workspace', ws, ...argv)
    expect(code).toBe(2)
    expect(err).toMatch(/error: /)
  })

  it('exits 1 with one line for an unknown id or a missing workspace', async () => {
    const ws = await tempDir()
    await cli('--workspace', ws, 'import', await sources())
    expect(await cli('--workspace', ws, 'show', 'nope')).toEqual({
      code: 1,
      out: '',
      err: 'workbench: No document with id nope in this workspace.\n'
    })
    const missing = await cli('--workspace', join(ws, 'nothing-here'), 'list')
    expect(missing).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /^workbench: No workspace at .*nothing-here\. Import documents first\.\n$/
      )
    })
  })

  it('refuses a second writer while another process holds the workspace', async () => {
    const ws = await tempDir()
    const { createWorkbench } = await import('../core/workbench')
    const holder = await createWorkbench(ws, { parserWorker: sourceWorker })
    const second = await cli('--workspace', ws, 'import', await sources())
    expect(second.code).toBe(1)
    expect(second.err).toMatch(
      /^workbench: The workspace .* is in use by another Analyst Workbench process/
    )
    expect((await cli('--workspace', ws, 'list', '--json')).code).toBe(0)
    await holder.close()
  })
})
