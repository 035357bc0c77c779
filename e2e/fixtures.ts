/**
 * The e2e harness: the built renderer, served from one fixed origin through page.route, with
 * `window.workbench` backed by a real createWorkbench() over a fresh temp workspace. Calls travel
 * exactly as IPC carries them — the same method names, validated by the same dispatch(), with
 * structured-clone-safe results. Any request to another origin, and any uncaught page error,
 * fails the test.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { dispatch } from '../src/core/host/dispatch'
import { createWorkbench, type Workbench } from '../src/core/workbench'
import { API_METHODS, type ApiMethod } from '../src/shared/api'

/** A secure origin, like app:// in Electron (registered as secure): clipboard and other secure-context APIs behave the same. */
export const ORIGIN = 'https://workbench.test'
const ROOT = resolve(import.meta.dirname, '..')
const RENDERER = join(ROOT, 'out', 'renderer')
const WORKER = join(ROOT, 'out', 'main', 'parse-worker.js')
export const SAMPLE_DIR = join(ROOT, 'resources', 'demo')

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png'
}

/** Bytes cannot cross Playwright's bridge as they are, so they travel as base64 and are restored on arrival. */
function bridgeScript(methods: readonly string[]): void {
  const encode = (v: unknown): unknown => {
    if (v instanceof Uint8Array) {
      let s = ''
      for (let i = 0; i < v.length; i += 0x8000)
        s += String.fromCharCode(...v.subarray(i, i + 0x8000))
      return { __bytes: btoa(s) }
    }
    if (Array.isArray(v)) return v.map(encode)
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]))
    return v
  }
  const invoke = (
    window as unknown as { __workbenchInvoke: (m: string, a: unknown) => Promise<string> }
  ).__workbenchInvoke
  const api: Record<string, unknown> = {}
  // Bytes in a result (an exported file) come back as base64 too.
  const decode = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(decode)
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (typeof o.__bytes === 'string' && Object.keys(o).length === 1)
        return Uint8Array.from(atob(o.__bytes), (c) => c.charCodeAt(0))
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]))
    }
    return v
  }
  for (const m of methods)
    api[m] = async (...args: unknown[]) => decode(JSON.parse(await invoke(m, encode(args))))
  Object.defineProperty(window, 'workbench', { value: Object.freeze(api), enumerable: true })
}

/** JSON of an IPC result; throws on values that a structured clone keeps but JSON would change. */
export function toWire(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key]
    const bad =
      raw instanceof Date ||
      raw instanceof Map ||
      raw instanceof Set ||
      ArrayBuffer.isView(raw) ||
      raw instanceof ArrayBuffer ||
      typeof raw === 'bigint' ||
      (typeof raw === 'number' && !Number.isFinite(raw)) ||
      (raw === undefined && Array.isArray(this))
    if (bad) throw new Error(`The harness cannot carry ${String(raw)} at "${key}" as IPC would.`)
    return v
  })
}

/** Bytes in a result (Uint8Array, which IPC carries as they are) as base64, restored in the page. */
function bytesToWire(v: unknown): unknown {
  if (v instanceof Uint8Array) return { __bytes: Buffer.from(v).toString('base64') }
  if (Array.isArray(v)) return v.map(bytesToWire)
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bytesToWire(x)]))
  return v
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode)
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (typeof o.__bytes === 'string' && Object.keys(o).length === 1)
      return new Uint8Array(Buffer.from(o.__bytes, 'base64'))
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]))
  }
  return v
}

