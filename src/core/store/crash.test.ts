import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { sourceWorker } from '../../test-support/worker'
import { createWorkbench } from '../workbench'

const tempDir = useTempDirs()
const child = fileURLToPath(new URL('../../test-support/writer-child.ts', import.meta.url))

/** Runs the writer child until it has acknowledged at least `min` writes, then SIGKILLs it mid-stream. */
function runAndKill(dir: string, start: number, min: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const acked: string[] = []
    let buffered = ''
    let stderr = ''
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      acked.push(...lines)
      // Kill at a varying point after the minimum, so that the kill lands in different phases of a write.
      if (acked.length >= min + (start % 3)) proc.kill('SIGKILL')
    })
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    proc.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(acked)
        : reject(new Error(`writer exited by itself: ${stderr}`))
    )
  })
}

describe('crash safety', () => {
  it('keeps every acknowledged import and annotation through repeated kill -9, and every file parses', async () => {
    const dir = await tempDir()
    const acknowledged: string[] = []
    for (let round = 0; round < 4; round++) {
      acknowledged.push(...(await runAndKill(dir, round * 1000, 5)))
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(20)
    const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
    const docs = await wb.listDocuments()
    const stored = new Set(docs.map((d) => d.sha256))
    const annotations = new Set<string>()
    for (const d of docs) for (const a of await wb.listAnnotations(d.id)) annotations.add(a.id)
    for (const line of acknowledged) {
      const [kind, value] = line.split(' ')
      expect(
        kind === 'doc' ? stored.has(value) : annotations.has(value),
        `acknowledged ${line}`
      ).toBe(true)
    }
    for (const doc of await wb.listDocuments())
      expect((await wb.getDocument(doc.id)).text).toMatch(/^Field report number \d+\./)
    expect((await wb.getWorkspaceInfo()).warnings).toEqual([])
    await wb.close()
    JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))
    for (const name of await readdir(join(dir, 'backups')))
      JSON.parse(await readFile(join(dir, 'backups', name), 'utf8'))
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  }, 120_000)
})
