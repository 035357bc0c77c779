import { WorkbenchError } from '../base/errors'

export interface Decoded {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
}

const notText = (why: string): WorkbenchError =>
  new WorkbenchError('invalid-argument', `this is not a text file (${why})`)

/**
 * Decodes the bytes of a text file: UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252
 * for anything that is not valid UTF-8 (old Windows files). Refuses binary data.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  let decoded: Decoded
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  } else {
    if (bytes.includes(0))
      throw notText('it contains NUL bytes; if it is UTF-16 text, save it with a byte order mark')
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
    } catch {
      decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
    }
  }
  if (looksBinary(decoded.text)) throw notText('it is mostly control characters')
  return decoded
}

/** True when more than 2% of the first 64 KB are control characters that no text file has. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536)
  if (sample.length === 0) return false
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) controls++
  }
  return controls / sample.length > 0.02
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
