/**
 * Lets work that holds bytes (files being imported) run side by side up to a total: past it, the
 * next waits until others finish. One item larger than the whole budget still runs, alone.
 */
export class ByteBudget {
  private held = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {}

  /** Waits until `bytes` fit, takes them, and returns the function that gives them back. */
  async take(bytes: number): Promise<() => void> {
    const size = Math.min(bytes, this.limit)
    while (this.held > 0 && this.held + size > this.limit)
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.held += size
    let given = false
    return () => {
      if (given) return
      given = true
      this.held -= size
      this.waiting.splice(0).forEach((wake) => wake())
    }
  }
}
