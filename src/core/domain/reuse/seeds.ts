import type { Fingerprints } from './winnow'

/** A fingerprint both texts chose: the word where its shingle starts in A and in B. */
export interface Seed {
  a: number
  b: number
  boilerplate: boolean
}

/** Seeds join fingerprints of one passage when this close (in words of A) … */
const MAX_GAP = 48
/** … and a run's diagonals span at most this many words (inserted or dropped). */
const MAX_DRIFT = 24
/** At most this many seeds from one fingerprint hash (a line repeated all through both texts). */
const MAX_SEEDS_PER_HASH = 16

/** Where each hash lies in a text's fingerprints, kept while the fingerprints live. */
const positionsOf = new WeakMap<Fingerprints, Map<number, number[]>>()
function positions(fp: Fingerprints): Map<number, number[]> {
  let at = positionsOf.get(fp)
  if (at) return at
  at = new Map()
  for (let i = 0; i < fp.hashes.length; i++) {
    const list = at.get(fp.hashes[i])
    if (!list) at.set(fp.hashes[i], [fp.positions[i]])
    else if (list.length < MAX_SEEDS_PER_HASH) list.push(fp.positions[i])
  }
  positionsOf.set(fp, at)
  return at
}

/**
 * The pairs of positions where A's and B's fingerprints have the same hash. A's positions are
 * looked up once per Fingerprints object, so matching one text against many costs one pass each.
 */
export function matchSeeds(
  a: Fingerprints,
  b: Fingerprints,
  isBoilerplate: (hash: number) => boolean = () => false
): Seed[] {
  const at = positions(a)
  const seeds: Seed[] = []
  const perHash = new Map<number, number>()
  b.hashes.forEach((h, i) => {
    const list = at.get(h)
    if (!list) return
    const seen = perHash.get(h) ?? 0
    if (seen >= MAX_SEEDS_PER_HASH) return
    perHash.set(h, seen + 1)
    const boilerplate = isBoilerplate(h)
    for (const p of list) seeds.push({ a: p, b: b.positions[i], boilerplate })
  })
  return seeds
}

/**
 * Seeds in runs: sorted by position in A, each joins the open run whose last seed is nearest in
 * diagonal, if the run's diagonals then still span at most MAX_DRIFT (so that its band stays
 * narrow: a passage with more words inserted than that is cut there anyway, by MAX_UNMATCHED).
 */
export function cluster(seeds: readonly Seed[]): Seed[][] {
  const sorted = [...seeds].sort((x, y) => x.a - y.a || x.b - y.b)
  type Run = { seeds: Seed[]; lastA: number; lastD: number; dMin: number; dMax: number }
  const runs: Run[] = []
  const open: Run[] = []
  for (const s of sorted) {
    const d = s.b - s.a
    let best: Run | null = null
    for (let i = open.length - 1; i >= 0; i--) {
      const r = open[i]
      if (r.lastA < s.a - MAX_GAP) {
        open.splice(i, 1)
        continue
      }
      const fits = Math.max(r.dMax, d) - Math.min(r.dMin, d) <= MAX_DRIFT
      if (fits && (!best || Math.abs(r.lastD - d) < Math.abs(best.lastD - d))) best = r
    }
    if (best) {
      best.seeds.push(s)
      best.lastA = s.a
      best.lastD = d
      best.dMin = Math.min(best.dMin, d)
      best.dMax = Math.max(best.dMax, d)
    } else {
      const run = { seeds: [s], lastA: s.a, lastD: d, dMin: d, dMax: d }
      runs.push(run)
      open.push(run)
    }
  }
  return runs.map((r) => r.seeds)
}
