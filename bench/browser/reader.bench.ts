/**
 * Browser figures for `npm run bench`: a 5 MB document with 5,000 highlights in the reader, through
 * the same harness as the e2e tests. Writes bench/browser-results.json, which bench/run.ts adds to
 * its table. Times are taken inside the page, up to the frame after the change is made.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createWorkbench } from '../../src/core/workbench'
import { test, WORKER } from '../../e2e/fixtures'
import { openDoc } from '../../e2e/helpers'
import { makeDocument } from '../corpus'

const HIGHLIGHTS = 5000
const COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const
let title = ''

test.use({
  seedWorkspace: {
    run: async (dir) => {
      const wb = await createWorkbench(dir, { parserWorker: { file: WORKER } })
      const doc = makeDocument(424242, 5 * 1024 * 1024)
      const outcome = await wb.importFile({
        name: 'long-report.md',
        data: new TextEncoder().encode(doc.text)
      })
      if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome))
      title = outcome.document.title
      const docId = outcome.document.id
      const { text } = await wb.getDocument(docId)
      await wb.close()
      // 5,000 highlights spread evenly over the text, written as one annotation file.
      const step = Math.floor(text.length / HIGHLIGHTS)
      const annotations = Array.from({ length: HIGHLIGHTS }, (_, k) => {
        const start = k * step + 10
        const end = start + 40
        return {
          id: `${docId}.h${k}`,
          docId,
          quote: {
            type: 'TextQuoteSelector',
            exact: text.slice(start, end),
            prefix: text.slice(start - 10, start),
            suffix: text.slice(end, end + 10)
          },
          position: { type: 'TextPositionSelector', start, end },
          status: 'anchored',
          color: COLORS[k % COLORS.length],
          tags: [],
          note: '',
          created: '2025-01-01T00:00:00.000Z',
          modified: '2025-01-01T00:00:00.000Z'
        }
      })
      await writeFile(
        join(dir, 'annotations', `${docId}.json`),
        JSON.stringify({ schemaVersion: 1, docId, note: '', annotations })
      )
    }
  }
})

/** How many ranges the page paints in highlight layers whose names start with `prefix`. */
const paintedCount = (prefix: string): number => {
  let n = 0
  for (const [name, h] of CSS.highlights) if (name.startsWith(prefix)) n += h.size
  return n
}

