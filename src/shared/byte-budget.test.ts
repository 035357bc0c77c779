import { describe, expect, it } from 'vitest'
import { ByteBudget } from './byte-budget'

describe('ByteBudget', () => {
  it('lets items run together up to the budget; one that does not fit waits for room', async () => {
    const budget = new ByteBudget(100)
    const order: string[] = []
    const a = await budget.take(60)
    order.push('a')
    const b = budget.take(60).then((give) => (order.push('b'), give))
    const c = budget.take(30).then((give) => (order.push('c'), give))
    await new Promise((r) => setTimeout(r, 5))
    expect(order).toEqual(['a', 'c'])
    a()
    const [giveB, giveC] = await Promise.all([b, c])
    expect(order).toEqual(['a', 'c', 'b'])
    giveB()
    giveC()
  })

  it('runs an item larger than the whole budget, alone', async () => {
    const budget = new ByteBudget(100)
    const big = await budget.take(500)
    let small = false
    const next = budget.take(1).then((give) => ((small = true), give))
    await new Promise((r) => setTimeout(r, 5))
    expect(small).toBe(false)
    big()
    ;(await next)()
    expect(small).toBe(true)
  })
})
