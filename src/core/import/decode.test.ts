import { describe, expect, it } from 'vitest'
import {
  encode,
  LEGACY_CASES,
  legacyText,
  SENTENCES,
  type Language
} from '../../test-support/encoded-texts'
import { TEXT_ENCODINGS } from '../../shared/model'
import { declaredEncoding, decodeText, encodingName } from './decode'

const text = 'Mayor Dvořák said the café “will reopen” — in 2 weeks.'
const sure = (name: string) => ({ name, guessed: false, confidence: 1 })

describe('decodeText', () => {
  it.each([
    ['UTF-8', encode(text, 'utf-8'), 'utf-8'],
    ['UTF-8 with BOM', encode(text, 'utf-8', true), 'utf-8'],
    ['UTF-16 LE with BOM', encode(text, 'utf-16le', true), 'utf-16le'],
    ['UTF-16 BE with BOM', encode(text, 'utf-16be', true), 'utf-16be'],
    ['UTF-32 LE with BOM', encode(text, 'utf-32le', true), 'utf-32le'],
    ['UTF-32 BE with BOM', encode(text, 'utf-32be', true), 'utf-32be']
  ])('reads %s, and is sure of it', (_, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding: sure(encoding), warnings: [] })
  })

  it.each(LEGACY_CASES)('reads %s in %s exactly, and says it guessed', (language, encoding) => {
    const original = legacyText(language)
    const decoded = decodeText(encode(original, encoding))
    expect(decoded.text).toBe(original)
    expect(decoded.encoding.guessed).toBe(true)
    // The name given may be another that reads these bytes the same way (iso-8859-7 and
    // windows-1253 agree on every Greek letter); it is always one "Read again as…" offers.
    expect(TEXT_ENCODINGS).toContain(decoded.encoding.name)
    const sureOfIt = decoded.encoding.confidence >= 0.9
    expect(decoded.warnings).toEqual(
      sureOfIt ? [] : [`Decoded as ${decoded.encoding.name} (guessed).`]
    )
  })

  it('covers the ten scripts of the issue', () => {
    const languages = new Set(LEGACY_CASES.map(([l]) => l))
    for (const l of [
      'russian',
      'greek',
      'hebrew',
      'arabic',
      'polish',
      'turkish',
      'chinese',
      'japanese',
      'korean',
      'thai'
    ] as Language[])
      expect(languages.has(l), l).toBe(true)
  })

  it.each(
    (['russian', 'chinese', 'thai', 'arabic', 'french'] as Language[]).flatMap((l) =>
      ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'].map((e) => [l, e] as const)
    )
  )('recognises %s in %s without a byte order mark', (language, encoding) => {
    const original = legacyText(language)
    const decoded = decodeText(encode(original, encoding))
    expect(decoded.text).toBe(original)
    expect(decoded.encoding).toEqual({ name: encoding, guessed: true, confidence: 0.95 })
  })

  it('falls back to Windows-1252 for a few accented bytes that say nothing else', () => {
    // "café “q” – 5€" as Windows-1252
    const bytes = new Uint8Array([
      0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80
    ])
    const decoded = decodeText(bytes)
    expect(decoded.text).toBe('café “q” – 5€')
    expect(decoded.encoding.name).toBe('windows-1252')
    expect(decoded.warnings).toEqual(['Decoded as windows-1252 (guessed).'])
  })

  it('decodes with the encoding asked for, whatever the bytes look like ("Read again as…")', () => {
    const bytes = encode(SENTENCES.russian, 'koi8-r')
    const asKoi = decodeText(bytes, { encoding: 'KOI8-R' })
    expect(asKoi).toEqual({ text: SENTENCES.russian, encoding: sure('koi8-r'), warnings: [] })
    const wrong = decodeText(bytes, { encoding: 'cp1251' })
    expect(wrong.encoding).toEqual(sure('windows-1251'))
    expect(wrong.text).not.toBe(SENTENCES.russian)
    // KOI8-R read as windows-1251 flips the case inside words: flagged, not stored as if fine.
    expect(wrong.warnings).toEqual([
      'The text does not read as windows-1251: its letters are an implausible mix, so it may be in another encoding (or was garbled before it was saved).'
    ])
    expect(() => decodeText(bytes, { encoding: 'klingon-1' })).toThrow(
      /"klingon-1" is not an encoding the workbench knows/
    )
  })

  it('says how many characters could not be decoded', () => {
    const bytes = new Uint8Array([
      ...encode('The harbour reopened on Monday after the storm. ', 'utf-8'),
      0x81,
      0x20,
      0x41
    ])
    const decoded = decodeText(bytes, { encoding: 'shift_jis' })
    expect(decoded.warnings).toEqual([
      '1 character could not be decoded as shift_jis and is shown as �; the file may be in another encoding or damaged.'
    ])
  })

  it('flags UTF-8 text that was garbled before it was saved (mojibake)', () => {
    const decoded = decodeText(
      encode('Le cafÃ© est fermÃ© aujourdâ€™hui, a dit le patron du cafÃ© Ã  midi.', 'utf-8')
    )
    expect(decoded.encoding).toEqual(sure('utf-8'))
    expect(decoded.warnings).toHaveLength(1)
    expect(decoded.warnings[0]).toMatch(/^The text does not read as utf-8/)
  })

  it.each(Object.keys(SENTENCES) as Language[])('does not flag real %s text', (language) => {
    expect(decodeText(encode(legacyText(language), 'utf-8')).warnings).toEqual([])
  })

  it('refuses binary data, naming the reason', () => {
    expect(() =>
      decodeText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]))
    ).toThrow(/not a text file \(it contains NUL bytes/)
    const noisy = new Uint8Array(4000).map((_, i) => (i * 7919) % 31 || 1)
    expect(() => decodeText(noisy)).toThrow(/not a text file \(it is mostly control characters\)/)
  })
})

