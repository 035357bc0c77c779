/**
 * tsx bench/analysis.ts: the analysis views' pure core on a generated workspace (by default
 * 10,000 documents, 100,000 highlights, 300 tags; BENCH_DOCS, BENCH_HIGHLIGHTS, BENCH_TAGS to
 * change). Prints one table. Never part of npm test. Target: code matrix and co-occurrence under
 * 100 ms each.
 */
import type { Annotation, Block, DocumentMeta, Tag } from '../src/shared/model'
import type { AchEvidence } from '../src/shared/analysis'
import { analysis, row } from '../src/core/domain/analysis/ach-fixture'
import { scoreAnalysis } from '../src/core/domain/analysis/ach-score'
import { cooccurrence, type CooccurrenceOptions } from '../src/core/domain/analysis/cooccurrence'
import { doc } from '../src/core/domain/analysis/fixture'
import { dateRange, type AnalysisInput } from '../src/core/domain/analysis/input'
import { codeMatrix, matrixPassages, sourceColumns } from '../src/core/domain/analysis/matrix'
import { matrixCsv } from '../src/core/domain/analysis/tables'
import { timeline } from '../src/core/domain/analysis/timeline'

const DOCS = Number(process.env.BENCH_DOCS ?? 10_000)
const HIGHLIGHTS = Number(process.env.BENCH_HIGHLIGHTS ?? 100_000)
const TAGS = Number(process.env.BENCH_TAGS ?? 300)
const PARAGRAPHS = 20
const PARAGRAPH_CHARS = 400

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function workspace(): { input: AnalysisInput; paragraphs: Map<string, Block[]> } {
  const r = rng(16)
  const pick = (n: number): number => Math.floor(r() * n)
  // A codebook of 30 themes with 9 sub-tags each (300 in all), a few of those with sub-tags.
  const tags: Tag[] = []
  for (let i = 0; tags.length < TAGS; i++) {
    const top = `t${i}`
    tags.push({ id: top, name: `Theme ${i}`, parent: null, color: '#2563eb', description: '' })
    for (let j = 0; j < 9 && tags.length < TAGS; j++)
      tags.push({
        id: `${top}.${j}`,
        name: `Sub ${j}`,
        parent: top,
        color: '#059669',
        description: ''
      })
  }
  const documents: DocumentMeta[] = []
  const paragraphs = new Map<string, Block[]>()
  for (let d = 0; d < DOCS; d++) {
    const day = 1 + pick(28)
    const meta = doc(
      `d${d}`,
      `20${10 + pick(15)}-0${1 + pick(9)}-${String(day).padStart(2, '0')}`,
      `Outlet ${pick(50)}`
    )
    documents.push(meta)
    paragraphs.set(
      meta.id,
      Array.from({ length: PARAGRAPHS }, (_, p) => ({
        kind: 'paragraph' as const,
        start: p * PARAGRAPH_CHARS,
        end: (p + 1) * PARAGRAPH_CHARS - 1
      }))
    )
  }
  const quotes = [
    'Talks began last week, officials said.',
    'The group was first named in 2019 by investigators.',
    'Nothing in this passage says when.',
    'The transfer was made on 3 March through an exchange.'
  ]
  const annotations: Annotation[] = []
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const start = pick(PARAGRAPHS * PARAGRAPH_CHARS - 200)
    const n = 1 + pick(3)
    const ids = new Set<string>()
    while (ids.size < n) ids.add(tags[pick(tags.length)].id)
    annotations.push({
      id: `a${i}`,
      docId: `d${pick(DOCS)}`,
      quote: {
        type: 'TextQuoteSelector',
        exact: quotes[i % quotes.length],
        prefix: '',
        suffix: ''
      },
      position: { type: 'TextPositionSelector', start, end: start + 20 + pick(150) },
      status: 'anchored',
      color: 'yellow',
      tags: [...ids],
      note: '',
      created: '2024-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z'
    })
  }
  return { input: { documents, annotations, tags }, paragraphs }
}

interface Line {
  what: string
  median: number
  p95: number
  cpu: number
  result: string
}
const lines: Line[] = []
const q = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]
}

/**
 * Wall time, and the CPU time of this process (user + system): on a shared machine the first
 * includes waiting for a core, the second does not.
 */
