import type { Annotation, Memo, Tag } from '../../../../shared/model'
import { same } from './merge-fields'
import { annotationSpec, memoSpec, tagSpec } from './merge-records'

/**
 * The change times of a record after an edit: `at` for each field whose value the edit changed,
 * the time known before for the others. Kept on the record, they are what a case bundle carries,
 * so that when two laptops changed the same field the one changed later wins (not the one whose
 * record was touched last for some other field).
 */
function stamp(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  at: string,
  known: (field: string) => string | undefined
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of Object.keys(after)) {
    const t = same(before[f], after[f]) ? known(f) : at
    if (t) out[f] = t
  }
  return out
}

/** A highlight's fields changed at `at`; those it keeps changed when it was last modified, unless a time of their own is known. */
export const annotationTimes = (
  before: Annotation,
  after: Annotation,
  at: string
): NonNullable<Annotation['times']> =>
  stamp(
    annotationSpec.fields(before),
    annotationSpec.fields(after),
    at,
    (f) => before.times?.[f as keyof NonNullable<Annotation['times']>] ?? before.modified
  )

export const memoTimes = (before: Memo, after: Memo, at: string): NonNullable<Memo['times']> =>
  stamp(
    memoSpec.fields(before),
    memoSpec.fields(after),
    at,
    (f) => before.times?.[f as keyof NonNullable<Memo['times']>] ?? before.modified
  )

/** A tag has no time of its own: a field never changed since this was kept has none (a bundle gives it the codebook's). */
export const tagTimes = (before: Tag, after: Tag, at: string): NonNullable<Tag['times']> =>
  stamp(
    tagSpec.fields({ ...before, modified: '' }),
    tagSpec.fields({ ...after, modified: '' }),
    at,
    (f) => before.times?.[f as keyof NonNullable<Tag['times']>]
  )
