import type { ApiMethod, ApiSpec, WorkbenchApi } from '../../shared/api'
import type { ErrorCode, Result } from '../../shared/errors'

declare global {
  interface Window {
    workbench: WorkbenchApi
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
  }
}

/** Calls the workbench through `window.workbench` and turns an error value into a thrown ApiCallError. */
export async function call<K extends ApiMethod>(
  method: K,
  ...args: Parameters<ApiSpec[K]>
): Promise<ReturnType<ApiSpec[K]>> {
  const fn = window.workbench[method] as (
    ...a: unknown[]
  ) => Promise<Result<ReturnType<ApiSpec[K]>>>
  const result = await fn(...args)
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message)
  return result.value
}

export const messageOf = (err: unknown): string =>
  err instanceof Error ? err.message : String(err)
