/** Whether a decoded text reads as text: replacement characters, mojibake, mixed scripts, binary. */

/** How wrong a decoding looks: replacement and C1 control characters, and mojibake. */
export function flaws(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff)) n++
  }
  return n + (looksLikeMojibake(text) ? text.length : 0)
}

/**
 * Warnings for a decoded text that does not read as text: characters that could not be decoded,
 * or letters in an implausible mix (the signs of a wrong encoding, here or before the file was made).
 */
export function plausibilityWarnings(text: string, encoding: string): string[] {
  const out: string[] = []
  let replacements = 0
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) replacements++
  if (replacements > 0)
    out.push(
      `${replacements.toLocaleString('en-US')} character${replacements === 1 ? '' : 's'} could not be decoded as ${encoding} and ${replacements === 1 ? 'is' : 'are'} shown as �; the file may be in another encoding or damaged.`
    )
  else if (looksLikeMojibake(text))
    out.push(
      `The text does not read as ${encoding}: its letters are an implausible mix, so it may be in another encoding (or was garbled before it was saved).`
    )
  return out
}

/**
 * Signs that text was decoded with the wrong encoding: UTF-8 read as a Latin encoding ("Ã©",
 * "â€™"), letters of scripts that never mix in one word, or words whose case flips inside them
 * ("вЧЕРА", KOI8-R read as windows-1251).
 */
export function looksLikeMojibake(text: string): boolean {
  const sample = text.length > 100_000 ? text.slice(0, 100_000) : text
  let nonAscii = 0
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) >= 0x80) nonAscii++
  if (nonAscii === 0) return false
  let pairs = 0
  for (const _ of sample.matchAll(UTF8_AS_LATIN)) pairs++
  if (pairs >= 3 && (pairs * 2) / nonAscii > 0.3) return true
  let words = 0
  let mixed = 0
  let flipped = 0
  for (const m of sample.matchAll(/[\p{L}\p{M}]{2,}/gu)) {
    words++
    if (mixedScripts(m[0])) mixed++
    else if (CASE_FLIP.test(m[0])) flipped++
  }
  // A word whose case flips inside it is rare in real text ("iPHONE"), common in mojibake.
  return words >= 3 && (mixed / words > 0.15 || (flipped >= 2 && flipped / words > 0.03))
}

// Lead bytes of UTF-8 sequences seen as windows-1252/Latin-1 letters, followed by a continuation byte.
const UTF8_AS_LATIN =
  /[ÂÃÄÅÆÇÐÑØÙÚÛÜÝÞß][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u20ac\u2122]/gu
// A word starting lower case, then upper case.
const CASE_FLIP = /^\p{Ll}\p{Lu}{2}/u

const SCRIPTS: [string, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['thai', /\p{Script=Thai}/u]
]

export function mixedScripts(word: string): boolean {
  let found: string | null = null
  for (const ch of word) {
    if (ch.charCodeAt(0) < 0x80) continue
    for (const [name, re] of SCRIPTS) {
      if (!re.test(ch)) continue
      if (found && found !== name) return true
      found = name
      break
    }
  }
  return false
}

/** True when more than 2% of the first 64 KB are control characters that no text file has. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536)
  if (sample.length === 0) return false
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++
  }
  return controls / sample.length > 0.02
}
