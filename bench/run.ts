/**
 * npm run bench: measures the workbench on generated corpora and prints one table; writes
 * bench/results.json. Never part of npm test. Sizes: BENCH_SIZES=1000,10000 (default), add 100000
 * for the large run.
 */
import { spawnSync } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fold } from '../src/core/domain/search/fold'
import { mapConcurrent } from '../src/core/base/map-concurrent'
import { IMPORT_CONCURRENCY } from '../src/core/features/documents/import-service'
import { createWorkbench, type Workbench } from '../src/core/workbench'
import { makePdf } from '../src/test-support/documents'
import { makeDocument, QUERIES, QUERY_SET } from './corpus'
import { benchHtmlImport } from './html-import'
import { substringScan, wordScan, type ScanDoc } from './scan'

const WORKER = { file: join(import.meta.dirname, '../out/main/parse-worker.js') }
const INDEX_WORKER = { file: join(import.meta.dirname, '../out/main/index-worker.js') }
const CLI = join(import.meta.dirname, '../out/main/cli.js')
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number)
const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 100_000)

interface Row {
  metric: string
  docs: number
  median: number
  p95: number
  p99?: number
  unit: string
  rssMb: number
}
const rows: Row[] = []
const q = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}
const rss = (): number => Math.round(process.memoryUsage().rss / 1048576)
const now = (): number => performance.now()
const round = (n: number): number => Math.round(n * 100) / 100
function record(metric: string, docs: number, samples: number[], unit: string): void {
  rows.push({
    metric,
    docs,
    median: round(q(samples, 0.5)),
    p95: round(q(samples, 0.95)),
    p99: round(q(samples, 0.99)),
    unit,
    rssMb: rss()
  })
  console.error(
    `  ${metric} (${docs}): median ${round(q(samples, 0.5))} ${unit}, p95 ${round(q(samples, 0.95))}`
  )
}

async function open(dir: string, sharedPassages = true): Promise<Workbench> {
  return createWorkbench(dir, { parserWorker: WORKER, indexWorker: INDEX_WORKER, sharedPassages })
}

/** Imports files a few at a time, as the app and the CLI send them; and waits until they are searchable. */
async function importAll(
  wb: Workbench,
  files: { name: string; data: Uint8Array }[]
): Promise<{ seconds: number; searchable: number; perDoc: number[] }> {
  const perDoc: number[] = []
  const t0 = now()
  await mapConcurrent(files, IMPORT_CONCURRENCY, async (file) => {
    const s = now()
    const outcome = await wb.importFile(file)
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
    perDoc.push(now() - s)
  })
  const seconds = (now() - t0) / 1000
  // Indexing follows the imports; a search waits until it has caught up.
  await wb.search('jury', { limit: 1 })
  return { seconds, searchable: (now() - t0) / 1000, perDoc }
}

/** Plain text files: a title line, then the paragraphs (no front matter, no Markdown). */
function asPlainText(d: { name: string; text: string }): { name: string; data: Uint8Array } {
  const body = d.text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^# /, '')
  return { name: d.name.replace(/\.md$/, '.txt'), data: new TextEncoder().encode(body) }
}

