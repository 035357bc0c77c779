import type { Block } from '../../../shared/model'
import { chunkText } from './chunks'
import { MAX_TF, termCounts, type CountedEntries } from './term-counts'

/**
 * A document's chunks with their words counted: the costly part of indexing, done where the
 * document is parsed (a parser worker), so that the thread holding the index only adds them.
 */
export type CountedChunks = CountedEntries

export function countChunks(text: string, blocks: Block[]): CountedChunks {
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
      counts.push(Math.min(n, MAX_TF))
    }
  })
  return { vocab, bounds, words: Uint32Array.from(words), counts: Uint8Array.from(counts) }
}
