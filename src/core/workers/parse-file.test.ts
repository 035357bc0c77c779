import { afterEach, describe, expect, it } from 'vitest'
import { encode, legacyText } from '../../test-support/encoded-texts'
import { makeWebPage } from '../../test-support/web-pages'
import { sourceWorker } from '../../test-support/worker'
import { parseFile } from './parse-file'
import { ParserPool } from './parser-pool'

const limits = { maxFileBytes: 10 * 1024 * 1024, maxTextChars: 5_000_000, parseTimeoutMs: 30_000 }
const pools: ParserPool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})
const pool = (): ParserPool => {
  const p = new ParserPool(sourceWorker, { timeoutMs: 30_000, memoryMb: 512 }, 1)
  pools.push(p)
  return p
}

describe('read options through the parser worker', () => {
  it('reads a web page as its article by default, whole when asked, with details and warnings', async () => {
    const p = pool()
    const page = makeWebPage('newspaper', 5)
    const bytes = new TextEncoder().encode(page.html)
    const article = await parseFile('story.html', bytes, { limits, pool: p })
    const whole = await parseFile('story.html', bytes, {
      limits,
      pool: p,
      read: { wholePage: true }
    })
    expect(article.doc.text).not.toContain('Share this story')
    expect(whole.doc.text).toContain('Share this story')
    expect(article.doc.hints).toMatchObject({
      title: page.article.headline,
      url: page.article.url,
      encoding: { name: 'utf-8', guessed: false, confidence: 1 }
    })
    expect(article.doc.warnings).toEqual([])
  })

  it('decodes with a forced encoding ("Read again as…"), and guesses without one', async () => {
    const p = pool()
    const bytes = encode(legacyText('russian'), 'koi8-r')
    const guessed = await parseFile('note.txt', bytes, { limits, pool: p })
    expect(guessed.doc.text).toBe(legacyText('russian').trim())
    expect(guessed.doc.hints.encoding).toMatchObject({ name: 'koi8-r', guessed: true })
    const forced = await parseFile('note.txt', bytes, {
      limits,
      pool: p,
      read: { encoding: 'windows-1251' }
    })
    expect(forced.doc.hints.encoding).toEqual({
      name: 'windows-1251',
      guessed: false,
      confidence: 1
    })
    expect(forced.doc.warnings[0]).toMatch(/^The text does not read as windows-1251/)
    await expect(
      parseFile('note.txt', bytes, { limits, pool: p, read: { encoding: 'no-such-code' } })
    ).rejects.toThrow(/"no-such-code" is not an encoding the workbench knows/)
  })
})
