/**
 * What the renderer has read from the workbench, by name, each with a version that goes up when a
 * change makes it stale: `documents`, `tags`, `memos`, `passages`, `search`, `info`, and per
 * document `annotations:<id>`, `note:<id>`, `text:<id>`. A key `annotations:*` stands for every
 * document's annotations, `*` for everything. Readers subscribe to the keys they show and fetch
 * again when one of them changes, instead of everything being fetched again after every change.
 */
export class Resources {
  private readonly versions = new Map<string, number>()
  private readonly listeners = new Set<(changed: readonly string[]) => void>()

  /** The version of a key: its own changes, those of its group (`annotations:*`) and of everything. */
  version(key: string): number {
    const colon = key.indexOf(':')
    const group = colon < 0 ? null : `${key.slice(0, colon)}:*`
    return (
      (this.versions.get(key) ?? 0) +
      (group ? (this.versions.get(group) ?? 0) : 0) +
      (this.versions.get('*') ?? 0)
    )
  }

  /** The versions of several keys, as one string (a cache key). */
  stamp(keys: readonly string[]): string {
    return keys.map((k) => this.version(k)).join('.')
  }

  invalidate(keys: readonly string[]): void {
    if (keys.length === 0) return
    for (const k of keys) this.versions.set(k, (this.versions.get(k) ?? 0) + 1)
    for (const listener of [...this.listeners]) listener(keys)
  }

  /** Calls `listener` after every change to one of `keys` (directly, through its group, or `*`). */
  subscribe(keys: readonly string[], listener: () => void): () => void {
    const own = new Set(keys)
    const wrapped = (changed: readonly string[]): void => {
      if (changed.some((c) => c === '*' || own.has(c) || matchesGroup(c, keys))) listener()
    }
    this.listeners.add(wrapped)
    return () => {
      this.listeners.delete(wrapped)
    }
  }
}

const matchesGroup = (changed: string, keys: readonly string[]): boolean =>
  changed.endsWith(':*') && keys.some((k) => k.startsWith(changed.slice(0, -1)))
