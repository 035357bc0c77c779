import type { TagView } from '../../../shared/model'

export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** An entry of the tag list: an existing tag, or the offer to create the typed one. */
export type TagOption = { tag: TagView } | { create: string }

/**
 * What the Tags box offers for what is typed: matching tags (the exact path first, then those
 * starting with it, then those containing it), and "Create …" when no tag has that path — first
 * only when nothing matches, so that Enter takes an existing tag whenever one matches.
 */
export function tagOptions(
  tags: readonly TagView[],
  exclude: readonly string[],
  typed: string,
  canCreate: boolean,
  limit = 8
): TagOption[] {
  const q = fold(typed.trim())
  const rank = (t: TagView): number => {
    const p = fold(t.path)
    if (p === q) return 0
    if (p.startsWith(q) || fold(t.name).startsWith(q)) return 1
    return 2
  }
  const matches = tags
    .filter((t) => !exclude.includes(t.id) && (!q || fold(t.path).includes(q)))
    .map((t, i) => ({ t, i, r: q ? rank(t) : 0 }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map(({ t }): TagOption => ({ tag: t }))
  const exists = tags.some((t) => fold(t.path) === q)
  if (!canCreate || !q || exists) return matches
  const create: TagOption = { create: typed.trim().replace(/\s*\/\s*/g, '/') }
  return matches.length === 0 ? [create] : [...matches, create]
}
