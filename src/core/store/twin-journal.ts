import { basename } from 'node:path'
import type { z } from 'zod'
import { Journal } from './journal'

/** The name of a journal's copy, beside it. */
export const journalCopyName = (file: string): string => `${file}.copy`

/**
 * A journal written twice: each line is appended, and made durable, in the journal and in its
 * copy, side by side. A journal holds the only record of what changed since its file was last
 * rewritten (highlights made, tags created, documents imported): one damaged or deleted journal
 * file must not lose them. Reading takes whichever of the two holds more whole lines, and says
 * so when they differ; emptying empties both. The copy costs one more fsync per change, made at
 * the same time as the first.
 */
export class TwinJournal<E extends { generation: number }> {
  private readonly main: Journal<E>
  private readonly copy: Journal<E>
  /** Set when the last read skipped a line in the journal it used (see Journal.skippedLines). */
  skippedLines = false
  /** Set when the last read found damage in the journal it used (see Journal.foundDamage). */
  foundDamage = false

  constructor(
    readonly file: string,
    schema: z.ZodType<E>,
    /** What a damaged line means to the user, for the warning. */
    lost: string
  ) {
    this.main = new Journal(file, schema, lost)
    this.copy = new Journal(journalCopyName(file), schema, lost)
  }

  get bytes(): number {
    return Math.max(this.main.bytes, this.copy.bytes)
  }

  get broken(): boolean {
    return this.main.broken || this.copy.broken
  }

  async read(
    generation: number | ((generation: number) => boolean),
    onWarning: (message: string) => void
  ): Promise<E[]> {
    const said: [string[], string[]] = [[], []]
    const [main, copy] = await Promise.all([
      this.main.read(generation, (m) => said[0].push(m), onWarning),
      this.copy.read(generation, (m) => said[1].push(m), onWarning)
    ])
    const useCopy = copy.length > main.length
    const [entries, journal, other] = useCopy
      ? [copy, this.copy, this.main]
      : [main, this.main, this.copy]
    this.skippedLines = journal.skippedLines
    this.foundDamage = journal.foundDamage
    // One line more in one of them is a crash between the two appends (never acknowledged);
    // more than that, or a damaged line in the other, is damage the copy made good. A damaged
    // line in the one used was damaged in both: it is reported as such.
    const [usedSaid, otherSaid] = useCopy ? [said[1], said[0]] : [said[0], said[1]]
    if (usedSaid.length) for (const m of usedSaid) onWarning(m)
    else if (Math.abs(main.length - copy.length) > 1 || otherSaid.length > 0)
      onWarning(
        `${basename(other.file)} lacks changes that its copy ${basename(journal.file)} holds (it is damaged or missing); they were taken from the copy.`
      )
    return entries
  }

  async append(entry: E): Promise<void> {
    // Both, or neither: a line in one only would make the two disagree.
    const results = await Promise.allSettled([this.main.append(entry), this.copy.append(entry)])
    const failed = results.find((r) => r.status === 'rejected')
    if (failed) {
      // The one that succeeded cannot take its line back: the next change rewrites the file.
      if (results.some((r) => r.status === 'fulfilled')) this.main.broken = true
      throw failed.reason
    }
  }

  async clear(): Promise<void> {
    await Promise.all([this.main.clear(), this.copy.clear()])
  }

  async close(): Promise<void> {
    await Promise.all([this.main.close(), this.copy.close()])
  }
}
