import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  blocksSchema,
  documentMetaSchema,
  parseBlocks,
  parseDocumentMeta,
  workspaceFileSchema
} from './schema'

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

/** A field's value: mostly valid, sometimes of the wrong kind. */
const field = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 1, arbitrary: fc.constantFrom(null, '', 'x', -1, 0, 1.5, Number.NaN, 2 ** 60, []) }
  )
const count = fc.integer({ min: 0, max: 2 ** 40 })
const sha = fc.constantFrom(
  'a'.repeat(64),
  '0123456789abcdef'.repeat(4),
  'A'.repeat(64),
  'a'.repeat(63)
)
const meta = fc.record(
  {
    id: field(fc.string({ minLength: 1, maxLength: 12 })),
    title: field(fc.string()),
    author: field(fc.option(fc.string())),
    published: field(fc.option(fc.constant('2025-03-04'))),
    source: field(fc.option(fc.string())),
    originalName: field(fc.string()),
    format: field(fc.constantFrom('txt', 'md', 'html', 'pdf', 'docx', 'exe')),
    sha256: field(sha),
    textSha256: field(sha),
    stored: field(
      fc.record(
        {
          pack: field(fc.constantFrom('pack-000001.awp', 'pack-1.awp', '../x.awp')),
          at: field(count),
          text: field(count),
          blocks: field(count),
          original: field(count),
          extra: fc.string()
        },
        { requiredKeys: ['pack', 'at', 'text', 'blocks'] }
      )
    ),
    bytes: field(count),
    chars: field(count),
    words: field(count),
    importedAt: field(fc.constant('2025-03-06T09:00:00.000Z')),
    importOrder: field(fc.integer({ min: 0, max: 10 ** 6 })),
    found: field(
      fc.dictionary(fc.constantFrom('title', 'author', 'colour'), fc.option(fc.string()))
    ),
    read: field(fc.record({ wholePage: fc.boolean() })),
    times: field(
      fc.dictionary(
        fc.constantFrom('title', 'author', 'source', 'colour'),
        fc.oneof(fc.constant('2025-03-06T09:00:00.000Z'), fc.integer())
      )
    ),
    extra: fc.string()
  },
  {
    requiredKeys: [
      'id',
      'title',
      'author',
      'published',
      'source',
      'originalName',
      'format',
      'sha256',
      'textSha256',
      'bytes',
      'chars',
      'words',
      'importedAt'
    ]
  }
)

describe('catalog entries', () => {
  it('accepts exactly what the schema accepts, and gives the same document', () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 8, arbitrary: meta }, { weight: 1, arbitrary: fc.anything() }),
        (value) => {
          const parsed = documentMetaSchema.safeParse(value)
          const byHand = parseDocumentMeta(value)
          if (parsed.success) expect(byHand).toEqual(parsed.data)
          else expect(byHand).toHaveProperty('problem')
        }
      ),
      { numRuns: 3000 }
    )
  })

  it('names the document and the field that is wrong', () => {
    const good = {
      id: 'd1',
      title: 'Port report',
      author: null,
      published: null,
      source: null,
      originalName: 'port.txt',
      format: 'txt',
      sha256: 'a'.repeat(64),
      textSha256: 'b'.repeat(64),
      stored: { pack: 'pack-000001.awp', at: 0, text: 10, blocks: 2, original: 10 },
      bytes: 10,
      chars: 10,
      words: 2,
      importedAt: '2025-03-06T09:00:00.000Z',
      importOrder: 1
    }
    const catalog = (documents: unknown[]): unknown => ({
      schemaVersion: 1,
      nextImportOrder: 3,
      documents,
      codebook: { tags: [] }
    })
    expect(workspaceFileSchema.parse(catalog([good])).documents).toEqual([good])
    const result = workspaceFileSchema.safeParse(catalog([good, { ...good, textSha256: 'zz' }]))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['documents', 1],
      message: 'textSha256: expected a SHA-256 in hex'
    })
    // When each edited detail changed is kept through a reopening (a merge between laptops needs it).
    const edited = { ...good, times: { title: '2025-03-07T10:00:00.000Z' } }
    expect(workspaceFileSchema.parse(catalog([edited])).documents).toEqual([edited])
    expect(
      workspaceFileSchema.safeParse(catalog([{ ...good, times: { colour: 'x' } }])).error?.issues[0]
        .message
    ).toBe('times: expected when each edited detail changed')
  })
})