async function benchSize(n: number): Promise<void> {
  console.error(`corpus of ${n} documents`)
  const docs = Array.from({ length: n }, (_, i) => makeDocument(i))
  const dir = await mkdtemp(join(tmpdir(), `bench-${n}-`))
  try {
    // Plain text files, three times into a new workspace (up to 5,000 files each time).
    const txt = docs.slice(0, 5000).map(asPlainText)
    const txtBytes = txt.reduce((sum, f) => sum + f.data.byteLength, 0)
    const rates: number[] = []
    const mbs: number[] = []
    // Each run twice, with shared passages off and on (interleaved, so that a slow moment of the
    // machine weighs on both): what fingerprinting, indexing and proposing derivations cost.
    const without: number[] = []
    for (let r = 0; r < 3; r++) {
      for (const shared of [false, true]) {
        const scratch = await mkdtemp(join(tmpdir(), `bench-txt-`))
        const w = await open(scratch, shared)
        const { seconds } = await importAll(w, txt)
        // Derivations are proposed after the imports, in one write: the import is done then.
        const s = now()
        await w.listOrigins()
        const total = seconds + (now() - s) / 1000
        await w.close()
        await rm(scratch, { recursive: true, force: true })
        if (!shared) without.push(txt.length / total)
        else {
          rates.push(txt.length / total)
          mbs.push(txtBytes / 1048576 / total)
        }
      }
    }
    record(`import throughput, .txt (${txt.length} files, 3 runs)`, n, rates, 'docs/s')
    record(`import throughput, .txt`, n, mbs, 'MB/s')
    record(`import throughput, .txt, shared passages off`, n, without, 'docs/s')
    rows.push({
      metric: 'import slowed by shared passages',
      docs: n,
      median: round(100 * (1 - q(rates, 0.5) / q(without, 0.5))),
      p95: 0,
      unit: '%',
      rssMb: rss()
    })

    // Markdown with front matter (titles, dates, sources): the workspace every later step uses.
    let wb = await open(dir)
    const md = docs.map((d) => ({ name: d.name, data: new TextEncoder().encode(d.text) }))
    const mdBytes = md.reduce((sum, f) => sum + f.data.byteLength, 0)
    const { seconds, searchable, perDoc } = await importAll(wb, md)
    rows.push({
      metric: 'import throughput, .md with front matter',
      docs: n,
      median: round(n / seconds),
      p95: round(mdBytes / 1048576 / seconds),
      unit: 'docs/s | MB/s',
      rssMb: rss()
    })
    record('import, per document (.md)', n, perDoc, 'ms')
    rows.push({
      metric: 'import until searchable (.md)',
      docs: n,
      median: round(n / searchable),
      p95: round(searchable),
      unit: 'docs/s | s',
      rssMb: rss()
    })
    // Shared passages of one document (reuse DOC_ID), as the details pane and the CLI ask.
    const ids = (await wb.listDocuments()).map((d) => d.id)
    const firstReuse = now()
    await wb.sharedPassages(ids[0], {})
    record('first reuse query (index opened, brought up to date)', n, [now() - firstReuse], 'ms')
    const reuse: number[] = []
    for (let i = 0; i < Math.min(300, ids.length); i++) {
      const id = ids[(i * 7919) % ids.length]
      const s = now()
      await wb.sharedPassages(id, {})
      reuse.push(now() - s)
    }
    record('reuse DOC_ID (shared passages of one document)', n, reuse, 'ms')
    await wb.close()
    const fingerprints = (await stat(join(dir, 'index', 'fingerprints.bin'))).size
    rows.push({
      metric: 'fingerprint index size',
      docs: n,
      median: round(fingerprints / 1048576),
      p95: round(fingerprints / n),
      unit: 'MB | bytes/doc',
      rssMb: rss()
    })
    const snapshot = (await stat(join(dir, 'index', 'search.idx'))).size
    rows.push({
      metric: 'index snapshot size',
      docs: n,
      median: round(snapshot / 1048576),
      p95: round(snapshot / 1048576),
      unit: 'MB',
      rssMb: rss()
    })

    // Open with the snapshot, then with a rebuild
    const withSnapshot: number[] = []
    for (let i = 0; i < 3; i++) {
      const s = now()
      wb = await open(dir)
      await wb.search('jury', { limit: 1 })
      withSnapshot.push(now() - s)
      await wb.close()
    }
    record('open + first query (snapshot)', n, withSnapshot, 'ms')
    const rebuild: number[] = []
    const pauses: number[] = []
    for (let i = 0; i < 2; i++) {
      await rm(join(dir, 'index', 'search.idx'), { force: true })
      // How long the main thread is held up at a time while the index is rebuilt (in a worker):
      // from the moment the workspace is open (its catalog read) until the first answer.
      const delay = monitorEventLoopDelay({ resolution: 10 })
      const s = now()
      wb = await open(dir)
      delay.enable()
      await wb.search('jury', { limit: 1 })
      rebuild.push(now() - s)
      delay.disable()
      pauses.push(delay.max / 1e6)
      await wb.close()
    }
    record('open + first query (rebuild)', n, rebuild, 'ms')
    record('longest main-thread pause during a rebuild', n, pauses, 'ms')
    rows.push({
      metric: 'snapshot load vs rebuild',
      docs: n,
      median: round(q(rebuild, 0.5) / q(withSnapshot, 0.5)),
      p95: 0,
      unit: 'x faster',
      rssMb: rss()
    })

    // Queries, warm, in-process; and a plain linear scan over the same texts
    wb = await open(dir)
    // One round first, not recorded: the figure is for a warm index (code compiled, texts read).
    for (const query of QUERIES) await wb.search(query, { limit: 50 })
    const byKind = new Map<string, number[]>()
    const add = (kind: string, ms: number): void => {
      const list = byKind.get(kind)
      if (list) list.push(ms)
      else byKind.set(kind, [ms])
    }
    for (let r = 0; r < 5; r++)
      for (const { query, kind } of QUERY_SET) {
        const s = now()
        await wb.search(query, { limit: 50 })
        add(kind, now() - s)
        // As typed: the same query with its last word taken as a prefix.
        const t = now()
        await wb.search(query, { limit: 50, typeahead: true })
        add('type-ahead', now() - t)
      }
    const allQueries = [...byKind.values()].flat()
    record('query, all kinds and type-ahead (warm)', n, allQueries, 'ms')
    for (const [kind, samples] of byKind) record(`  query: ${kind}`, n, samples, 'ms')

    const scanDocs: ScanDoc[] = []
    for (const d of await wb.listDocuments()) {
      const { text } = await wb.getDocument(d.id)
      scanDocs.push({ text, folded: fold(text), title: d.title, published: d.published })
    }
    const scanRounds = n > 20_000 ? 1 : 3
    for (const [name, scanner] of [
      ['linear scan: substrings of folded texts', substringScan],
      ['linear scan: whole words (grep -iw)', wordScan]
    ] as const) {
      const scan: number[] = []
      for (let r = 0; r < scanRounds; r++)
        for (const query of QUERIES) {
          const s = now()
          scanner(query, scanDocs)
          scan.push(now() - s)
        }
      record(name, n, scan, 'ms')
      rows.push({
        metric: `  index vs ${name.slice(13)}: median | p95`,
        docs: n,
        median: round(q(scan, 0.5) / q(allQueries, 0.5)),
        p95: round(q(scan, 0.95) / q(allQueries, 0.95)),
        unit: 'x faster',
        rssMb: rss()
      })
    }
    scanDocs.length = 0

    // Annotation saves (fsynced) with many annotations in the workspace
    const all = await wb.listDocuments()
    await wb.close()
    const perDocAnnotations = Math.ceil(ANNOTATIONS / all.length)
    for (const d of all) {
      const annotations = Array.from({ length: perDocAnnotations }, (_, k) => ({
        id: `${d.id}.bench${k}`,
        docId: d.id,
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: k, end: k + 1 },
        status: 'anchored',
        color: 'yellow',
        tags: [],
        note: '',
        created: '2025-01-01T00:00:00.000Z',
        modified: '2025-01-01T00:00:00.000Z'
      }))
      await writeFile(
        join(dir, 'annotations', `${d.id}.json`),
        JSON.stringify({ schemaVersion: 1, docId: d.id, note: '', annotations })
      )
    }
    // The files just written are flushed first: a save is measured, not the disk catching up
    // with the benchmark's own writes (100,000 new files took seconds to write back). They were
    // written behind the app's back, so the index reads their notes when the workspace opens:
    // that is let finish (a search waits for it), and a second passes first, or files written in
    // the same second as the index's stamp would be read again at every start.
    spawnSync('sync')
    await new Promise((resolve) => setTimeout(resolve, 1100))
    wb = await open(dir)
    await wb.search('jury', { limit: 1 })
    const saves: number[] = []
    for (let i = 0; i < 200; i++) {
      const d = all[(i * 7919) % all.length]
      await wb.listAnnotations(d.id) // first touch loads the file; measure the save, not the load
      const s = now()
      await wb.createAnnotation({ docId: d.id, start: 10, end: 40, note: `bench ${i}` })
      saves.push(now() - s)
    }
    record(
      `annotation save (fsynced, ${perDocAnnotations * all.length} in workspace)`,
      n,
      saves,
      'ms'
    )
    await wb.close()

    // Process start to first query answered
    const cold: number[] = []
    for (let i = 0; i < 3; i++) {
      const s = now()
      const r = spawnSync(
        process.execPath,
        [CLI, '--workspace', dir, 'search', 'jury', '--limit', '1'],
        { encoding: 'utf8' }
      )
      if (r.status !== 0) throw new Error(r.stderr)
      cold.push(now() - s)
    }
    record('process start to first answer (CLI)', n, cold, 'ms')

    // The app's own memory: a separate process opens the workspace and answers every query.
    const probe = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'app-memory.ts'), dir],
      { encoding: 'utf8' }
    )
    if (probe.status !== 0) throw new Error(probe.stderr)
    const app = JSON.parse(probe.stdout) as { firstAnswerMs: number; heapMb: number; rssMb: number }
    rows.push({
      metric: 'app process: heap after queries',
      docs: n,
      median: round(app.heapMb),
      p95: round(app.heapMb),
      unit: 'MB',
      rssMb: Math.round(app.rssMb)
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** PDF import: pages per second, over documents of 20 pages each. */
async function benchPdf(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-pdf-'))
  try {
    const files = Array.from({ length: 20 }, (_, i) => {
      const text = makeDocument(100_000 + i, 40_000)
        .text.split('\n')
        .filter(Boolean)
      const pages = Array.from({ length: 20 }, (_, p) =>
        text
          .slice(p * 2, p * 2 + 2)
          .flatMap((l) => l.match(/.{1,90}(\s|$)/g) ?? [])
          .slice(0, 40)
      )
      return { name: `report-${i}.pdf`, data: makePdf(pages) }
    })
    const wb = await open(dir)
    const s = now()
    await mapConcurrent(files, IMPORT_CONCURRENCY, async (f) => {
      const outcome = await wb.importFile(f)
      if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
    })
    const seconds = (now() - s) / 1000
    await wb.close()
    rows.push({
      metric: 'PDF import (20 pages each)',
      docs: files.length,
      median: round((files.length * 20) / seconds),
      p95: round(files.length / seconds),
      unit: 'pages/s | docs/s',
      rssMb: rss()
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** One 5 MB document: import, open (its text read back and checked), a search inside it. */
async function benchLargeDocument(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-5mb-'))
  try {
    const doc = makeDocument(424242, 5 * 1024 * 1024)
    const imports: number[] = []
    const opens: number[] = []
    const finds: number[] = []
    for (let i = 0; i < 3; i++) {
      const wb = await open(join(dir, String(i)))
      let s = now()
      const outcome = await wb.importFile({
        name: 'long-report.md',
        data: new TextEncoder().encode(doc.text)
      })
      if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
      imports.push(now() - s)
      s = now()
      await wb.getDocument(outcome.document.id)
      opens.push(now() - s)
      s = now()
      await wb.findInDocument(outcome.document.id, 'jury')
      finds.push(now() - s)
      await wb.close()
    }
    record('5 MB document: import', 1, imports, 'ms')
    record('5 MB document: text read back and checked', 1, opens, 'ms')
    record('5 MB document: find every match of a word', 1, finds, 'ms')
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const started = new Date().toISOString()
await benchPdf()
rows.push(...(await benchHtmlImport()))
await benchLargeDocument()
for (const n of SIZES) await benchSize(n)
// The browser figures: the reader with a 5 MB document and 5,000 highlights (bench/browser).
if (process.env.BENCH_BROWSER !== '0') {
  const run = spawnSync(
    'npx',
    ['playwright', 'test', '-c', join(import.meta.dirname, 'browser', 'playwright.config.ts')],
    { stdio: 'inherit' }
  )
  if (run.status !== 0) throw new Error('the browser benchmark failed')
  const browser = JSON.parse(
    await readFile(join(import.meta.dirname, 'browser-results.json'), 'utf8')
  ) as { metric: string; median: number; p95: number; unit: string }[]
  for (const b of browser)
    rows.push({
      metric: `browser: ${b.metric}`,
      docs: 1,
      median: round(b.median),
      p95: round(b.p95),
      unit: b.unit,
      rssMb: 0
    })
}
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
await mkdir(join(import.meta.dirname), { recursive: true })
await writeFile(
  join(import.meta.dirname, 'results.json'),
  JSON.stringify(
    {
      started,
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      maxRssMb,
      rows
    },
    null,
    2
  ) + '\n'
)
const pad = (s: string | number, w: number): string => String(s).padEnd(w)
console.log(
  `${pad('metric', 52)}${pad('docs', 8)}${pad('median', 10)}${pad('p95', 10)}${pad('p99', 10)}${pad('unit', 16)}rss MB`
)
for (const r of rows)
  console.log(
    `${pad(r.metric, 52)}${pad(r.docs, 8)}${pad(r.median, 10)}${pad(r.p95, 10)}${pad(r.p99 ?? '', 10)}${pad(r.unit, 16)}${r.rssMb}`
  )
console.log(`peak RSS of the benchmark process: ${maxRssMb} MB`)
