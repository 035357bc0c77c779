import { bandedAlign } from './banded-sw'
import type { RawAlignment, Segment } from './banded-sw'
import type { AlignScores, PassageThresholds, ReuseParams } from './params'
import { DEFAULT_PARAMS, DEFAULT_SCORES, DEFAULT_THRESHOLDS } from './params'
import type { WordTokens } from './tokens'
import { tokenize } from './tokens'
import { fingerprint } from './winnow'
import type { Seed } from './seeds'
import { cluster, matchSeeds } from './seeds'

export type { Seed } from './seeds'
export { matchSeeds } from './seeds'

/** One side of a shared passage: [start, end) in its text, and its number of words. */
export interface PassageSide {
  start: number
  end: number
  words: number
}

export interface SharedPassage {
  a: PassageSide
  b: PassageSide
  /** Words aligned to an identical word (case and accents aside). */
  matches: number
  /** matches / aligned columns (matched, changed, and inserted or dropped words). */
  identity: number
  /** The same words in the same order on both sides (case, accents and punctuation aside). */
  verbatim: boolean
  /** Made mostly of fingerprints that very many documents carry (a footer, a stock phrase). */
  boilerplate: boolean
  score: number
}

export interface AlignOptions {
  params?: ReuseParams
  scores?: AlignScores
  thresholds?: PassageThresholds
}

/** A text with its words. */
export interface AlignText {
  text: string
  tokens: WordTokens
}

/** Rows aligned beyond the outermost seeds, and diagonals beyond theirs, at first. */
const MARGIN = 24
const BAND = 4
/** Times a region is widened when the best alignment reaches its edge. */
const WIDENINGS = 6
/**
 * The passages two texts share, from seeds: seeds are grouped into runs along nearby diagonals,
 * each run is verified by banded Smith–Waterman over words around its diagonals (widened when
 * the alignment reaches the edge), the rest of a run's seeds are aligned on either side of what
 * was found, and overlapping results keep the best. The result does not depend on the order of
 * the texts: they are aligned in one canonical order and mirrored. Sorted by position in A.
 */
export function alignTexts(
  A: AlignText,
  B: AlignText,
  seeds: readonly Seed[],
  options: AlignOptions = {}
): SharedPassage[] {
  if (!canonicalFirst(A.text, B.text)) {
    const mirrored = seeds.map((s) => ({ a: s.b, b: s.a, boilerplate: s.boilerplate }))
    return sortPassages(alignTexts(B, A, mirrored, options).map(mirror))
  }
  const k = (options.params ?? DEFAULT_PARAMS).k
  const scores = options.scores ?? DEFAULT_SCORES
  const { minWords, minIdentity } = options.thresholds ?? DEFAULT_THRESHOLDS
  const found: { raw: Segment; boilerplate: boolean; seeded: boolean }[] = []
  const pending: { seeds: Seed[]; lo: number; hi: number }[] = cluster(seeds).map((c) => ({
    seeds: c,
    lo: 0,
    hi: A.tokens.length
  }))
  for (let step = 0; pending.length > 0 && step < 4 * seeds.length + 8; step++) {
    const { seeds: group, lo, hi } = pending.pop()!
    const raw = alignGroup(A.tokens, B.tokens, group, lo, hi, k, scores, minWords, minIdentity)
    if (!raw) continue
    const inside = (s: Seed): boolean => holds(raw, s, k)
    for (const segment of raw.segments) {
      // Boilerplate when most of its fingerprints are: at its edges a text's own words decide
      // which shingles are chosen, so a few of a footer's may be shared by two documents only.
      // A piece with none of the group's seeds was reached by extension and holds no shared
      // fingerprint: not boilerplate. Where another group's seeds lie in it, that group's piece
      // is kept first.
      const own = group.filter((s) => holds(segment, s, k))
      const boilerplate =
        own.length > 0 && 2 * own.filter((s) => s.boilerplate).length >= own.length
      found.push({ raw: segment, boilerplate, seeded: own.length > 0 })
    }
    const left = group.filter((s) => !inside(s) && s.a + k - 1 < raw.iStart)
    const right = group.filter((s) => !inside(s) && s.a > raw.iEnd)
    const across = group.filter((s) => !inside(s) && !left.includes(s) && !right.includes(s))
    if (left.length) pending.push({ seeds: left, lo, hi: raw.iStart })
    if (right.length) pending.push({ seeds: right, lo: raw.iEnd + 1, hi })
    if (across.length && across.length < group.length) pending.push({ seeds: across, lo, hi })
  }
  found.sort(
    (x, y) =>
      Number(y.seeded) - Number(x.seeded) ||
      y.raw.score - x.raw.score ||
      x.raw.iStart - y.raw.iStart ||
      x.raw.jStart - y.raw.jStart
  )
  const kept: SharedPassage[] = []
  const keptRaw: Segment[] = []
  for (const { raw, boilerplate } of found) {
    const wordsA = raw.iEnd - raw.iStart + 1
    const wordsB = raw.jEnd - raw.jStart + 1
    const columns = raw.matches + raw.mismatches + raw.gaps
    const identity = raw.matches / columns
    if (Math.min(wordsA, wordsB) < minWords || identity < minIdentity) continue
    const overlaps = keptRaw.some(
      (o) =>
        o.iStart <= raw.iEnd && raw.iStart <= o.iEnd && o.jStart <= raw.jEnd && raw.jStart <= o.jEnd
    )
    if (overlaps) continue
    keptRaw.push(raw)
    kept.push({
      a: side(A.tokens, raw.iStart, raw.iEnd),
      b: side(B.tokens, raw.jStart, raw.jEnd),
      matches: raw.matches,
      identity,
      verbatim: raw.mismatches === 0 && raw.gaps === 0,
      boilerplate,
      score: raw.score
    })
  }
  return sortPassages(kept)
}

