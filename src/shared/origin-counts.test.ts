import { describe, expect, it } from 'vitest'
import { originIndex, passagesAndOrigins } from './origin-counts'

// a and b derive from one press release (origin a); c stands alone.
const origins = [
  { id: 'a', documents: ['a', 'b'], sources: ['Ministry of Coastal Affairs'] },
  { id: 'c', documents: ['c'], sources: ['Harbour Ledger'] }
]

describe('originIndex', () => {
  it('maps every document to the origin it belongs to', () => {
    expect([...originIndex(origins)]).toEqual([
      ['a', 'a'],
      ['b', 'a'],
      ['c', 'c']
    ])
  })
})

describe('passagesAndOrigins', () => {
  const originOf = originIndex(origins)
  it.each([
    ['no passages', [], { passages: 0, origins: 0 }],
    ['two documents of one origin', ['a', 'b'], { passages: 2, origins: 1 }],
    ['two origins', ['a', 'c', 'c'], { passages: 3, origins: 2 }],
    ['a document read since: its own origin', ['a', 'new'], { passages: 2, origins: 2 }]
  ])('%s', (_, docIds, expected) => {
    expect(
      passagesAndOrigins(
        docIds.map((docId) => ({ docId })),
        originOf
      )
    ).toEqual(expected)
  })
})
