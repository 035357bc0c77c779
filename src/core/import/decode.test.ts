import { describe, expect, it } from 'vitest'
import { decodeText } from './decode'

const text = 'Mayor Dvořák said the café “will reopen” — in 2 weeks.'
const utf16 = (s: string, bigEndian: boolean): Uint8Array => {
  const out = new Uint8Array(2 + s.length * 2)
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe])
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out[2 + i * 2] = bigEndian ? c >> 8 : c & 0xff
    out[3 + i * 2] = bigEndian ? c & 0xff : c >> 8
  }
  return out
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(text), 'utf-8'],
    [
      'UTF-8 with BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      'utf-8'
    ],
    ['UTF-16 LE with BOM', utf16(text, false), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(text, true), 'utf-16be']
  ])('reads %s', (_, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding })
  })

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    // "café “quoted” – 5€" as Windows-1252
    const bytes = new Uint8Array([
      0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80
    ])
    expect(decodeText(bytes)).toEqual({ text: 'café “q” – 5€', encoding: 'windows-1252' })
  })

  it('refuses binary data, naming the reason', () => {
    expect(() =>
      decodeText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]))
    ).toThrow(/not a text file \(it contains NUL bytes/)
    const noisy = new Uint8Array(4000).map((_, i) => (i * 7919) % 31 || 1)
    expect(() => decodeText(noisy)).toThrow(/not a text file \(it is mostly control characters\)/)
  })
})
