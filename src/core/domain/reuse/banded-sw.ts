import type { AlignScores } from './params'

/** A piece of an alignment: word ranges (inclusive), from a match to a match. */
export interface Segment {
  iStart: number
  iEnd: number
  jStart: number
  jEnd: number
  score: number
  matches: number
  mismatches: number
  /** Words of either side aligned to nothing. */
  gaps: number
}

/** The best local alignment found in a band, cut where it crosses unrelated text. */
export interface RawAlignment extends Segment {
  /** The alignment in pieces: a stretch of MAX_UNMATCHED columns without a match splits it. */
  segments: Segment[]
  /** It reaches the region's first or last row: more rows may extend it. */
  touchesRows: boolean
  /** It reaches the band's first or last diagonal: a wider band may extend it. */
  touchesBand: boolean
}

/**
 * Two well-matched passages with unrelated text between them can score more together than apart
 * (the bridge costs less than either gains); so an alignment is cut where this many columns in a
 * row have no identical words. A rewritten clause ("key jurisdictions in which they generate
 * revenue" for "key financial systems") is 6 columns.
 */
export const MAX_UNMATCHED = 8

const NEG = -(1 << 29)
let trace = new Uint8Array(1 << 16)
let rowsBuf = new Int32Array(4 * 64)

/**
 * Smith–Waterman with affine gaps (Gotoh) over words, restricted to rows [i0, i1) of A and to
 * the diagonals j − i in [dLo, dHi]: O(rows × band) time, one byte of traceback per cell. Cells
 * are visited row by row; the first best cell wins, so a run is deterministic.
 */
export function bandedAlign(
  A: Uint32Array,
  B: Uint32Array,
  i0: number,
  i1: number,
  dLo: number,
  dHi: number,
  s: AlignScores
): RawAlignment | null {
  const W = dHi - dLo + 1
  const rows = i1 - i0
  if (rows <= 0 || W <= 0) return null
  if (trace.length < rows * W) trace = new Uint8Array(Math.max(rows * W, trace.length * 2))
  if (rowsBuf.length < 4 * (W + 2)) rowsBuf = new Int32Array(8 * (W + 2))
  const tr = trace
  const span = W + 2
  let hPrev = rowsBuf.subarray(0, span)
  let fPrev = rowsBuf.subarray(span, 2 * span)
  let hCur = rowsBuf.subarray(2 * span, 3 * span)
  let fCur = rowsBuf.subarray(3 * span, 4 * span)
  hPrev.fill(0)
  fPrev.fill(NEG)
  const nB = B.length
  const { match, mismatch, gapOpen, gapExtend } = s
  let best = 0
  let bestR = -1
  let bestT = -1
  for (let r = 0; r < rows; r++) {
    const i = i0 + r
    const ai = A[i]
    const jBase = i + dLo
    let hLeft = 0
    let eLeft = NEG
    hCur[0] = 0
    fCur[0] = NEG
    hCur[W + 1] = 0
    fCur[W + 1] = NEG
    const row = r * W
    for (let t = 0; t < W; t++) {
      const j = jBase + t
      if (j < 0 || j >= nB) {
        hCur[t + 1] = 0
        fCur[t + 1] = NEG
        hLeft = 0
        eLeft = NEG
        tr[row + t] = 0
        continue
      }
      let bits = 0
      // A gap in A: B[j] aligned to nothing, coming from the left.
      let e = hLeft - gapOpen
      if (eLeft - gapExtend > e) {
        e = eLeft - gapExtend
        bits |= 4
      }
      // A gap in B: A[i] aligned to nothing, coming from above (one diagonal up in the band).
      let f = hPrev[t + 2] - gapOpen
      if (fPrev[t + 2] - gapExtend > f) {
        f = fPrev[t + 2] - gapExtend
        bits |= 8
      }
      const diag = hPrev[t + 1] + (ai === B[j] ? match : -mismatch)
      let h = 0
      if (diag > 0) {
        h = diag
        bits |= 1
      }
      if (e > h) {
        h = e
        bits = (bits & ~3) | 2
      }
      if (f > h) {
        h = f
        bits = (bits & ~3) | 3
      }
      tr[row + t] = bits
      hCur[t + 1] = h
      fCur[t + 1] = f
      hLeft = h
      eLeft = e
      if (h > best) {
        best = h
        bestR = r
        bestT = t
      }
    }
    const h = hPrev
    hPrev = hCur
    hCur = h
    const f = fPrev
    fPrev = fCur
    fCur = f
  }
  if (bestR < 0) return null
  return traceBack(A, B, i0, i1, dLo, W, bestR, bestT, s)
}

