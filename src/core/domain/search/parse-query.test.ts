import { describe, expect, it } from 'vitest'
import { parseQuery, type ParsedQuery } from './parse-query'

const none: ParsedQuery['filters'] = {
  tags: [],
  docs: [],
  titles: [],
  after: null,
  before: null,
  grades: []
}
const w = (text: string) => ({ kind: 'word' as const, text })

describe('parseQuery', () => {
  it.each<[string, string, Partial<ParsedQuery>]>([
    [
      'words: all must match',
      'port cyberattack',
      { groups: [[w('port')], [w('cyberattack')]], warnings: [] }
    ],
    ['case and diacritics are folded', 'Dvořák CAFÉ', { groups: [[w('dvorak')], [w('cafe')]] }],
    [
      'an exact phrase',
      '"safety systems" port',
      { groups: [[{ kind: 'phrase', words: ['safety', 'systems'] }], [w('port')]] }
    ],
    [
      'curly quotes work too',
      '“foreign government”',
      { groups: [[{ kind: 'phrase', words: ['foreign', 'government'] }]] }
    ],
    ['a prefix', 'ransom*', { groups: [[{ kind: 'prefix', text: 'ransom' }]] }],
    [
      'OR joins its neighbours',
      'bitcoin OR crypto ransom',
      { groups: [[w('bitcoin'), w('crypto')], [w('ransom')]] }
    ],
    [
      'lower-case "or" is a word',
      'this or that',
      { groups: [[w('this')], [w('or')], [w('that')]] }
    ],
    [
      'excludes',
      'attack -blog -"foreign state"',
      {
        groups: [[w('attack')]],
        exclude: [w('blog'), { kind: 'phrase', words: ['foreign', 'state'] }]
      }
    ],
    [
      'a hyphen inside a word is not an exclusion',
      'U.S.-led',
      { groups: [[{ kind: 'phrase', words: ['u', 's', 'led'] }]] }
    ],
    [
      'filters',
      'port tag:Attribution/Official doc:ab12 title:Averly after:2025-03-01 before:2025-03-31',
      {
        groups: [[w('port')]],
        filters: {
          tags: ['Attribution/Official'],
          docs: ['ab12'],
          titles: ['averly'],
          after: '2025-03-01',
          before: '2025-03-31',
          grades: []
        }
      }
    ],
    [
      'grade filters',
      'pier reliability:A-B cred:1-3 ungraded',
      {
        groups: [[w('pier')]],
        filters: {
          ...none,
          grades: [
            { kind: 'reliability', min: 'A', max: 'B' },
            { kind: 'credibility', min: 1, max: 3 },
            { kind: 'ungraded' }
          ]
        }
      }
    ],
    [
      'a grade filter that cannot be read is left out, and says why',
      'pier reliability:Z',
      {
        groups: [[w('pier')]],
        filters: none,
        warnings: [
          'reliability: takes a letter from A to F or a range such as A-B, not “Z”. It was left out.'
        ]
      }
    ],
    [
      'a quoted filter value',
      'tag:"Local press"',
      { groups: [], filters: { ...none, tags: ['Local press'] } }
    ],
    [
      'an unknown "filter" is text: its words, in order',
      'note:this',
      { groups: [[{ kind: 'phrase', words: ['note', 'this'] }]], warnings: [] }
    ]
  ])('%s', (_, query, expected) => {
    const parsed = parseQuery(query)
    for (const [k, v] of Object.entries(expected)) expect(parsed[k as keyof ParsedQuery]).toEqual(v)
  })

  it.each<[string, string, string[], Partial<ParsedQuery>]>([
    [
      'an unclosed quote',
      '"foreign government',
      ['The closing quote is missing: the rest of the query was searched as one phrase.'],
      { groups: [[{ kind: 'phrase', words: ['foreign', 'government'] }]] }
    ],
    [
      'a filter with no value',
      'port tag:',
      ['tag: needs a value, for example tag:Attribution. It was left out.'],
      { groups: [[w('port')]], filters: none }
    ],
    [
      'a bad date',
      'after:March',
      ['after:March is not a date as YYYY-MM-DD. It was left out.'],
      { filters: none }
    ],
    [
      'an impossible date',
      'before:2025-02-30',
      ['before:2025-02-30 is not a date as YYYY-MM-DD. It was left out.'],
      {}
    ],
    ['a dangling OR', 'port OR', ['OR needs a word on each side.'], { groups: [[w('port')]] }],
    ['a leading OR', 'OR port', ['OR needs a word on each side.'], { groups: [[w('port')]] }],
    [
      'only exclusions',
      '-blog',
      ['Add a word to search for: a query cannot only exclude.'],
      { groups: [] }
    ],
    ['only punctuation', '*** ""', [], { groups: [], exclude: [] }],
    ['a lone minus', 'port -', [], { groups: [[w('port')]] }]
  ])('malformed: %s gives a message and a best effort', (_, query, warnings, expected) => {
    const parsed = parseQuery(query)
    expect(parsed.warnings).toEqual(warnings)
    for (const [k, v] of Object.entries(expected)) expect(parsed[k as keyof ParsedQuery]).toEqual(v)
  })
})
