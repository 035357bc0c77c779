import type { Low } from 'lowdb'

/**
 * Applies a change to a lowdb file and writes it durably. The change is made on a copy that only
 * becomes the data in memory once it is on disk: if the write fails (a full disk, say), memory and
 * disk still agree. Callers run this inside the file's write queue.
 */
export async function commitChange<T, R>(db: Low<T>, change: (draft: T) => R): Promise<R> {
  const previous = db.data
  const draft = structuredClone(previous)
  const result = change(draft)
  db.data = draft
  try {
    await db.write()
  } catch (err) {
    db.data = previous
    throw err
  }
  return result
}