/** Aligns two texts: fingerprints both (or takes the seeds given) and verifies the seeds. */
export function alignPair(
  textA: string,
  textB: string,
  seeds?: readonly Seed[],
  options: AlignOptions = {}
): SharedPassage[] {
  const A = { text: textA, tokens: tokenize(textA) }
  const B = { text: textB, tokens: tokenize(textB) }
  const params = options.params ?? DEFAULT_PARAMS
  const s = seeds ?? matchSeeds(fingerprint(A.tokens, params), fingerprint(B.tokens, params))
  return alignTexts(A, B, s, options)
}

/** The passage as seen from the other text. */
export const mirror = (p: SharedPassage): SharedPassage => ({ ...p, a: p.b, b: p.a })

function alignGroup(
  A: WordTokens,
  B: WordTokens,
  seeds: Seed[],
  lo: number,
  hi: number,
  k: number,
  scores: AlignScores,
  minWords: number,
  minIdentity: number
): RawAlignment | null {
  let aMin = Infinity
  let aMax = -Infinity
  let dMin = Infinity
  let dMax = -Infinity
  for (const s of seeds) {
    aMin = Math.min(aMin, s.a)
    aMax = Math.max(aMax, s.a + k - 1)
    dMin = Math.min(dMin, s.b - s.a)
    dMax = Math.max(dMax, s.b - s.a)
  }
  // The words of A that match a word of B anywhere in the first region: no alignment in it has
  // more matches. Too few for a passage (most groups are one chance fingerprint): no alignment.
  const needed = Math.ceil(minWords * minIdentity)
  if (
    matchesInRegion(
      A,
      B,
      Math.max(lo, aMin - MARGIN),
      Math.min(hi, aMax + 1 + MARGIN),
      dMin - BAND,
      dMax + BAND
    ) < needed
  )
    return null
  let margin = MARGIN
  let band = BAND
  let raw: RawAlignment | null = null
  for (let attempt = 0; attempt <= WIDENINGS; attempt++) {
    const i0 = Math.max(lo, aMin - margin)
    const i1 = Math.min(hi, aMax + 1 + margin)
    const next = bandedAlign(A.hashes, B.hashes, i0, i1, dMin - band, dMax + band, scores)
    // A wider region may hold a better alignment elsewhere: keep only one through these seeds.
    if (!next || (raw && !seeds.some((s) => holds(next, s, k)))) break
    raw = next
    // Only a passage long enough to report is worth a wider region (a chance match of a few
    // words at the band's edge is not); the region grows by steps, not by factors.
    if (Math.min(raw.iEnd - raw.iStart, raw.jEnd - raw.jStart) + 1 < minWords) break
    const moreRows = raw.touchesRows && (i0 > lo || i1 < hi)
    if (!moreRows && !raw.touchesBand) break
    if (moreRows) margin += 48
    if (raw.touchesBand) band += 8
  }
  return raw
}

/** How many words of A in rows [i0, i1) equal a word of B on a diagonal j − i in [dLo, dHi]. */
function matchesInRegion(
  A: WordTokens,
  B: WordTokens,
  i0: number,
  i1: number,
  dLo: number,
  dHi: number
): number {
  let n = 0
  for (let i = i0; i < i1; i++) {
    const w = A.hashes[i]
    const jHi = Math.min(B.length - 1, i + dHi)
    for (let j = Math.max(0, i + dLo); j <= jHi; j++)
      if (B.hashes[j] === w) {
        n++
        break
      }
  }
  return n
}

/** Whether an alignment holds a seed's whole shingle on both sides. */
const holds = (raw: Segment, s: Seed, k: number): boolean =>
  s.a >= raw.iStart && s.a + k - 1 <= raw.iEnd && s.b >= raw.jStart && s.b + k - 1 <= raw.jEnd

function side(t: WordTokens, first: number, last: number): PassageSide {
  return { start: t.starts[first], end: t.ends[last], words: last - first + 1 }
}

/** Whether A comes first in the canonical order of a pair: shorter first, then by code units. */
function canonicalFirst(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a <= b
}

/** Sorts passages by where they are in A, then in B. */
export function sortPassages(ps: SharedPassage[]): SharedPassage[] {
  return ps.sort(
    (x, y) =>
      x.a.start - y.a.start || x.a.end - y.a.end || x.b.start - y.b.start || x.b.end - y.b.end
  )
}
