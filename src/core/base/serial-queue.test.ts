import { describe, expect, it } from 'vitest'
import { SerialQueue } from './serial-queue'

describe('SerialQueue', () => {
  it('runs tasks in order even when one fails', async () => {
    const q = new SerialQueue()
    const seen: number[] = []
    const slow = q.run(async () => {
      await new Promise((r) => setTimeout(r, 20))
      seen.push(1)
    })
    const failing = q.run(async () => {
      seen.push(2)
      throw new Error('boom')
    })
    const last = q.run(async () => seen.push(3))
    await slow
    await expect(failing).rejects.toThrow('boom')
    await last
    expect(seen).toEqual([1, 2, 3])
  })
})
