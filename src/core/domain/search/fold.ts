/** Case and diacritics folding shared by the index, the query parser and match finding. */
export const fold = (s: string): string =>
  isAscii(s)
    ? s.toLowerCase()
    : s
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()

/** Words as the index sees them: letters and digits, joined by inner apostrophes, dots or hyphens. */
export const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

/** The words of a text, folded, with their offsets in the original text. */
export function* wordsOf(text: string): Generator<{ word: string; start: number; end: number }> {
  // ASCII text folds by lower-casing alone, which keeps offsets: fold it once, not word by word.
  const ascii = isAscii(text)
  const source = ascii ? text.toLowerCase() : text
  for (const m of source.matchAll(WORD_RE)) {
    yield { word: ascii ? m[0] : fold(m[0]), start: m.index, end: m.index + m[0].length }
  }
}

/**
 * Calls `fn` with each word of a text, folded, and its offsets in the original text, until `fn`
 * returns true. The same words as `wordsOf`, without an object made for each (a long document
 * has close to a million words).
 */
export function eachWord(
  text: string,
  fn: (word: string, start: number, end: number) => boolean | void
): void {
  const ascii = isAscii(text)
  const source = ascii ? text.toLowerCase() : text
  const re = new RegExp(WORD_RE.source, 'gu')
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const w = m[0]
    if (fn(ascii ? w : fold(w), m.index, m.index + w.length)) return
  }
}

const NON_ASCII = /[^\p{ASCII}]/u
/** Whether a text is all ASCII (it then folds by lower-casing alone). */
export const isAscii = (text: string): boolean => !NON_ASCII.test(text)

export const tokenize = (text: string): string[] => Array.from(text.matchAll(WORD_RE), (m) => m[0])
