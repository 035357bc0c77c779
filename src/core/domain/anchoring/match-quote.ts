import search from 'approx-string-match'
import type { TextPositionSelector, TextQuoteSelector } from '../../../shared/model'

/**
 * How an annotation was found again in a (possibly changed) text. `score`, from 0 to 1, is how
 * sure the match is: 1 where the quote is still at its place, lower as the words found differ
 * from the quote and their surroundings from its context.
 */
export type AnchorResult =
  | {
      status: 'anchored'
      start: number
      end: number
      method: 'position' | 'exact' | 'fuzzy'
      score: number
    }
  | { status: 'orphaned' }

/** A fuzzy match must keep at least this share of the quote's characters. */
export const MIN_SIMILARITY = 0.75
/** Below this length a fuzzy match must also be supported by its context (short quotes match too easily). */
export const SHORT_QUOTE = 64
const MIN_CONTEXT = 0.5

/**
 * Weights for choosing between candidate matches: how well the context fits outweighs how far
 * the match moved (a share of the text's length, at most 1); for approximate matches, how close
 * the words are outweighs both.
 */
const CONTEXT_WEIGHT = 10
const SIMILARITY_WEIGHT = 20
/** In the reported score, the share that the context has (the rest is the quote's own similarity). */
const CONTEXT_SHARE = 0.25

const confidence = (similarity: number, context: number): number =>
  similarity * (1 - CONTEXT_SHARE + CONTEXT_SHARE * context)

/** Similarity of two strings from 0 to 1, from the edit distance of the shorter one. */
function contextScore(expected: string, actual: string): number {
  if (expected.length === 0) return 1
  const errors = search(actual, expected, expected.length)[0]?.errors ?? expected.length
  return 1 - errors / expected.length
}

/**
 * Finds a quote again in `text`, in this order: the old position still holds the quote; the exact
 * quote elsewhere (the occurrence whose context matches best, nearest the old position on a tie);
 * an approximate match of at least MIN_SIMILARITY (for a short quote, only where its context
 * still fits); otherwise the annotation is an orphan.
 * Pure: no DOM, no I/O.
 */
export function anchorQuote(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector
): AnchorResult {
  const { exact, prefix, suffix } = quote
  if (exact.length === 0) return { status: 'orphaned' }
  if (text.slice(position.start, position.end) === exact) {
    return {
      status: 'anchored',
      start: position.start,
      end: position.end,
      method: 'position',
      score: 1
    }
  }

  /** How well the text around [start, end) matches the recorded prefix and suffix, 0 to 1. */
  const context = (start: number, end: number): number => {
    const scores: number[] = []
    if (prefix)
      scores.push(contextScore(prefix, text.slice(Math.max(0, start - prefix.length), start)))
    if (suffix) scores.push(contextScore(suffix, text.slice(end, end + suffix.length)))
    return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 1
  }
  const rank = (start: number, end: number): number => {
    const distance = Math.abs(start - position.start) / Math.max(1, text.length)
    return context(start, end) * CONTEXT_WEIGHT - distance
  }

  let best: { start: number; score: number } | null = null
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = rank(at, at + exact.length)
    if (!best || score > best.score) best = { start: at, score }
  }
  if (best) {
    const end = best.start + exact.length
    return {
      status: 'anchored',
      start: best.start,
      end,
      method: 'exact',
      score: confidence(1, context(best.start, end))
    }
  }

  const maxErrors = Math.floor(exact.length * (1 - MIN_SIMILARITY))
  if (maxErrors === 0) return { status: 'orphaned' }
  let fuzzy: { start: number; end: number; rank: number; score: number } | null = null
  for (const m of search(text, exact, maxErrors)) {
    const fit = context(m.start, m.end)
    if (exact.length < SHORT_QUOTE && fit < MIN_CONTEXT) continue
    const similarity = 1 - m.errors / exact.length
    const r = similarity * SIMILARITY_WEIGHT + rank(m.start, m.end)
    if (!fuzzy || r > fuzzy.rank)
      fuzzy = { start: m.start, end: m.end, rank: r, score: confidence(similarity, fit) }
  }
  return fuzzy
    ? {
        status: 'anchored',
        start: fuzzy.start,
        end: fuzzy.end,
        method: 'fuzzy',
        score: fuzzy.score
      }
    : { status: 'orphaned' }
}
