import type { DocumentContent, DocumentMeta, ImportOutcome, WorkspaceInfo } from './model'
import type { Result } from './errors'

/** A file handed over by the renderer: its name and its bytes. */
export interface FilePayload {
  name: string
  data: Uint8Array
}

/**
 * The one contract between the UI and the workbench. Every host — Electron IPC, the CLI and the
 * e2e harness — exposes exactly these methods over the same core.
 */
export interface ApiSpec {
  getWorkspaceInfo(): WorkspaceInfo
  listDocuments(): DocumentMeta[]
  getDocument(id: string): DocumentContent
  importFile(file: FilePayload): ImportOutcome
  removeDocument(id: string): DocumentMeta
  /** Imports the demo documents that ship with the app into the (empty) workspace. */
  openSampleWorkspace(): ImportOutcome[]
}

export type ApiMethod = keyof ApiSpec

/** What the core implements: the same methods, asynchronous, throwing WorkbenchError. */
export type CoreApi = {
  [K in ApiMethod]: (...args: Parameters<ApiSpec[K]>) => Promise<ReturnType<ApiSpec[K]>>
}

/** What the renderer sees as `window.workbench`: the same methods, errors returned as values. */
export type WorkbenchApi = {
  [K in ApiMethod]: (...args: Parameters<ApiSpec[K]>) => Promise<Result<ReturnType<ApiSpec[K]>>>
}

/** Every method of the contract, in one list: the preload and the harness are generated from it. */
export const API_METHODS = [
  'getWorkspaceInfo',
  'listDocuments',
  'getDocument',
  'importFile',
  'removeDocument',
  'openSampleWorkspace'
] as const satisfies readonly ApiMethod[]

// Compile-time proof that the list names every method of ApiSpec.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>
const allMethodsListed: MissingMethods extends never ? true : MissingMethods = true
void allMethodsListed

export const IPC_PREFIX = 'workbench:'
export const ipcChannel = (method: ApiMethod): string => IPC_PREFIX + method

/** Builds the renderer-side API from a function that sends one call over a channel. */
export function makeBridge(
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>
): WorkbenchApi {
  const api: Partial<Record<ApiMethod, unknown>> = {}
  for (const method of API_METHODS)
    api[method] = (...args: unknown[]) => invoke(ipcChannel(method), ...args)
  return api as WorkbenchApi
}
