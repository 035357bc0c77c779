import { Worker } from 'node:worker_threads'
import type { Block, DocumentMeta } from '../../shared/model'
import type { WorkerSpec } from './worker-protocol'
import { chunkText } from '../domain/search/chunks'
import {
  InvertedIndex,
  KIND_PASSAGE,
  termCounts,
  type CountedEntries
} from '../engine/inverted-index'
import { yieldToEventLoop } from '../base/yield'

/** What the rebuild worker needs to know of a document. */
export type BuildDocument = Pick<
  DocumentMeta,
  'id' | 'title' | 'textSha256' | 'originalName' | 'stored'
>

export interface BuildRequest {
  dir: string
  documents: BuildDocument[]
}

export type BuildResponse =
  | { ok: true; index: Uint8Array; built: string[]; failed: { id: string; message: string }[] }
  | { ok: false; message: string }

/**
 * A document's passages with their words counted: the costly part of indexing, done where the
 * document is parsed (a parser worker), so that the thread holding the index only adds them.
 */
export type CountedPassages = CountedEntries

export function countPassages(text: string, blocks: Block[]): CountedPassages {
  const chunks = chunkText(text, blocks)
  const bounds = new Uint32Array(chunks.length * 4)
  const vocab: string[] = []
  const vocabIndex = new Map<string, number>()
  const words: number[] = []
  const counts: number[] = []
  chunks.forEach((c, i) => {
    const { counts: tf, length } = termCounts(text.slice(c.start, c.end))
    bounds.set([c.start, c.end, length, tf.size], i * 4)
    for (const [w, n] of tf) {
      let v = vocabIndex.get(w)
      if (v === undefined) {
        vocabIndex.set(w, (v = vocab.length))
        vocab.push(w)
      }
      words.push(v)
      counts.push(Math.min(n, 255))
    }
  })
  return { vocab, bounds, words: Uint32Array.from(words), counts: Uint8Array.from(counts) }
}

/** Adds a document and its passages to an index: the same for an import, an update and a rebuild. */
export function indexPassages(
  engine: InvertedIndex,
  doc: Pick<DocumentMeta, 'id' | 'title'>,
  passages: CountedPassages
): void {
  engine.addDocument(doc.id, doc.title)
  engine.addCountedEntries([{ key: doc.id, kind: KIND_PASSAGE, entries: passages }])
}

/**
 * Builds the passages of every document in a worker thread, which reads the texts itself: a full
 * rebuild (minutes at 100,000 documents) never blocks the app. Resolves with the index; documents
 * whose text could not be read are listed, for the caller to report.
 */
export function buildInWorker(
  spec: WorkerSpec,
  request: BuildRequest,
  /** Stops the worker (the workspace is being closed): the promise then rejects. */
  signal?: AbortSignal
): Promise<{ engine: InvertedIndex; built: string[]; failed: { id: string; message: string }[] }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('the rebuild was stopped'))
    const worker = new Worker(spec.file, { execArgv: spec.execArgv, workerData: spec.workerData })
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', stop)
      fn()
      void worker.terminate()
    }
    const stop = (): void => finish(() => reject(new Error('the rebuild was stopped')))
    signal?.addEventListener('abort', stop)
    worker.once('message', (res: BuildResponse) =>
      finish(() => {
        if (!res.ok) return reject(new Error(res.message))
        // Decoded a slice at a time: a large index must not hold up the app once more.
        InvertedIndex.deserialize(res.index, yieldToEventLoop).then(
          (engine) => resolve({ engine, built: res.built, failed: res.failed }),
          reject
        )
      })
    )
    worker.once('error', (err) => finish(() => reject(err)))
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the index worker stopped (exit code ${code})`)))
    )
    worker.postMessage(request)
  })
}
