import { mergeLines } from './merge-lines'

/**
 * Merging one field of a record seen on both laptops, against its value at the last exchange
 * (the base). Changed on one side only: that side's value. Changed on both sides: the later
 * change wins (`lww`, the other is reported), lists are combined (`set`: what either side added
 * stays, what either side removed goes), notes are merged line by line (`lines`).
 */
export type Strategy = 'lww' | 'set' | 'lines'

export interface Side<T = unknown> {
  value: T
  time: string
  /** The workspace this value comes from. */
  label: string
}

export interface FieldOutcome {
  value: unknown
  time: string
  /** Both sides changed the field and the later change won: the value that lost. */
  lost?: Side
  won?: Side
  /** Both sides changed the same lines of a note: the conflict is marked in it. */
  marked?: boolean
}

/** Values of our records are plain JSON data, with their keys in a fixed order. */
export const same = (a: unknown, b: unknown): boolean =>
  a === b || JSON.stringify(a) === JSON.stringify(b)

/** Compares two change times: ISO 8601 timestamps by the instant they name, anything else as text. */
export function compareTimes(a: string, b: string): number {
  const x = Date.parse(a)
  const y = Date.parse(b)
  if (!Number.isNaN(x) && !Number.isNaN(y) && x !== y) return x - y
  return a < b ? -1 : a > b ? 1 : 0
}

/** The later of two changes; on the same time, the one whose value sorts after, so that both laptops pick the same. */
export function later(a: Side, b: Side): [Side, Side] {
  const c = compareTimes(a.time, b.time)
  if (c !== 0) return c > 0 ? [a, b] : [b, a]
  const x = JSON.stringify(a.value) ?? ''
  const y = JSON.stringify(b.value) ?? ''
  if (x !== y) return x > y ? [a, b] : [b, a]
  return a.label >= b.label ? [a, b] : [b, a]
}

const maxTime = (a: string, b: string): string => (compareTimes(a, b) >= 0 ? a : b)

/** Items of either list that are in both, or that one side added since the base; the later list's order first. */
export function mergeSets(
  first: readonly string[],
  second: readonly string[],
  base: readonly string[]
): string[] {
  const inFirst = new Set(first)
  const inSecond = new Set(second)
  const inBase = new Set(base)
  const keep = (x: string): boolean => (inFirst.has(x) && inSecond.has(x)) || !inBase.has(x)
  const out: string[] = []
  const seen = new Set<string>()
  for (const x of [...first, ...second])
    if (!seen.has(x) && keep(x)) {
      seen.add(x)
      out.push(x)
    }
  return out
}

export function mergeField(strategy: Strategy, l: Side, r: Side, base: unknown): FieldOutcome {
  if (same(l.value, r.value)) return { value: l.value, time: maxTime(l.time, r.time) }
  if (base !== undefined && same(l.value, base)) return { value: r.value, time: r.time }
  if (base !== undefined && same(r.value, base)) return { value: l.value, time: l.time }
  const [won, lost] = later(l, r)
  if (strategy === 'set')
    return {
      value: mergeSets(
        won.value as string[],
        lost.value as string[],
        (base as string[] | undefined) ?? []
      ),
      time: won.time
    }
  if (strategy === 'lines') {
    const merged = mergeLines(
      { text: won.value as string, label: won.label },
      (base as string | undefined) ?? '',
      { text: lost.value as string, label: lost.label }
    )
    return { value: merged.text, time: won.time, marked: merged.conflicts > 0 }
  }
  return { value: won.value, time: won.time, won, lost }
}
