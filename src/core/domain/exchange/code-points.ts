/**
 * Offsets in JavaScript strings count UTF-16 code units; QDA-XML counts Unicode code points. An
 * astral character (an emoji, a CJK Extension B ideograph) is two units and one code point.
 * The map below keeps only where the surrogate pairs are, so it costs nothing for texts without
 * them and little for texts with a few; each conversion is a binary search.
 */
export interface OffsetMap {
  /** Code points before UTF-16 offset `u` (an offset inside a pair rounds down to the pair). */
  toCodePoint(u: number): number
  /** The UTF-16 offset of code point offset `cp`. */
  toUtf16(cp: number): number
  /** The text's length in code points. */
  readonly codePoints: number
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

export function offsetMap(text: string): OffsetMap {
  // UTF-16 index of the high surrogate of each well-formed pair. A lone surrogate is one code
  // point (it is written as U+FFFD in UTF-8), so it is not a pair.
  const pairs: number[] = []
  if (/[\ud800-\udbff][\udc00-\udfff]/.test(text)) {
    for (let i = 0; i < text.length - 1; i++) {
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        pairs.push(i)
        i++
      }
    }
  }
  /** How many pairs start before UTF-16 offset u. */
  const pairsBefore = (u: number): number => {
    let lo = 0
    let hi = pairs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (pairs[mid] < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return {
    codePoints: text.length - pairs.length,
    toCodePoint: (u) => u - pairsBefore(u),
    toUtf16: (cp) => {
      // Pair i starts at code point pairs[i] - i; count the pairs that start before cp.
      let lo = 0
      let hi = pairs.length
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (pairs[mid] - mid < cp) lo = mid + 1
        else hi = mid
      }
      return cp + lo
    }
  }
}
