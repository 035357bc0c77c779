import { Low, type Adapter } from 'lowdb'
import { describe, expect, it } from 'vitest'
import { commitChange } from './commit'

type Data = { items: string[] }

function db(write: (d: Data) => Promise<void>): Low<Data> {
  const adapter: Adapter<Data> = { read: async () => null, write }
  return new Low(adapter, { items: ['saved'] })
}

describe('commitChange', () => {
  it('shows readers the saved data until the new data is on disk', async () => {
    let release = (): void => undefined
    const store = db(() => new Promise((r) => (release = r)))
    const pending = commitChange(store, (d) => d.items.push('new'))
    expect(store.data.items).toEqual(['saved'])
    release()
    await pending
    expect(store.data.items).toEqual(['saved', 'new'])
  })

  it('keeps memory as it was when the write fails (a full disk)', async () => {
    const store = db(async () => {
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
    })
    await expect(commitChange(store, (d) => d.items.push('new'))).rejects.toThrow('ENOSPC')
    expect(store.data.items).toEqual(['saved'])
  })

  it('follows the file when only the final flush failed (the new content is in place)', async () => {
    const store = db(async () => {
      throw Object.assign(new Error('EIO'), { code: 'EIO', written: true })
    })
    await expect(commitChange(store, (d) => d.items.push('new'))).rejects.toThrow('EIO')
    expect(store.data.items).toEqual(['saved', 'new'])
  })
})
