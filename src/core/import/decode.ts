import { chardet } from 'jschardet'
import type { TextEncodingInfo } from '../../shared/model'
import { WorkbenchError } from '../base/errors'
import { flaws, looksBinary, looksLikeMojibake, plausibilityWarnings } from './text-plausibility'

export interface Decoded {
  text: string
  encoding: TextEncodingInfo
  /** Plain sentences: a guessed encoding, characters that could not be decoded, signs of mojibake. */
  warnings: string[]
}

export interface DecodeOptions {
  /** Decode with this encoding (a WHATWG label), whatever the file says. */
  encoding?: string
  /** Look for an HTML `<meta charset>` / `http-equiv` or an XML declaration. */
  markup?: boolean
  /**
   * Leave out the check for implausible letters (mojibake), for a caller that checks the text it
   * makes of the decoded one (the text of a page, not its markup, scripts and styles).
   */
  skipPlausibility?: boolean
}

const notText = (why: string): WorkbenchError =>
  new WorkbenchError('invalid-argument', `this is not a text file (${why})`)

/**
 * Decodes the bytes of a text file, in this order: a byte order mark (UTF-8, UTF-16, UTF-32); the
 * encoding the markup declares (`<meta charset>`, `http-equiv`, `<?xml encoding?>`); UTF-32 and
 * UTF-16 without a byte order mark; UTF-8; else the encoding a detector (jschardet, a port of
 * chardet) finds most likely among those a browser reads. A guess is said in the warnings, and so
 * is a text that decodes to replacement characters or to an implausible mix of letters. Refuses
 * binary data.
 *
 * Decoders are Node's (full ICU) TextDecoder, which follows the WHATWG Encoding standard, except
 * for windows-1252, which it reads as Latin-1 (see decodeWindows1252), and UTF-32, which it does
 * not have.
 */
export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  let decoded: Decoded
  if (opts.encoding) {
    const name = encodingName(opts.encoding)
    if (!name)
      throw new WorkbenchError(
        'invalid-argument',
        `"${opts.encoding}" is not an encoding the workbench knows (for example: utf-8, windows-1251, shift_jis)`
      )
    const bom = byteOrderMark(bytes)
    const body = bom && bom.name === name ? bytes.subarray(bom.length) : bytes
    decoded = {
      text: decodeAs(name, body),
      encoding: { name, guessed: false, confidence: 1 },
      warnings: []
    }
  } else {
    decoded = detectAndDecode(bytes, opts)
  }
  if (decoded.text.charCodeAt(0) === 0xfeff) decoded.text = decoded.text.slice(1)
  if (looksBinary(decoded.text)) throw notText('it is mostly control characters')
  if (!opts.skipPlausibility)
    decoded.warnings.push(...plausibilityWarnings(decoded.text, decoded.encoding.name))
  return decoded
}

function detectAndDecode(bytes: Uint8Array, opts: DecodeOptions): Decoded {
  const sure = (name: string, text: string, warnings: string[] = []): Decoded => ({
    text,
    encoding: { name, guessed: false, confidence: 1 },
    warnings
  })
  const bom = byteOrderMark(bytes)
  if (bom) return sure(bom.name, decodeAs(bom.name, bytes.subarray(bom.length)))

  const utf8 = strictUtf8(bytes)
  if (opts.markup) {
    const declared = declaredEncoding(bytes)
    if (declared) {
      // A page that says UTF-8 but is not, or says a legacy encoding but is valid UTF-8 with
      // letters that read as mojibake the declared way: the bytes win, and the reader is told.
      if (declared === 'utf-8' && utf8 !== null) return sure('utf-8', utf8)
      if (declared !== 'utf-8') {
        const text = decodeAs(declared, bytes)
        if (utf8 === null || utf8 === text || !looksLikeMojibake(text)) return sure(declared, text)
        return sure('utf-8', utf8, [
          `The page says it is ${declared}, but it reads as UTF-8: decoded as UTF-8.`
        ])
      }
      if (utf8 === null) {
        const guess = guess8bit(bytes)
        guess.warnings.unshift(
          `The page says it is UTF-8, but it is not: decoded as ${guess.encoding.name} (guessed).`
        )
        return guess
      }
    }
  }
  // NUL bytes first: UTF-16 text of most scripts is also valid UTF-8 (of control characters).
  if (bytes.includes(0)) {
    const wide = detectWide(bytes)
    if (wide) return wide
    throw notText('it contains NUL bytes')
  }
  if (utf8 !== null) return sure('utf-8', utf8)
  return guess8bit(bytes)
}

