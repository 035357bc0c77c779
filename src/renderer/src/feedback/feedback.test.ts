import { describe, expect, it } from 'vitest'
import { Feedback } from './feedback'

describe('Feedback', () => {
  it('keeps errors until dismissed and at most three info messages, the newest', () => {
    const f = new Feedback()
    const err = f.error('The disk is full')
    for (const n of [1, 2, 3, 4]) f.info(`Saved ${n}`)
    expect(f.list().map((m) => m.text)).toEqual([
      'The disk is full',
      'Saved 2',
      'Saved 3',
      'Saved 4'
    ])
    f.dismiss(err)
    expect(f.list().map((m) => m.kind)).toEqual(['info', 'info', 'info'])
  })

  it('says the same thing once, the latest', () => {
    const f = new Feedback()
    const first = f.error('Could not copy')
    const again = f.error('Could not copy')
    expect(f.list().map((m) => m.id)).toEqual([again])
    expect(again).not.toBe(first)
  })

  it('tells its listeners of every change, with a list that stays the same between them', () => {
    const f = new Feedback()
    let calls = 0
    const stop = f.subscribe(() => calls++)
    const before = f.list()
    expect(f.list()).toBe(before)
    const id = f.info('Exported notes.md.')
    f.dismiss(id)
    f.dismiss(id)
    stop()
    f.info('unheard')
    expect(calls).toBe(2)
  })
})
