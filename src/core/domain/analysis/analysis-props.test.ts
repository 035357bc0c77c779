import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CooccurrenceScope } from '../../../shared/analysis'
import type { Annotation, Tag } from '../../../shared/model'
import { cooccurrence, cooccurrencePassages } from './cooccurrence'
import { ann, doc } from './fixture'
import { codeMatrix } from './matrix'

/**
 * The counting code against the definitions written out the slow way, on random workspaces:
 * a random codebook forest, three documents of four paragraphs, random highlights.
 */
const TAG_COUNT = 6
const PARAGRAPHS = [0, 25, 50, 75].map((start) => ({ start, end: start + 24 }))

const workspace = fc
  .record({
    parents: fc.array(fc.nat(TAG_COUNT), { minLength: TAG_COUNT, maxLength: TAG_COUNT }),
    highlights: fc.array(
      fc.record({
        doc: fc.nat(2),
        start: fc.nat(99),
        length: fc.nat(30),
        tags: fc.array(fc.nat(TAG_COUNT - 1), { maxLength: 3 }),
        orphan: fc.boolean()
      }),
      { maxLength: 25 }
    )
  })
  .map(({ parents, highlights }) => {
    // Tag i's parent is a tag before it (or none), so the codebook is a forest.
    const tags: Tag[] = parents.map((p, i) => ({
      id: `t${i}`,
      name: `T${i}`,
      parent: p < i ? `t${p}` : null,
      color: '#000000',
      description: ''
    }))
    const annotations = highlights.map((h, i) =>
      ann(
        `a${i}`,
        `d${h.doc}`,
        h.start,
        h.start + h.length,
        h.tags.map((t) => `t${t}`),
        'q',
        h.orphan ? 'orphaned' : 'anchored'
      )
    )
    return {
      documents: [doc('d0', null, 'S'), doc('d1', null, 'S'), doc('d2', null, null)],
      annotations,
      tags
    }
  })

const ancestorsOf = (tags: Tag[], id: string): string[] => {
  const out: string[] = []
  for (let t = tags.find((x) => x.id === id); t; t = tags.find((x) => x.id === t?.parent))
    out.push(t.id)
  return out
}

function slowPairs(annotations: Annotation[], scope: CooccurrenceScope): Map<string, number> {
  const key = (a: string, b: string): string => [a, b].sort().join('+')
  const out = new Map<string, number>()
  const count = (pairs: Set<string>): void => {
    for (const k of pairs) out.set(k, (out.get(k) ?? 0) + 1)
  }
  const within = (tags: string[]): Set<string> => {
    const u = [...new Set(tags)]
    const s = new Set<string>()
    for (const a of u) for (const b of u) if (a < b) s.add(key(a, b))
    return s
  }
  if (scope !== 'paragraph') for (const a of annotations) count(within(a.tags))
  const anchored = annotations.filter((a) => a.status === 'anchored')
  if (scope === 'overlap')
    anchored.forEach((x, i) =>
      anchored.slice(i + 1).forEach((y) => {
        const overlap =
          x.docId === y.docId &&
          x.position.start < y.position.end &&
          y.position.start < x.position.end &&
          x.position.start < x.position.end &&
          y.position.start < y.position.end
        if (!overlap) return
        const s = new Set<string>()
        for (const a of x.tags) for (const b of y.tags) if (a !== b) s.add(key(a, b))
        count(s)
      })
    )
  if (scope === 'paragraph')
    for (const d of ['d0', 'd1', 'd2'])
      for (const p of PARAGRAPHS) {
        const inside = anchored.filter((a) => {
          const end = Math.max(a.position.end, a.position.start + 1)
          return a.docId === d && a.position.start < p.end && end > p.start
        })
        count(within(inside.flatMap((a) => a.tags)))
      }
  return out
}

describe('analysis counts against their definitions', () => {
  it('co-occurrence counts what the slow definition counts, and a cell opens that many units', () => {
    fc.assert(
      fc.property(
        workspace,
        fc.constantFrom<CooccurrenceScope>('highlight', 'overlap', 'paragraph'),
        (input, scope) => {
          const options = { scope, paragraphsOf: () => PARAGRAPHS }
          const fast = cooccurrence(input, options)
          const got = new Map(fast.pairs.map((p) => [[p.a, p.b].sort().join('+'), p.count]))
          expect(got).toEqual(slowPairs(input.annotations, scope))
          for (const p of fast.pairs)
            expect(cooccurrencePassages(input, { a: p.b, b: p.a }, options)).toHaveLength(p.count)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('the matrix counts each passage once in every row of its tags and their ancestors', () => {
    fc.assert(
      fc.property(workspace, (input) => {
        const m = codeMatrix(input)
        m.rows.forEach((row, r) =>
          m.cols.forEach((col, c) => {
            const inCol = input.annotations.filter((a) => a.docId === col.id)
            const rolled = inCol.filter((a) =>
              a.tags.some((t) => ancestorsOf(input.tags, t).includes(row.tagId))
            )
            expect(m.counts[r][c]).toBe(rolled.length)
            expect(m.own[r][c]).toBe(inCol.filter((a) => a.tags.includes(row.tagId)).length)
          })
        )
      }),
      { numRuns: 200 }
    )
  })
})
