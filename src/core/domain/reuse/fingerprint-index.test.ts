import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ARTICLES } from './articles.fixture'
import { decodeFingerprints, encodeFingerprints } from './codec'
import { FingerprintIndex } from './fingerprint-index'
import { boilerplateLimit } from './params'
import { fingerprint, winnow } from './winnow'

describe('winnowing', () => {
  it('keeps positions in order, at most w apart, and about 2 / (w + 1) of the shingles', () => {
    const fp = fingerprint(Object.values(ARTICLES).join('\n\n'))
    const gaps = Array.from(fp.positions.subarray(1), (p, i) => p - fp.positions[i])
    expect(Math.min(...gaps)).toBeGreaterThan(0)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(fp.w)
    const density = fp.hashes.length / (fp.words - fp.k + 1)
    expect(density).toBeGreaterThan(0.15)
    expect(density).toBeLessThan(0.35)
  })

  it('chooses the smallest hash of every window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 9 }),
        (hs, w) => {
          const hashes = Uint32Array.from(hs)
          const { positions } = winnow(hashes, w)
          const chosen = new Set(positions)
          for (let s = 0; s + w <= hashes.length; s++) {
            const window = hashes.subarray(s, s + w)
            const min = Math.min(...window)
            expect([...window.keys()].some((i) => chosen.has(s + i) && window[i] === min)).toBe(
              true
            )
          }
          if (hashes.length > 0) expect(positions.length).toBeGreaterThan(0)
        }
      )
    )
  })
})

describe('fingerprint records', () => {
  it('round-trip, in 20 bytes and about 5 per fingerprint', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 400 }), (words) => {
        const fp = fingerprint(words.join(' '))
        const bytes = encodeFingerprints(fp)
        expect(bytes.length % 4).toBe(0)
        expect(bytes.length).toBeLessThanOrEqual(20 + 5 * fp.hashes.length + 3)
        expect(decodeFingerprints(bytes)).toEqual(fp)
      })
    )
  })

  it('refuses bytes that are not a record, or cut short', () => {
    const bytes = encodeFingerprints(fingerprint(ARTICLES.release))
    expect(() => decodeFingerprints(new Uint8Array(24))).toThrow(/not a fingerprint record/)
    expect(() => decodeFingerprints(bytes.subarray(0, bytes.length - 40))).toThrow(/truncated/)
  })
})

describe('boilerplateLimit', () => {
  it.each([
    [1, 5],
    [2, 5],
    [5, 5],
    [6, 5],
    [8, 6],
    [10, 7],
    [100, 21],
    [10_000, 120],
    [100_000, 1020]
  ])('%i documents: more than %i carrying a fingerprint', (n, limit) =>
    expect(boilerplateLimit(n)).toBe(limit)
  )
})

/** The candidates an index must give, counted the slow way. */
function bruteForce(docs: Map<string, number[]>, sha: string): { sha: string; shared: number }[] {
  const mine = new Set(docs.get(sha))
  const df = new Map<number, number>()
  for (const hs of docs.values()) for (const h of new Set(hs)) df.set(h, (df.get(h) ?? 0) + 1)
  const limit = boilerplateLimit(docs.size)
  const out: { sha: string; shared: number }[] = []
  for (const [other, hs] of docs) {
    if (other === sha) continue
    const shared = [...new Set(hs)].filter((h) => mine.has(h) && df.get(h)! <= limit).length
    if (shared > 0) out.push({ sha: other, shared })
  }
  return out.sort((a, b) => b.shared - a.shared || (a.sha < b.sha ? -1 : 1))
}

