import type { Tag } from '../../../shared/model'
import { fold } from '../search/fold'
import { findByPath, subtrees } from './tree'

/**
 * The codebook's rules that every part of the workbench applies the same way: which tag a person
 * means by what they typed, and which passages are "tagged with T" (T or any tag below it).
 */

/**
 * The tag a reference names: its id, its path in any case ("actors/lazarus group"), or a bare
 * name that exactly one tag has ("Lazarus Group", accents and case folded). Undefined when none
 * or several match; `describeTagRef` says which.
 */
export function resolveTagRef(tags: readonly Tag[], ref: string): Tag | undefined {
  const r = ref.trim()
  if (!r) return undefined
  const byId = tags.find((t) => t.id === r)
  if (byId) return byId
  const byPath = findByPath(tags, r)
  if (byPath) return byPath
  if (r.includes('/')) return undefined
  const want = fold(r)
  const byName = tags.filter((t) => fold(t.name) === want)
  return byName.length === 1 ? byName[0] : undefined
}

/** Why a reference names no tag, as the start of a sentence (callers end it). */
export function describeTagRef(tags: readonly Tag[], ref: string): string {
  const want = fold(ref.trim())
  const same = tags.filter((t) => fold(t.name) === want)
  if (same.length > 1) return `"${ref}" is the name of ${same.length} tags (write its whole path)`
  return `No tag "${ref}" in the codebook`
}

/** The set of tags a scope covers: the given tags and every tag below them. */
export type TagScope = ReadonlySet<string>

export const tagScope = (tags: readonly Tag[], ids: Iterable<string>): TagScope =>
  subtrees(tags, ids)

/** Whether a passage is tagged with a tag of the scope (a tag itself or one of its sub-tags). */
export const taggedWithin = (passage: { tags: readonly string[] }, scope: TagScope): boolean =>
  passage.tags.some((t) => scope.has(t))