/** The encoding of a byte order mark at the start, and its length. */
function byteOrderMark(bytes: Uint8Array): { name: string; length: number } | null {
  const [a, b, c, d] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return { name: 'utf-8', length: 3 }
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { name: 'utf-32le', length: 4 }
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { name: 'utf-32be', length: 4 }
  if (a === 0xff && b === 0xfe) return { name: 'utf-16le', length: 2 }
  if (a === 0xfe && b === 0xff) return { name: 'utf-16be', length: 2 }
  return null
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return null
  }
}

/**
 * The charset an HTML page or XML file declares in its first 4 KB (`<meta charset=…>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, `<?xml … encoding="…"?>`), as a
 * WHATWG name. A UTF-16 declaration cannot be read in ASCII, so it means UTF-8 (as in browsers).
 */
export function declaredEncoding(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 4096))
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']?([\w.:-]+)/i.exec(head)
  const meta =
    /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta\s[^>]*?content\s*=\s*["'][^"']*?charset\s*=\s*([\w.:-]+)/i.exec(head)
  const label = (xml ?? meta)?.[1]
  if (!label) return null
  const name = encodingName(label)
  if (!name) return null
  return name.startsWith('utf-16') || name.startsWith('utf-32') ? 'utf-8' : name
}

/**
 * The WHATWG name of an encoding label ("latin1" → "windows-1252", "cp1251" → "windows-1251",
 * "sjis" → "shift_jis"), also for UTF-32 and the names jschardet gives; null when unknown.
 */
export function encodingName(label: string): string | null {
  const l = label.trim().toLowerCase()
  const alias = ALIASES[l.replace(/_/g, '-')] ?? ALIASES[l]
  if (alias) return alias
  try {
    return new TextDecoder(l).encoding
  } catch {
    return null
  }
}

const ALIASES: Record<string, string> = {
  'utf-32': 'utf-32le',
  'utf-32le': 'utf-32le',
  'utf-32be': 'utf-32be',
  'utf-32-le': 'utf-32le',
  'utf-32-be': 'utf-32be',
  'ucs-4': 'utf-32le',
  'utf-16': 'utf-16le',
  'utf-16-le': 'utf-16le',
  'utf-16-be': 'utf-16be',
  'utf-8-sig': 'utf-8',
  ascii: 'windows-1252',
  cp874: 'windows-874',
  cp932: 'shift_jis',
  cp949: 'euc-kr',
  'mac-cyrillic': 'x-mac-cyrillic',
  maccyrillic: 'x-mac-cyrillic',
  'mac-roman': 'macintosh',
  macroman: 'macintosh',
  big5hkscs: 'big5',
  'shift-jis-2004': 'shift_jis',
  'euc-jis-2004': 'euc-jp',
  'iso2022-jp-2': 'iso-2022-jp',
  'iso2022-jp-2004': 'iso-2022-jp',
  'iso2022-jp-ext': 'iso-2022-jp',
  'iso8859-8': 'iso-8859-8'
}

/** Decodes with a WHATWG encoding name (see encodingName). Undecodable bytes become U+FFFD. */
export function decodeAs(name: string, bytes: Uint8Array): string {
  if (name === 'windows-1252') return decodeWindows1252(bytes)
  if (name === 'utf-32le' || name === 'utf-32be') return decodeUtf32(bytes, name === 'utf-32le')
  return new TextDecoder(name, { ignoreBOM: true }).decode(bytes)
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const units = Math.floor(bytes.byteLength / 4)
  let out = ''
  const chunk: number[] = []
  for (let i = 0; i < units; i++) {
    const cp = view.getUint32(i * 4, littleEndian)
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp)
    if (chunk.length === 8192) {
      out += String.fromCodePoint(...chunk)
      chunk.length = 0
    }
  }
  out += String.fromCodePoint(...chunk)
  if (bytes.byteLength % 4) out += '\ufffd'
  return out
}

/**
 * UTF-32 or UTF-16 without a byte order mark, recognised by their zero bytes: tried only when the
 * file has NUL bytes, which no 8-bit text has (so ASCII text is never read as UTF-16 "Chinese").
 */
