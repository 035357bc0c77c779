import { describe, expect, it } from 'vitest'
import type { ArticleId } from './articles.fixture'
import {
  ARTICLES,
  BACKGROUND,
  EDITED_BACKGROUND,
  EDITED_STATEMENT,
  FOOTER,
  STATEMENT
} from './articles.fixture'
import type { SharedPassage } from './align'
import { derivationEvidence, findSharedPassages, reuseRows } from './shared-passages'

const docs = (Object.keys(ARTICLES) as ArticleId[]).map((id) => ({ id, text: ARTICLES[id] }))
const shared = (id: ArticleId, includeBoilerplate = false) =>
  findSharedPassages(
    docs.find((d) => d.id === id)!,
    docs.filter((d) => d.id !== id),
    { includeBoilerplate }
  )
const between = (a: ArticleId, b: ArticleId, includeBoilerplate = false): SharedPassage[] =>
  shared(a, includeBoilerplate).find((p) => p.sha === b)?.passages ?? []
const span = (text: string, part: string) => {
  const start = text.indexOf(part)
  if (start < 0) throw new Error(`not in text: ${part}`)
  return { start, end: start + part.length }
}

describe('shared passages in our own articles', () => {
  it('finds the edited statement with ≥ 40 words, ≥ 0.7 identity and exact offsets', () => {
    const real = between('release', 'edited').filter((p) => !p.boilerplate)
    expect(real).toHaveLength(1)
    const [p] = real
    expect(p.a.words).toBeGreaterThanOrEqual(40)
    expect(p.identity).toBeGreaterThanOrEqual(0.7)
    expect(p.identity).toBeLessThan(1)
    expect(p.verbatim).toBe(false)
    expect({ start: p.a.start, end: p.a.end }).toEqual(span(ARTICLES.release, STATEMENT))
    expect({ start: p.b.start, end: p.b.end }).toEqual(span(ARTICLES.edited, EDITED_STATEMENT))
  })

  it('finds the quoted statement verbatim', () => {
    const [p] = between('release', 'verbatim').filter((x) => !x.boilerplate)
    expect(p).toMatchObject({ verbatim: true, identity: 1, a: { words: 59 }, b: { words: 59 } })
    expect({ start: p.b.start, end: p.b.end }).toEqual(span(ARTICLES.verbatim, STATEMENT))
  })

  it('finds the reused background paragraph', () => {
    const [p] = between('background', 'release').filter((x) => !x.boilerplate)
    expect(p.identity).toBeGreaterThanOrEqual(0.7)
    expect({ start: p.a.start, end: p.a.end }).toEqual(span(ARTICLES.background, EDITED_BACKGROUND))
    expect({ start: p.b.start, end: p.b.end }).toEqual(span(ARTICLES.release, BACKGROUND))
  })

  it.each(['paraphrase', 'unrelated'] as const)('gives the %s no match but boilerplate', (id) => {
    expect(shared(id)).toEqual([])
    const all = shared(id, true).flatMap((p) => p.passages)
    expect(all.length).toBeGreaterThan(0)
    expect(all.every((p) => p.boilerplate)).toBe(true)
  })

  it('marks the footer every document carries as boilerplate, in every pair', () => {
    for (const d of docs)
      for (const pair of shared(d.id, true)) {
        const footer = pair.passages.filter(
          (p) => d.text.slice(p.a.start, p.a.end) === FOOTER.slice(0, -1)
        )
        expect(footer, `${d.id} / ${pair.sha}`).toHaveLength(1)
        expect(footer[0].boilerplate).toBe(true)
      }
  })

  it('is symmetric: A against B mirrors B against A', () => {
    for (const a of docs)
      for (const b of docs) {
        if (a.id === b.id) continue
        const ab = findSharedPassages(a, [b])[0]?.passages ?? []
        const ba = findSharedPassages(b, [a])[0]?.passages ?? []
        const mirrored = ba
          .map((p) => ({ ...p, a: p.b, b: p.a }))
          .sort((x, y) => x.a.start - y.a.start)
        expect(ab).toEqual(mirrored)
      }
  })

  it('gives CLI rows longest first and proposes a derivation only from real passages', () => {
    const pairs = shared('release', true)
    const rows = reuseRows('release', pairs)
    expect(rows[0]).toMatchObject({
      docId: 'release',
      otherDocId: expect.any(String),
      boilerplate: false
    })
    expect(rows.map((r) => r.words)).toEqual([...rows.map((r) => r.words)].sort((x, y) => y - x))
    expect(derivationEvidence(between('release', 'edited', true))).toEqual({
      kind: 'shared-passages',
      passages: 1,
      words: 58
    })
    expect(derivationEvidence(between('release', 'unrelated', true))).toBeNull()
  })
})