describe('encodings declared by markup', () => {
  const page = (head: string, body: string, encoding: string): Uint8Array =>
    encode(
      `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`,
      encoding
    )

  it.each([
    ['<meta charset="windows-1251">', 'windows-1251'],
    ["<meta charset='koi8-r'>", 'koi8-r'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', 'shift_jis'],
    ['<meta content="text/html; charset=iso-8859-7" http-equiv="content-type">', 'iso-8859-7'],
    ['<META CHARSET=gb2312>', 'gbk'],
    ['<meta charset="utf-16">', 'utf-8']
  ])('reads %s', (head, name) => {
    expect(declaredEncoding(page(head, 'x', 'utf-8'))).toBe(name)
  })

  it('reads an XML declaration', () => {
    expect(
      declaredEncoding(encode('<?xml version="1.0" encoding="ISO-8859-2"?><html/>', 'utf-8'))
    ).toBe('iso-8859-2')
  })

  it('decodes a page as it declares, without a guess', () => {
    const bytes = page('<meta charset="windows-1253">', SENTENCES.greek, 'windows-1253')
    const decoded = decodeText(bytes, { markup: true })
    expect(decoded.text).toContain(SENTENCES.greek)
    expect(decoded.encoding).toEqual(sure('windows-1253'))
    expect(decoded.warnings).toEqual([])
  })

  it('trusts the bytes over a declaration that they contradict, and says so', () => {
    const utf8 = page('<meta charset="windows-1252">', SENTENCES.french, 'utf-8')
    const a = decodeText(utf8, { markup: true })
    expect(a.text).toContain(SENTENCES.french)
    expect(a.warnings).toEqual([
      'The page says it is windows-1252, but it reads as UTF-8: decoded as UTF-8.'
    ])
    const cp1251 = page('<meta charset="utf-8">', legacyText('russian'), 'windows-1251')
    const b = decodeText(cp1251, { markup: true })
    expect(b.text).toContain(legacyText('russian'))
    expect(b.encoding.name).toBe('windows-1251')
    expect(b.warnings[0]).toBe(
      'The page says it is UTF-8, but it is not: decoded as windows-1251 (guessed).'
    )
  })
})

describe('encodingName', () => {
  it.each([
    ['latin1', 'windows-1252'],
    ['ISO-8859-1', 'windows-1252'],
    ['cp1251', 'windows-1251'],
    ['sjis', 'shift_jis'],
    ['UTF-32', 'utf-32le'],
    ['utf_16_be', 'utf-16be'],
    ['CP874', 'windows-874'],
    ['MacCyrillic', 'x-mac-cyrillic'],
    ['nonsense', null]
  ])('%s is %s', (label, name) => expect(encodingName(label)).toBe(name))
})
