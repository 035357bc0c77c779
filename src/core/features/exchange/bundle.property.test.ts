import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HIGHLIGHT_COLORS } from '../../../shared/model'
import { laptops, state, tick, TEXTS } from '../../../test-support/laptops'
import { useTempDirs } from '../../../test-support/temp-dir'
import type { Workbench } from '../../workbench'

const tempDir = useTempDirs()

/** One edit an analyst makes on one laptop, by position in what that laptop lists. */
type Edit =
  | { op: 'color'; h: number; color: (typeof HIGHLIGHT_COLORS)[number] }
  | { op: 'note'; h: number; text: string }
  | { op: 'tag'; h: number; tag: number }
  | { op: 'highlight'; doc: number; word: number }
  | { op: 'delete'; h: number }
  | { op: 'newTag'; name: string }
  | { op: 'rename'; tag: number; name: string }
  | { op: 'docNote'; line: number; text: string }
  | { op: 'memo'; text: string }

const NAMES = ['Actors', 'Impact', 'Timeline', 'Places']
const n = fc.nat({ max: 9 })
const word = fc.constantFrom('Who?', 'Confirmed.', 'Two sources.', '')
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('color' as const),
    h: n,
    color: fc.constantFrom(...HIGHLIGHT_COLORS)
  }),
  fc.record({ op: fc.constant('note' as const), h: n, text: word }),
  fc.record({ op: fc.constant('tag' as const), h: n, tag: n }),
  fc.record({ op: fc.constant('highlight' as const), doc: fc.nat({ max: 1 }), word: n }),
  fc.record({ op: fc.constant('delete' as const), h: n }),
  fc.record({ op: fc.constant('newTag' as const), name: fc.constantFrom(...NAMES) }),
  fc.record({ op: fc.constant('rename' as const), tag: n, name: fc.constantFrom(...NAMES) }),
  fc.record({ op: fc.constant('docNote' as const), line: fc.nat({ max: 2 }), text: word }),
  fc.record({ op: fc.constant('memo' as const), text: word })
)
/** Edits made on the two laptops, in the order they were made (one minute apart). */
const sessions = fc.array(fc.record({ on: fc.constantFrom('a', 'b'), edit: editArb }), {
  maxLength: 12
})

async function apply(wb: Workbench, docIds: string[], edit: Edit): Promise<void> {
  // In reading order, document by document: ids differ from one run to the next, places do not.
  const highlights = []
  for (const id of docIds)
    highlights.push(
      ...(await wb.listAnnotations(id)).sort(
        (x, y) =>
          x.position.start - y.position.start ||
          x.position.end - y.position.end ||
          x.created.localeCompare(y.created)
      )
    )
  const tags = (await wb.listTags()).sort((x, y) => x.path.localeCompare(y.path))
  const h = highlights.length ? highlights[('h' in edit ? edit.h : 0) % highlights.length] : null
  try {
    switch (edit.op) {
      case 'color':
        if (h) await wb.updateAnnotation(h.id, { color: edit.color })
        return
      case 'note':
        if (h) await wb.updateAnnotation(h.id, { note: edit.text })
        return
      case 'tag': {
        const t = tags[edit.tag % tags.length]
        if (h && t)
          await wb.updateAnnotation(h.id, {
            tags: h.tags.includes(t.id) ? h.tags.filter((x) => x !== t.id) : [...h.tags, t.id]
          })
        return
      }
      case 'delete':
        if (h) await wb.deleteAnnotation(h.id)
        return
      case 'highlight': {
        const text = TEXTS[edit.doc]
        const words = [...text.matchAll(/\S+/g)]
        const w = words[edit.word % words.length]
        await wb.createAnnotation({
          docId: docIds[edit.doc],
          start: w.index,
          end: w.index + w[0].length
        })
        return
      }
      case 'newTag':
        await wb.createTag({ path: `Actors/${edit.name}` })
        return
      case 'rename': {
        const t = tags[edit.tag % tags.length]
        if (t) await wb.updateTag(t.id, { name: edit.name })
        return
      }
      case 'docNote': {
        const lines = (await wb.getDocumentNote(docIds[0])).split('\n')
        lines[edit.line % lines.length] = edit.text
        await wb.setDocumentNote(docIds[0], lines.join('\n'))
        return
      }
      case 'memo': {
        const m = (await wb.listMemos())[0]
        await wb.updateMemo(m.id, { title: m.title, text: `${m.text}\n${edit.text}` })
        return
      }
    }
  } catch (err) {
    // An edit the workbench refuses (a tag name already taken there, say) is no edit.
    if (!(err instanceof Error && 'code' in err && err.code === 'invalid-argument')) throw err
  }
}

/** Two laptops diverged by the edits, then exchanging bundles: `first` merges the other's bundle first. */
async function exchange(
  edits: { on: 'a' | 'b'; edit: Edit }[],
  first: 'a' | 'b'
): Promise<{ result: Awaited<ReturnType<typeof state>>; again: boolean }> {
  const { a, b, docs } = await laptops(tempDir)
  try {
    const ids = docs.map((d) => d.id)
    for (const { on, edit } of edits) {
      tick()
      await apply(on === 'a' ? a : b, ids, edit)
    }
    tick()
    const [x, y] = first === 'a' ? [a, b] : [b, a]
    const fromY = await y.exportBundle({})
    await x.mergeBundle({ name: 'y.awb', data: fromY.data }, {})
    const fromX = await x.exportBundle({})
    await y.mergeBundle({ name: 'x.awb', data: fromX.data }, {})
    // Conflict marks name each laptop by its workspace id, which differs from run to run.
    const names = new Map([
      [fromX.workspaceId, first.toUpperCase()],
      [fromY.workspaceId, first === 'a' ? 'B' : 'A']
    ])
    const result = JSON.parse(
      JSON.stringify(await state(a)).replace(/w[0-9a-f]{16}/g, (id) => names.get(id) ?? id)
    ) as Awaited<ReturnType<typeof state>>
    expect(JSON.stringify(await state(b))).toBe(JSON.stringify(await state(a)))
    // The same bundle once more changes nothing.
    const again = await y.mergeBundle({ name: 'x.awb', data: fromX.data }, {})
    expect(JSON.stringify(await state(y))).toBe(JSON.stringify(await state(x)))
    return { result, again: again.changed }
  } finally {
    await a.close()
    await b.close()
  }
}

describe('two laptops exchanging bundle files after random edits', () => {
  it('end the same whichever merges first, and merging a bundle twice changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(sessions, async (edits) => {
        const aFirst = await exchange(edits, 'a')
        const bFirst = await exchange(edits, 'b')
        expect(bFirst.result).toEqual(aFirst.result)
        expect([aFirst.again, bFirst.again]).toEqual([false, false])
      }),
      { numRuns: Number(process.env.FC_RUNS_BUNDLE ?? 8) }
    )
  }, 300_000)
})
