import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { blocksSchema, parseBlocks } from './schema'

const LENGTH = 100

/** What the schema accepts, and for a text of LENGTH characters. */
function bySchema(value: unknown): unknown {
  const parsed = blocksSchema.safeParse(value)
  return parsed.success && parsed.data.every((b) => b.start <= b.end && b.end <= LENGTH)
    ? parsed.data
    : null
}

const number = fc.oneof(
  fc.integer({ min: -2, max: LENGTH + 2 }),
  fc.constantFrom(1.5, Number.NaN, Infinity),
  fc.constant('3')
)
const block = fc.record(
  {
    kind: fc.constantFrom('heading', 'paragraph', 'list-item', 'quote', 'preformatted', 'script'),
    start: number,
    end: number,
    level: fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constant(undefined)),
    extra: fc.string()
  },
  { requiredKeys: ['kind', 'start', 'end'] }
)

describe('stored structure', () => {
  it('accepts exactly what the schema accepts, and gives the same blocks', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(block, { maxLength: 6 }), fc.anything()), (value) => {
        expect(parseBlocks(value, LENGTH)).toEqual(bySchema(value))
      }),
      { numRuns: 2000 }
    )
  })
})
