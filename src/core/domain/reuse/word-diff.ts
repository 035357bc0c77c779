import { tokenize } from './tokens'

/** A run of changed words: [start, end) in its text. */
export interface ChangedRange {
  start: number
  end: number
}

/** The words that differ inside an edited passage, on each side (dropped from A, added in B). */
export interface WordDiff {
  a: ChangedRange[]
  b: ChangedRange[]
  /** Words common to both, in order (the longest common subsequence). */
  common: number
}

/**
 * A word diff of two ranges, for marking changed words inside an edited shared passage. Words are
 * compared folded, as the alignment compares them. Our own Myers O((N + M)·D) diff rather than
 * the `diff` package: it works on the same folded words and offsets as the alignment (the
 * package tokenizes its own way and gives strings, not offsets), and a shared passage is short,
 * so keeping one V row per edit step costs little. Runs of changed words next to each other are
 * merged, with the text between them.
 */
export function wordDiff(
  textA: string,
  rangeA: ChangedRange,
  textB: string,
  rangeB: ChangedRange
): WordDiff {
  const a = tokenize(textA.slice(rangeA.start, rangeA.end))
  const b = tokenize(textB.slice(rangeB.start, rangeB.end))
  const keepA = new Uint8Array(a.length)
  const keepB = new Uint8Array(b.length)
  const common = lcs(a.hashes, b.hashes, keepA, keepB)
  return {
    a: runs(keepA, a.starts, a.ends, rangeA.start),
    b: runs(keepB, b.starts, b.ends, rangeB.start),
    common
  }
}

/** Marks in keepA/keepB the words of a longest common subsequence; returns its length. */
function lcs(A: Uint32Array, B: Uint32Array, keepA: Uint8Array, keepB: Uint8Array): number {
  const N = A.length
  const M = B.length
  const max = N + M
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = -1
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1
      let y = x - k
      while (x < N && y < M && A[x] === B[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= N && y >= M) {
        found = d
        break outer
      }
    }
  }
  // Walk back through the V rows: each step of d is one insertion or deletion, then a snake.
  let x = N
  let y = M
  let common = 0
  for (let d = found; d > 0; d--) {
    const row = trace[d] // V before step d, for k in [-d - 1, d + 1]
    const at = (k: number): number => row[k + d + 1]
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    // The snake of step d starts just after its edit: (prevX, prevY + 1) or (prevX + 1, prevY).
    const snakeX = down ? prevX : prevX + 1
    while (x > snakeX) {
      x--
      y--
      keepA[x] = 1
      keepB[y] = 1
      common++
    }
    x = prevX
    y = prevY
  }
  while (x > 0 && y > 0) {
    x--
    y--
    keepA[x] = 1
    keepB[y] = 1
    common++
  }
  return common
}

function runs(
  keep: Uint8Array,
  starts: Uint32Array,
  ends: Uint32Array,
  base: number
): ChangedRange[] {
  const out: ChangedRange[] = []
  for (let i = 0; i < keep.length; i++) {
    if (keep[i]) continue
    const last = out[out.length - 1]
    const prevChanged = i > 0 && !keep[i - 1]
    if (last && prevChanged) last.end = base + ends[i]
    else out.push({ start: base + starts[i], end: base + ends[i] })
  }
  return out
}
