import { BrowserWindow } from 'electron'

/**
 * Opens the main window: the renderer is sandboxed and isolated, with no Node and no spellchecker
 * downloads. The options are written out here, where the window is made, so that security
 * scanners (Electronegativity) read them as they are; src/main/shell.test.ts asserts them.
 */
export function createMainWindow(preload: string, devTools: boolean): BrowserWindow {
  return new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'Analyst Workbench',
    backgroundColor: '#f7f7f5',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
      // Middle-click would open links in new windows; there are none to open.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      devTools
    }
  })
}
