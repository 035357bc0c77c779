import { Worker } from 'node:worker_threads'
import { WorkbenchError } from '../errors'
import type { ParsedDocument } from './text-blocks'
import type { WorkerRequest, WorkerResponse, WorkerSpec } from './worker-protocol'

export interface WorkerLimits {
  timeoutMs: number
  memoryMb: number
}

/** Parses a PDF or DOCX in a worker thread with a heap limit and a timeout. */
export function parseInWorker(
  spec: WorkerSpec,
  request: WorkerRequest,
  limits: WorkerLimits
): Promise<ParsedDocument> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(spec.file, {
      execArgv: spec.execArgv,
      workerData: spec.workerData,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: true,
      stderr: true
    })
    let settled = false
    const finish = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      fn()
      void worker.terminate()
    }
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new WorkbenchError(
              'invalid-argument',
              `reading it took longer than ${duration(limits.timeoutMs)}; the file may be damaged or too complex`
            )
          )
        ),
      limits.timeoutMs
    )
    worker.once('message', (res: WorkerResponse) =>
      finish(() =>
        res.ok ? resolve(res.doc) : reject(new WorkbenchError('invalid-argument', res.message))
      )
    )
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new WorkbenchError(
                'invalid-argument',
                `reading it needs more than ${limits.memoryMb} MB of memory; the file may be a zip bomb or damaged`
              )
            : new WorkbenchError('invalid-argument', `the parser failed (${err.message})`)
        )
      )
    )
    worker.once('exit', (code) =>
      finish(() =>
        reject(
          new WorkbenchError(
            'invalid-argument',
            `the parser stopped unexpectedly (exit code ${code})`
          )
        )
      )
    )
    // A copy into a buffer of its own: the transfer detaches it. (Buffer#slice would be a view onto
    // the caller's bytes, or onto Node's shared buffer pool.)
    const copy = new Uint8Array(request.bytes)
    worker.postMessage({ format: request.format, bytes: copy }, [copy.buffer as ArrayBuffer])
  })
}

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)
