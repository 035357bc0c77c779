import { describe, expect, it } from 'vitest'
import { mapConcurrent } from './map-concurrent'
import { Turns } from './turns'

describe('Turns', () => {
  it('lets holders go in the order the turns were taken, whatever order they finish in', async () => {
    const turns = new Turns()
    const order: number[] = []
    const held = [0, 1, 2].map(() => turns.take())
    const runs = [2, 0, 1].map(async (i) => {
      await held[i].mine()
      order.push(i)
      held[i].pass()
    })
    await Promise.all(runs)
    expect(order).toEqual([0, 1, 2])
  })
})

describe('mapConcurrent', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0
    let most = 0
    const out = await mapConcurrent([5, 1, 4, 2, 3], 2, async (n) => {
      running++
      most = Math.max(most, running)
      await new Promise((r) => setTimeout(r, n))
      running--
      return n * 10
    })
    expect(out).toEqual([50, 10, 40, 20, 30])
    expect(most).toBe(2)
  })
})
