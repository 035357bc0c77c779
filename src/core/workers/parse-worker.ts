/**
 * Parser worker thread: reads files sent by the parser pool (parser-pool.ts), one at a time, and
 * posts back each document with its checksum, word count, chunks counted for the index, and fingerprints for finding shared passages. It runs with a memory limit and is
 * terminated on timeout by the pool, so a hostile file cannot take the app down.
 */
import { createHash } from 'node:crypto'
import { parentPort } from 'node:worker_threads'
import { encodeFingerprints } from '../domain/reuse/codec'
import { fingerprint } from '../domain/reuse/winnow'
import { countChunks } from '../domain/search/count-chunks'
import { parseBytes } from '../import/parse-bytes'
import { countWords } from '../import/text-blocks'
import type { ParseRequest, ParseResponse } from './worker-protocol'

/** Files are read one after another, in the order sent: the pool sends the next ahead of time. */
let reading: Promise<void> = Promise.resolve()

parentPort?.on('message', (req: ParseRequest) => {
  reading = reading.then(() => read(req))
})

async function read(req: ParseRequest): Promise<void> {
  let res: ParseResponse
  try {
    const doc = await parseBytes(req.format, req.bytes, req.maxTextChars, req.options)
    res = {
      ok: true,
      parsed: {
        doc,
        textSha256: createHash('sha256').update(doc.text).digest('hex'),
        words: countWords(doc.text),
        chunks: countChunks(doc.text, doc.blocks),
        ...(req.fingerprints !== false && {
          fingerprints: encodeFingerprints(fingerprint(doc.text))
        })
      }
    }
  } catch (err) {
    res = { ok: false, message: err instanceof Error ? err.message : String(err) }
  }
  parentPort?.postMessage(res)
}
