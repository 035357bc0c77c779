import type { Tag, TagView } from '../../../shared/model'

/**
 * Pure functions over the codebook: tags form a forest through their `parent` ids. Each runs in
 * time linear in the number of tags (the codebook may hold tens of thousands), so callers that
 * need many paths build `tagPaths` once rather than calling `pathOf` in a loop.
 */

/**
 * The most levels the codebook holds ("Actors/State/Lazarus Group" is 3): deeper than any
 * codebook a person builds, and shallow enough that no path or walk of the tree is ever long.
 * `tag create`, moving a tag, a restore and a QDPX import keep to it.
 */
export const MAX_TAG_DEPTH = 32

/** The longest tag name. */
export const MAX_TAG_NAME = 200

export const TAG_PALETTE = [
  '#d97706',
  '#2563eb',
  '#059669',
  '#db2777',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#dc2626'
]

/** Every tag's path ("Actors/Lazarus Group"), by id. A tag in a cycle (never written by us) stops at the repeat. */
export function tagPaths(tags: readonly Tag[]): Map<string, string> {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const out = new Map<string, string>()
  const resolve = (tag: Tag): string => {
    const known = out.get(tag.id)
    if (known !== undefined) return known
    // Walk up iteratively (a chain may be thousands deep), then fill in the paths on the way down.
    const chain: Tag[] = []
    const seen = new Set<string>()
    let base = ''
    for (let t: Tag | undefined = tag; t; t = t.parent ? byId.get(t.parent) : undefined) {
      const done = out.get(t.id)
      if (done !== undefined) {
        base = done
        break
      }
      if (seen.has(t.id)) break
      seen.add(t.id)
      chain.push(t)
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base = base ? `${base}/${chain[i].name}` : chain[i].name
      out.set(chain[i].id, base)
    }
    return out.get(tag.id) as string
  }
  for (const t of tags) resolve(t)
  return out
}

export function pathOf(tags: readonly Tag[], id: string): string {
  const tag = tags.find((t) => t.id === id)
  return tag ? (tagPaths(tags).get(tag.id) ?? tag.name) : ''
}

/** The tags under each tag (null: the top level), in codebook order. */
export function childrenOf(tags: readonly Tag[]): Map<string | null, Tag[]> {
  const out = new Map<string | null, Tag[]>()
  for (const t of tags) {
    const list = out.get(t.parent)
    if (list) list.push(t)
    else out.set(t.parent, [t])
  }
  return out
}

/** The tag and every tag below it. */
export function subtree(tags: readonly Tag[], id: string): Set<string> {
  return subtrees(tags, [id])
}

/** The tags and every tag below any of them. */
export function subtrees(tags: readonly Tag[], ids: Iterable<string>): Set<string> {
  const children = childrenOf(tags)
  const out = new Set<string>()
  const stack = [...ids]
  while (stack.length) {
    const id = stack.pop() as string
    if (out.has(id)) continue
    out.add(id)
    for (const c of children.get(id) ?? []) stack.push(c.id)
  }
  return out
}

/** How many levels down a tag is (a top-level tag is at 1); a loop (never written by us) stops at the repeat. */
export function depthOf(tags: readonly Tag[], id: string): number {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const seen = new Set<string>()
  let depth = 0
  for (let t = byId.get(id); t && !seen.has(t.id); t = t.parent ? byId.get(t.parent) : undefined) {
    seen.add(t.id)
    depth++
  }
  return depth
}

/** How many levels a tag and the tags below it span (a tag with no sub-tags: 1). */
export function heightOf(tags: readonly Tag[], id: string): number {
  const children = childrenOf(tags)
  const seen = new Set<string>([id])
  let level = [id]
  let height = 0
  while (level.length) {
    height++
    const next: string[] = []
    for (const p of level)
      for (const c of children.get(p) ?? [])
        if (!seen.has(c.id)) {
          seen.add(c.id)
          next.push(c.id)
        }
    level = next
  }
  return height
}

/** Splits "Actors / Lazarus Group" into ["Actors", "Lazarus Group"]. */
export function splitPath(path: string): string[] {
  return path
    .split('/')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
}

/** Whether two tag names are the same name: case does not matter, accents do. */
export const sameName = (a: string, b: string): boolean =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0

export function findChild(
  tags: readonly Tag[],
  parent: string | null,
  name: string
): Tag | undefined {
  return tags.find((t) => t.parent === parent && sameName(t.name, name))
}

/** Finds a tag by its path (case-insensitive), or undefined. */
export function findByPath(tags: readonly Tag[], path: string): Tag | undefined {
  const names = splitPath(path)
  if (names.length === 0) return undefined
  const children = childrenOf(tags)
  let found: Tag | undefined
  for (const name of names) {
    found = (children.get(found ? found.id : null) ?? []).find((t) => sameName(t.name, name))
    if (!found) return undefined
  }
  return found
}

/** Tags as lists show them, in tree order (each parent followed by its children, by name). */
export function tagViews(tags: readonly Tag[], counts: ReadonlyMap<string, number>): TagView[] {
  const children = childrenOf(tags)
  for (const list of children.values())
    list.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
  const out: TagView[] = []
  const seen = new Set<string>()
  // Depth first, with an explicit stack: a chain thousands deep must not overflow the call stack.
  const walk = (roots: Tag[]): void => {
    const stack = roots.map((tag) => ({ tag, prefix: '' })).reverse()
    while (stack.length) {
      const { tag, prefix } = stack.pop() as { tag: Tag; prefix: string }
      if (seen.has(tag.id)) continue
      seen.add(tag.id)
      const path = prefix ? `${prefix}/${tag.name}` : tag.name
      out.push({ ...tag, path, count: counts.get(tag.id) ?? 0 })
      const below = children.get(tag.id) ?? []
      for (let i = below.length - 1; i >= 0; i--) stack.push({ tag: below[i], prefix: path })
    }
  }
  walk(children.get(null) ?? [])
  // A tag under a parent that is not there, or in a loop (neither is ever written by us, and a
  // restore refuses both), is listed from the top level after the others rather than hidden with
  // its passages.
  if (seen.size < tags.length) for (const t of tags) if (!seen.has(t.id)) walk([t])
  return out
}
