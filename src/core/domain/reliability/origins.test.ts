import { describe, expect, it } from 'vitest'
import type { DerivationLink, LinkStatus } from '../../../shared/reliability'
import { origins } from './origins'

let n = 0
const link = (from: string, to: string, status: LinkStatus = 'confirmed'): DerivationLink => ({
  id: `l${++n}`,
  from,
  to: to.startsWith('@') ? { kind: 'source', name: to.slice(1) } : { kind: 'document', docId: to },
  status,
  evidence: []
})
const docs = (...ids: string[]) => ids.map((id) => ({ id }))
const groups = (r: ReturnType<typeof origins>) => r.origins.map((o) => o.documents.join(''))

describe('origins', () => {
  const cases: { name: string; docs: string[]; links: DerivationLink[]; expect: string[] }[] = [
    {
      name: 'no links: each document is its own origin',
      docs: ['a', 'b', 'c'],
      links: [],
      expect: ['a', 'b', 'c']
    },
    {
      name: 'a confirmed link joins',
      docs: ['a', 'b', 'c'],
      links: [link('b', 'a')],
      expect: ['ab', 'c']
    },
    {
      name: 'a chain joins transitively',
      docs: ['a', 'b', 'c', 'd'],
      links: [link('b', 'a'), link('c', 'b')],
      expect: ['abc', 'd']
    },
    {
      name: 'a cycle is one origin',
      docs: ['a', 'b', 'c'],
      links: [link('a', 'b'), link('b', 'c'), link('c', 'a')],
      expect: ['abc']
    },
    {
      name: 'a rejected link never joins',
      docs: ['a', 'b'],
      links: [link('b', 'a', 'rejected')],
      expect: ['a', 'b']
    },
    {
      name: 'a proposed link does not join by default',
      docs: ['a', 'b'],
      links: [link('b', 'a', 'proposed')],
      expect: ['a', 'b']
    },
    {
      name: 'documents linked to one un-imported source are one origin',
      docs: ['a', 'b', 'c'],
      links: [link('a', '@U.S. Department of State'), link('c', '@u.s. department of  state')],
      expect: ['ac', 'b']
    },
    {
      name: 'different un-imported sources stay apart',
      docs: ['a', 'b'],
      links: [link('a', '@Ministry of Ports'), link('b', '@Harbour Gazette')],
      expect: ['a', 'b']
    },
    {
      name: 'a rejected link to a source never joins',
      docs: ['a', 'b'],
      links: [link('a', '@Ministry of Ports'), link('b', '@Ministry of Ports', 'rejected')],
      expect: ['a', 'b']
    },
    {
      name: 'a source and a chain meet',
      docs: ['a', 'b', 'c', 'd'],
      links: [link('a', '@Wire'), link('b', 'c'), link('c', '@Wire')],
      expect: ['abc', 'd']
    },
    {
      name: 'links to removed documents are ignored',
      docs: ['a', 'b'],
      links: [link('a', 'zz'), link('zz', 'b')],
      expect: ['a', 'b']
    }
  ]
  it.each(cases)('$name', ({ docs: ids, links, expect: want }) => {
    expect(groups(origins(docs(...ids), links))).toEqual(want)
  })

  it('joins along proposed links when asked, never along rejected ones', () => {
    const links = [link('b', 'a', 'proposed'), link('c', 'a', 'rejected')]
    expect(groups(origins(docs('a', 'b', 'c'), links, { includeProposed: true }))).toEqual([
      'ab',
      'c'
    ])
  })

  it('names the sources of an origin: its documents’ and the un-imported ones', () => {
    const r = origins(
      [{ id: 'a', source: 'Harbour Gazette' }, { id: 'b', source: 'Coast Wire' }, { id: 'c' }],
      [link('a', '@Ministry of Ports'), link('b', 'a')]
    )
    expect(r.origins).toEqual([
      {
        id: 'a',
        documents: ['a', 'b'],
        sources: ['Coast Wire', 'Harbour Gazette', 'Ministry of Ports']
      },
      { id: 'c', documents: ['c'], sources: [] }
    ])
    expect(r.originOf.get('b')).toBe('a')
  })

  it('uses an alias resolver for un-imported sources', () => {
    const alias = (name: string) => (/state\.gov|state department/i.test(name) ? 'dos' : name)
    const r = origins(docs('a', 'b'), [link('a', '@state.gov'), link('b', '@State Department')], {
      sourceKey: alias
    })
    expect(groups(r)).toEqual(['ab'])
  })
})

describe('a source never imported, and documents of that source', () => {
  it('joins a document that derives from it with the documents whose source goes by that name', () => {
    const links: DerivationLink[] = [
      {
        id: 'l1',
        from: 'para',
        to: { kind: 'source', name: 'state.gov' },
        status: 'confirmed',
        evidence: []
      }
    ]
    const docs = [
      { id: 'para', source: 'Wire', sourceNames: ['Wire'] },
      {
        id: 'release',
        source: 'U.S. Department of State',
        sourceNames: ['U.S. Department of State', 'state.gov']
      },
      { id: 'other', source: 'Herald', sourceNames: ['Herald'] }
    ]
    const { originOf } = origins(docs, links)
    expect(originOf.get('para')).toBe(originOf.get('release'))
    expect(originOf.get('other')).not.toBe(originOf.get('release'))
  })
})
