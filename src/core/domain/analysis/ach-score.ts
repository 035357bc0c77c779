import type {
  AchAnalysis,
  AchCredibility,
  AchEvidence,
  AchRating,
  AchResult,
  AchRowView,
  AchScore,
  AchSensitivity,
  Relevance
} from '../../../shared/analysis'

/**
 * Scoring an analysis of competing hypotheses (Heuer, *Psychology of Intelligence Analysis*,
 * chapter 8; the weighted inconsistency score of PARC's ACH 2).
 *
 * Heuer's rule: the most likely hypothesis is the one with the least evidence against it, not
 * the most evidence for it, so only inconsistency is scored:
 *
 *     score(h) = Σ over rows r of  weight(r) × s(rating(r, h)),   s(II) = −2, s(I) = −1, else 0
 *     weight(r) = w(credibility(r)) × w(relevance(r)),   w(low) = 1/√2, w(medium) = 1, w(high) = √2
 *
 * so a row weighs from 0.5 (low × low) to 2 (high × high), and medium × medium is 1, the
 * unweighted count. Credibility is the Admiralty information credibility (1–6) of the passage
 * (or its document), overridable per row, mapped onto PARC's three levels:
 *
 *     1 confirmed, 2 probably true                → high   (√2)
 *     3 possibly true, 6 cannot be judged, none   → medium (1)
 *     4 doubtful, 5 improbable                    → low    (1/√2)
 *
 * "Cannot be judged" and "not graded" weigh as medium: they say nothing either way. The source's
 * reliability (A–F) is not multiplied in: the workbench never fuses the two grades into one
 * number, and the analyst who judges a passage's credibility has its source in view.
 *
 * Diagnosticity (Heuer's step 3) is the spread of a row's ratings across hypotheses with CC = 2,
 * C = 1, N = 0, I = −1, II = −2: max − min over the rated cells (NA and unrated left out), 0 for
 * a row that fits every hypothesis alike, 4 for CC against II.
 */

export const RATING_SCORE: Readonly<Record<AchRating, number>> = {
  CC: 0,
  C: 0,
  N: 0,
  I: -1,
  II: -2,
  NA: 0
}

/** Ratings on one scale, for diagnosticity; NA has no place on it. */
export const RATING_VALUE: Readonly<Record<Exclude<AchRating, 'NA'>, number>> = {
  CC: 2,
  C: 1,
  N: 0,
  I: -1,
  II: -2
}

export const LEVEL_WEIGHT: Readonly<Record<Relevance, number>> = {
  low: Math.SQRT1_2,
  medium: 1,
  high: Math.SQRT2
}

export const CREDIBILITY_LEVEL: Readonly<Record<AchCredibility, Relevance>> = {
  1: 'high',
  2: 'high',
  3: 'medium',
  4: 'low',
  5: 'low',
  6: 'medium'
}

export interface AchContext {
  /** The credibility of a row's passage or document (from its grade), when it has one. */
  gradeOf?: (row: AchEvidence) => AchCredibility | null
  /** The origin a row comes from (documents derived from one another share one), when known. */
  originOf?: (row: AchEvidence) => string | null
  /** "Count each origin once": rows of one origin fold into one before scoring. */
  foldOrigins?: boolean
}

/** Scores within this of each other are equal (weights are irrational, sums are not exact). */
const EPSILON = 1e-9
const tidy = (x: number): number => Math.round(x * 1e9) / 1e9 + 0

export function credibilityOf(row: AchEvidence, ctx: AchContext = {}): AchCredibility | null {
  return row.credibility?.value ?? ctx.gradeOf?.(row) ?? null
}

export function rowWeight(relevance: Relevance, credibility: AchCredibility | null): number {
  return (
    LEVEL_WEIGHT[credibility === null ? 'medium' : CREDIBILITY_LEVEL[credibility]] *
    LEVEL_WEIGHT[relevance]
  )
}

/** A row as scored: one evidence row, or the rows of one origin folded together. */
interface Scored {
  ids: string[]
  ratings: (AchRating | undefined)[]
  contributions: number[]
}

interface Weighted extends Scored {
  weight: number
}

function scoredRows(a: AchAnalysis, rows: readonly AchEvidence[], ctx: AchContext): Scored[] {
  const single: Weighted[] = rows.map((r) => {
    const weight = rowWeight(r.relevance, credibilityOf(r, ctx))
    const ratings = a.hypotheses.map((h) => r.cells[h.id]?.rating)
    const contributions = ratings.map((x) => (x ? weight * RATING_SCORE[x] : 0))
    return { ids: [r.id], weight, ratings, contributions }
  })
  const originOf = ctx.originOf
  if (!ctx.foldOrigins || !originOf) return single
  // Each origin takes the place of its first row.
  const slots: (Weighted | string)[] = []
  const groups = new Map<string, Weighted[]>()
  rows.forEach((r, i) => {
    const origin = originOf(r) ?? null
    if (origin === null) return void slots.push(single[i])
    const group = groups.get(origin)
    if (group) return void group.push(single[i])
    groups.set(origin, [single[i]])
    slots.push(origin)
  })
  const H = a.hypotheses.length
  return slots.map((s) => (typeof s === 'string' ? fold(groups.get(s) as Weighted[], H) : s))
}

