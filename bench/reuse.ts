/**
 * Shared-passage detection, measured: `tsx bench/reuse.ts` (REUSE_SIZES=10000 for one size).
 * Not part of `npm test` or `npm run bench`. Prints one table.
 *
 * Three corpora, all from the Brown Corpus (bench/corpus.ts), about 6.7 KB a document:
 * - `independent`: each document generated word by word from the corpus's word pairs (a bigram
 *   chain): English word statistics, so common phrases recur and give candidates as they do
 *   between articles on one subject, but documents do not copy one another: a library of
 *   independent articles. The target (p95 under 16 ms at 10,000) is for this one.
 * - `news`: bench/corpus.ts's documents with one word in five replaced: they still derive from
 *   one another (see below), edited.
 * - `brown-runs`, bench/corpus.ts as it is: each Brown sentence is in about ten of 10,000
 *   documents, and documents whose runs overlap share whole paragraphs, so every document shares
 *   real passages with dozens of others (hundreds at 100,000): a worst case, far more reuse than
 *   a library has.
 * In `news` and `independent`, one document in ten carries its outlet's footer (boilerplate
 * within that outlet); in all three, one document in a hundred copies a 60-word passage from an
 * earlier one, with edits.
 */
import { performance } from 'node:perf_hooks'
import { alignTexts, matchSeeds } from '../src/core/domain/reuse/align'
import { encodeFingerprints } from '../src/core/domain/reuse/codec'
import { FingerprintIndex } from '../src/core/domain/reuse/fingerprint-index'
import { sharedPassagesFor } from '../src/core/domain/reuse/shared-passages'
import { tokenize } from '../src/core/domain/reuse/tokens'
import { fingerprint } from '../src/core/domain/reuse/winnow'
import { brownSentences, makeDocument, rng } from './corpus'

const SIZES = (process.env.REUSE_SIZES ?? '10000,100000').split(',').map(Number)
const QUERIES = Number(process.env.REUSE_QUERIES ?? 300)
const CORPORA = (process.env.REUSE_CORPORA ?? 'independent,news,brown-runs').split(',')

let followers: Map<string, string[]> | null = null
/** Document i of the `independent` corpus: ~1,150 words drawn from the corpus's word pairs. */
function independentDocument(i: number): string {
  if (!followers) {
    followers = new Map()
    const words = brownSentences().slice(0, 30_000).join(' ').split(' ')
    for (let w = 0; w + 1 < words.length; w++) {
      const list = followers.get(words[w])
      if (list) list.push(words[w + 1])
      else followers.set(words[w], [words[w + 1]])
    }
  }
  const next = followers
  const r = rng(i * 131 + 7)
  const keys = [...next.keys()]
  const out: string[] = []
  let w = keys[Math.floor(r() * keys.length)]
  while (out.length < 1150) {
    out.push(w)
    const list = next.get(w)
    w = list ? list[Math.floor(r() * list.length)] : keys[Math.floor(r() * keys.length)]
    if (out.length % 90 === 0) out.push('\n\n')
  }
  return withFooter(i, out.join(' ').replace(/ \n\n /g, '\n\n'))
}

const withFooter = (i: number, text: string): string =>
  i % 10 === 0
    ? `${text}\n\nSubscribe to the Outlet ${i % 7} morning briefing for the day's news from the region, delivered to your inbox before seven.`
    : text

let vocabulary: string[] | null = null
/** Document i of the `news` corpus: one word in five replaced, and an outlet footer for some. */
function newsDocument(i: number): string {
  vocabulary ??= brownSentences().slice(0, 20_000).join(' ').split(' ')
  const vocab = vocabulary
  const r = rng(i * 31 + 17)
  const words = makeDocument(i).text.split(' ')
  const text = words.map((w) => (r() < 0.2 ? vocab[Math.floor(r() * vocab.length)] : w)).join(' ')
  return withFooter(i, text)
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]
}
const ms = (x: number): string => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0))
const rows: [string, string, string][] = []
const row = (what: string, n: string, value: string): void => {
  rows.push([what, n, value])
  console.error(`${what} [${n}]: ${value}`)
}

/** Document i, with a passage of an earlier document copied in and edited for one in a hundred. */
function text(i: number, texts: string[], corpus: string): string {
  const base =
    corpus === 'news'
      ? newsDocument(i)
      : corpus === 'independent'
        ? independentDocument(i)
        : makeDocument(i).text
  if (i < 100 || i % 100 !== 0) return base
  const r = rng(i * 7 + 3)
  const from = texts[i - 1 - Math.floor(r() * 90)].split(/\s+/)
  const at = Math.floor(r() * Math.max(1, from.length - 60))
  const copied = from.slice(at, at + 60).map((w) => (r() < 0.12 ? 'changed' : w))
  const cut = base.indexOf('\n\n', base.length >> 1)
  return `${base.slice(0, cut)}\n\n${copied.join(' ')}\n\n${base.slice(cut + 2)}`
}