test('a 5 MB document with 5,000 highlights', async ({ app }) => {
  const results: { metric: string; median: number; p95: number; unit: string }[] = []
  const q = (xs: number[], p: number): number =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]
  await app.getByRole('list', { name: 'Library' }).getByRole('button').first().waitFor()

  // Open: from the click to the first frame with the highlights painted.
  const openCdp =
    process.env.BENCH_PROFILE === 'open' ? await app.context().newCDPSession(app) : null
  const openEvents: { name: string; ph: string; dur?: number }[] = []
  if (openCdp) {
    openCdp.on('Tracing.dataCollected', (e) =>
      openEvents.push(...(e.value as unknown as typeof openEvents))
    )
    await openCdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
      transferMode: 'ReportEvents'
    })
  }
  await app.evaluate(() => {
    ;(window as unknown as { __t0: number }).__t0 = performance.now()
  })
  await openDoc(app, title.slice(0, 20))
  // The first frame showing the opening text with its highlights, then the whole text shown (a
  // long text's later parts are fetched and added while the page is idle).
  const open = await app.evaluate(
    async ({ count }) => {
      const counter = new Function('prefix', `return (${count})(prefix)`) as (p: string) => number
      const t0 = (window as unknown as { __t0: number }).__t0
      while (counter('wb-') === 0) await new Promise((r) => setTimeout(r, 1))
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      const first = performance.now() - t0
      // The reader is busy until the whole text has arrived and is shown (it paints highlights
      // near the screen only).
      const busy = (): boolean =>
        document.querySelector('article.reader')?.getAttribute('aria-busy') !== 'false'
      while (busy()) await new Promise((r) => setTimeout(r, 1))
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      return { first, all: performance.now() - t0 }
    },
    { count: paintedCount.toString() }
  )
  results.push({
    metric: 'open to first screen painted',
    median: open.first,
    p95: open.first,
    unit: 'ms'
  })
  results.push({
    metric: 'open to whole text shown',
    median: open.all,
    p95: open.all,
    unit: 'ms'
  })
  if (openCdp) {
    const done = new Promise((r) => openCdp.once('Tracing.tracingComplete', r))
    await openCdp.send('Tracing.end')
    await done
    const byName = new Map<string, number>()
    for (const e of openEvents)
      if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000)
    for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.log(`open trace ${k}: ${v.toFixed(0)} ms`)
  }

  // One more highlight: select a passage and press H; until the frame that paints it.
  const article = app.getByRole('article')
  const create: number[] = []
  // BENCH_PROFILE=1 prints where the page spends its time while highlights are created.
  const cdp = process.env.BENCH_PROFILE ? await app.context().newCDPSession(app) : null
  const events: { name: string; ph: string; dur?: number }[] = []
  if (cdp) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.start')
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)))
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline',
      transferMode: 'ReportEvents'
    })
  }
  for (let i = 0; i < 5; i++) {
    const ms = await article.evaluate(async (el, i) => {
      const blocks = el.querySelectorAll('.reader-body [data-start]')
      const block = blocks[100 + i * 37]
      block.scrollIntoView({ block: 'center' })
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      ;(el as HTMLElement).focus()
      const node = block.firstChild as Text
      const end = Math.min(node.length, 25)
      const range = document.createRange()
      range.setStart(node, 1)
      range.setEnd(node, end)
      document.getSelection()?.removeAllRanges()
      document.getSelection()?.addRange(range)
      await new Promise((r) => setTimeout(r, 50))
      // Painted: a highlight object holds a range over exactly the selected text.
      const painted = (): boolean => {
        for (const [name, h] of CSS.highlights)
          if (name.startsWith('wb-') && name !== 'wb-selected')
            for (const r of h as unknown as Iterable<AbstractRange>)
              if (r.startContainer === node && r.startOffset === 1 && r.endOffset === end)
                return true
        return false
      }
      const t0 = performance.now()
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }))
      while (!painted()) await new Promise((r) => setTimeout(r, 0))
      await new Promise((r) => requestAnimationFrame(r))
      return performance.now() - t0
    }, i)
    create.push(ms)
  }
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop')
    const self = new Map<string, number>()
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    profile.samples?.forEach((id, k) => {
      const f = byId.get(id)?.callFrame
      const key = `${f?.functionName || '(anonymous)'} ${f?.url.split('/').pop()}:${f?.lineNumber}`
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[k] ?? 0))
    })
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
    await cdp.send('Tracing.end')
    await done
    const byName = new Map<string, number>()
    for (const e of events)
      if (e.ph === 'X' && e.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000)
    for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12))
      console.log(`trace ${k}: ${v.toFixed(0)} ms`)
    const total = [...self.values()].reduce((a, b) => a + b, 0)
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${((100 * v) / total).toFixed(1)}% ${k}`)
  }
  results.push({
    metric: 'new highlight painted',
    median: q(create, 0.5),
    p95: q(create, 0.95),
    unit: 'ms'
  })

  if (cdp) {
    const calls = await app.evaluate(async () => {
      const wb = (
        window as unknown as { workbench: Record<string, (...a: unknown[]) => Promise<unknown>> }
      ).workbench
      const docs = ((await wb.listDocuments()) as { value: { id: string }[] }).value
      const out: Record<string, number> = {}
      for (const m of ['listAnnotations', 'getDocumentNote', 'listTags', 'getDocument']) {
        const t = performance.now()
        await wb[m](docs[0].id)
        out[m] = performance.now() - t
      }
      return out
    })
    console.log('bridge calls', JSON.stringify(calls))
  }

  // Scrolling: frame times while the reader scrolls through the document.
  const frames = await article.evaluate(async (el) => {
    const scroller = (() => {
      for (let n: HTMLElement | null = el as HTMLElement; n; n = n.parentElement)
        if (n.scrollHeight > n.clientHeight + 10 && getComputedStyle(n).overflowY !== 'visible')
          return n
      return document.scrollingElement as HTMLElement
    })()
    scroller.scrollTop = 0
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    const times: number[] = []
    let last = performance.now()
    for (let i = 0; i < 150; i++) {
      scroller.scrollTop += 1200
      await new Promise((r) => requestAnimationFrame(r))
      const now = performance.now()
      times.push(now - last)
      last = now
    }
    return times
  })
  results.push({
    metric: 'scroll frame time',
    median: q(frames, 0.5),
    p95: Math.max(...frames),
    unit: 'ms (max)'
  })

  // Clearing and recolouring every highlight: the browser's part, straight on the highlight registry.
  const registry = await app.evaluate(async () => {
    const frame = (): Promise<unknown> =>
      new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    const saved = [...CSS.highlights.entries()]
    let t = performance.now()
    CSS.highlights.clear()
    await frame()
    const clear = performance.now() - t
    const all = saved.flatMap(([, h]) => [...(h as unknown as Iterable<AbstractRange>)])
    t = performance.now()
    CSS.highlights.set('wb-green', new Highlight(...all))
    await frame()
    const recolour = performance.now() - t
    CSS.highlights.clear()
    for (const [name, h] of saved) CSS.highlights.set(name, h)
    return { clear, recolour }
  })
  results.push({
    metric: 'clear all highlights',
    median: registry.clear,
    p95: registry.clear,
    unit: 'ms'
  })
  results.push({
    metric: 'recolour all highlights',
    median: registry.recolour,
    p95: registry.recolour,
    unit: 'ms'
  })

  await writeFile(
    join(import.meta.dirname, '..', 'browser-results.json'),
    JSON.stringify(results, null, 2) + '\n'
  )
  for (const r of results)
    console.log(`${r.metric}: median ${r.median.toFixed(1)}, p95 ${r.p95.toFixed(1)} ${r.unit}`)
})
