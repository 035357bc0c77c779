import type { Low } from 'lowdb'
import { wasWritten } from './durable-write'

/**
 * Applies a change to a lowdb file and writes it durably. The change is made on a copy that only
 * becomes the data in memory once it is on disk: until then readers see the saved data, and if the
 * write fails (a full disk, say) memory and disk still agree. Callers run this inside the file's
 * write queue.
 */
export async function commitChange<T, R>(
  db: Low<T>,
  change: (draft: T) => R,
  copy: (data: T) => T = structuredClone
): Promise<R> {
  const draft = copy(db.data)
  const result = change(draft)
  // Readers keep seeing the saved data until the new data is on disk.
  try {
    await db.adapter.write(draft)
  } catch (err) {
    if (wasWritten(err)) db.data = draft // the file holds the new data: memory follows it
    throw err
  }
  db.data = draft
  return result
}
