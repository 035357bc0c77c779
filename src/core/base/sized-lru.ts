/**
 * A least-recently-used cache with a size budget rather than a count: each value has a size (its
 * characters, its bytes: whatever `sizeOf` measures, in the budget's unit), and the least recently
 * used values are dropped once the sizes add up to more than the budget. The value just stored is
 * never dropped, even when it alone is over the budget (the caller is about to use it).
 */
export class SizedLru<K, V> {
  /** In order of use: least recently used first (a Map keeps insertion order). */
  private readonly entries = new Map<K, { value: V; size: number }>()
  private total = 0

  constructor(
    /** The most the values may add up to, in the unit of `sizeOf`. */
    readonly budget: number,
    private readonly sizeOf: (value: V) => number
  ) {}

  /** The value for `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  /** The value for `key`, leaving the order of use as it is. */
  peek(key: K): V | undefined {
    return this.entries.get(key)?.value
  }

  has(key: K): boolean {
    return this.entries.has(key)
  }

  /** Stores a value as the most recently used, then drops the least recently used beyond the budget. */
  set(key: K, value: V): void {
    this.delete(key)
    const size = this.sizeOf(value)
    this.entries.set(key, { value, size })
    this.total += size
    for (const [k, entry] of this.entries) {
      if (this.total <= this.budget || k === key) break
      this.entries.delete(k)
      this.total -= entry.size
    }
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key)
    if (!entry) return false
    this.entries.delete(key)
    this.total -= entry.size
    return true
  }

  clear(): void {
    this.entries.clear()
    this.total = 0
  }

  /** What the values held add up to, in the unit of `sizeOf`. */
  get size(): number {
    return this.total
  }

  /** How many values are held. */
  get count(): number {
    return this.entries.size
  }
}
