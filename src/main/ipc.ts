import type { IpcMain } from 'electron'
import { API_METHODS, ipcChannel, type CoreApi } from '../shared/api'
import { dispatch } from '../core/host/dispatch'
import { isTrustedSender } from './security'

/**
 * Binds every API method to its `workbench:<method>` channel. Calls from any frame but our own page
 * are refused; arguments are validated against the contract before the core sees them.
 */
export function bindApi(ipcMain: IpcMain, core: CoreApi, devServer?: string): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame?.url, devServer)) {
        return {
          ok: false,
          error: {
            code: 'invalid-argument',
            message: 'Call refused: it did not come from the workbench window.'
          }
        }
      }
      return dispatch(core, method, args, (err) => console.error(`workbench:${method} failed`, err))
    })
  }
}
