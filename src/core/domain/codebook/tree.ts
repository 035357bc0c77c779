import type { Tag, TagView } from '../../../shared/model'

/** Pure functions over the codebook: tags form a forest through their `parent` ids. */

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

export function pathOf(tags: readonly Tag[], id: string): string {
  const byId = new Map(tags.map((t) => [t.id, t]))
  const names: string[] = []
  for (let t = byId.get(id); t; t = t.parent ? byId.get(t.parent) : undefined) {
    names.unshift(t.name)
    if (names.length > tags.length) break // a cycle would be a bug; never loop forever
  }
  return names.join('/')
}

/** The tag and every tag below it. */
export function subtree(tags: readonly Tag[], id: string): Set<string> {
  const out = new Set([id])
  let grew = true
  while (grew) {
    grew = false
    for (const t of tags) {
      if (t.parent && out.has(t.parent) && !out.has(t.id)) {
        out.add(t.id)
        grew = true
      }
    }
  }
  return out
}

/** Splits "Actors / Lazarus Group" into ["Actors", "Lazarus Group"]. */
export function splitPath(path: string): string[] {
  return path
    .split('/')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
}

const same = (a: string, b: string): boolean =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0

export function findChild(
  tags: readonly Tag[],
  parent: string | null,
  name: string
): Tag | undefined {
  return tags.find((t) => t.parent === parent && same(t.name, name))
}

/** Finds a tag by its path (case-insensitive), or undefined. */
export function findByPath(tags: readonly Tag[], path: string): Tag | undefined {
  let parent: string | null = null
  let found: Tag | undefined
  for (const name of splitPath(path)) {
    found = findChild(tags, parent, name)
    if (!found) return undefined
    parent = found.id
  }
  return found
}

/** Tags as lists show them, in tree order (each parent followed by its children, by name). */
export function tagViews(tags: readonly Tag[], counts: ReadonlyMap<string, number>): TagView[] {
  const out: TagView[] = []
  const visit = (parent: string | null, prefix: string): void => {
    const children = tags
      .filter((t) => t.parent === parent)
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
    for (const t of children) {
      const path = prefix ? `${prefix}/${t.name}` : t.name
      out.push({ ...t, path, count: counts.get(t.id) ?? 0 })
      visit(t.id, path)
    }
  }
  visit(null, '')
  return out
}