describe('FingerprintIndex', () => {
  it('is content-addressed: adding a text already there does nothing', () => {
    const index = new FingerprintIndex()
    expect(index.add('sha-1', fingerprint(ARTICLES.release))).toBe(true)
    expect(index.add('sha-1', fingerprint(ARTICLES.unrelated))).toBe(false)
    expect(index.size).toBe(1)
    expect(index.remove('sha-1')).toBe(true)
    expect(index.remove('sha-1')).toBe(false)
    expect(index.size).toBe(0)
  })

  it('refuses fingerprints made with other parameters', () => {
    expect(() => new FingerprintIndex().add('x', fingerprint('a b c', { k: 4, w: 9 }))).toThrow(
      /k=4/
    )
  })

  const op = fc.oneof(
    fc.record({
      add: fc.integer({ min: 0, max: 40 }),
      hashes: fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 })
    }),
    fc.record({ remove: fc.integer({ min: 0, max: 40 }) })
  )
  it('gives the same candidates as counting by hand, through adds, removals, merges and a round trip', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const index = new FingerprintIndex()
        const model = new Map<string, number[]>()
        for (const o of ops) {
          if ('add' in o) {
            const sha = `d${o.add}`
            const added = index.add(sha, Uint32Array.from(o.hashes))
            expect(added).toBe(!model.has(sha))
            if (added) model.set(sha, o.hashes)
          } else {
            expect(index.remove(`d${o.remove}`)).toBe(model.delete(`d${o.remove}`))
          }
        }
        const decoded = FingerprintIndex.decode(index.encode())
        for (const sha of model.keys()) {
          const want = bruteForce(model, sha)
          const strip = (cs: { sha: string; shared: number }[]) =>
            cs.map(({ sha, shared }) => ({ sha, shared }))
          expect(strip(index.candidates(sha))).toEqual(want)
          expect(strip(decoded.candidates(sha))).toEqual(want)
        }
        expect(decoded.size).toBe(model.size)
      }),
      { numRuns: 200 }
    )
  })

  it('stays right across a merge of its recent additions into its base', () => {
    const index = new FingerprintIndex()
    // 3,000 documents of 30 fingerprints: past the 65,536 postings that start a merge.
    const hashes = (d: number) =>
      Uint32Array.from({ length: 30 }, (_, i) => (d === 7 ? 0 : d * 100) + i)
    for (let d = 0; d < 3000; d++) index.add(`d${d}`, hashes(d))
    expect(index.candidates('d7').map((c) => c.sha)).toEqual(['d0'])
    index.remove('d0')
    expect(index.candidates('d7')).toEqual([])
  })

  it('gives the same candidates after many segments are flushed, merged and compacted', () => {
    const index = new FingerprintIndex()
    const model = new Map<string, number[]>()
    let seed = 7
    const random = (n: number) => (seed = (Math.imul(seed, 48271) + 11) >>> 0) % n
    // 800 documents of 500 fingerprints (400,000 postings: six segments flushed, some merged),
    // then a third removed, enough to rebuild.
    for (let d = 0; d < 800; d++) {
      const hashes = Array.from({ length: 500 }, () => random(200_000))
      index.add(`d${d}`, Uint32Array.from(hashes))
      model.set(`d${d}`, hashes)
      if (d % 3 === 2) {
        const gone = `d${random(d)}`
        expect(index.remove(gone)).toBe(model.delete(gone))
      }
    }
    // Ties are ordered by shared boilerplate too: compare as the model orders them.
    const strip = (cs: { sha: string; shared: number }[]) =>
      cs
        .map(({ sha, shared }) => ({ sha, shared }))
        .sort((a, b) => b.shared - a.shared || (a.sha < b.sha ? -1 : 1))
    for (const sha of [...model.keys()].filter((_, i) => i % 40 === 0))
      expect(strip(index.candidates(sha))).toEqual(bruteForce(model, sha))
    const decoded = FingerprintIndex.decode(index.encode())
    const some = [...model.keys()][5]
    expect(strip(decoded.candidates(some))).toEqual(bruteForce(model, some))
  })

  it('refuses bytes that are not an index', () => {
    expect(() => FingerprintIndex.decode(new Uint8Array(8))).toThrow(/not a fingerprint index/)
    const one = new FingerprintIndex()
    one.add('a', Uint32Array.of(1, 2))
    const twice = one.encode()
    const body = twice.subarray(20)
    const doubled = new Uint8Array(twice.length + body.length)
    doubled.set(twice)
    doubled.set(body, twice.length)
    new DataView(doubled.buffer).setUint32(16, 2, true)
    expect(() => FingerprintIndex.decode(doubled)).toThrow(/holds a twice/)
    const bytes = new FingerprintIndex().encode()
    bytes[4] = 9
    expect(() => FingerprintIndex.decode(bytes)).toThrow(/version 9/)
  })
})
