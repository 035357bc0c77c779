// A stand-in for the search index's rebuild worker that cannot finish before the file named in
// workerData.gate exists: then it reports a failure, and the rebuild falls back to the main thread.
// Lets a test act while a rebuild is still under way.
import { existsSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'

parentPort.once('message', () => {
  const timer = setInterval(() => {
    if (!existsSync(workerData.gate)) return
    clearInterval(timer)
    parentPort.postMessage({ ok: false, message: 'released' })
  }, 10)
})
