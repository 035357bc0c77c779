import { describe, expect, it, vi } from 'vitest'
import { API_METHODS } from '../shared/api'

const exposed: Record<string, unknown> = {}
const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args), send: vi.fn(), on: vi.fn() }
}))

describe('preload', () => {
  it('exposes exactly the API methods as window.workbench, each invoking its channel, and never ipcRenderer', async () => {
    await import('./index')
    const api = exposed.workbench as Record<string, (...a: unknown[]) => Promise<unknown>>
    expect(Object.keys(exposed)).toEqual(['workbench'])
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort())
    expect(await api.getDocument('d1')).toEqual({
      ok: true,
      value: ['workbench:getDocument', 'd1']
    })
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true)
    for (const raw of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync'])
      expect(api).not.toHaveProperty(raw)
  })
})
