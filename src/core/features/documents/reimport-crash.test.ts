import { spawn } from 'node:child_process'
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { VERSION_1, VERSION_2 } from '../../../test-support/reimport-child'
import { useTempDirs } from '../../../test-support/temp-dir'
import { sourceWorker } from '../../../test-support/worker'
import { createWorkbench } from '../../workbench'

const tempDir = useTempDirs()
const child = fileURLToPath(new URL('../../../test-support/reimport-child.ts', import.meta.url))

function run(...args: string[]): Promise<{ out: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()))
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()))
    proc.on('exit', (code, signal) =>
      signal === 'SIGKILL' || code === 0
        ? resolve({ out, killed: signal === 'SIGKILL' })
        : reject(new Error(`child failed: ${err}`))
    )
  })
}

describe('a crash while replacing a document with a new version', () => {
  it('at every step leaves each highlight on the words it marks, in the text the library serves', async () => {
    const base = await tempDir()
    await run('setup', base)
    let finished = false
    const outcomes = new Set<string>()
    for (let step = 1; !finished && step < 60; step++) {
      const dir = join(await tempDir(), 'ws')
      await cp(base, dir, { recursive: true })
      finished = !(await run('reimport', dir, String(step))).killed
      const warnings: string[] = []
      const wb = await createWorkbench(dir, {
        parserWorker: sourceWorker,
        onWarning: (m) => warnings.push(m)
      })
      const [doc] = await wb.listDocuments()
      const { text } = await wb.getDocument(doc.id)
      expect([VERSION_1, VERSION_2], `step ${step}: ${JSON.stringify(text)}`).toContain(text)
      outcomes.add(text === VERSION_1 ? 'old' : 'new')
      const highlights = await wb.listAnnotations(doc.id)
      expect(highlights.map((a) => a.quote.exact).sort(), `step ${step}`).toEqual([
        'the bridge was closed',
        'the harbour at dawn'
      ])
      for (const a of highlights) {
        expect(a.status, `step ${step}`).toBe('anchored')
        expect(text.slice(a.position.start, a.position.end), `step ${step}`).toBe(a.quote.exact)
      }
      // A change made now is saved on the text shown, and stays there after a restart.
      await wb.createAnnotation({ docId: doc.id, start: 0, end: 4 })
      await wb.close()
      const again = await createWorkbench(dir, { parserWorker: sourceWorker })
      for (const a of await again.listAnnotations(doc.id))
        expect(text.slice(a.position.start, a.position.end), `step ${step}, reopened`).toBe(
          a.quote.exact
        )
      await again.close()
    }
    expect(finished).toBe(true)
    // The kills landed both before and after the switch.
    expect([...outcomes].sort()).toEqual(['new', 'old'])
  }, 240_000)
})
