/**
 * Documents whose reader is fetching its first screen. Big requests for the same document (its
 * full list of highlights) wait until that screen is shown, so that they hold up neither the main
 * process while it reads the text nor the page while it receives it.
 */
const pending = new Map<string, Promise<void>>()

/** Marks a document as opening; call the function it returns once its first screen is shown (or given up). */
export function startOpening(docId: string): () => void {
  let done = (): void => undefined
  const shown = new Promise<void>((resolve) => (done = resolve))
  pending.set(docId, shown)
  return () => {
    if (pending.get(docId) === shown) pending.delete(docId)
    done()
  }
}

/** Resolves once no reader is opening the document any more. */
export const afterOpening = (docId: string): Promise<void> =>
  pending.get(docId) ?? Promise.resolve()