/** Serves the built renderer at ORIGIN, as the app:// protocol does in Electron. */
async function serveRenderer(page: Page, foreign: string[]): Promise<void> {
  await page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== ORIGIN) {
      foreign.push(route.request().url())
      return route.abort('blockedbyclient')
    }
    const file = normalize(
      join(RENDERER, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname))
    )
    if (!file.startsWith(RENDERER)) return route.fulfill({ status: 404 })
    try {
      await route.fulfill({
        status: 200,
        body: await readFile(file),
        contentType: MIME[extname(file)] ?? 'application/octet-stream'
      })
    } catch {
      await route.fulfill({ status: 404 })
    }
  })
  page.on('request', (req) => {
    const url = req.url()
    if (!url.startsWith(`${ORIGIN}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url)
  })
}

export interface AppFixtures {
  /** Prepares the workspace folder on disk before the workbench opens it (a previous session's state). */
  seedWorkspace: { run: (dir: string) => Promise<void> } | null
  /** Delay before each importFile call is answered, to watch progress in tests (0: none). */
  importDelayMs: number
  /** Delays before calls of these methods are answered, to see what the app shows meanwhile. */
  callDelaysMs: Partial<Record<ApiMethod, number>>
  workspaceDir: string
  workbench: Workbench
  app: Page
}

export const test = base.extend<AppFixtures>({
  importDelayMs: [0, { option: true }],
  callDelaysMs: [{}, { option: true }],
  seedWorkspace: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  workspaceDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'workbench-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  workbench: async ({ workspaceDir, seedWorkspace }, use) => {
    if (!existsSync(join(RENDERER, 'index.html')) || !existsSync(WORKER))
      throw new Error('The app is not built: run `npm run build` first.')
    await seedWorkspace?.run(workspaceDir)
    const wb = await createWorkbench(workspaceDir, {
      parserWorker: { file: WORKER },
      sampleDir: SAMPLE_DIR
    })
    await use(wb)
    await wb.close()
  },
  app: async ({ page, workbench, importDelayMs, callDelaysMs }, use) => {
    const foreign: string[] = []
    const pageErrors: string[] = []
    page.on('pageerror', (err) => pageErrors.push(err.message))
    await serveRenderer(page, foreign)
    await page.exposeFunction('__workbenchInvoke', async (method: unknown, args: unknown) => {
      if (method === 'importFile' && importDelayMs > 0)
        await new Promise((r) => setTimeout(r, importDelayMs))
      const delay = callDelaysMs[method as ApiMethod]
      if (delay) await new Promise((r) => setTimeout(r, delay))
      const calls = inFlight.get(page) ?? { count: 0, last: 0 }
      inFlight.set(page, calls)
      calls.count++
      try {
        const result = await dispatch(workbench, method, decode(args) as unknown[])
        // structuredClone throws, failing the call, if a result could not cross IPC. The clone then
        // travels as one JSON string (Playwright copies objects property by property: seconds for
        // 5,000 highlights), and toWire refuses anything JSON would not carry exactly.
        return toWire(bytesToWire(structuredClone(result)))
      } finally {
        calls.count--
        calls.last = performance.now()
      }
    })
    await page.addInitScript(bridgeScript, API_METHODS)
    await page.goto(`${ORIGIN}/index.html`)
    await use(page)
    expect(foreign, 'requests to anything but the app origin').toEqual([])
    expect(pageErrors, 'uncaught errors in the page').toEqual([])
  }
})

export { expect, WORKER }

/** Calls being answered for each page, and when the last one was. */
const inFlight = new WeakMap<Page, { count: number; last: number }>()

/**
 * Resolves once the page has made no call for `quietMs` and has received every answer: what a
 * step set off in the background (fetching lists again after a change) is over.
 */
export async function settled(page: Page, quietMs = 300): Promise<void> {
  for (;;) {
    const calls = inFlight.get(page)
    if (!calls || (calls.count === 0 && performance.now() - calls.last >= quietMs)) break
    await new Promise((r) => setTimeout(r, 20))
  }
  // Answers reach the page in order: this one comes after them, and after the frame they cause.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))))
}

/** A file for setInputFiles, from text or bytes. */
export const file = (
  name: string,
  content: string | Uint8Array,
  mimeType = 'application/octet-stream'
): { name: string; mimeType: string; buffer: Buffer } => ({
  name,
  mimeType,
  buffer: Buffer.from(content)
})
