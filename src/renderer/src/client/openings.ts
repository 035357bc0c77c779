/**
 * Documents whose reader is fetching its first screen. Big requests for the same document (its
 * full list of highlights) wait until that screen is shown, so that they hold up neither the main
 * process while it reads the text nor the page while it receives it.
 */
export class Openings {
  private readonly pending = new Map<string, Promise<void>>()

  /** Marks a document as opening; call the function it returns once its first screen is shown (or given up). */
  start(docId: string): () => void {
    let done = (): void => undefined
    const shown = new Promise<void>((resolve) => (done = resolve))
    this.pending.set(docId, shown)
    return () => {
      if (this.pending.get(docId) === shown) this.pending.delete(docId)
      done()
    }
  }

  /** Resolves once no reader is opening the document any more. */
  after(docId: string): Promise<void> {
    return this.pending.get(docId) ?? Promise.resolve()
  }
}