/**
 * An origin counts as its strongest row on each hypothesis: the most inconsistent contribution
 * (the heaviest row among equals); where no row is inconsistent, the heaviest row's rating.
 * Repeats of one origin thus add nothing, and cannot dilute the original either.
 */
function fold(members: readonly Weighted[], H: number): Scored {
  const ratings: (AchRating | undefined)[] = []
  const contributions: number[] = []
  for (let h = 0; h < H; h++) {
    let best = members[0]
    for (const m of members) {
      const d = m.contributions[h] - best.contributions[h]
      if (d < -EPSILON || (Math.abs(d) <= EPSILON && m.weight > best.weight + EPSILON)) best = m
    }
    ratings.push(best.ratings[h])
    contributions.push(best.contributions[h])
  }
  return { ids: members.flatMap((m) => m.ids), ratings, contributions }
}

function scoresOf(a: AchAnalysis, scored: Scored[]): AchScore[] {
  return a.hypotheses.map((h, j) => {
    let weighted = 0
    let inconsistent = 0
    let veryInconsistent = 0
    for (const s of scored) {
      weighted += s.contributions[j]
      if (s.ratings[j] === 'I') inconsistent++
      if (s.ratings[j] === 'II') veryInconsistent++
    }
    return {
      hypothesisId: h.id,
      weighted: tidy(weighted),
      unweighted: 0 - inconsistent - 2 * veryInconsistent,
      inconsistent,
      veryInconsistent
    }
  })
}

/** Least inconsistent first; equal scores keep the analysis's order. */
export function rankingOf(scores: readonly AchScore[]): string[] {
  return scores
    .map((s, i) => ({ s, i }))
    .sort((x, y) =>
      Math.abs(x.s.weighted - y.s.weighted) <= EPSILON ? x.i - y.i : y.s.weighted - x.s.weighted
    )
    .map(({ s }) => s.hypothesisId)
}

/** The hypotheses with the best score (several when tied; none without hypotheses). */
export function leaderOf(scores: readonly AchScore[]): string[] {
  if (!scores.length) return []
  const best = Math.max(...scores.map((s) => s.weighted))
  return scores.filter((s) => s.weighted >= best - EPSILON).map((s) => s.hypothesisId)
}

export function diagnosticity(row: AchEvidence, hypothesisIds: readonly string[]): number {
  const values: number[] = []
  for (const id of hypothesisIds) {
    const r = row.cells[id]?.rating
    if (r && r !== 'NA') values.push(RATING_VALUE[r])
  }
  return values.length < 2 ? 0 : Math.max(...values) - Math.min(...values)
}

const leaderWithout = (
  a: AchAnalysis,
  ctx: AchContext,
  drop: (r: AchEvidence) => boolean
): string[] =>
  leaderOf(
    scoresOf(
      a,
      scoredRows(
        a,
        a.evidence.filter((r) => !drop(r)),
        ctx
      )
    )
  )

const sameSet = (x: readonly string[], y: readonly string[]): boolean =>
  x.length === y.length && x.every((id) => y.includes(id))

/** Which single rows, and which single origins, would change the leader if removed. */
export function sensitivityOf(a: AchAnalysis, ctx: AchContext, leader: string[]): AchSensitivity {
  const rows: AchSensitivity['rows'] = []
  for (const r of a.evidence) {
    const now = leaderWithout(a, ctx, (x) => x.id === r.id)
    if (!sameSet(now, leader)) rows.push({ evidenceId: r.id, leader: now })
  }
  const origins: AchSensitivity['origins'] = []
  const byOrigin = new Map<string, string[]>()
  for (const r of a.evidence) {
    const o = ctx.originOf?.(r) ?? null
    if (o !== null) byOrigin.set(o, [...(byOrigin.get(o) ?? []), r.id])
  }
  for (const [origin, evidenceIds] of byOrigin) {
    const now = leaderWithout(a, ctx, (x) => evidenceIds.includes(x.id))
    if (!sameSet(now, leader)) origins.push({ origin, evidenceIds, leader: now })
  }
  return { leader, rows, origins }
}

export function scoreAnalysis(a: AchAnalysis, ctx: AchContext = {}): AchResult {
  const scores = scoresOf(a, scoredRows(a, a.evidence, ctx))
  const hypothesisIds = a.hypotheses.map((h) => h.id)
  const origins = a.evidence.map((r) => ctx.originOf?.(r) ?? null)
  const rows: AchRowView[] = a.evidence.map((r, i) => {
    const credibility = credibilityOf(r, ctx)
    return {
      evidenceId: r.id,
      credibility,
      weight: tidy(rowWeight(r.relevance, credibility)),
      diagnosticity: diagnosticity(r, hypothesisIds),
      origin: origins[i],
      sameOrigin:
        origins[i] === null
          ? []
          : a.evidence.filter((x, j) => j !== i && origins[j] === origins[i]).map((x) => x.id)
    }
  })
  const diagnosticOrder = rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => y.r.diagnosticity - x.r.diagnosticity || y.r.weight - x.r.weight || x.i - y.i)
    .map(({ r }) => r.evidenceId)
  const leader = leaderOf(scores)
  return {
    scores,
    ranking: rankingOf(scores),
    rows,
    diagnosticOrder,
    sensitivity: sensitivityOf(a, ctx, leader),
    foldedOrigins: Boolean(ctx.foldOrigins && ctx.originOf)
  }
}
