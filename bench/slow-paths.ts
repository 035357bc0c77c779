/**
 * tsx bench/slow-paths.ts (part of npm run bench): paths that were once quadratic, at the sizes
 * that showed it. The by-theme Markdown export with 40,000 and 200,000 highlights on one tag
 * (it took 11.5 s at 40,000, over two minutes at 200,000), and listing 50,000 tags (11 s), in
 * the core and through the CLI. Prints one line each; never part of npm test.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createWorkbench } from '../src/core/workbench'
import { makeBackup } from '../src/test-support/hostile-backups'

const WORKER = { file: join(import.meta.dirname, '../out/main/parse-worker.js') }
const CLI = join(import.meta.dirname, '../out/main/cli.js')

async function restored(spec: Parameters<typeof makeBackup>[0]): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'bench-slow-')), 'ws')
  const wb = await createWorkbench(dir, { parserWorker: WORKER })
  await wb.restore(JSON.stringify(makeBackup(spec)), 'bench.json')
  await wb.close()
  return dir
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const value = await run()
  return [value, performance.now() - t]
}

for (const highlights of [40_000, 200_000]) {
  const dir = await restored({ documents: 1_000, tags: 1, highlights })
  const wb = await createWorkbench(dir, { parserWorker: WORKER })
  const [result, ms] = await timed(() => wb.exportWorkspace({ format: 'md', groupBy: 'tag' }))
  console.log(
    `by-theme Markdown export, ${highlights.toLocaleString('en-US')} highlights on one tag: ${Math.round(ms)} ms (${result.passages.toLocaleString('en-US')} passages, ${(result.content.length / 1e6).toFixed(1)} MB)`
  )
  await wb.close()
  await rm(dirname(dir), { recursive: true, force: true })
}

{
  const dir = await restored({ documents: 1, tags: 50_000 })
  const wb = await createWorkbench(dir, { parserWorker: WORKER })
  const [tags, ms] = await timed(async () => wb.listTags())
  console.log(`listTags, ${tags.length.toLocaleString('en-US')} tags: ${Math.round(ms)} ms`)
  await wb.close()
  const t = performance.now()
  const cli = spawnSync(process.execPath, [CLI, '--workspace', dir, 'tags'], { encoding: 'utf8' })
  if (cli.status !== 0) throw new Error(cli.stderr)
  console.log(
    `workbench tags, 50,000 tags: ${Math.round(performance.now() - t)} ms for the whole command (${cli.stdout.split('\n').length - 1} lines)`
  )
  await rm(dirname(dir), { recursive: true, force: true })
}
