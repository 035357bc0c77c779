import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InvertedIndex, KIND_NOTE, KIND_TEXT, type Plan } from './inverted-index'

const VOCAB = ['port', 'ports', 'harbour', 'ship', 'ships', 'crane', 'cranes', 'storm', 'the', 'of']

const docArb = fc.record({
  title: fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 3 }),
  entries: fc.array(fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 12 }), {
    minLength: 1,
    maxLength: 6
  })
})

function build(docs: { title: string[]; entries: string[][] }[]): InvertedIndex {
  const index = new InvertedIndex()
  docs.forEach((d, i) => {
    index.addDocument(`d${i}`, d.title.join(' '))
    let at = 0
    for (const words of d.entries) {
      const text = words.join(' ')
      index.addEntry(`d${i}`, KIND_TEXT, at, at + text.length, text)
      at += text.length + 1
    }
  })
  return index
}

/** What a search returns, in a form that does not depend on internal ids. */
function answer(index: InvertedIndex, plan: Plan, k = 1000): [string, number, number][] {
  const m = index.search(plan)
  return index.top(m, k).map((i) => {
    const e = index.info(m.ids[i])
    return [e.doc, e.start, Math.round(m.scores[i] * 1e9)]
  })
}

const word = (text: string): Plan['groups'][number][number] => ({
  kind: 'word',
  text,
  fuzzy: false
})

