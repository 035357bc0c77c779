import { describe, expect, it } from 'vitest'
import type { StatedDate } from '../../../shared/analysis'
import { extractDates, referenceOf } from './dates'
import { ann, doc, TAGS } from './fixture'
import { timeline, timelineByTag } from './timeline'

// Published on Wednesday 13 March 2024.
const PUBLISHED = '2024-03-13'

describe('dates stated in a passage, read relative to the publication date', () => {
  const cases: { text: string; published?: string | null; expected: Partial<StatedDate>[] }[] = [
    {
      text: 'The delegations met on Monday in Seoul.',
      expected: [{ text: 'on Monday', start: 20, end: 29, date: '2024-03-11', precision: 'day' }]
    },
    {
      text: 'Talks began last week, officials said.',
      expected: [{ text: 'last week', start: 12, end: 21, date: '2024-03-06', precision: 'day' }]
    },
    {
      text: 'The statement was signed on 3 March.',
      expected: [{ text: 'on 3 March', date: '2024-03-03', precision: 'day' }]
    },
    {
      // No year: the nearest 20 December is the one before publication.
      text: 'The first transfer came on 20 December.',
      expected: [{ text: 'on 20 December', date: '2023-12-20', precision: 'day' }]
    },
    {
      text: 'The group was first named in 2019.',
      expected: [{ text: 'in 2019', start: 26, end: 33, date: '2019-01-01', precision: 'year' }]
    },
    {
      text: 'Sanctions followed in March 2020.',
      expected: [{ text: 'March 2020', date: '2020-03-01', precision: 'month' }]
    },
    {
      text: 'They met on 5 May 2021 and again yesterday.',
      expected: [
        { text: 'on 5 May 2021', start: 9, end: 22, date: '2021-05-05', precision: 'day' },
        { text: 'yesterday', date: '2024-03-12', precision: 'day' }
      ]
    },
    { text: 'No date is stated in this sentence at all.', expected: [] },
    { text: 'Version 2.0 of the plan cost 15 million, to be paid at 3pm.', expected: [] },
    {
      // Without a publication date, only what names its own year.
      text: 'Signed on 3 March, then again on 5 May 2021 and last week.',
      published: null,
      expected: [{ text: 'on 5 May 2021', date: '2021-05-05', precision: 'day' }]
    },
    {
      text: 'Known since 2019.',
      published: null,
      expected: [{ text: 'since 2019', date: '2019-01-01', precision: 'year' }]
    }
  ]

  it.each(cases)('$text', ({ text, published, expected }) => {
    const found = extractDates(text, published === undefined ? PUBLISHED : published)
    expect(found).toHaveLength(expected.length)
    found.forEach((d, i) => {
      expect(d).toMatchObject(expected[i])
      // The offsets point at the words read, so the UI can mark them.
      expect(text.slice(d.start, d.end)).toBe(d.text)
    })
  })

  it('takes a publication date of any precision as its reference, and refuses a malformed one', () => {
    expect(referenceOf('2024-03-13T08:00:00Z')?.toISOString()).toBe('2024-03-13T12:00:00.000Z')
    expect(referenceOf('2024')?.toISOString()).toBe('2024-01-01T12:00:00.000Z')
    expect(referenceOf('March')).toBeNull()
    expect(extractDates('on Monday', 'unknown')).toEqual([])
  })
})

describe('the timeline', () => {
  const documents = [doc('d1', PUBLISHED, null), doc('d2', '2023-07', null), doc('d3', null, null)]
  const annotations = [
    ann('p1', 'd1', 0, 10, ['l'], 'Talks began last week.'),
    ann('p2', 'd1', 20, 30, ['s'], 'The minister spoke.'),
    ann('p3', 'd2', 0, 10, ['l', 'm'], 'Named in 2019, again on 5 May 2021.'),
    ann('p4', 'd3', 0, 10, ['f'], 'Nothing to date it.'),
    ann('p5', 'd3', 20, 30, ['f'], 'Signed on 3 March.')
  ]
  const input = { documents, annotations, tags: TAGS }

  it('dates each passage by a correction, then a stated date, then the publication date', () => {
    const t = timeline(input, {
      corrections: [{ annotationId: 'p5', date: '2022-03-03', precision: 'day' }]
    })
    expect(t.marks.map((m) => [m.annotationId, m.date, m.precision, m.basis])).toEqual([
      ['p3', '2019-01-01', 'year', 'stated'],
      ['p5', '2022-03-03', 'day', 'corrected'],
      ['p1', '2024-03-06', 'day', 'stated'],
      ['p2', '2024-03-13', 'day', 'published']
    ])
    // p4 states no date and d3 has no publication date.
    expect(t.undated).toEqual(['p4'])
    // Every date found is offered, so the analyst can choose another.
    expect(t.marks[0].candidates.map((c) => c.text)).toEqual(['in 2019', 'on 5 May 2021'])
    expect(t.marks[0].stated?.text).toBe('in 2019')
  })

  it('groups the marks by tag, with sub-tags rolled up on request', () => {
    const t = timeline(input)
    const lanes = (rollUp: boolean): string[] =>
      timelineByTag(t, input, { rollUp }).map(
        (l) => `${l.tag.path}: ${l.marks.map((m) => m.annotationId).join(' ')}`
      )
    expect(lanes(false)).toEqual(['Actors/Lazarus: p3 p1', 'Actors/State: p2', 'Motive: p3'])
    expect(lanes(true)).toEqual([
      'Actors: p3 p1 p2',
      'Actors/Lazarus: p3 p1',
      'Actors/State: p2',
      'Motive: p3'
    ])
  })

  it('takes a cached reader of stated dates', () => {
    let calls = 0
    timeline(input, {
      statedOf: () => {
        calls++
        return []
      }
    })
    expect(calls).toBe(5)
  })
})
