import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyEdits, editArb, type Edit } from '../../../../test-support/case-edits'
import { baseCase, normalized } from '../../../../test-support/case-sample'
import type { CaseState } from './format'
import { mergeCase } from './merge'

const merge = (
  local: CaseState,
  localId: string,
  incoming: CaseState,
  incomingId: string,
  base: CaseState | null
): CaseState =>
  mergeCase({
    local: { workspaceId: localId, state: local },
    incoming: { workspaceId: incomingId, state: incoming },
    base
  }).state

const START = Date.parse('2025-03-02T09:00:00.000Z')
const edits = fc.array(editArb, { maxLength: 25 })
// Cases fast-check once found, kept so that they are tried on every run.
const FOUND: [Edit[], Edit[]][] = [
  // Both add "Timeline" under the tag that one of them renames to the other's name.
  [
    [
      { op: 'highlight', doc: 0, start: 0, length: 1 },
      { op: 'newTag', name: 'Timeline', parent: 2 }
    ],
    [
      { op: 'newTag', name: 'Timeline', parent: 0 },
      { op: 'rename', tag: 7, name: 'Actors' },
      { op: 'rename', tag: 0, name: 'Impact' }
    ]
  ]
]
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 200), examples: FOUND }

describe('merging two laptops that diverged from one bundle', () => {
  it('gives the same case whichever laptop merges the other', () => {
    fc.assert(
      fc.property(edits, edits, (ea, eb) => {
        const base = baseCase()
        const a = applyEdits(base, ea, 'a', START)
        const b = applyEdits(base, eb, 'b', START + 500)
        expect(normalized(merge(a, 'laptop-a', b, 'laptop-b', base))).toEqual(
          normalized(merge(b, 'laptop-b', a, 'laptop-a', base))
        )
      }),
      RUNS
    )
  })

  it('ends equal after A takes B’s bundle and B then takes A’s', () => {
    fc.assert(
      fc.property(edits, edits, (ea, eb) => {
        const base = baseCase()
        const a = applyEdits(base, ea, 'a', START)
        const b = applyEdits(base, eb, 'b', START + 500)
        const a2 = merge(a, 'laptop-a', b, 'laptop-b', base)
        // A's bundle names B's as the last exchange: B's own state is the base.
        const b2 = merge(b, 'laptop-b', a2, 'laptop-a', b)
        expect(normalized(b2)).toEqual(normalized(a2))
      }),
      RUNS
    )
  })

  it('changes nothing when the same bundle is merged twice', () => {
    fc.assert(
      fc.property(edits, edits, (ea, eb) => {
        const base = baseCase()
        const a = applyEdits(base, ea, 'a', START)
        const b = applyEdits(base, eb, 'b', START + 500)
        const once = merge(a, 'laptop-a', b, 'laptop-b', base)
        expect(merge(once, 'laptop-a', b, 'laptop-b', base)).toEqual(once)
        // …and also when the second time is taken against the bundle itself, as after recording the exchange.
        expect(normalized(merge(once, 'laptop-a', b, 'laptop-b', b))).toEqual(normalized(once))
      }),
      RUNS
    )
  })

  it('gives the same case without a base (a first exchange) whichever laptop merges', () => {
    fc.assert(
      fc.property(edits, edits, (ea, eb) => {
        const base = baseCase()
        const a = applyEdits(base, ea, 'a', START)
        const b = applyEdits(base, eb, 'b', START + 500)
        expect(normalized(merge(a, 'laptop-a', b, 'laptop-b', null))).toEqual(
          normalized(merge(b, 'laptop-b', a, 'laptop-a', null))
        )
      }),
      RUNS
    )
  })
})
