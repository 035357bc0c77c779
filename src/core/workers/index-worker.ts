/**
 * Worker thread entry: rebuilds the search index's passages from the workspace's stored texts and
 * posts the serialized index back (see index-build.ts).
 */
import { parentPort } from 'node:worker_threads'
import { join } from 'node:path'
import { PackReader } from '../store/pack-store'
import { LAYOUT } from '../store/layout'
import { readStoredText } from '../store/texts'
import { countChunks } from '../domain/search/count-chunks'
import { indexPassages, type BuildRequest, type BuildResponse } from './index-build'
import { InvertedIndex } from '../engine/inverted-index'

parentPort?.once('message', async (req: BuildRequest) => {
  let res: BuildResponse
  try {
    const engine = new InvertedIndex()
    const built: string[] = []
    const failed: { id: string; message: string }[] = []
    const reader = new PackReader(join(req.dir, LAYOUT.texts))
    try {
      for (const doc of req.documents) {
        try {
          const { text, blocks } = await readStoredText(doc, reader, false)
          indexPassages(engine, doc, countChunks(text, blocks))
          built.push(doc.id)
        } catch (err) {
          failed.push({ id: doc.id, message: err instanceof Error ? err.message : String(err) })
        }
      }
    } finally {
      await reader.close()
    }
    const index = await engine.serialize()
    res = { ok: true, index, built, failed }
    parentPort?.postMessage(res, [index.buffer as ArrayBuffer])
  } catch (err) {
    res = { ok: false, message: err instanceof Error ? err.message : String(err) }
    parentPort?.postMessage(res)
  }
})
