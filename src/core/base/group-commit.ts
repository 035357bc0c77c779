import { SerialQueue } from './serial-queue'

/** What one item of a batch came to. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown }

export const succeeded = <R>(value: R): Outcome<R> => ({ ok: true, value })
export const failed = (error: unknown): Outcome<never> => ({ ok: false, error })

interface Waiting<I, R> {
  item: I
  resolve: (value: R) => void
  reject: (err: unknown) => void
}

/**
 * Group commit: items asked for while a flush is under way wait, and the next flush takes all of
 * them at once (one write, one fsync for the batch), in the order they were asked for. Each caller
 * learns its own outcome only once its batch is flushed.
 *
 * `flush` gets the batch and returns one outcome per item, in order; if it throws, every item of
 * the batch fails with that error. Flushes run one at a time on `queue` (pass the queue of the file
 * being written when other tasks on that file must keep their turn too).
 */
export class GroupCommit<I, R> {
  private pending: Waiting<I, R>[] = []
  private scheduled = false

  constructor(
    private readonly flush: (items: readonly I[]) => Promise<readonly Outcome<R>[]>,
    private readonly queue = new SerialQueue()
  ) {}

  add(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject })
      if (this.scheduled) return
      this.scheduled = true
      void this.queue.run(() => {
        // From here on, an item asked for waits for the next flush: this one may have begun its write.
        this.scheduled = false
        return this.run(this.pending.splice(0))
      })
    })
  }

  private async run(batch: Waiting<I, R>[]): Promise<void> {
    let outcomes: readonly Outcome<R>[]
    try {
      outcomes = await this.flush(batch.map((w) => w.item))
    } catch (err) {
      for (const w of batch) w.reject(err)
      return
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i]
      if (outcome?.ok) w.resolve(outcome.value)
      else w.reject(outcome ? outcome.error : new Error('group commit: no outcome for an item'))
    })
  }

  /** Resolves once every item asked for so far has been flushed. */
  async idle(): Promise<void> {
    while (this.scheduled || this.pending.length) await this.queue.run(async () => undefined)
  }
}
