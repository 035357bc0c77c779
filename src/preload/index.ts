/**
 * Preload (sandboxed, CommonJS): exposes `window.workbench`, one function per API method, each
 * sending one IPC call on the `workbench:` channel of that method. ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { makeBridge, type WorkbenchApi } from '../shared/api'

const api = makeBridge((channel, ...args) =>
  ipcRenderer.invoke(channel, ...args)
) satisfies WorkbenchApi
contextBridge.exposeInMainWorld('workbench', api)