describe('the inverted index', () => {
  it('matches exactly the entries that have every word (in their text or title)', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 3 }),
        (docs, query) => {
          const index = build(docs)
          const got = answer(index, { groups: query.map((w) => [word(w)]), exclude: [] })
            .map(([doc, start]) => `${doc}@${start}`)
            .sort()
          const expected: string[] = []
          docs.forEach((d, i) => {
            let at = 0
            for (const words of d.entries) {
              if (query.every((q) => words.includes(q) || d.title.includes(q)))
                expected.push(`d${i}@${at}`)
              at += words.join(' ').length + 1
            }
          })
          expect(got).toEqual(expected.sort())
        }
      ),
      { numRuns: 200 }
    )
  })

  it('picks the same best k as a full sort, ties ordered by document and position', () => {
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...VOCAB),
        fc.integer({ min: 1, max: 20 }),
        (docs, w, k) => {
          const index = build(docs)
          const plan = { groups: [[word(w)]], exclude: [] }
          const all = answer(index, plan)
          expect(answer(index, plan, k)).toEqual(all.slice(0, k))
          for (let i = 1; i < all.length; i++) {
            const [a, b] = [all[i - 1], all[i]]
            expect(a[2] > b[2] || (a[2] === b[2] && (a[0] < b[0] || a[1] < b[1]))).toBe(true)
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  it('answers the same after removals, a vacuum, and a snapshot round trip', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 2, maxLength: 10 }),
        fc.array(fc.nat(9), { maxLength: 4 }),
        fc.constantFrom(...VOCAB),
        async (docs, removed, w) => {
          const index = build(docs)
          for (const r of removed) index.removeDocument(`d${r}`)
          if (index.hasDocument('d0')) index.addEntry('d0', KIND_NOTE, 0, 3, `${w} note`, 'note-1')
          const plans: Plan[] = [
            { groups: [[word(w)]], exclude: [] },
            { groups: [[{ kind: 'prefix', text: w.slice(0, 2) }]], exclude: [word('the')] },
            { groups: [[{ kind: 'phrase', words: [w, 'the'] }]], exclude: [] }
          ]
          const before = plans.map((p) => answer(index, p))
          const copy = await InvertedIndex.deserialize(await index.serialize())
          expect(plans.map((p) => answer(copy, p))).toEqual(before)
          index.vacuum()
          expect(plans.map((p) => answer(index, p))).toEqual(before)
          expect(index.deadEntries).toBe(0)
        }
      ),
      { numRuns: 100 }
    )
  })

  it('excludes entries with an excluded word, also through the title', () => {
    const index = build([
      { title: ['storm'], entries: [['port', 'ship']] },
      {
        title: ['harbour'],
        entries: [
          ['port', 'crane'],
          ['port', 'ship']
        ]
      }
    ])
    expect(
      answer(index, { groups: [[word('port')]], exclude: [word('storm')] }).map((a) => a[0])
    ).toEqual(['d1', 'd1'])
    expect(
      answer(index, { groups: [[word('port')]], exclude: [word('ship')] }).map((a) => a[1])
    ).toEqual([0])
  })

  it('finds misspellings and prefixes, the word itself ranked first', () => {
    const index = build([
      { title: ['x'], entries: [['harbour']] },
      { title: ['x'], entries: [['harbours']] },
      { title: ['x'], entries: [['cranes']] }
    ])
    const misspelt = index.expand({ kind: 'word', text: 'harbor', fuzzy: true })
    expect(misspelt.map((e) => e.word)).toEqual(['harbour'])
    const prefix = answer(index, { groups: [[{ kind: 'prefix', text: 'harbour' }]], exclude: [] })
    expect(prefix.map((a) => a[0])).toEqual(['d0', 'd1'])
  })

  it('expands a prefix to its most frequent words, within a budget of words and entries', () => {
    const index = new InvertedIndex({ prefixWords: 5, prefixPostings: 100, candidates: 1e9 })
    index.addDocument('d', 'title')
    const words = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, '0')}`)
    // s00 is in the most entries (40), s39 in the fewest (1).
    words.forEach((w, i) => {
      for (let k = 0; k < 40 - i; k++) index.addEntry('d', KIND_TEXT, 0, 1, w)
    })
    const expand = (text: string): string[] =>
      index.expand({ kind: 'prefix', text }).map((e) => e.word)
    // 40 + 39 entries fit in the budget of 100; a third word (38 more) would not.
    expect(expand('s')).toEqual(['s00', 's01'])
    // Few entries: the word budget applies.
    expect(expand('s3')).toEqual(['s30', 's31', 's32', 's33', 's34'])
    // The word itself always counts, whatever its size.
    expect(expand('s00')).toEqual(['s00'])
  })

  it('matches groups of alternatives (words, or phrases whose words are all in the text), rarest first or not', () => {
    const termArb = fc.oneof(
      fc.constantFrom(...VOCAB).map((w) => ({ kind: 'word' as const, text: w, fuzzy: false })),
      fc
        .array(fc.constantFrom(...VOCAB), { minLength: 2, maxLength: 3 })
        .map((words) => ({ kind: 'phrase' as const, words }))
    )
    fc.assert(
      fc.property(
        fc.array(docArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(termArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
        (docs, groups) => {
          const index = build(docs)
          const got = answer(index, { groups, exclude: [] })
            .map(([doc, start]) => `${doc}@${start}`)
            .sort()
          const expected: string[] = []
          docs.forEach((d, i) => {
            let at = 0
            for (const words of d.entries) {
              const has = (t: (typeof groups)[number][number]): boolean =>
                t.kind === 'phrase'
                  ? t.words.every((w) => words.includes(w))
                  : words.includes(t.text) || d.title.includes(t.text)
              if (groups.every((g) => g.some(has))) expected.push(`d${i}@${at}`)
              at += words.join(' ').length + 1
            }
          })
          expect(got).toEqual(expected.sort())
        }
      )
    )
  })

  it('finds a rare word with common ones by looking up its few entries in their long lists', () => {
    const index = new InvertedIndex()
    index.addDocument('d', 'report')
    const rare = new Set([17, 118, 199])
    for (let e = 0; e < 200; e++)
      index.addEntry(
        'd',
        KIND_TEXT,
        e * 20,
        e * 20 + 19,
        rare.has(e) ? 'storm of the port' : 'the port of call'
      )
    const starts = (plan: Plan): number[] =>
      answer(index, plan)
        .map(([, start]) => start)
        .sort((a, b) => a - b)
    const expected = [...rare].map((e) => e * 20)
    expect(starts({ groups: [[word('the')], [word('storm')], [word('of')]], exclude: [] })).toEqual(
      expected
    )
    expect(
      starts({ groups: [[{ kind: 'phrase', words: ['the', 'port', 'storm'] }]], exclude: [] })
    ).toEqual(expected)
    expect(
      starts({
        groups: [[word('port')], [{ kind: 'phrase', words: ['storm', 'of'] }]],
        exclude: []
      })
    ).toEqual(expected)
  })

  it('answers a query found in more entries than the cap from the newest entries, and says so', () => {
    const index = new InvertedIndex({ prefixWords: 48, prefixPostings: 1e6, candidates: 30 })
    for (let d = 0; d < 20; d++) {
      index.addDocument(`d${d}`, 'report')
      for (let e = 0; e < 5; e++)
        index.addEntry(`d${d}`, KIND_TEXT, e * 10, e * 10 + 9, e === 0 ? 'the storm' : 'the port')
    }
    const common = index.search({ groups: [[word('the')]], exclude: [] })
    expect(common.capped).toBe(true)
    expect(common.count).toBe(30)
    // The newest 30 entries: those of the last six documents.
    const docs = new Set(
      Array.from(common.ids.subarray(0, common.count), (id) => index.info(id).doc)
    )
    expect([...docs].sort()).toEqual(['d14', 'd15', 'd16', 'd17', 'd18', 'd19'])
    // With a rarer word, every match is found.
    const rare = index.search({ groups: [[word('the')], [word('storm')]], exclude: [] })
    expect(rare.capped).toBe(false)
    expect(rare.count).toBe(20)
  })

  it('refuses a damaged snapshot', async () => {
    const index = build([{ title: ['port'], entries: [['port', 'ship', 'storm']] }])
    const bytes = await index.serialize()
    await expect(InvertedIndex.deserialize(bytes.subarray(0, bytes.length - 2))).rejects.toThrow(
      /truncated/
    )
  })
})
