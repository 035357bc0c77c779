import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countChunks } from '../domain/search/count-chunks'
import { termCounts } from '../domain/search/term-counts'
import { addCountedEntries, addEntryWords } from './add-entries'
import { Dictionary } from './dictionary'
import { EntryTable, KIND_NOTE, KIND_TEXT } from './entries'
import { decodeIndex, encodeIndex } from './snapshot-codec'

const WORDS = ['port', 'harbour', 'ship', 'crane', 'storm', 'the', 'of', 'éclair']
const docArb = fc.record({
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
  text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 300 }),
  note: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }))
})

type Doc = { title: string[]; text: string[]; note: string[] | null }

interface Parts {
  table: EntryTable
  dict: Dictionary
}

function build(docs: Doc[], removed: number[] = []): Parts {
  const table = new EntryTable()
  const dict = new Dictionary()
  docs.forEach((d, i) => {
    const title = termCounts(d.title.join(' '))
    const slot = table.addDocument(`d${i}`, [...title.counts.keys()], title.length)
    for (const w of title.counts.keys()) (dict.term(w).titles ??= new Set()).add(slot)
    const text = d.text.join(' ')
    addCountedEntries(table, dict, [
      { key: `d${i}`, kind: KIND_TEXT, entries: countChunks(text, []) }
    ])
    if (d.note) {
      const note = termCounts(d.note.join(' '))
      const id = table.add(slot, KIND_NOTE, 0, 4, note.length)
      table.annotationIds.set(id, `a${i}`)
      addEntryWords(dict, id, note.counts)
    }
  })
  for (const r of removed) {
    const gone = table.removeDocument(`d${r}`)
    if (gone) for (const w of gone.doc.titleTerms) dict.get(w)?.titles?.delete(gone.slot)
  }
  const map = table.vacuum()
  if (map) dict.renumber(map)
  return { table, dict }
}

const noPause = (): Promise<void> => Promise.resolve()
const encode = ({ table, dict }: Parts): Promise<Uint8Array> => encodeIndex(table, dict, noPause)
async function decode(bytes: Uint8Array): Promise<Parts> {
  const parts = { table: new EntryTable(), dict: new Dictionary() }
  await decodeIndex(bytes, noPause, parts.table, parts.dict)
  return parts
}

/** Everything a query reads, in a form that does not depend on slots. */
function contents({ table, dict }: Parts): unknown {
  const docs = [...table.slots.keys()].sort().map((key) => {
    const doc = table.doc(table.slotOf(key))
    return [key, doc.titleTerms, doc.titleLength, doc.chunks, doc.notes]
  })
  const entries = Array.from({ length: table.size }, (_, id) => [table.info(id), table.entLen[id]])
  const words = [...dict.terms]
    .map(([w, t]) => [
      w,
      t.postings ? [...t.postings.ids.subarray(0, t.postings.n)] : [],
      t.postings ? [...t.postings.tfs.subarray(0, t.postings.n)] : [],
      [...(t.titles ?? [])].map((s) => table.doc(s).key).sort()
    ])
    .sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1))
  return { docs, entries, words, alive: [table.alive, table.aliveLength, table.aliveDocs] }
}

/** Where the first word's postings start (past the header and the entry table). */
function postingsStart(bytes: Uint8Array, entries: number): number {
  const headerBytes = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true)
  return 4 + headerBytes + 16 * entries + Math.ceil(entries / 4) * 4
}

describe('the snapshot codec', () => {
  it('reads back exactly what it wrote', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(7), { maxLength: 3 }),
        async (docs, removed) => {
          const parts = build(docs, removed)
          const bytes = await encode(parts)
          const copy = await decode(bytes)
          expect(contents(copy)).toEqual(contents(parts))
          expect(contents(await decode(await encode(copy)))).toEqual(contents(parts))
          // Bytes that are not 4-byte aligned (a view into a larger file) are read the same.
          const shifted = new Uint8Array(bytes.length + 1)
          shifted.set(bytes, 1)
          expect(contents(await decode(shifted.subarray(1)))).toEqual(contents(parts))
        }
      ),
      { numRuns: 60 }
    )
  })

  it('refuses every truncation of a snapshot, and bytes after its end', async () => {
    const bytes = await encode(
      build([
        { title: ['port'], text: ['port', 'ship', 'storm'], note: ['harbour'] },
        { title: ['crane'], text: ['the', 'crane', 'of', 'the', 'port'], note: null }
      ])
    )
    for (let cut = 0; cut < bytes.length; cut++)
      await expect(decode(bytes.slice(0, cut)), `cut at ${cut}`).rejects.toThrow(
        /truncated|inconsistent/
      )
    const longer = new Uint8Array(bytes.length + 4)
    longer.set(bytes)
    await expect(decode(longer)).rejects.toThrow(/trailing data/)
  })

  it('refuses damaged content: a header that is not JSON, an entry of no document, postings out of range or order', async () => {
    const parts = build([
      { title: ['port'], text: ['port', 'ship', 'storm'], note: ['port'] },
      { title: ['crane'], text: ['port', 'crane'], note: null }
    ])
    const bytes = await encode(parts)
    const n = parts.table.size
    const damaged = (fn: (b: Uint8Array, view: DataView) => void): Uint8Array => {
      const b = bytes.slice()
      fn(b, new DataView(b.buffer))
      return b
    }
    // The header's first character.
    await expect(decode(damaged((b) => (b[4] = 0x21)))).rejects.toThrow(/inconsistent/)
    // The first entry's document.
    const headerBytes = new DataView(bytes.buffer).getUint32(0, true)
    await expect(decode(damaged((_, v) => v.setUint32(4 + headerBytes, 99, true)))).rejects.toThrow(
      /inconsistent/
    )
    // The first word's postings: its count, then its ids.
    const at = postingsStart(bytes, n)
    const count = new DataView(bytes.buffer).getUint32(at, true)
    expect(count).toBeGreaterThan(1)
    await expect(decode(damaged((_, v) => v.setUint32(at + 4, n + 5, true)))).rejects.toThrow(
      /inconsistent/
    )
    const last = at + 4 * count
    await expect(decode(damaged((_, v) => v.setUint32(last, n, true)))).rejects.toThrow(
      /inconsistent/
    )
    await expect(
      decode(damaged((_, v) => v.setUint32(at + 4, v.getUint32(last, true), true)))
    ).rejects.toThrow(/inconsistent/)
    // Undamaged, it reads.
    expect(contents(await decode(bytes.slice()))).toEqual(contents(parts))
  })

  it('writes no snapshot of a table with dead entries (ids must be dense)', async () => {
    const table = new EntryTable()
    const dict = new Dictionary()
    table.addDocument('d', [], 0)
    table.add(0, KIND_NOTE, 0, 1, 1)
    table.clearNotes('d')
    await expect(encodeIndex(table, dict, noPause)).rejects.toThrow(/vacuum/)
  })
})
