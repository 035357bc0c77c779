import type { WorkbenchApi } from '../../shared/api'
import type { ErrorCode } from '../../shared/errors'

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

export const messageOf = (err: unknown): string =>
  err instanceof Error ? err.message : String(err)
