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

/**
 * The note's lines, with each conflict block already marked in it as one item, so that the diff
 * never matches lines inside a block with lines elsewhere.
 */
function lines(s: string): string[] {
  if (s === '') return []
  const raw = s.split('\n')
  if (!s.includes(CONFLICT_START)) return raw
  const out: string[] = []
  for (let i = 0; i < raw.length; i++) {
    if (raw[i].startsWith(CONFLICT_START)) {
      const split = raw.indexOf(CONFLICT_SPLIT, i + 1)
      const end = split < 0 ? -1 : raw.findIndex((l, j) => j > split && l.startsWith(CONFLICT_END))
      if (end > 0) {
        out.push(raw.slice(i, end + 1).join('\n'))
        i = end
        continue
      }
    }
    out.push(raw[i])
  }
  return out
}

const isBlock = (item: string): boolean => item.startsWith(CONFLICT_START) && item.includes('\n')

/** The lines as the side named `label` wrote them: each block replaced by that side's part. */
function sideOf(items: readonly string[], label: string): string[] {
  const out: string[] = []
  for (const item of items) {
    if (!isBlock(item)) {
      out.push(item)
      continue
    }
    const ls = item.split('\n')
    const split = ls.indexOf(CONFLICT_SPLIT)
    const first = ls.slice(1, split)
    const second = ls.slice(split + 1, -1)
    out.push(
      ...(ls[0] === CONFLICT_START + label
        ? first
        : ls[ls.length - 1] === CONFLICT_END + label
          ? second
          : ls)
    )
  }
  return out
}

/** `outer` holds conflicts already marked, and `inner` is its side of them unchanged: merging it again changes nothing. */
const holds = (outer: readonly string[], inner: readonly string[], label: string): boolean =>
  outer.some(isBlock) && sideOf(outer, label).join('\n') === sideOf(inner, label).join('\n')

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
    if (holds(la, lb, second.label)) return { text: a, conflicts: 0 }
    if (holds(lb, la, first.label)) return { text: b, conflicts: 0 }
    return { text: block(la, lb).join('\n'), conflicts: 1 }
  }
  const out: string[] = []
  let conflicts = 0
  for (const region of diff3Merge(la, lo, lb, { excludeFalseConflicts: true })) {
    if (region.ok) out.push(...region.ok)
    else if (region.conflict) {
      const { a: x, b: y } = region.conflict
      if (holds(x, y, second.label)) out.push(...x)
      else if (holds(y, x, first.label)) out.push(...y)
      else {
        out.push(...block(x, y))
        conflicts++
      }
    }
  }
  return { text: out.join('\n'), conflicts }
}
