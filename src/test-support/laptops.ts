import { expect } from 'vitest'
import type { Workbench } from '../core/workbench'
import { importText, openTestWorkbench } from './workbench'

/**
 * Two laptops working on one case: A imports two documents, tags and highlights them, writes a
 * note and a memo, and B starts from A's bundle. Both run on one clock that stands still unless
 * a test moves it (`tick`).
 */

export const TEXTS = [
  'Averly port halted cranes after ransomware hit the terminal on Monday. 🚢 Officials named a group.',
  'The port authority said safety systems worked. Operations resumed on Tuesday 𠀀 afternoon.'
]

/** Everything a merge may change, as a person sees it (ids of documents by their text). */
export async function state(wb: Workbench) {
  const docs = (await wb.listDocuments()).sort((a, b) => a.textSha256.localeCompare(b.textSha256))
  const tags = await wb.listTags()
  const path = (id: string) => tags.find((t) => t.id === id)?.path
  const out = []
  for (const d of docs)
    out.push({
      text: d.textSha256,
      title: d.title,
      note: await wb.getDocumentNote(d.id),
      highlights: (await wb.listAnnotations(d.id))
        .map((a) => ({
          quote: a.quote.exact,
          start: a.position.start,
          color: a.color,
          tags: a.tags.map(path).sort(),
          note: a.note
        }))
        .sort((a, b) => a.start - b.start || a.quote.localeCompare(b.quote))
    })
  return {
    docs: out,
    tags: tags.map((t) => t.path).sort(),
    memos: (await wb.listMemos()).map((m) => [m.title, m.text]).sort()
  }
}

export const range = (text: string, q: string) => ({
  start: text.indexOf(q),
  end: text.indexOf(q) + q.length
})

/** Both laptops' clock: it stands still unless a test moves it. */
let clock = 0
export const tick = (): void => void (clock += 60_000)

export async function laptops(tempDir: () => Promise<string>) {
  clock = Date.parse('2025-03-06T09:00:00Z')
  const now = () => new Date(clock)
  const a = await openTestWorkbench(await tempDir(), { now })
  // The test clock's ids count from 1 in every workspace; the app's are random. Each laptop gets its own.
  let n = 0
  const b = await openTestWorkbench(await tempDir(), {
    now,
    newId: () => `b${String(++n).padStart(4, '0')}`
  })
  const docs = []
  for (const [i, t] of TEXTS.entries()) docs.push(await importText(a, `doc${i}.txt`, t))
  const actors = (await a.createTag({ path: 'Actors' })).value
  await a.createTag({ path: 'Impact' })
  const h1 = (
    await a.createAnnotation({
      docId: docs[0].id,
      ...range(TEXTS[0], 'ransomware'),
      tags: [actors.id]
    })
  ).value
  const h2 = (await a.createAnnotation({ docId: docs[1].id, ...range(TEXTS[1], 'safety systems') }))
    .value
  await a.setDocumentNote(docs[0].id, 'Line one.\nLine two.\nLine three.')
  await a.createMemo({ title: 'Timeline', text: 'Day 1.' })
  // B starts from A's bundle.
  const first = await a.exportBundle({})
  const merged = await b.mergeBundle({ name: 'first.awb', data: first.data }, {})
  expect(merged).toMatchObject({ changed: true, threeWay: false })
  expect(merged.newDocuments).toHaveLength(2)
  return { a, b, docs, h1, h2 }
}
