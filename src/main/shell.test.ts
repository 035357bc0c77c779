import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { API_METHODS, ipcChannel, type CoreApi } from '../shared/api'

vi.mock('electron', () => ({
  Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() },
  BrowserWindow: vi.fn(function (this: { options: unknown }, options: unknown) {
    this.options = options
  })
}))

const { createMainWindow } = await import('./window')
const { CSP, hardenSession, hardenWebContents, isAllowedRequest, isTrustedSender } =
  await import('./security')
const { registerAppProtocol, resolveAppPath } = await import('./protocol')
const { bindApi } = await import('./ipc')
const { installMenu } = await import('./menu')
const electron = await import('electron')

describe('main window', () => {
  it('runs the renderer isolated and sandboxed, without Node, webviews or spellchecker downloads', () => {
    const made = createMainWindow('/app/out/preload/index.cjs', false) as unknown as {
      options: { webPreferences: Record<string, unknown> }
    }
    const { webPreferences } = made.options
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    })
  })
})

describe('network and permissions', () => {
  it.each([
    ['http://example.com/x.js', false],
    ['https://cdn.example.com/font.woff2', false],
    ['ws://127.0.0.1:9000', false],
    ['wss://example.com/socket', false],
    ['ftp://files.example.com/a', false],
    ['app://workbench/index.html', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://workbench/1234', true],
    ['file:///etc/passwd', false],
    ['gopher://example.com/', false],
    ['not a url', false]
  ])('request to %s allowed: %s', (url, allowed) => expect(isAllowedRequest(url)).toBe(allowed))

  it('allows only the local dev server while developing', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(
      true
    )
    expect(isAllowedRequest('http://localhost:8080/', 'http://localhost:5173')).toBe(false)
  })

  it('cancels blocked requests and denies every permission in the session but clipboard writing', () => {
    const onBeforeRequest = vi.fn()
    const setPermissionRequestHandler = vi.fn()
    const setPermissionCheckHandler = vi.fn()
    const session = {
      webRequest: { onBeforeRequest },
      setPermissionRequestHandler,
      setPermissionCheckHandler,
      setSpellCheckerEnabled: vi.fn()
    }
    hardenSession(session as never)
    const filter = onBeforeRequest.mock.calls[0][0]
    expect(filter).toEqual({ urls: ['<all_urls>'] })
    const handler = onBeforeRequest.mock.calls[0][1]
    const answers: unknown[] = []
    handler({ url: 'https://telemetry.example.com/ping' }, (r: unknown) => answers.push(r))
    handler({ url: 'app://workbench/assets/index.js' }, (r: unknown) => answers.push(r))
    expect(answers).toEqual([{ cancel: true }, { cancel: false }])
    const permissionAnswers: boolean[] = []
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'clipboard-sanitized-write'
    ]) {
      setPermissionRequestHandler.mock.calls[0][0]({}, permission, (ok: boolean) =>
        permissionAnswers.push(ok)
      )
    }
    expect(permissionAnswers).toEqual([false, false, false, false, false, true])
    expect(setPermissionCheckHandler.mock.calls[0][0]({}, 'media')).toBe(false)
    expect(setPermissionCheckHandler.mock.calls[0][0]({}, 'clipboard-sanitized-write')).toBe(true)
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
  })

  it('denies new windows, navigation, redirects and webviews', () => {
    const handlers = new Map<string, (e: { preventDefault: () => void }) => void>()
    let openHandler: (() => unknown) | undefined
    const contents = {
      setWindowOpenHandler: (h: () => unknown) => (openHandler = h),
      on: (event: string, h: (e: { preventDefault: () => void }) => void) => handlers.set(event, h)
    }
    hardenWebContents(contents as never)
    expect(openHandler?.()).toEqual({ action: 'deny' })
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn()
      handlers.get(event)?.({ preventDefault })
      expect(preventDefault).toHaveBeenCalled()
    }
  })

  it('has a strict content security policy', () => {
    expect(CSP).toContain("default-src 'self'")
    expect(CSP).toContain("script-src 'self'")
    expect(CSP).toContain("object-src 'none'")
    expect(CSP).not.toContain('unsafe')
  })

  it('has a menu without links to the web', () => {
    installMenu(false)
    const template = JSON.stringify(vi.mocked(electron.Menu.buildFromTemplate).mock.calls[0][0])
    expect(template).not.toMatch(/help|http/i)
  })
})