function measure(
  what: string,
  f: () => unknown,
  runs = 10,
  describe: (x: unknown) => string = () => ''
): void {
  f() // Warm up.
  const wall: number[] = []
  const cpu: number[] = []
  let last: unknown
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage()
    const t = performance.now()
    last = f()
    wall.push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  const round = (n: number): number => Math.round(n * 10) / 10
  lines.push({
    what,
    median: round(q(wall, 0.5)),
    p95: round(q(wall, 0.95)),
    cpu: round(q(cpu, 0.5)),
    result: describe(last)
  })
  console.error(`  ${what}: median ${round(q(wall, 0.5))} ms`)
}

const t0 = performance.now()
const { input, paragraphs } = workspace()
console.error(
  `generated ${DOCS} documents, ${HIGHLIGHTS} highlights, ${TAGS} tags in ${Math.round(performance.now() - t0)} ms`
)

type M = ReturnType<typeof codeMatrix>
const cells = (m: unknown): string => `${(m as M).rows.length} × ${(m as M).cols.length}`
measure('code matrix × documents, all (CLI, export)', () => codeMatrix(input), 10, cells)
measure(
  'code matrix × documents, busiest 100 (the app)',
  () => codeMatrix(input, { maxColumns: 100 }),
  10,
  cells
)
measure('code matrix × sources', () => codeMatrix(input, { columns: sourceColumns() }), 10, cells)
measure(
  'code matrix × sources, 2020 on',
  () => codeMatrix(input, { columns: sourceColumns(), include: dateRange({ from: '2020-01-01' }) }),
  10,
  cells
)
measure(
  'matrix cell passages (a theme, one source)',
  () => matrixPassages(input, { tagId: 't3', columnId: 'Outlet 7' }, { columns: sourceColumns() }),
  10,
  (x) => `${(x as unknown[]).length} passages`
)
const sourcesMatrix = codeMatrix(input, { columns: sourceColumns() })
measure(
  'matrix × sources as CSV',
  () => matrixCsv(sourcesMatrix),
  10,
  (x) => `${Math.round((x as string).length / 1024)} KB`
)
const opts = (scope: CooccurrenceOptions['scope']): CooccurrenceOptions => ({
  scope,
  paragraphsOf: (id) => paragraphs.get(id)
})
const pairs = (c: unknown): string => `${(c as ReturnType<typeof cooccurrence>).pairs.length} pairs`
measure('co-occurrence, highlight', () => cooccurrence(input, opts('highlight')), 10, pairs)
measure('co-occurrence, overlap', () => cooccurrence(input, opts('overlap')), 10, pairs)
measure('co-occurrence, paragraph', () => cooccurrence(input, opts('paragraph')), 10, pairs)

// The timeline reads dates with chrono-node: measured on 10,000 passages, uncached.
const sample = { ...input, annotations: input.annotations.slice(0, 10_000) }
measure(
  'timeline, 10,000 passages, dates read',
  () => timeline(sample),
  3,
  (x) => `${(x as ReturnType<typeof timeline>).marks.length} marks`
)

// ACH: 10 hypotheses, 200 rows, origins folded, sensitivity over every row and origin.
const r = rng(8)
const hyps = Array.from({ length: 10 }, (_, i) => [`H${i}`, `Hypothesis ${i}`] as const)
const ratings = ['CC', 'C', 'N', 'I', 'II', 'NA']
const rows: AchEvidence[] = Array.from({ length: 200 }, (_, i) =>
  row(
    `E${i}`,
    hyps.map(() => ratings[Math.floor(r() * 6)]).join(' '),
    hyps.map(([id]) => id)
  )
)
const ach = analysis(hyps, rows)
const ctx = { originOf: (e: AchEvidence) => `o${Number(e.id.slice(1)) % 40}`, foldOrigins: true }
measure(
  'ACH score, 10 × 200, folded, sensitivity',
  () => scoreAnalysis(ach, ctx),
  10,
  (x) => `leader ${(x as ReturnType<typeof scoreAnalysis>).sensitivity.leader.join(',')}`
)

const pad = (s: string, n: number): string => s.padEnd(n)
const num = (n: number | string, w: number): string => String(n).padStart(w)
console.log(
  `\nAnalysis views — ${DOCS} documents, ${HIGHLIGHTS} highlights, ${TAGS} tags (Node ${process.version})\n`
)
console.log(
  `${pad('measure', 44)} ${num('median ms', 10)} ${num('p95 ms', 8)} ${num('cpu ms', 8)}  result`
)
for (const l of lines)
  console.log(
    `${pad(l.what, 44)} ${num(l.median, 10)} ${num(l.p95, 8)} ${num(l.cpu, 8)}  ${l.result}`
  )
