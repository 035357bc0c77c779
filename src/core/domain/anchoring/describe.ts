import type { TextPositionSelector, TextQuoteSelector } from '../../../shared/model'

export const CONTEXT_CHARS = 32

/** The W3C selectors for text[start, end): the quote with up to 32 characters of context, and the position. */
export function describeRange(
  text: string,
  start: number,
  end: number
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS)
    },
    position: { type: 'TextPositionSelector', start, end }
  }
}
