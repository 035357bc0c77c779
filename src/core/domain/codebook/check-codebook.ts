import type { Tag } from '../../../shared/model'
import { MAX_TAG_DEPTH, MAX_TAG_NAME } from './tree'

/**
 * A codebook the app can show: names as `tag create` allows them, every parent in it, no loop,
 * at most MAX_TAG_DEPTH levels. Each tag's depth is found once (walking up to a tag whose depth is
 * known), so the check is linear in the number of tags.
 */
export function checkCodebook(tags: readonly Pick<Tag, 'id' | 'name' | 'parent'>[]): string | null {
  for (const t of tags) {
    if (t.name.includes('/')) return `the tag ${quote(t.id)} has a "/" in its name`
    if (t.name.trim() === '') return `the tag ${quote(t.id)} has no name`
    if (t.name.length > MAX_TAG_NAME)
      return `the tag ${quote(t.id)} has a name longer than ${MAX_TAG_NAME} characters`
  }
  const byId = new Map(tags.map((t) => [t.id, t]))
  for (const t of tags) {
    if (t.parent === t.id) return `the tag ${quote(t.id)} is under itself`
    if (t.parent !== null && !byId.has(t.parent))
      return `the tag ${quote(t.id)} is under ${quote(t.parent)}, which is not in the codebook`
  }
  const depth = new Map<string, number>()
  for (const tag of tags) {
    const chain: string[] = []
    const onChain = new Set<string>()
    let base = 0
    for (let t = byId.get(tag.id); t; t = t.parent === null ? undefined : byId.get(t.parent)) {
      const known = depth.get(t.id)
      if (known !== undefined) {
        base = known
        break
      }
      if (onChain.has(t.id)) {
        const loop = chain.slice(chain.indexOf(t.id))
        return `the tags ${listed(loop)} are each under another in a loop`
      }
      onChain.add(t.id)
      chain.push(t.id)
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      base++
      depth.set(chain[i], base)
      if (base > MAX_TAG_DEPTH)
        return `the tag ${quote(chain[i])} is nested ${base} deep; the codebook allows at most ${MAX_TAG_DEPTH} levels`
    }
  }
  return null
}

/** An id or title as the message shows it: quoted, cut short. */
export function quote(s: string): string {
  return `"${s.length > 80 ? `${s.slice(0, 80)}…` : s}"`
}

/** "a", "b" and "c" (the first five of a long list, and how many more). */
function listed(ids: string[]): string {
  const shown = ids.slice(0, 5).map(quote)
  if (ids.length > 5) return `${shown.join(', ')} and ${ids.length - 5} more`
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`
}
