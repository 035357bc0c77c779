import { Worker } from 'node:worker_threads'
import type { Block, DocumentMeta } from '../../shared/model'
import type { WorkerSpec } from '../import/worker-protocol'
import { chunkText } from './chunks'
import { InvertedIndex, KIND_PASSAGE, yieldToEventLoop } from './inverted-index'

/** What the rebuild worker needs to know of a document. */
export type BuildDocument = Pick<DocumentMeta, 'id' | 'title' | 'textSha256' | 'originalName'>

export interface BuildRequest {
  dir: string
  documents: BuildDocument[]
}

export type BuildResponse =
  | { ok: true; index: Uint8Array; built: string[]; failed: { id: string; message: string }[] }
  | { ok: false; message: string }

/** Adds a document and its passages to an index: the same for an update and for a rebuild. */
export function indexPassages(
  engine: InvertedIndex,
  doc: Pick<DocumentMeta, 'id' | 'title'>,
  text: string,
  blocks: Block[]
): void {
  engine.addDocument(doc.id, doc.title)
  for (const c of chunkText(text, blocks))
    engine.addEntry(doc.id, KIND_PASSAGE, c.start, c.end, text.slice(c.start, c.end))
}

/**
 * Builds the passages of every document in a worker thread, which reads the texts itself: a full
 * rebuild (minutes at 100,000 documents) never blocks the app. Resolves with the index; documents
 * whose text could not be read are listed, for the caller to report.
 */
export function buildInWorker(
  spec: WorkerSpec,
  request: BuildRequest
): Promise<{ engine: InvertedIndex; built: string[]; failed: { id: string; message: string }[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(spec.file, { execArgv: spec.execArgv, workerData: spec.workerData })
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      fn()
      void worker.terminate()
    }
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