function detectWide(bytes: Uint8Array): Decoded | null {
  // A few bytes say too little (an 8-byte binary header reads as two "characters" of UTF-32).
  if (bytes.byteLength < 32) return null
  const sample = bytes.subarray(0, 65536 - (65536 % 4))
  for (const name of ['utf-32le', 'utf-32be'] as const) {
    if (bytes.byteLength % 4 !== 0) break
    const view = new DataView(sample.buffer, sample.byteOffset, sample.byteLength)
    let ok = true
    for (let i = 0; i + 4 <= sample.byteLength && ok; i += 4) {
      const cp = view.getUint32(i, name === 'utf-32le')
      ok = cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && cp !== 0
    }
    if (ok) return wide(name, bytes)
  }
  // UTF-16: the reading with no unpaired surrogates, private-use or unassigned characters, and
  // the most ASCII (spaces, line breaks, digits) wins.
  const scores = (['utf-16le', 'utf-16be'] as const).map((name) => {
    const text = decodeAs(name, sample.subarray(0, sample.byteLength & ~1))
    let bad = 0
    let ascii = 0
    for (const ch of text) {
      const c = ch.codePointAt(0) as number
      if (c < 0x80) {
        if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) bad++
        else ascii++
      } else if (BAD_WIDE.test(ch)) bad++
    }
    return { name, bad: bad / text.length, ascii }
  })
  const best = scores
    .filter((s) => s.bad < 0.01)
    .sort((a, b) => a.bad - b.bad || b.ascii - a.ascii)[0]
  return best ? wide(best.name, bytes) : null
}

// Unassigned, private use, lone surrogates, and C1 controls: what a wrong byte order produces.
const BAD_WIDE = /[\p{Cn}\p{Co}\p{Cs}\u0080-\u009f\ufffd]/u

function wide(name: string, bytes: Uint8Array): Decoded {
  return {
    text: decodeAs(name, bytes),
    encoding: { name, guessed: true, confidence: 0.95 },
    warnings: []
  }
}

/** What jschardet may answer: the encodings a browser can decode (the WHATWG set), by chardet's names. */
const DETECTABLE = [
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'cp874',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-6',
  'iso-8859-7',
  'iso-8859-8',
  'iso-8859-13',
  'iso-8859-15',
  'koi8-r',
  'koi8-u',
  'cp866',
  'mac-cyrillic',
  'gb18030',
  'big5',
  'cp932',
  'shift_jis',
  'euc-jp',
  'iso2022-jp-2',
  'euc-kr',
  'cp949'
]

/** At or above this, a detection is said without "guessed" doubt in the warnings. */
const SURE = 0.9

/**
 * An 8-bit or multi-byte legacy encoding, detected: the detector's candidates are decoded in turn,
 * and the first whose text is plausible (no replacement characters, no control characters, no
 * mojibake) is taken. Candidates that decode to the same text count as one answer.
 */
function guess8bit(bytes: Uint8Array): Decoded {
  const sample = bytes.subarray(0, 200_000)
  let candidates: { encoding: string | null; confidence: number }[]
  try {
    candidates = chardet.detectAll(sample, { includeEncodings: DETECTABLE, ignoreThreshold: true })
  } catch {
    candidates = []
  }
  const tried: { name: string; confidence: number; text: string; flaws: number }[] = []
  for (const c of candidates.slice(0, 8)) {
    const name = c.encoding ? encodingName(c.encoding) : null
    if (!name || tried.some((t) => t.name === name)) continue
    const text = decodeAs(name, sample)
    tried.push({ name, confidence: c.confidence, text, flaws: flaws(text) })
  }
  // Today's fallback, and the most common legacy encoding: windows-1252 is always a candidate.
  if (!tried.some((t) => t.name === 'windows-1252')) {
    const text = decodeWindows1252(sample)
    tried.push({ name: 'windows-1252', confidence: 0, text, flaws: flaws(text) })
  }
  const fewest = Math.min(...tried.map((t) => t.flaws))
  const plausible = tried.filter((t) => t.flaws === fewest)
  let best = plausible[0]
  // A detection too weak to mean anything (a few accented letters): windows-1252, as before.
  if (best.confidence < 0.1) best = plausible.find((t) => t.name === 'windows-1252') ?? best
  // Candidates that read the same way as the best one add their confidence to it.
  const agreeing = tried.filter((t) => t !== best && t.text === best.text)
  const confidence = Math.min(1, best.confidence + agreeing.reduce((s, t) => s + t.confidence, 0))
  const text = sample.byteLength === bytes.byteLength ? best.text : decodeAs(best.name, bytes)
  const rounded = Math.round(confidence * 100) / 100
  return {
    text,
    encoding: { name: best.name, guessed: true, confidence: rounded },
    warnings: confidence >= SURE ? [] : [`Decoded as ${best.name} (guessed).`]
  }
}

/**
 * Windows-1252 per the WHATWG encoding index. (Node 20's TextDecoder treats the label as Latin-1,
 * which turns curly quotes, dashes and € in 0x80–0x9F into invisible control characters.)
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    out += String.fromCharCode(...chunk).replace(
      /[\u0080-\u009f]/g,
      (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]
    )
  }
  return out
}
