import { describe, expect, it } from 'vitest'
import { failed, GroupCommit, succeeded } from './group-commit'

/** A flush that waits to be let go, recording each batch it was given. */
function gated(): {
  batches: number[][]
  release: () => void
  flush: (items: readonly number[]) => Promise<ReturnType<typeof succeeded<number>>[]>
} {
  const batches: number[][] = []
  let gate: () => void = () => undefined
  return {
    batches,
    release: () => gate(),
    flush: async (items) => {
      batches.push([...items])
      await new Promise<void>((r) => (gate = r))
      return items.map((i) => succeeded(i * 10))
    }
  }
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

describe('GroupCommit', () => {
  it('flushes items asked for during a flush together in the next one, each caller getting its own result', async () => {
    const g = gated()
    const commit = new GroupCommit(g.flush)
    const first = commit.add(1)
    await tick()
    const rest = [commit.add(2), commit.add(3), commit.add(4)]
    expect(g.batches).toEqual([[1]])
    g.release()
    expect(await first).toBe(10)
    await tick()
    expect(g.batches).toEqual([[1], [2, 3, 4]])
    g.release()
    expect(await Promise.all(rest)).toEqual([20, 30, 40])
  })

  it('rejects only the items whose outcome failed', async () => {
    const commit = new GroupCommit<number, number>(async (items) =>
      items.map((i) => (i % 2 ? succeeded(i) : failed(new Error(`no ${i}`))))
    )
    const results = await Promise.allSettled([1, 2, 3].map((i) => commit.add(i)))
    expect(results).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('no 2') },
      { status: 'fulfilled', value: 3 }
    ])
  })

  it('rejects the whole batch when the flush throws, and goes on with the next batch', async () => {
    let calls = 0
    const commit = new GroupCommit<number, number>(async (items) => {
      if (calls++ === 0) throw new Error('disk full')
      return items.map(succeeded)
    })
    const batch = await Promise.allSettled([commit.add(1), commit.add(2)])
    expect(batch.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(await commit.add(3)).toBe(3)
  })

  it('idle waits until everything asked for is flushed', async () => {
    const g = gated()
    const commit = new GroupCommit(g.flush)
    const done: number[] = []
    void commit.add(1).then((v) => done.push(v))
    await tick()
    void commit.add(2).then((v) => done.push(v))
    const idle = commit.idle()
    g.release()
    await tick()
    g.release()
    await idle
    expect(done).toEqual([10, 20])
  })
})
