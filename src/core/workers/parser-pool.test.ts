import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { makePdf } from '../../test-support/documents'
import { sourceWorker } from '../../test-support/worker'
import { ParserPool } from './parser-pool'

const pdf = makePdf([['A short report.']])
const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const MAX = 1_000_000

const pools: ParserPool[] = []
const poolOf = (limits: { timeoutMs: number; memoryMb: number }, threads = 2): ParserPool => {
  const pool = new ParserPool(sourceWorker, limits, threads)
  pools.push(pool)
  return pool
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

describe('the parser pool', () => {
  it('parses every format in worker threads, with the checksum and word count of the text', async () => {
    const pool = poolOf({ timeoutMs: 30_000, memoryMb: 512 })
    const [fromPdf, fromMd] = await Promise.all([
      pool.parse({ format: 'pdf', bytes: pdf, maxTextChars: MAX }),
      pool.parse({
        format: 'md',
        bytes: text('# Port report\n\nCranes *idle* again.'),
        maxTextChars: MAX
      })
    ])
    expect(fromPdf.doc.text).toBe('A short report.')
    expect(fromPdf.words).toBe(3)
    expect(fromMd.doc.text).toBe('Port report\n\nCranes idle again.')
    expect(fromMd.textSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reads many files with a few workers, in any order they finish, each result its own', async () => {
    const pool = poolOf({ timeoutMs: 30_000, memoryMb: 512 })
    const names = Array.from({ length: 40 }, (_, i) => `Report number ${i}`)
    const results = await Promise.all(
      names.map((n) => pool.parse({ format: 'txt', bytes: text(n), maxTextChars: MAX }))
    )
    expect(results.map((r) => r.doc.text)).toEqual(names)
  })

  it('stops a parse that takes too long, with the limit in the message, and reads the next file in a fresh worker', async () => {
    const limits = { timeoutMs: 5, memoryMb: 512 }
    const pool = poolOf(limits, 1)
    await expect(pool.parse({ format: 'pdf', bytes: pdf, maxTextChars: MAX })).rejects.toThrow(
      /^reading it took longer than 5 ms; the file may be damaged or too complex$/
    )
    limits.timeoutMs = 30_000
    const next = await pool.parse({ format: 'txt', bytes: text('Still here.'), maxTextChars: MAX })
    expect(next.doc.text).toBe('Still here.')
  })

  it('stops a parse that needs more memory than allowed', async () => {
    const pool = poolOf({ timeoutMs: 30_000, memoryMb: 1 })
    await expect(pool.parse({ format: 'pdf', bytes: pdf, maxTextChars: MAX })).rejects.toThrow(
      /^reading it needs more than 1 MB of memory; the file may be a zip bomb or damaged$/
    )
  })

  it('reports a file it cannot read and goes on with the next', async () => {
    const pool = poolOf({ timeoutMs: 30_000, memoryMb: 512 }, 1)
    const bad = pool.parse({ format: 'pdf', bytes: text('%PDF-1.7 not really'), maxTextChars: MAX })
    const good = pool.parse({ format: 'txt', bytes: text('Still here.'), maxTextChars: MAX })
    await expect(bad).rejects.toThrow()
    expect((await good).doc.text).toBe('Still here.')
  })

  it('sends each worker its next file ahead, and gives that file its own time limit', async () => {
    // Each file takes 400 ms and may take 700: a limit counted from the moment the file was sent
    // (behind another) would stop the second.
    const busy = {
      file: fileURLToPath(new URL('../../test-support/busy-worker.mjs', import.meta.url))
    }
    const pool = new ParserPool(busy, { timeoutMs: 700, memoryMb: 64 }, 1)
    pools.push(pool)
    const files = ['busy 400', 'busy 400', 'busy 400']
    const read = await Promise.all(
      files.map((f) => pool.parse({ format: 'txt', bytes: text(f), maxTextChars: MAX }))
    )
    expect(read.map((r) => r.doc.text)).toEqual(files)
  })

  it('reads the files sent behind one that hangs in a fresh worker, and fails only that one', async () => {
    const busy = {
      file: fileURLToPath(new URL('../../test-support/busy-worker.mjs', import.meta.url))
    }
    const pool = new ParserPool(busy, { timeoutMs: 500, memoryMb: 64 }, 1)
    pools.push(pool)
    const results = await Promise.allSettled(
      ['hang', 'first report', 'second report'].map((f) =>
        pool.parse({ format: 'txt', bytes: text(f), maxTextChars: MAX })
      )
    )
    expect(
      results.map((r) => (r.status === 'fulfilled' ? r.value.doc.text : String(r.reason)))
    ).toEqual([
      'WorkbenchError: reading it took longer than 500 ms; the file may be damaged or too complex',
      'first report',
      'second report'
    ])
  })

  it('refuses a text over the length limit, naming the limit', async () => {
    const pool = poolOf({ timeoutMs: 30_000, memoryMb: 512 })
    await expect(
      pool.parse({ format: 'txt', bytes: text('word '.repeat(100)), maxTextChars: 50 })
    ).rejects.toThrow(/over the limit of 50$/)
  })
})
