import { ByteWriter, pad4 } from '../base/byte-writer'
import type { Dictionary } from './dictionary'
import { KIND_NOTE, type EntryTable } from './entries'
import { Postings } from './postings'
import { HEADER_CHUNK, SLICE } from './tuning'

/**
 * The index as bytes. Layout (little-endian):
 *   u32 header length, then the header: lines of JSON (padded with spaces to 4 bytes), the first
 *     `{ entries, annotationIds, docLines, wordLines }`, then the documents
 *     (`[key, titleTerms, titleLength]`) and the words, a few thousand to a line;
 *   the entry table: document index, start, end and length as u32 arrays, kinds as bytes (padded);
 *   for each word of the header, in order: u32 count, the entry ids (u32, increasing), the term
 *     frequencies (bytes, padded).
 * Postings are as they are in memory, so that reading them back is taking views of the bytes.
 * Encoding and decoding stop every so often to let other work run (`pause`).
 */

type Pause = () => Promise<void>

interface Header {
  entries: number
  annotationIds: [number, string][]
  docLines: number
  wordLines: number
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
const SPACE = 0x20

/** The table and words as bytes; the table must have no dead entries (ids are then dense). */
export async function encodeIndex(
  table: EntryTable,
  dict: Dictionary,
  pause: Pause
): Promise<Uint8Array> {
  if (table.alive !== table.size) throw new Error('vacuum the index before a snapshot')
  const docs: [string, string[], number][] = []
  const slotToIndex = new Int32Array(table.docs.length).fill(-1)
  table.docs.forEach((d, s) => {
    if (!d) return
    slotToIndex[s] = docs.length
    docs.push([d.key, d.titleTerms, d.titleLength])
  })
  const words: string[] = []
  const w = new ByteWriter()
  let work = 0
  for (const [word, t] of dict.terms) {
    const p = t.postings
    if (!p) continue
    if ((work += p.n + 8) > SLICE) {
      work = 0
      await pause()
    }
    words.push(word)
    w.u32s(new Uint32Array([p.n]))
    w.u32s(p.ids.subarray(0, p.n))
    w.bytes(p.tfs.subarray(0, p.n))
    w.align()
  }
  const n = table.size
  const entDoc = new Uint32Array(n)
  for (let i = 0; i < n; i++) entDoc[i] = slotToIndex[table.entDoc[i]]
  const header: Header = {
    entries: n,
    annotationIds: [...table.annotationIds],
    docLines: Math.ceil(docs.length / HEADER_CHUNK),
    wordLines: Math.ceil(words.length / (4 * HEADER_CHUNK))
  }
  // Documents and words a few thousand to a line, so that neither writing nor reading the header
  // is one long step.
  const lines = [JSON.stringify(header)]
  for (let i = 0; i < docs.length; i += HEADER_CHUNK) {
    lines.push(JSON.stringify(docs.slice(i, i + HEADER_CHUNK)))
    await pause()
  }
  for (let i = 0; i < words.length; i += 4 * HEADER_CHUNK) {
    lines.push(JSON.stringify(words.slice(i, i + 4 * HEADER_CHUNK)))
    await pause()
  }
  const json = new TextEncoder().encode(lines.join('\n'))
  const headerBytes = json.length + pad4(json.length)
  const postings = w.result()
  const out = new Uint8Array(4 + headerBytes + 16 * n + n + pad4(n) + postings.length)
  new DataView(out.buffer).setUint32(0, headerBytes, true)
  out.set(json, 4)
  out.fill(SPACE, 4 + json.length, 4 + headerBytes) // which JSON allows
  let at = 4 + headerBytes
  for (const a of [entDoc, table.entStart, table.entEnd, table.entLen]) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, n * 4), at)
    at += n * 4
  }
  out.set(table.entKind.subarray(0, n), at)
  out.set(postings, at + n + pad4(n))
  return out
}

