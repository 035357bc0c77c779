import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SizedLru } from './sized-lru'

const texts = (budget: number): SizedLru<string, string> =>
  new SizedLru<string, string>(budget, (t) => t.length)

describe('SizedLru', () => {
  it('drops the least recently used values once their sizes pass the budget', () => {
    const lru = texts(10)
    lru.set('a', 'aaaa')
    lru.set('b', 'bbbb')
    expect(lru.get('a')).toBe('aaaa') // a is now the most recently used
    lru.set('c', 'cccc') // 12 > 10: b goes
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true])
    expect(lru.size).toBe(8)
    expect(lru.count).toBe(2)
  })

  it('peek leaves the order of use as it is', () => {
    const lru = texts(8)
    lru.set('a', 'aaaa')
    lru.set('b', 'bbbb')
    expect(lru.peek('a')).toBe('aaaa')
    lru.set('c', 'cc') // a is still the least recently used
    expect(lru.has('a')).toBe(false)
    expect(lru.has('b')).toBe(true)
  })

  it('keeps the value just stored even when it alone is over the budget', () => {
    const lru = texts(4)
    lru.set('a', 'aa')
    lru.set('big', 'x'.repeat(10))
    expect(lru.has('a')).toBe(false)
    expect(lru.get('big')).toHaveLength(10)
    lru.set('b', 'bb')
    expect(lru.has('big')).toBe(false)
    expect(lru.size).toBe(2)
  })

  it('counts a value stored again under the same key once', () => {
    const lru = texts(10)
    lru.set('a', 'aaaa')
    lru.set('a', 'aaaaaa')
    expect(lru.size).toBe(6)
    expect(lru.delete('a')).toBe(true)
    expect(lru.delete('a')).toBe(false)
    expect(lru.size).toBe(0)
  })

  it('never holds more than the budget, apart from the value just stored, and drops in order of use', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              set: fc.integer({ min: 0, max: 9 }),
              size: fc.integer({ min: 0, max: 6 })
            }),
            fc.record({ get: fc.integer({ min: 0, max: 9 }) })
          ),
          { maxLength: 60 }
        ),
        (ops) => {
          const lru = new SizedLru<number, number>(12, (n) => n)
          let order: number[] = [] // a model: least recently used first
          const sizes = new Map<number, number>()
          for (const op of ops) {
            if ('set' in op) {
              lru.set(op.set, op.size)
              order = order.filter((k) => k !== op.set).concat(op.set)
              sizes.set(op.set, op.size)
              let total = order.reduce((n, k) => n + (sizes.get(k) ?? 0), 0)
              while (total > 12 && order[0] !== op.set) {
                total -= sizes.get(order[0]) ?? 0
                order.shift()
              }
            } else if (order.includes(op.get)) {
              expect(lru.get(op.get)).toBe(sizes.get(op.get))
              order = order.filter((k) => k !== op.get).concat(op.get)
            } else expect(lru.get(op.get)).toBeUndefined()
            expect(lru.count).toBe(order.length)
            expect(lru.size).toBe(order.reduce((n, k) => n + (sizes.get(k) ?? 0), 0))
          }
        }
      )
    )
  })
})
