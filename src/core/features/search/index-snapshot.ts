import { pad4 } from '../../base/byte-writer'
import { yieldToEventLoop } from '../../base/yield'
import { InvertedIndex } from '../../engine/inverted-index'

/** Bump when the index's content or shape changes: older snapshots are then rebuilt. */
export const INDEX_FORMAT = 4
/** The snapshot's file name, in index/. */
export const SNAPSHOT_FILE = 'search.idx'
const MAGIC = 0x49535741 // "AWSI", little-endian

/** What the snapshot says of itself: the text checksum of each document indexed, and when notes were last read. */
export interface SnapshotMeta {
  docs: Record<string, string>
  notesStamp: number
}

/** The snapshot file: a magic number, the format, then the index's own metadata and the engine. */
export async function encodeSnapshot(
  meta: SnapshotMeta,
  engine: InvertedIndex
): Promise<Uint8Array> {
  // Padded with spaces, so that the engine's part starts 4-byte aligned (it is read as views).
  const json = new TextEncoder().encode(JSON.stringify(meta))
  const metaBytes = new Uint8Array(json.length + pad4(json.length)).fill(0x20)
  metaBytes.set(json)
  const body = await engine.serialize(yieldToEventLoop)
  const out = new Uint8Array(12 + metaBytes.length + body.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, MAGIC, true)
  view.setUint32(4, INDEX_FORMAT, true)
  view.setUint32(8, metaBytes.length, true)
  out.set(metaBytes, 12)
  out.set(body, 12 + metaBytes.length)
  return out
}

/** Reads a snapshot back; throws (the caller rebuilds) when it is of another format, damaged or inconsistent. */
export async function decodeSnapshot(
  data: Uint8Array
): Promise<{ meta: SnapshotMeta; engine: InvertedIndex }> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  if (data.length < 12 || view.getUint32(0, true) !== MAGIC)
    throw new Error('not a search index snapshot')
  if (view.getUint32(4, true) !== INDEX_FORMAT) throw new Error('a search index of another format')
  const metaLength = view.getUint32(8, true)
  const meta = JSON.parse(
    new TextDecoder().decode(data.subarray(12, 12 + metaLength))
  ) as SnapshotMeta
  const engine = await InvertedIndex.deserialize(data.subarray(12 + metaLength), yieldToEventLoop)
  for (const key of engine.documentKeys())
    if (!(key in meta.docs)) throw new Error('the search index snapshot is inconsistent')
  return { meta, engine }
}