function traceBack(
  A: Uint32Array,
  B: Uint32Array,
  i0: number,
  i1: number,
  dLo: number,
  W: number,
  bestR: number,
  bestT: number,
  s: AlignScores
): RawAlignment {
  let r = bestR
  let t = bestT
  let tMin = t
  let tMax = t
  // The path, from its end back to its start: 0 match, 1 mismatch, 2 gap, with the cell's words.
  const ops: number[] = []
  const is: number[] = []
  const js: number[] = []
  // 0: in H, 1: in a gap in A (moving left), 2: in a gap in B (moving up).
  let state = 0
  while (r >= 0 && t >= 0 && t < W) {
    const bits = trace[r * W + t]
    if (t < tMin) tMin = t
    if (t > tMax) tMax = t
    const i = i0 + r
    const j = i + dLo + t
    if (state === 0) {
      const src = bits & 3
      if (src === 0) break
      if (src === 1) {
        ops.push(A[i] === B[j] ? 0 : 1)
        is.push(i)
        js.push(j)
        r--
      } else state = src === 2 ? 1 : 2
    } else if (state === 1) {
      ops.push(2)
      is.push(i)
      js.push(j)
      state = bits & 4 ? 1 : 0
      t--
    } else {
      ops.push(2)
      is.push(i)
      js.push(j)
      state = bits & 8 ? 2 : 0
      r--
      t++
    }
  }
  const segments = split(ops.reverse(), is.reverse(), js.reverse(), s)
  const first = segments[0]
  const last = segments[segments.length - 1]
  return {
    iStart: first.iStart,
    iEnd: last.iEnd,
    jStart: first.jStart,
    jEnd: last.jEnd,
    score: segments.reduce((n, g) => n + g.score, 0),
    matches: segments.reduce((n, g) => n + g.matches, 0),
    mismatches: segments.reduce((n, g) => n + g.mismatches, 0),
    gaps: segments.reduce((n, g) => n + g.gaps, 0),
    segments,
    touchesRows: first.iStart === i0 || last.iEnd === i1 - 1,
    touchesBand: tMin === 0 || tMax === W - 1
  }
}

/** Cuts a path (start to end, starting and ending with a match) at long unmatched stretches. */
function split(ops: number[], is: number[], js: number[], s: AlignScores): Segment[] {
  const out: Segment[] = []
  let from = 0
  const close = (to: number): void => {
    let matches = 0
    let mismatches = 0
    let gaps = 0
    let score = 0
    for (let c = from; c <= to; c++) {
      if (ops[c] === 0) matches++
      else if (ops[c] === 1) mismatches++
      else {
        gaps++
        score -= ops[c - 1] === 2 ? s.gapExtend : s.gapOpen
      }
    }
    score += matches * s.match - mismatches * s.mismatch
    out.push({
      iStart: is[from],
      iEnd: is[to],
      jStart: js[from],
      jEnd: js[to],
      score,
      matches,
      mismatches,
      gaps
    })
  }
  let lastMatch = 0
  for (let c = 1; c < ops.length; c++) {
    if (ops[c] !== 0) continue
    if (c - lastMatch - 1 >= MAX_UNMATCHED) {
      close(lastMatch)
      from = c
    }
    lastMatch = c
  }
  close(ops.length - 1)
  return out
}
