import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { API_METHODS, ipcChannel } from '../shared/api'

const h = vi.hoisted(() => ({
  appEvents: new Map<string, (...a: unknown[]) => void>(),
  windows: [] as { options: Record<string, unknown>; url?: string; focus: () => void }[],
  handlers: new Map<string, unknown>(),
  schemes: [] as unknown[],
  protocolHandlers: [] as string[],
  errors: [] as string[],
  onBeforeRequest: [] as unknown[]
}))

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = (): unknown[] => h.windows
    options: Record<string, unknown>
    url?: string
    focus = vi.fn()
    constructor(options: Record<string, unknown>) {
      this.options = options
      h.windows.push(this)
    }
    once(): void {}
    on(): void {}
    isMinimized(): boolean {
      return false
    }
    restore(): void {}
    loadURL(url: string): Promise<void> {
      this.url = url
      return Promise.resolve()
    }
  }
  const session = {
    webRequest: { onBeforeRequest: (...a: unknown[]) => h.onBeforeRequest.push(a) },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn()
  }
  return {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: (...a: unknown[]) => void) => h.appEvents.set(event, fn),
      whenReady: () => Promise.resolve(),
      getAppPath: () => '/app',
      quit: vi.fn(),
      exit: vi.fn()
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => h.errors.push(`${title}: ${message}`)
    },
    ipcMain: { handle: (channel: string, fn: unknown) => h.handlers.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => h.schemes.push(...s),
      handle: (scheme: string) => h.protocolHandlers.push(scheme)
    },
    session: { defaultSession: session },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: vi.fn() }
  }
})

const workspace = await mkdtemp(join(tmpdir(), 'lifecycle-'))
process.env.WORKBENCH_WORKSPACE = workspace
Object.defineProperty(process, 'resourcesPath', { value: '/app/resources', configurable: true })
afterAll(() => rm(workspace, { recursive: true, force: true }))

describe('main process start-up', () => {
  it('opens the workspace, binds the API, hardens the session and shows the app from app://', async () => {
    await import('./index')
    await vi.waitFor(() => expect(h.windows).toHaveLength(1))
    expect(h.errors).toEqual([])
    expect(h.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
    ])
    expect(h.protocolHandlers).toEqual(['app'])
    expect(h.onBeforeRequest).toHaveLength(1)
    expect([...h.handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort())
    const [win] = h.windows
    expect(win.url).toBe('app://workbench/index.html')
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/)
    })
    expect([...h.appEvents.keys()]).toEqual(
      expect.arrayContaining([
        'second-instance',
        'web-contents-created',
        'window-all-closed',
        'will-quit'
      ])
    )

    const list = h.handlers.get('workbench:listDocuments') as (e: unknown) => Promise<unknown>
    expect(await list({ senderFrame: { url: 'app://workbench/index.html' } })).toEqual({
      ok: true,
      value: []
    })

    h.appEvents.get('second-instance')?.()
    expect(win.focus).toHaveBeenCalled()
    // Quitting waits for the workspace to close (index saved, lock released), then exits.
    const quit = { preventDefault: vi.fn() }
    h.appEvents.get('will-quit')?.(quit)
    expect(quit.preventDefault).toHaveBeenCalled()
    const { app } = await import('electron')
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(0))
    await expect(readdir(workspace)).resolves.not.toContain('workspace.lock')
  })
})
