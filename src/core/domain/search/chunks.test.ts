import { describe, expect, it } from 'vitest'
import { chunkText, MAX_CHUNK, MIN_CHUNK } from './chunks'
import { oneWordText } from '../../../test-support/hostile'

describe('chunkText', () => {
  it('cuts long paragraphs at a space, every chunk at most half of MAX_CHUNK', () => {
    const text = 'harbour traffic report '.repeat(500)
    const chunks = chunkText(text, [])
    expect(chunks[0].start).toBe(0)
    expect(chunks.at(-1)?.end).toBe(text.length)
    for (const c of chunks) {
      expect(c.end - c.start).toBeLessThanOrEqual(MAX_CHUNK / 2)
      expect(c.end - c.start).toBeGreaterThan(MIN_CHUNK / 2)
      if (c.end < text.length) expect(text[c.end]).toBe(' ')
    }
  })

  // Before, each cut looked back for a space to the very start of the text: this took minutes
  // (the test's timeout); it is linear now.
  it('cuts a 20-million-character text without a space into chunks, in one pass', () => {
    const text = oneWordText(20_000_000)
    const chunks = chunkText(text, [])
    expect(chunks).toHaveLength(20_000_000 / (MAX_CHUNK / 2))
    expect(chunks.at(-1)?.end).toBe(text.length)
  })
})
