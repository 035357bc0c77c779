// A stand-in parser worker for the pool's tests: "busy N" keeps it busy for N ms, "hang" forever;
// any other text comes back as the document. Files are read in the order they arrive, as the real
// worker reads them.
import { parentPort } from 'node:worker_threads'

parentPort.on('message', (req) => {
  const text = new TextDecoder().decode(req.bytes)
  const busy = /^busy (\d+)$/.exec(text)
  const until = text === 'hang' ? Infinity : Date.now() + Number(busy?.[1] ?? 0)
  while (Date.now() < until) {
    // working
  }
  parentPort.postMessage({
    ok: true,
    parsed: { doc: { text, blocks: [], hints: {} }, textSha256: '', words: 0, passages: null }
  })
})
