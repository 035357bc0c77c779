import { describe, expect, it } from 'vitest'
import type { ReliabilityFile } from '../../../../shared/reliability-schemas'
import { applySnapshot } from '../../../features/reliability/snapshot'
import { recordsFromReliability, reliabilityPatch } from './reliability-records'

const T = '2025-04-01T10:00:00.000Z'
const graded = <V>(value: V, rationale: string) => ({
  current: { value, rationale, setBy: 'ana', setAt: T },
  history: [{ value, rationale: 'first look', setBy: 'ana', setAt: '2025-03-01T10:00:00.000Z' }]
})
const none = () => ({ current: null, history: [] })

function sample(): ReliabilityFile {
  return {
    schemaVersion: 2,
    sources: [
      {
        id: 's1',
        name: 'Averly Gazette',
        aliases: ['gazette.example'],
        kind: 'news-outlet',
        notes: 'Local daily.\nOwned by the port company.',
        reliability: graded('C', 'Mixed record')
      }
    ],
    documents: {
      d1: {
        sourceId: 's1',
        reliabilityOverride: none(),
        credibility: graded(2, 'Photos'),
        flags: [{ kind: 'no-named-source', evidence: [] }]
      },
      d2: { sourceId: null, reliabilityOverride: none(), credibility: none(), flags: [] },
      d3: { sourceId: null, reliabilityOverride: none(), credibility: none(), flags: [] }
    },
    highlights: { 'd1.1': { credibility: graded(3, 'One witness') } },
    links: [
      {
        id: 'l1',
        from: 'd2',
        to: { kind: 'document', docId: 'd1' },
        status: 'confirmed',
        evidence: [{ kind: 'shared-passages', passages: 3, words: 120 }],
        decidedBy: 'ana',
        decidedAt: T
      },
      {
        id: 'l2',
        from: 'd1',
        to: { kind: 'document', docId: 'd3' },
        status: 'proposed',
        evidence: []
      },
      {
        id: 'l3',
        from: 'd1',
        to: { kind: 'source', name: 'Reuters' },
        status: 'proposed',
        evidence: [{ kind: 'declared-source', line: 'Source: Reuters', start: 4, end: 19 }]
      }
    ],
    claims: [{ id: 'c1', a: 'd1.1', b: 'd2.1', setBy: 'ana', setAt: T }]
  }
}

const empty = (): ReliabilityFile => ({
  schemaVersion: 2,
  sources: [],
  documents: {},
  highlights: {},
  links: [],
  claims: []
})

// A bundle of d1 and d2 (d3 is not in it), with one highlight in each.
const scope = {
  carried: new Set(['d1', 'd2']),
  named: new Set(['d1', 'd2']),
  annotations: new Map([
    ['d1.1', 'd1'],
    ['d2.1', 'd2']
  ]),
  modified: T
}

describe('sources, grades and links as a bundle carries them', () => {
  it('come back whole in an empty workspace, with their histories; a link to a document left behind stays behind', () => {
    const file = sample()
    const records = recordsFromReliability(file, scope)
    expect(records.links.map((l) => l.id).sort()).toEqual(['c1', 'l1', 'l3'])
    const skipped: string[] = []
    const patch = reliabilityPatch(empty(), {}, records, skipped)
    expect(skipped).toEqual([])
    const out = empty()
    applySnapshot(out, patch!)
    expect(out.sources).toEqual(file.sources)
    expect(out.documents).toEqual({ d1: file.documents.d1, d2: file.documents.d2 })
    expect(out.highlights).toEqual(file.highlights)
    expect(out.links.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      file.links[0],
      file.links[2]
    ])
    expect(out.claims).toEqual(file.claims)
    // Written over the same file, nothing changes.
    expect(reliabilityPatch(file, records, records, [])).toBeNull()
  })

  it('leaves out a record that is not in our format and names it; clears a source that is not there', () => {
    const records = recordsFromReliability(sample(), scope)
    records.sources[0].fields.reliability = '{"current": {"value": "Z"}}'
    const skipped: string[] = []
    const patch = reliabilityPatch(empty(), {}, records, skipped)
    expect(skipped).toEqual([
      'A source from the bundle (“s1”) was left out: it is not in our format.'
    ])
    expect(patch?.sources).toEqual({})
    expect(patch?.documents.d1?.sourceId).toBeNull()
    expect(patch?.documents.d1?.credibility.current?.value).toBe(2)
  })

  it('takes out what the merge took out, but never a document’s record', () => {
    const file = sample()
    const local = recordsFromReliability(file, scope)
    const merged = {
      sources: local.sources,
      grades: local.grades.filter((g) => g.fields.subject !== 'highlight' && g.docIds[0] !== 'd2'),
      links: local.links.filter((l) => l.id !== 'l1')
    }
    const patch = reliabilityPatch(file, local, merged, [])
    expect(patch?.highlights).toEqual({ 'd1.1': null })
    expect(patch?.links).toEqual({ l1: null })
    expect(patch?.documents).toEqual({})
  })
})
