import { Worker } from 'node:worker_threads'
import type { DocumentMeta } from '../../shared/model'
import type { WorkerSpec } from './worker-protocol'
import type { CountedChunks } from '../domain/search/count-chunks'
import { InvertedIndex, KIND_TEXT } from '../engine/inverted-index'
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

/** Adds a document and its chunks to an index: the same for an import, an update and a rebuild. */
export function indexPassages(
  engine: InvertedIndex,
  doc: Pick<DocumentMeta, 'id' | 'title'>,
  chunks: CountedChunks
): void {
  engine.addDocument(doc.id, doc.title)
  engine.addCountedEntries([{ key: doc.id, kind: KIND_TEXT, entries: chunks }])
}

/**
 * Builds the chunks of every document in a worker thread, which reads the texts itself: a full
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
