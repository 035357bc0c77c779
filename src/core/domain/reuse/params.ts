/**
 * The parameters of shared-passage detection, and why.
 *
 * Winnowing guarantees that any run of at least `w + k - 1` identical words shared by two texts
 * gives both the same fingerprint; with k = 5 and w = 8 that is 12 words, the shortest passage
 * reported. Five-word shingles are long enough that most are rare, short enough that an edited
 * passage (a word changed every sentence or so) keeps many of them. A window of 8 keeps about
 * 2 / (w + 1) = 22% of the shingles.
 */
export interface ReuseParams {
  /** Words in a shingle. */
  k: number
  /** Shingles in a winnowing window. */
  w: number
}

export const DEFAULT_PARAMS: Readonly<ReuseParams> = { k: 5, w: 8 }

/** The shortest run of identical words that is always found: w + k - 1. */
export const guaranteedRun = (p: ReuseParams): number => p.w + p.k - 1

/** Word-level alignment scores: affine gaps, so one long insertion costs less than many short ones. */
export interface AlignScores {
  match: number
  mismatch: number
  /** Cost of the first word of a gap. */
  gapOpen: number
  /** Cost of every further word of the same gap. */
  gapExtend: number
}

/**
 * +2 / −2 / −3 / −1: a changed word is bridged when the words on both sides match, a rewritten
 * clause ("key jurisdictions in which they generate revenue" for "key financial systems") is
 * bridged when a few matching words follow, and unrelated text, where a word matches by chance
 * one time in fifty, never scores.
 */
export const DEFAULT_SCORES: Readonly<AlignScores> = {
  match: 2,
  mismatch: 2,
  gapOpen: 3,
  gapExtend: 1
}

export interface PassageThresholds {
  /** A passage has at least this many words on each side. */
  minWords: number
  /** …and at least this share of identical words among its aligned columns. */
  minIdentity: number
}

export const DEFAULT_THRESHOLDS: Readonly<PassageThresholds> = { minWords: 12, minIdentity: 0.6 }

/**
 * A fingerprint is boilerplate when more documents than this carry it: three quarters of a
 * library, 20 + 1% of a large one (120 at 10,000 documents), and never 5 or fewer. The floor
 * keeps a small case whole: a release and its four rewrites share its statement, which is
 * exactly what the analyst is looking for, not a footer.
 */
export const BOILERPLATE_FLOOR = 5

export function boilerplateLimit(documents: number): number {
  return Math.max(
    BOILERPLATE_FLOOR,
    Math.min(Math.floor(0.75 * documents), 20 + Math.floor(0.01 * documents))
  )
}
