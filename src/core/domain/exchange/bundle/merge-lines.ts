import { diff3Merge } from 'node-diff3'

/**
 * Three-way merge of a note, line by line (diff3 over a longest common subsequence, from the
 * maintained node-diff3). Lines changed on one side only are taken from that side; lines changed
 * on both sides, differently, are kept both, between conflict markers, the later change first.
 */

export interface NoteSide {
  text: string
  /** Names the side in the conflict markers (the workspace it comes from). */
  label: string
}

export const CONFLICT_START = '<<<<<<< '
export const CONFLICT_SPLIT = '======='
export const CONFLICT_END = '>>>>>>> '

/** Past this many lines in all three texts together, a conflict takes the whole note (the diff is quadratic at worst). */
const MAX_LINES = 20_000

const lines = (s: string): string[] => (s === '' ? [] : s.split('\n'))

const marked = (ls: readonly string[]): boolean =>
  ls.some((l) => l.startsWith(CONFLICT_START)) && ls.includes(CONFLICT_SPLIT)

/** `outer` is a conflict already marked that holds `inner` as it is: merging it again changes nothing. */
const holds = (outer: readonly string[], inner: readonly string[]): boolean =>
  marked(outer) &&
  (inner.length === 0 || `\n${outer.join('\n')}\n`.includes(`\n${inner.join('\n')}\n`))

export function mergeLines(
  first: NoteSide,
  base: string,
  second: NoteSide
): { text: string; conflicts: number } {
  const a = first.text
  const b = second.text
  if (a === b) return { text: a, conflicts: 0 }
  if (a === base) return { text: b, conflicts: 0 }
  if (b === base) return { text: a, conflicts: 0 }
  const la = lines(a)
  const lo = lines(base)
  const lb = lines(b)
  const block = (x: string[], y: string[]): string[] => [
    CONFLICT_START + first.label,
    ...x,
    CONFLICT_SPLIT,
    ...y,
    CONFLICT_END + second.label
  ]
  if (la.length + lo.length + lb.length > MAX_LINES) {
    if (holds(la, lb)) return { text: a, conflicts: 0 }
    if (holds(lb, la)) return { text: b, conflicts: 0 }
    return { text: block(la, lb).join('\n'), conflicts: 1 }
  }
  const out: string[] = []
  let conflicts = 0
  for (const region of diff3Merge(la, lo, lb, { excludeFalseConflicts: true })) {
    if (region.ok) out.push(...region.ok)
    else if (region.conflict) {
      const { a: x, b: y } = region.conflict
      if (holds(x, y)) out.push(...x)
      else if (holds(y, x)) out.push(...y)
      else {
        out.push(...block(x, y))
        conflicts++
      }
    }
  }
  return { text: out.join('\n'), conflicts }
}
