import { describe, expect, it } from 'vitest'
import type { DocumentMeta } from '../../../shared/model'
import { derivedOf } from './links'

const doc = (id: string, published: string | null, importedAt: string, importOrder: number) =>
  ({ id, published, importedAt, importOrder }) as unknown as DocumentMeta

describe('derivedOf: which of two documents derives from the other', () => {
  it.each([
    {
      name: 'the later publication date, whatever the import order',
      a: doc('rewrite', '2026-03-05', '2026-01-01T00:00:00Z', 1),
      b: doc('release', '2026-03-04', '2026-06-01T00:00:00Z', 2),
      from: 'rewrite'
    },
    {
      name: 'a date on one side only: the later import',
      a: doc('release', null, '2026-06-01T00:00:00Z', 2),
      b: doc('rewrite', '2026-01-05', '2026-01-01T00:00:00Z', 1),
      from: 'release'
    },
    {
      name: 'no dates, one instant: the later in import order',
      a: doc('first', null, '2026-06-01T00:00:00Z', 1),
      b: doc('second', null, '2026-06-01T00:00:00Z', 2),
      from: 'second'
    }
  ])('$name', ({ a, b, from }) => {
    expect(derivedOf(a, b)[0].id).toBe(from)
    expect(derivedOf(b, a)[0].id).toBe(from)
  })
})
