/**
 * Worker thread entry: parses one PDF or DOCX file and posts the result back. Runs with a memory
 * limit and is terminated on timeout by the caller, so a hostile file cannot take the app down.
 */
import { parentPort } from 'node:worker_threads'
import { docxToDocument } from './docx'
import { pdfToDocument } from './pdf'
import type { WorkerRequest, WorkerResponse } from './worker-protocol'

parentPort?.once('message', async (req: WorkerRequest) => {
  let res: WorkerResponse
  try {
    const doc =
      req.format === 'pdf' ? await pdfToDocument(req.bytes) : await docxToDocument(req.bytes)
    res = { ok: true, doc }
  } catch (err) {
    res = { ok: false, message: err instanceof Error ? err.message : String(err) }
  }
  parentPort?.postMessage(res)
})
