import type { ApiMethod, CoreApi } from '../../shared/api'
import { apiArgs } from '../../shared/api-args'
import type { Result } from '../../shared/errors'
import { toApiError } from '../base/errors'

export const isApiMethod = (m: unknown): m is ApiMethod =>
  typeof m === 'string' && Object.hasOwn(apiArgs, m)

/**
 * The one way a host (Electron IPC, the e2e harness) calls the core: validates the arguments
 * against the contract, calls the method, and returns errors as values with a readable message.
 */
export async function dispatch(
  core: CoreApi,
  method: unknown,
  args: unknown[],
  onInternalError?: (err: unknown) => void
): Promise<Result<unknown>> {
  if (!isApiMethod(method)) {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `Unknown method ${String(method)}.` }
    }
  }
  const parsed = apiArgs[method].safeParse(args)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {
      ok: false,
      error: {
        code: 'invalid-argument',
        message:
          `Invalid arguments for ${method}: ${issue?.path.join('.') || 'arguments'} ${issue?.message ?? ''}`.trim()
      }
    }
  }
  try {
    const fn = core[method] as (...a: unknown[]) => Promise<unknown>
    return { ok: true, value: await fn(...(parsed.data as unknown[])) }
  } catch (err) {
    const error = toApiError(err)
    if (error.code === 'internal') onInternalError?.(err)
    return { ok: false, error }
  }
}
