import search from 'approx-string-match'
import type { TextPositionSelector, TextQuoteSelector } from '../../../shared/model'

/** How an annotation was found again in a (possibly changed) text. */
export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: 'position' | 'exact' | 'fuzzy' }
  | { status: 'orphaned' }

/** A fuzzy match must keep at least this share of the quote's characters. */
export const MIN_SIMILARITY = 0.75
/** Below this length a fuzzy match must also be supported by its context (short quotes match too easily). */
export const SHORT_QUOTE = 64
const MIN_CONTEXT = 0.5

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
    return { status: 'anchored', start: position.start, end: position.end, method: 'position' }
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
    return context(start, end) * 10 - distance
  }

  let best: { start: number; score: number } | null = null
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = rank(at, at + exact.length)
    if (!best || score > best.score) best = { start: at, score }
  }
  if (best)
    return {
      status: 'anchored',
      start: best.start,
      end: best.start + exact.length,
      method: 'exact'
    }

  const maxErrors = Math.floor(exact.length * (1 - MIN_SIMILARITY))
  if (maxErrors === 0) return { status: 'orphaned' }
  let fuzzy: { start: number; end: number; score: number } | null = null
  for (const m of search(text, exact, maxErrors)) {
    if (exact.length < SHORT_QUOTE && context(m.start, m.end) < MIN_CONTEXT) continue
    const similarity = 1 - m.errors / exact.length
    const score = similarity * 20 + rank(m.start, m.end)
    if (!fuzzy || score > fuzzy.score) fuzzy = { start: m.start, end: m.end, score }
  }
  return fuzzy
    ? { status: 'anchored', start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' }
    : { status: 'orphaned' }
}
