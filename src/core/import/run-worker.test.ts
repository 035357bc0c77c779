import { describe, expect, it } from 'vitest'
import { makePdf } from '../../test-support/documents'
import { sourceWorker } from '../../test-support/worker'
import { parseInWorker } from './run-worker'

const pdf = makePdf([['A short report.']])

describe('parseInWorker', () => {
  it('parses in a worker thread', async () => {
    const doc = await parseInWorker(
      sourceWorker,
      { format: 'pdf', bytes: pdf },
      { timeoutMs: 30_000, memoryMb: 512 }
    )
    expect(doc.text).toBe('A short report.')
  })

  it('stops a parse that takes too long, with the limit in the message', async () => {
    await expect(
      parseInWorker(sourceWorker, { format: 'pdf', bytes: pdf }, { timeoutMs: 5, memoryMb: 512 })
    ).rejects.toThrow(/^reading it took longer than 5 ms; the file may be damaged or too complex$/)
  })

  it('stops a parse that needs more memory than allowed', async () => {
    await expect(
      parseInWorker(sourceWorker, { format: 'pdf', bytes: pdf }, { timeoutMs: 30_000, memoryMb: 1 })
    ).rejects.toThrow(
      /^reading it needs more than 1 MB of memory; the file may be a zip bomb or damaged$/
    )
  })
})
