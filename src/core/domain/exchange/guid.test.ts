import { describe, expect, it } from 'vitest'
import { guidMaker, uuidV5 } from './guid'
import { sha1 } from './sha1'

const hex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('sha1 and name-based UUIDs', () => {
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1'
    ],
    ['a'.repeat(1000), '291e9a6c66994949b57ba5e650361e98fc36b1ba']
  ])('hashes %j as the standard says', (input, digest) => {
    expect(hex(sha1(bytes(input)))).toBe(digest)
  })

  it('gives the version-5 UUID of the RFC example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2'
    )
  })

  it('derives the same GUID for the same id on every export, and different ones per workspace and kind', () => {
    const a = guidMaker('ws-1')
    const again = guidMaker('ws-1')
    expect(a('code', 't1')).toBe(again('code', 't1'))
    expect(a('code', 't1')).not.toBe(a('source', 't1'))
    expect(a('code', 't1')).not.toBe(guidMaker('ws-2')('code', 't1'))
    expect(a('code', 't1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
  })

  it('uses a hash function the caller brings', () => {
    const calls: number[] = []
    const own = (b: Uint8Array): Uint8Array => (calls.push(b.length), sha1(b))
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com', own)).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2'
    )
    expect(calls).toEqual([31])
  })
})
