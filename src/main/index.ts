/**
 * Electron main process: single instance, hardened session and windows, the app:// protocol,
 * and the workbench API bound to IPC. The workbench itself lives in src/core.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron'
import { toApiError } from '../core/base/errors'
import { defaultWorkspaceDir } from '../core/host/paths'
import { createWorkbench, type Workbench } from '../core/workbench'
import { bindApi } from './ipc'
import { installMenu } from './menu'
import { registerAppProtocol, rendererIndexUrl } from './protocol'
import { APP_SCHEME, hardenSession, hardenWebContents } from './security'
import { createMainWindow } from './window'

const here = dirname(fileURLToPath(import.meta.url))
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
])

let mainWindow: BrowserWindow | null = null
let workbench: Workbench | null = null

function createWindow(): void {
  mainWindow = createMainWindow(join(here, '../preload/index.cjs'), !app.isPackaged)
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.on('closed', () => (mainWindow = null))
  void mainWindow.loadURL(devServer ?? rendererIndexUrl())
}

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  hardenSession(session.defaultSession, devServer)
  registerAppProtocol(protocol, join(here, '../renderer'))
  installMenu(process.platform === 'darwin')
  const workspace = process.env.WORKBENCH_WORKSPACE ?? defaultWorkspaceDir()
  try {
    workbench = await createWorkbench(workspace, {
      parserWorker: { file: join(here, 'parse-worker.js') },
      indexWorker: { file: join(here, 'index-worker.js') },
      sampleDir: app.isPackaged
        ? join(process.resourcesPath, 'demo')
        : join(app.getAppPath(), 'resources', 'demo')
    })
  } catch (err) {
    dialog.showErrorBox('Analyst Workbench cannot open its workspace', toApiError(err).message)
    app.exit(1)
    return
  }
  bindApi(ipcMain, workbench, devServer)
  createWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('activate', () => {
    if (workbench && BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  // Quitting waits for the workbench to save its search index and release the workspace lock.
  let closing = false
  app.on('will-quit', (event) => {
    if (!workbench || closing) return
    closing = true
    event.preventDefault()
    workbench
      .close()
      .catch((err: unknown) => console.error('closing the workspace failed', err))
      .finally(() => app.exit(0))
  })
  app.whenReady().then(start, (err: unknown) => {
    console.error(err)
    app.exit(1)
  })
}
