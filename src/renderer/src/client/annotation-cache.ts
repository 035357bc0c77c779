import type { Annotation, HighlightColor } from '../../../shared/model'
import type { AnnotationChange } from './annotation-list'

type Listener = (change: AnnotationChange) => void

interface Waiting {
  promise: Promise<Annotation>
  resolve: (a: Annotation) => void
  reject: (err: Error) => void
}

/**
 * New highlights between the moment H is pressed and the moment the core has saved them (a durable
 * save takes tens of milliseconds): painted at once in every reader of their document, selectable
 * in the sidebar (tags and a note can be typed meanwhile, and are saved once the highlight is),
 * then replaced by the saved highlight in the same render.
 */
export class AnnotationCache {
  private readonly listeners = new Set<Listener>()
  private readonly waiting = new Map<string, Waiting>()
  /** Saved id → the pending id it replaced: the editor keeps its state across the swap. */
  private readonly aliases = new Map<string, string>()
  private count = 0
  private readonly read = new Set<string>()

  /** True the first time it is asked for a document: its annotation file is then read for the first time. */
  firstRead(docId: string): boolean {
    if (this.read.has(docId)) return false
    this.read.add(docId)
    return true
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Paints a new highlight while the core saves it; it is listed once showSaved() is called. */
  showPending(
    docId: string,
    range: { start: number; end: number },
    color: HighlightColor,
    exact = ''
  ): Annotation {
    const a: Annotation = {
      id: `pending-${++this.count}`,
      docId,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: range.start, end: range.end },
      status: 'anchored',
      color,
      tags: [],
      note: '',
      created: '',
      modified: ''
    }
    let resolve: (a: Annotation) => void = () => undefined
    let reject: (err: Error) => void = () => undefined
    const promise = new Promise<Annotation>((res, rej) => {
      resolve = res
      reject = rej
    })
    promise.catch(() => undefined)
    this.waiting.set(a.id, { promise, resolve, reject })
    this.emit({ pending: a })
    return a
  }

  /** Shows a highlight the core has saved in every list of its document at once, in place of `replaces`. */
  showSaved(a: Annotation, replaces?: string): void {
    if (replaces) {
      this.aliases.set(a.id, replaces)
      this.waiting.get(replaces)?.resolve(a)
      this.waiting.delete(replaces)
    }
    this.emit({ saved: a, replaces })
  }

  /** Takes away a pending highlight whose save failed. */
  dropPending(id: string, reason: Error): void {
    this.waiting.get(id)?.reject(reason)
    this.waiting.delete(id)
    this.emit({ dropped: id })
  }

  isPending = (id: string): boolean => this.waiting.has(id)

  /** The id to change: a saved highlight's own, a pending one's once it is saved. */
  async whenSaved(id: string): Promise<string> {
    const w = this.waiting.get(id)
    return w ? (await w.promise).id : id
  }

  /** The saved id of a highlight known by the pending id it started as, or by its own. */
  async savedId(id: string): Promise<string> {
    const w = this.waiting.get(id)
    if (w) return (await w.promise).id
    for (const [saved, pending] of this.aliases) if (pending === id) return saved
    return id
  }

  /** A stable identity for the editor of a highlight: the pending id it started as, else its id. */
  identity(id: string): string {
    return this.aliases.get(id) ?? id
  }

  private emit(change: AnnotationChange): void {
    for (const l of [...this.listeners]) l(change)
  }
}
