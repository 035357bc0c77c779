/** Runs tasks one after another; one queue per file keeps writes to it in order. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  /** Runs `task` once every task given before it has settled (whether it succeeded or failed). */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
