/**
 * HTML import throughput over generated saved pages (site clutter, inline state, styles and icons,
 * 34 KB on average): whole imports through the workbench (article extraction, the default), and
 * the parser workers alone with and without `wholePage`, to show what finding the article costs.
 * Run by `npm run bench`; alone with `npm run build && tsx bench/html-import.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseBytes } from '../src/core/import/parse-bytes'
import { defaultParserThreads, ParserPool } from '../src/core/workers/parser-pool'
import { mapConcurrent } from '../src/core/base/map-concurrent'
import { IMPORT_CONCURRENCY } from '../src/core/features/documents/import-service'
import { createWorkbench } from '../src/core/workbench'
import { makeWebPage, SITE_STYLES } from '../src/test-support/web-pages'

export interface HtmlBenchRow {
  metric: string
  docs: number
  median: number
  p95: number
  unit: string
  rssMb: number
}

const WORKER = { file: join(import.meta.dirname, '../out/main/parse-worker.js') }
const INDEX_WORKER = { file: join(import.meta.dirname, '../out/main/index-worker.js') }
const rss = (): number => Math.round(process.memoryUsage().rss / 1048576)
const round = (n: number): number => Math.round(n * 100) / 100
const quantile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}

export async function benchHtmlImport(count = 1000): Promise<HtmlBenchRow[]> {
  const rows: HtmlBenchRow[] = []
  const pages = Array.from({ length: count }, (_, i) => ({
    name: `page-${i}.html`,
    data: new TextEncoder().encode(makeWebPage(SITE_STYLES[i % SITE_STYLES.length], i).html)
  }))
  const kb = pages.reduce((s, p) => s + p.data.byteLength, 0) / count / 1024
  console.error(`  ${count} saved pages, ${Math.round(kb)} KB each on average`)

  // Whole imports (parse, store, index), the article read from each page.
  const dir = await mkdtemp(join(tmpdir(), 'bench-html-'))
  try {
    const wb = await createWorkbench(dir, { parserWorker: WORKER, indexWorker: INDEX_WORKER })
    const s = performance.now()
    await mapConcurrent(pages, IMPORT_CONCURRENCY, async (file) => {
      const outcome = await wb.importFile(file)
      if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
    })
    const seconds = (performance.now() - s) / 1000
    await wb.close()
    rows.push({
      metric: `HTML import, article (${count} saved pages)`,
      docs: count,
      median: round(count / seconds),
      p95: round((count * kb) / 1024 / seconds),
      unit: 'docs/s | MB/s',
      rssMb: rss()
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  // The parser workers alone, as many as an import uses: article against whole page.
  for (const wholePage of [false, true]) {
    const pool = new ParserPool(WORKER, { timeoutMs: 60_000, memoryMb: 1024 })
    try {
      // Warm the workers (module loading, JIT) before timing.
      await Promise.all(
        pages.slice(0, 20).map((p) =>
          pool.parse({
            format: 'html',
            bytes: p.data,
            maxTextChars: 20_000_000,
            options: { wholePage }
          })
        )
      )
      const s = performance.now()
      await mapConcurrent(pages, 16, (p) =>
        pool.parse({
          format: 'html',
          bytes: p.data,
          maxTextChars: 20_000_000,
          options: { wholePage }
        })
      )
      const seconds = (performance.now() - s) / 1000
      rows.push({
        metric: `HTML parse in ${defaultParserThreads()} workers, ${wholePage ? 'whole page' : 'article'}`,
        docs: count,
        median: round(count / seconds),
        p95: 0,
        unit: 'docs/s',
        rssMb: rss()
      })
    } finally {
      await pool.close()
    }
  }

  // One thread, per page: what finding the article costs over reading the whole page.
  for (const wholePage of [false, true]) {
    const sample = pages.slice(0, 300)
    for (const p of sample.slice(0, 20)) await parseBytes('html', p.data, 20_000_000, { wholePage })
    const ms: number[] = []
    for (const p of sample) {
      const s = performance.now()
      await parseBytes('html', p.data, 20_000_000, { wholePage })
      ms.push(performance.now() - s)
    }
    rows.push({
      metric: `HTML parse, one thread, ${wholePage ? 'whole page' : 'article'}`,
      docs: sample.length,
      median: round(quantile(ms, 0.5)),
      p95: round(quantile(ms, 0.95)),
      unit: 'ms/page',
      rssMb: rss()
    })
  }
  for (const r of rows)
    console.error(`  ${r.metric}: ${r.median} (p95 ${r.p95}) ${r.unit}, RSS ${r.rssMb} MB`)
  return rows
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await benchHtmlImport(Number(process.env.BENCH_HTML_PAGES ?? 1000))
}
