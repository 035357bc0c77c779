import type { Postings } from './postings'
import { INITIAL_ENTRIES } from './tuning'

export const KIND_TEXT = 0
export const KIND_NOTE = 1

/** Where an entry is: its document (by key), kind, offsets, and the annotation it is the note of. */
export interface EntryInfo {
  doc: string
  kind: number
  start: number
  end: number
  annotationId?: string
}

/** A document of the index, in its slot. */
export interface DocRecord {
  key: string
  titleTerms: string[]
  titleLength: number
  /** Its entries' ids, by kind, in increasing order. */
  chunks: number[]
  notes: number[]
}

function growU32(a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
  if (need <= a.length) return a
  const b = new Uint32Array(Math.max(need, a.length * 2))
  b.set(a)
  return b
}

function growU8(a: Uint8Array<ArrayBuffer>, need: number): Uint8Array<ArrayBuffer> {
  if (need <= a.length) return a
  const b = new Uint8Array(Math.max(need, a.length * 2))
  b.set(a)
  return b
}

/**
 * The entries (chunks and notes) by id, in typed arrays, and the documents they belong to, by
 * slot (a removed document's slot is used again). Entries are removed by marking them dead; their
 * postings stay until `vacuum` drops them and renumbers the rest. Keeps the totals that scores
 * need: live entries and their words, live documents and their titles' words.
 */
export class EntryTable {
  /** Entries ever numbered (live and dead) since the last vacuum. */
  size = 0
  entDoc = new Uint32Array(INITIAL_ENTRIES)
  entStart = new Uint32Array(INITIAL_ENTRIES)
  entEnd = new Uint32Array(INITIAL_ENTRIES)
  /** Words in the entry. */
  entLen = new Uint32Array(INITIAL_ENTRIES)
  entKind = new Uint8Array(INITIAL_ENTRIES)
  entAlive = new Uint8Array(INITIAL_ENTRIES)
  annotationIds = new Map<number, string>()
  alive = 0
  aliveLength = 0

  docs: (DocRecord | null)[] = []
  slots = new Map<string, number>()
  private freeSlots: number[] = []
  aliveDocs = 0
  titleLengthSum = 0
  /** Changes whenever documents come or go (what a filter allowed is kept until then). */
  docsVersion = 0

  slotOf(key: string): number {
    const slot = this.slots.get(key)
    if (slot === undefined) throw new Error(`no document ${key} in the index`)
    return slot
  }

  /** The document in a slot that an entry or a title term names (there is always one). */
  doc(slot: number): DocRecord {
    return this.docs[slot] as DocRecord
  }

  info(id: number): EntryInfo {
    const info: EntryInfo = {
      doc: this.doc(this.entDoc[id]).key,
      kind: this.entKind[id],
      start: this.entStart[id],
      end: this.entEnd[id]
    }
    const a = this.annotationIds.get(id)
    if (a !== undefined) info.annotationId = a
    return info
  }

  /** Adds a document (without entries, of a key not in the table); returns its slot. */
  addDocument(key: string, titleTerms: string[], titleLength: number): number {
    this.docsVersion++
    const slot = this.freeSlots.pop() ?? this.docs.length
    this.docs[slot] = { key, titleTerms, titleLength, chunks: [], notes: [] }
    this.slots.set(key, slot)
    this.aliveDocs++
    this.titleLengthSum += titleLength
    return slot
  }

  /** Removes a document and its entries; returns it and the slot it had (null if it is not in the table). */
  removeDocument(key: string): { doc: DocRecord; slot: number } | null {
    const slot = this.slots.get(key)
    if (slot === undefined) return null
    this.docsVersion++
    const doc = this.doc(slot)
    for (const id of doc.chunks) this.kill(id)
    for (const id of doc.notes) this.kill(id)
    this.docs[slot] = null
    this.slots.delete(key)
    this.freeSlots.push(slot)
    this.aliveDocs--
    this.titleLengthSum -= doc.titleLength
    return { doc, slot }
  }

  /** Removes a document's notes (before they are added again). */
  clearNotes(key: string): void {
    const slot = this.slots.get(key)
    if (slot === undefined) return
    const doc = this.doc(slot)
    for (const id of doc.notes) this.kill(id)
    doc.notes = []
  }

  /** Adds an entry of the document in `slot`, of `length` words; returns its id. */
  add(slot: number, kind: number, start: number, end: number, length: number): number {
    const id = this.size++
    this.ensure(this.size)
    this.entDoc[id] = slot
    this.entStart[id] = start
    this.entEnd[id] = end
    this.entLen[id] = length
    this.entKind[id] = kind
    this.entAlive[id] = 1
    this.alive++
    this.aliveLength += length
    const doc = this.doc(slot)
    ;(kind === KIND_NOTE ? doc.notes : doc.chunks).push(id)
    return id
  }

  private kill(id: number): void {
    if (!this.entAlive[id]) return
    this.entAlive[id] = 0
    this.alive--
    this.aliveLength -= this.entLen[id]
    this.annotationIds.delete(id)
  }

  /** Makes room for `n` entries in all. */
  ensure(n: number): void {
    if (n <= this.entDoc.length) return
    this.entDoc = growU32(this.entDoc, n)
    this.entStart = growU32(this.entStart, n)
    this.entEnd = growU32(this.entEnd, n)
    this.entLen = growU32(this.entLen, n)
    this.entKind = growU8(this.entKind, n)
    this.entAlive = growU8(this.entAlive, n)
  }

  /** How many live entries a word's postings are in (dead ones stay in them until a vacuum). */
  liveCount(p: Postings): number {
    if (this.alive === this.size) return p.n
    const { ids } = p
    const { entAlive } = this
    let live = 0
    for (let i = 0; i < p.n; i++) live += entAlive[ids[i]]
    return live
  }

  /** The average entry's length in words (1 when there are none), and its title's. */
  averageLength(): number {
    return this.aliveLength / Math.max(this.alive, 1) || 1
  }

  averageTitleLength(): number {
    return this.titleLengthSum / Math.max(this.aliveDocs, 1) || 1
  }

  /**
   * Drops dead entries and renumbers the rest, keeping their order; returns how ids changed (old
   * id → new id, -1 for an entry dropped), for the postings to follow, or null when none was dead.
   */
  vacuum(): Int32Array | null {
    if (this.alive === this.size) return null
    const map = new Int32Array(this.size).fill(-1)
    let next = 0
    for (let id = 0; id < this.size; id++) {
      if (!this.entAlive[id]) continue
      map[id] = next
      this.entDoc[next] = this.entDoc[id]
      this.entStart[next] = this.entStart[id]
      this.entEnd[next] = this.entEnd[id]
      this.entLen[next] = this.entLen[id]
      this.entKind[next] = this.entKind[id]
      this.entAlive[next] = 1
      next++
    }
    this.entAlive.fill(0, next)
    this.size = next
    this.annotationIds = new Map([...this.annotationIds].map(([id, a]) => [map[id], a]))
    for (const doc of this.docs) {
      if (!doc) continue
      doc.chunks = doc.chunks.map((id) => map[id])
      doc.notes = doc.notes.map((id) => map[id])
    }
    return map
  }
}
