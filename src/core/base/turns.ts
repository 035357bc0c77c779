export interface Turn {
  /** Resolves once every earlier turn has passed. */
  mine: () => Promise<void>
  /** Lets the next turn go (idempotent). */
  pass: () => void
}

/** Hands out turns in the order they were taken; a turn's holder waits for the ones before it. */
export class Turns {
  private tail: Promise<void> = Promise.resolve()

  take(): Turn {
    const before = this.tail
    let pass!: () => void
    this.tail = new Promise<void>((resolve) => (pass = resolve))
    return { mine: () => before, pass }
  }
}
