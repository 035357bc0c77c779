import { messageOf } from '../api'
import type { Feedback } from './feedback'

/**
 * Runs a call and shows its error, if any, as a message (prefixed with `failure`, as in "Could not
 * copy: …"): the one place where a failure becomes something the user reads. Resolves to the
 * call's value, or undefined when it failed.
 */
export async function attempt<T>(
  feedback: Feedback,
  fn: () => Promise<T>,
  failure?: string
): Promise<T | undefined> {
  try {
    return await fn()
  } catch (err) {
    feedback.error(failure ? `${failure}: ${messageOf(err)}` : messageOf(err))
    return undefined
  }
}
