/** Errors cross every process boundary as values: a code a program can branch on, a message a person can act on. */
export const ERROR_CODES = [
  'invalid-argument',
  'not-found',
  'locked',
  'newer-schema',
  'corrupt',
  'io',
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }
