/**
 * tsx bench/exchange.ts: QDA-XML export and import, and case bundle write, read and merge, on a
 * project of 1,000 documents and 10,000 highlights (BENCH_DOCS, BENCH_HIGHLIGHTS to change).
 * Never part of npm test. Prints one table: median and worst of BENCH_RUNS runs (default 3).
 */
import { createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { readBundle, writeBundle } from '../src/core/domain/exchange/bundle/bundle-zip'
import type { CaseState } from '../src/core/domain/exchange/bundle/format'
import { mergeCase } from '../src/core/domain/exchange/bundle/merge'
import type { QdaProject } from '../src/core/domain/exchange/qdpx/project'
import { readQdpx } from '../src/core/domain/exchange/qdpx/read-qdpx'
import { writeQdpx } from '../src/core/domain/exchange/qdpx/write-qdpx'
import { renderProject } from '../src/core/domain/exchange/qdpx/write-project'
import { makeDocument } from './corpus'

const DOCS = Number(process.env.BENCH_DOCS ?? 1000)
const HIGHLIGHTS = Number(process.env.BENCH_HIGHLIGHTS ?? 10_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex')
const T0 = '2025-03-01T09:00:00.000Z'

function project(): QdaProject {
  const codes = Array.from({ length: 60 }, (_, i) => ({
    id: `t${i}`,
    name: `Theme ${i}`,
    parent: i < 10 ? null : `t${i % 10}`,
    color: '#2563eb',
    description: i % 3 ? '' : `What theme ${i} covers`
  }))
  // Astral characters in every text, so that offsets are converted, not copied.
  const documents = Array.from({ length: DOCS }, (_, i) => {
    const d = makeDocument(i)
    return {
      id: `d${String(i).padStart(9, '0')}`,
      title: d.name,
      text: `🚢 ${d.text} 𠀀`,
      note: i % 4 ? '' : 'Check this source.',
      details: { source: 'Ledger', reliability: 'B' }
    }
  })
  const per = Math.ceil(HIGHLIGHTS / DOCS)
  const highlights = []
  for (let h = 0; h < HIGHLIGHTS; h++) {
    const doc = documents[h % DOCS]
    const k = Math.floor(h / DOCS)
    const span = Math.floor(doc.text.length / per)
    const start = k * span + 2
    highlights.push({
      id: `${doc.id}.${k}`,
      docId: doc.id,
      start,
      end: Math.min(doc.text.length - 3, start + 80),
      tags: [`t${h % 60}`, `t${(h * 7) % 60}`].filter((x, i, a) => a.indexOf(x) === i),
      note: h % 3 ? '' : `Note ${h}\nsecond line`,
      created: T0,
      modified: T0
    })
  }
  const memos = Array.from({ length: 100 }, (_, i) => ({
    id: `m${i}`,
    title: `Memo ${i}`,
    text: 'Text.',
    docIds: [documents[i % DOCS].id],
    tagIds: [`t${i % 60}`],
    created: T0,
    modified: T0
  }))
  return {
    name: 'Bench',
    users: [{ id: 'u1', name: 'Analyst' }],
    documents,
    codes,
    highlights,
    memos
  }
}

function caseOf(p: QdaProject): CaseState {
  return {
    documents: p.documents.map((d) => ({
      id: d.id,
      textSha256: sha256(d.text),
      sha256: sha256(d.id),
      title: d.title,
      author: null,
      published: null,
      source: 'Ledger',
      originalName: d.title,
      format: 'md',
      importedAt: T0,
      note: d.note,
      included: true,
      modified: T0
    })),
    tags: p.codes.map((c) => ({ ...c, modified: T0 })),
    annotations: p.highlights.map((h) => {
      const text = p.documents.find((d) => d.id === h.docId)!.text
      return {
        id: h.id,
        docId: h.docId,
        quote: {
          type: 'TextQuoteSelector',
          exact: text.slice(h.start, h.end),
          prefix: '',
          suffix: ''
        },
        position: { type: 'TextPositionSelector', start: h.start, end: h.end },
        status: 'anchored',
        color: 'yellow',
        tags: h.tags,
        note: h.note,
        created: T0,
        modified: T0
      }
    }),
    memos: p.memos
  }
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number[] }> {
  const ms: number[] = []
  let value!: T
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    value = await fn()
    ms.push(performance.now() - t)
  }
  return { value, ms: ms.sort((a, b) => a - b) }
}

const rows: [string, number[], string][] = []
const p = project()
const chars = p.documents.reduce((n, d) => n + d.text.length, 0)
console.log(
  `${DOCS} documents (${(chars / 1e6).toFixed(1)} M characters), ${p.highlights.length} highlights, ${p.codes.length} codes`
)

const rendered = await time(() => renderProject(p, { workspaceId: 'bench' }))
rows.push([
  'qdpx: render project.qde',
  rendered.ms,
  `${(rendered.value.xml.length / 1e6).toFixed(1)} MB of XML`
])
const zipped = await time(() => writeQdpx(p, { workspaceId: 'bench' }))
rows.push([
  'qdpx: export (render + zip)',
  zipped.ms,
  `${(zipped.value.bytes.length / 1e6).toFixed(1)} MB .qdpx`
])
const read = await time(async () => {
  const r = await readQdpx(zipped.value.bytes)
  if ('error' in r) throw new Error(r.error)
  return r
})
rows.push([
  'qdpx: import (unzip + parse)',
  read.ms,
  `${read.value.project.highlights.length} highlights, ${read.value.skipped.length} skipped`
])

const base = caseOf(p)
const texts = new Map(p.documents.map((d) => [d.id, d.text]))
const manifest = {
  id: 'b1',
  createdAt: T0,
  from: { workspaceId: 'a' },
  to: null,
  lastExchange: null
}
const bundle = await time(() => writeBundle({ manifest, state: base, texts }, sha256))
rows.push(['bundle: write', bundle.ms, `${(bundle.value.length / 1e6).toFixed(1)} MB .awb`])
const checked = await time(async () => {
  const r = await readBundle(bundle.value, sha256)
  if (!r.ok) throw new Error(r.error)
  return r
})
rows.push([
  'bundle: read and check',
  checked.ms,
  `${checked.value.bundle.state.annotations.length} annotations`
])
const a = structuredClone(base)
const b = structuredClone(base)
for (let i = 0; i < a.annotations.length; i += 10)
  Object.assign(a.annotations[i], {
    note: `${a.annotations[i].note}\nfrom a`,
    modified: '2025-03-02T09:00:00.000Z'
  })
for (let i = 5; i < b.annotations.length; i += 10)
  Object.assign(b.annotations[i], { color: 'green', modified: '2025-03-02T10:00:00.000Z' })
const merged = await time(() =>
  mergeCase({
    local: { workspaceId: 'a', state: a },
    incoming: { workspaceId: 'b', state: b },
    base
  })
)
rows.push([
  'bundle: merge (1,000 edits a side)',
  merged.ms,
  `${merged.value.report.changes.length} changes`
])

const pad = (s: string, n: number): string => s.padEnd(n)
console.log(`\n${pad('step', 38)}${pad('median ms', 12)}${pad('worst ms', 12)}size`)
for (const [name, ms, note] of rows)
  console.log(
    `${pad(name, 38)}${pad(ms[Math.floor(ms.length / 2)].toFixed(0), 12)}${pad(ms[ms.length - 1].toFixed(0), 12)}${note}`
  )