/**
 * Fills an empty table and dictionary from `encodeIndex`'s bytes; throws on bytes that are
 * truncated, inconsistent or followed by more. Postings stay views of the bytes (copied first if
 * they are not 4-byte aligned); a list that grows later moves to arrays of its own.
 */
export async function decodeIndex(
  bytes: Uint8Array,
  pause: Pause,
  table: EntryTable,
  dict: Dictionary
): Promise<void> {
  const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
  const truncated = (): Error => new Error('the index snapshot is truncated')
  const inconsistent = (): Error => new Error('the index snapshot is inconsistent')
  if (data.length < 4) throw truncated()
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const headerBytes = view.getUint32(0, true)
  if (4 + headerBytes > data.length) throw truncated()
  const lines = new TextDecoder().decode(data.subarray(4, 4 + headerBytes)).split('\n')
  const json = <T>(line: string): T => {
    try {
      return JSON.parse(line) as T
    } catch {
      throw inconsistent()
    }
  }
  const header = json<Header>(lines[0])
  if (
    !Number.isSafeInteger(header?.entries) ||
    !Array.isArray(header.annotationIds) ||
    lines.length !== 1 + header.docLines + header.wordLines
  )
    throw inconsistent()
  for (let l = 1; l <= header.docLines; l++) {
    await pause()
    for (const [key, titleTerms, titleLength] of json<[string, string[], number][]>(lines[l])) {
      const slot = table.addDocument(key, titleTerms, titleLength)
      for (const w of titleTerms) (dict.term(w).titles ??= new Set()).add(slot)
    }
  }
  const words: string[] = []
  for (let l = 1 + header.docLines; l < lines.length; l++) {
    await pause()
    for (const w of json<string[]>(lines[l])) words.push(w)
  }

  const n = header.entries
  let at = 4 + headerBytes
  const u32s = (count: number): Uint32Array => {
    if (at + count * 4 > data.length) throw truncated()
    const a = LITTLE_ENDIAN
      ? new Uint32Array(data.buffer, data.byteOffset + at, count)
      : Uint32Array.from({ length: count }, (_, i) => view.getUint32(at + i * 4, true))
    at += count * 4
    return a
  }
  const u8s = (count: number): Uint8Array => {
    if (at + count > data.length) throw truncated()
    const a = data.subarray(at, at + count)
    at += count + pad4(count)
    return a
  }
  table.ensure(n)
  table.entDoc.set(u32s(n))
  table.entStart.set(u32s(n))
  table.entEnd.set(u32s(n))
  table.entLen.set(u32s(n))
  table.entKind.set(u8s(n))
  table.entAlive.fill(1, 0, n)
  table.size = n
  table.alive = n
  for (let id = 0; id < n; id++) {
    if (id % SLICE === 0) await pause()
    const doc = table.docs[table.entDoc[id]]
    if (!doc) throw inconsistent()
    ;(table.entKind[id] === KIND_NOTE ? doc.notes : doc.chunks).push(id)
    table.aliveLength += table.entLen[id]
  }
  table.annotationIds = new Map(header.annotationIds)

  let work = 0
  for (const word of words) {
    if (at + 4 > data.length) throw truncated()
    const count = view.getUint32(at, true)
    at += 4
    if ((work += count + 8) > SLICE) {
      work = 0
      await pause()
    }
    const ids = u32s(count)
    if (!plausible(ids, n)) throw inconsistent()
    dict.term(word).postings = Postings.over(ids, u8s(count))
  }
  if (at > data.length) throw truncated()
  if (at !== data.length) throw new Error('the index snapshot has trailing data')
}

/**
 * Whether a word's postings look sound: ids below `n`, the first below the last. Reading every id
 * to check its order would add a sixth to the time a snapshot takes to open; an id out of place
 * further in (a damaged byte) can misplace a match, not read outside the entry table.
 */
function plausible(ids: Uint32Array, n: number): boolean {
  const last = ids.length - 1
  return last < 0 || (ids[last] < n && (last === 0 || ids[0] < ids[last]))
}