function run(corpus: string): void {
  const max = Math.max(...SIZES)
  console.error(`generating ${max} documents (${corpus})`)
  const texts: string[] = []
  for (let i = 0; i < max; i++) texts.push(text(i, texts, corpus))
  const shas = texts.map((_, i) => `doc-${String(i).padStart(6, '0')}`)
  const textOf = new Map(shas.map((s, i) => [s, texts[i]]))

  // Fingerprinting at import, per document.
  const fpTimes: number[] = []
  const words: number[] = []
  const fps: number[] = []
  const recordBytes: number[] = []
  const chars: number[] = []
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now()
    const fp = fingerprint(tokenize(texts[i]))
    fpTimes.push(performance.now() - t0)
    words.push(fp.words)
    fps.push(fp.hashes.length)
    chars.push(texts[i].length)
    recordBytes.push(encodeFingerprints(fp).length)
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length
  row(
    'document: characters, words (mean)',
    '2,000 docs',
    `${mean(chars).toFixed(0)} chars, ${mean(words).toFixed(0)} words`
  )
  row(
    'fingerprinting, per document: median / p95',
    '2,000 docs',
    `${ms(quantile(fpTimes, 0.5))} / ${ms(quantile(fpTimes, 0.95))} ms`
  )
  row(
    'fingerprints per document (mean)',
    '2,000 docs',
    `${mean(fps).toFixed(0)} (${((100 * mean(fps)) / mean(words)).toFixed(0)}% of shingles)`
  )
  row(
    'fingerprint record per document (mean)',
    '2,000 docs',
    `${mean(recordBytes).toFixed(0)} bytes (${((100 * mean(recordBytes)) / mean(chars)).toFixed(0)}% of the text)`
  )

  for (const n of SIZES) {
    const label = `${n.toLocaleString('en')} docs`
    const index = new FingerprintIndex()
    const prints = texts.slice(0, n).map((t) => fingerprint(t))
    // The store keeps each document's fingerprint record; the bench keeps them decoded.
    const printOf = new Map(prints.map((p, i) => [shas[i], p]))
    const t0 = performance.now()
    for (let i = 0; i < n; i++) index.add(shas[i], prints[i])
    const build = performance.now() - t0
    row(
      'index: add every document (total, per document)',
      label,
      `${ms(build)} ms, ${ms((1000 * build) / n)} µs`
    )
    const bytes = index.encode()
    row(
      'index on disk: total, per document',
      label,
      `${(bytes.length / 1e6).toFixed(1)} MB, ${(bytes.length / n).toFixed(0)} bytes`
    )
    const t1 = performance.now()
    const decoded = FingerprintIndex.decode(bytes)
    row('index: decode and sort postings', label, `${ms(performance.now() - t1)} ms`)
    if (decoded.size !== n) throw new Error('decoded index lost documents')
    global.gc?.()
    row(
      'heap after building two indexes',
      label,
      `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`
    )

    const r = rng(n)
    const total: number[] = []
    const candidate: number[] = []
    const align: number[] = []
    const perPair: number[] = []
    let candidates = 0
    let passages = 0
    let pairs = 0
    for (let q = 0; q < QUERIES; q++) {
      const i = Math.floor(r() * n)
      const doc = { sha: shas[i], text: texts[i] }
      // The whole call, as the `reuse DOC_ID` command makes it.
      const s0 = performance.now()
      const found = sharedPassagesFor(index, doc, (s) => textOf.get(s), {
        fingerprintsOf: (s) => printOf.get(s)
      })
      total.push(performance.now() - s0)
      pairs += found.length
      passages += found.reduce((k, p) => k + p.passages.length, 0)
      // The same, split: candidates from the index, then alignment of each candidate.
      const c0 = performance.now()
      const tokens = tokenize(doc.text)
      const fp = fingerprint(tokens)
      const { candidates: cs, boilerplate } = index.query(doc.sha)
      const c1 = performance.now()
      for (const c of cs) {
        const p0 = performance.now()
        const B = { text: textOf.get(c.sha)!, tokens: tokenize(textOf.get(c.sha)!) }
        const seeds = matchSeeds(fp, printOf.get(c.sha)!, (h) => boilerplate.has(h))
        alignTexts({ text: doc.text, tokens }, B, seeds)
        perPair.push(performance.now() - p0)
      }
      candidate.push(c1 - c0)
      align.push(performance.now() - c1)
      candidates += cs.length
    }
    row(
      'reuse DOC_ID: median / p95 / max',
      label,
      `${ms(quantile(total, 0.5))} / ${ms(quantile(total, 0.95))} / ${ms(Math.max(...total))} ms`
    )
    row(
      '  fingerprint + candidates: median / p95',
      label,
      `${ms(quantile(candidate, 0.5))} / ${ms(quantile(candidate, 0.95))} ms`
    )
    row(
      '  alignment of all candidates: median / p95',
      label,
      `${ms(quantile(align, 0.5))} / ${ms(quantile(align, 0.95))} ms`
    )
    row(
      '  one candidate (tokenize, seeds from its record, align): median / p95',
      label,
      `${ms(quantile(perPair, 0.5))} / ${ms(quantile(perPair, 0.95))} ms`
    )
    row(
      '  candidates, documents sharing passages, passages (mean)',
      label,
      `${(candidates / QUERIES).toFixed(1)}, ${(pairs / QUERIES).toFixed(1)}, ${(passages / QUERIES).toFixed(1)}`
    )
  }
}

function main(): void {
  for (const corpus of CORPORA) {
    rows.push([`**${corpus}**`, '', ''])
    run(corpus)
  }
  const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), 8))
  const line = (r: string[]): string => `| ${r.map((x, c) => x.padEnd(width[c])).join(' | ')} |`
  console.log(line(['measure', 'corpus', 'figure']))
  console.log(line(width.map((w) => '-'.repeat(w))))
  for (const r of rows) console.log(line(r))
}

main()