describe('app:// protocol', () => {
  const root = '/app/out/renderer'
  it.each([
    ['app://workbench/index.html', '/app/out/renderer/index.html'],
    ['app://workbench/', '/app/out/renderer/index.html'],
    ['app://workbench/assets/index-abc.js', '/app/out/renderer/assets/index-abc.js'],
    ['app://workbench/../../etc/passwd', '/app/out/renderer/etc/passwd'],
    ['app://workbench/%2e%2e/%2e%2e/etc/passwd', '/app/out/renderer/etc/passwd'], // the URL parser resolves %2e%2e: still inside
    ['app://workbench/assets/..%2f..%2f..%2fmain/index.js', null],
    ['app://workbench/a%5c..%5c..%5csecret', null],
    ['app://workbench/index.html%00.png', null],
    ['app://other-host/index.html', null],
    ['file:///etc/passwd', null]
  ])('%s → %s', (url, expected) => expect(resolveAppPath(root, url)).toBe(expected))

  it('serves renderer files with the CSP header and refuses anything outside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'protocol-'))
    await mkdir(join(dir, 'renderer'))
    await writeFile(join(dir, 'renderer', 'index.html'), '<p>app</p>')
    await writeFile(join(dir, 'secret.txt'), 'outside')
    let handler: ((req: { url: string }) => Promise<Response>) | undefined
    registerAppProtocol(
      { handle: (_scheme: string, h: typeof handler) => (handler = h) } as never,
      join(dir, 'renderer')
    )
    const ok = await handler?.({ url: 'app://workbench/index.html' })
    expect(ok?.status).toBe(200)
    expect(await ok?.text()).toBe('<p>app</p>')
    expect(ok?.headers.get('content-security-policy')).toBe(CSP)
    expect(ok?.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect((await handler?.({ url: 'app://workbench/%2e%2e/secret.txt' }))?.status).toBe(404)
    expect((await handler?.({ url: 'app://workbench/missing.js' }))?.status).toBe(404)
  })
})

describe('IPC binding', () => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  const core = Object.fromEntries(
    API_METHODS.map((m) => [m, vi.fn(async (...args: unknown[]) => ({ method: m, args }))])
  ) as unknown as CoreApi
  beforeEach(() => {
    handlers.clear()
    bindApi({ handle: (channel: string, h: never) => handlers.set(channel, h) } as never, core)
  })
  const fromApp = { senderFrame: { url: 'app://workbench/index.html' } }

  it('binds every API method on its workbench: channel', () => {
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort())
  })

  it('validates arguments before the core sees them', async () => {
    expect(await handlers.get('workbench:getDocument')?.(fromApp, 'abc')).toEqual({
      ok: true,
      value: { method: 'getDocument', args: ['abc'] }
    })
    expect(await handlers.get('workbench:getDocument')?.(fromApp, 42)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
    expect(
      await handlers.get('workbench:importFile')?.(fromApp, { name: 'a.txt', data: 'not bytes' })
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(await handlers.get('workbench:listDocuments')?.(fromApp, 'extra')).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' }
    })
    expect(vi.mocked(core.getDocument)).toHaveBeenCalledTimes(1)
  })

  it('refuses calls from frames that are not the app', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', undefined]) {
      expect(
        await handlers.get('workbench:listDocuments')?.({ senderFrame: { url } })
      ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    expect(isTrustedSender('app://workbench/index.html')).toBe(true)
    expect(isTrustedSender('app://workbenchx/index.html')).toBe(false)
  })
})
