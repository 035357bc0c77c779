import { describe, expect, it } from 'vitest'
import type { UndoCommand } from '../../../shared/api'
import { UndoStack } from './undo-stack'

/** A command that names what it reverts: running "undo:x" gives back "redo:x", and the other way round. */
const cmd = (name: string): UndoCommand => ({ method: 'deleteMemo', args: [name] })
const nameOf = (c: UndoCommand): string => String(c.args[0])
const flip = (name: string): string =>
  name.startsWith('undo:') ? `redo:${name.slice(5)}` : `undo:${name.slice(5)}`

function stack(fail: Set<string> = new Set()): { s: UndoStack; ran: string[] } {
  const ran: string[] = []
  const s = new UndoStack(async (c) => {
    ran.push(nameOf(c))
    if (fail.has(nameOf(c))) throw new Error(`cannot run ${nameOf(c)}`)
    return cmd(flip(nameOf(c)))
  }, 3)
  return { s, ran }
}

describe('UndoStack', () => {
  it('undoes the latest change first and redoes it with the command the undo returned', async () => {
    const { s, ran } = stack()
    s.push({ label: 'highlight', view: 'Documents', command: cmd('undo:a') })
    s.push({ label: 'edit memo', view: 'Memos', command: cmd('undo:b') })
    expect(s.snapshot().undo?.label).toBe('edit memo')
    expect((await s.undo())?.label).toBe('edit memo')
    expect(s.snapshot()).toMatchObject({ undo: { label: 'highlight' }, redo: { view: 'Memos' } })
    expect((await s.redo())?.label).toBe('edit memo')
    expect(ran).toEqual(['undo:b', 'redo:b'])
    expect(s.snapshot().redo).toBeNull()
  })

  it('forgets what could be redone once a new change is made', async () => {
    const { s } = stack()
    s.push({ label: 'one', view: 'Documents', command: cmd('undo:1') })
    await s.undo()
    s.push({ label: 'two', view: 'Documents', command: cmd('undo:2') })
    expect(s.snapshot().redo).toBeNull()
    expect(await s.redo()).toBeNull()
  })

  it('keeps only the newest entries, up to its limit', async () => {
    const { s } = stack()
    for (const n of ['1', '2', '3', '4']) s.push({ label: n, view: 'V', command: cmd(`undo:${n}`) })
    const undone: (string | undefined)[] = []
    for (let i = 0; i < 4; i++) undone.push((await s.undo())?.label)
    expect(undone).toEqual(['4', '3', '2', undefined])
  })

  it('drops an entry whose undo fails and reports the failure', async () => {
    const { s } = stack(new Set(['undo:gone']))
    s.push({ label: 'kept', view: 'V', command: cmd('undo:kept') })
    s.push({ label: 'gone', view: 'V', command: cmd('undo:gone') })
    await expect(s.undo()).rejects.toThrow('cannot run undo:gone')
    expect(s.snapshot()).toMatchObject({ undo: { label: 'kept' }, redo: null })
  })

  it('tells its listeners when the stacks change, with a snapshot that stays the same otherwise', async () => {
    const { s } = stack()
    let calls = 0
    const stop = s.subscribe(() => calls++)
    const before = s.snapshot()
    expect(s.snapshot()).toBe(before)
    s.push({ label: 'x', view: 'V', command: cmd('undo:x') })
    expect(s.snapshot()).not.toBe(before)
    await s.undo()
    stop()
    s.push({ label: 'y', view: 'V', command: cmd('undo:y') })
    expect(calls).toBe(3)
  })
})
