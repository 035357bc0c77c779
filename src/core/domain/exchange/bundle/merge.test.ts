import { describe, expect, it } from 'vitest'
import { baseCase, sha256 } from '../../../../test-support/case-sample'
import type { CaseState } from './format'
import { mergeCase } from './merge'

const T = (s: number): string =>
  new Date(Date.parse('2025-03-02T09:00:00.000Z') + s * 1000).toISOString()
const merge = (local: CaseState, incoming: CaseState, base: CaseState | null = baseCase()) =>
  mergeCase({
    local: { workspaceId: 'laptop-a', state: local },
    incoming: { workspaceId: 'laptop-b', state: incoming },
    base
  })

const edit = (s: CaseState, f: (s: CaseState) => void): CaseState => {
  const c = structuredClone(s)
  f(c)
  return c
}
const ann = (s: CaseState, id: string) => s.annotations.find((a) => a.id === id)!
const set = <R extends { modified: string; times?: Record<string, string | undefined> }>(
  r: R,
  field: string,
  at: number,
  apply: (r: R) => void
): void => {
  apply(r)
  r.modified = T(at)
  r.times = { ...r.times, [field]: T(at) }
}

describe('merging a bundle into a workspace', () => {
  it('takes the later change when both laptops changed the same field, and keeps the other in the report', () => {
    const a = edit(baseCase(), (s) =>
      set(ann(s, 'd0a1b2c3d4.1'), 'color', 1, (x) => (x.color = 'green'))
    )
    const b = edit(baseCase(), (s) =>
      set(ann(s, 'd0a1b2c3d4.1'), 'color', 2, (x) => (x.color = 'pink'))
    )
    const { state, report } = merge(a, b)
    expect(ann(state, 'd0a1b2c3d4.1').color).toBe('pink')
    expect(report.conflicts).toEqual([
      {
        kind: 'annotation',
        id: 'd0a1b2c3d4.1',
        field: 'color',
        kept: { value: 'pink', time: T(2), label: 'laptop-b' },
        other: { value: 'green', time: T(1), label: 'laptop-a' }
      }
    ])
  })

  it('keeps both laptops’ changes to different highlights and different fields', () => {
    const a = edit(baseCase(), (s) =>
      set(ann(s, 'd0a1b2c3d4.1'), 'color', 1, (x) => (x.color = 'green'))
    )
    const b = edit(baseCase(), (s) => {
      set(ann(s, 'd0a1b2c3d4.2'), 'note', 2, (x) => (x.note = 'Which group?'))
      set(ann(s, 'd0a1b2c3d4.1'), 'note', 3, (x) => (x.note += '\nAnd the rail link.'))
    })
    const { state, report } = merge(a, b)
    expect(ann(state, 'd0a1b2c3d4.1')).toMatchObject({
      color: 'green',
      note: 'Cranes first.\nThen the gates.\nAnd the rail link.'
    })
    expect(ann(state, 'd0a1b2c3d4.2').note).toBe('Which group?')
    expect(report.conflicts).toEqual([])
    expect(report.changes).toEqual([
      { kind: 'annotation', id: 'd0a1b2c3d4.1', change: 'updated' },
      { kind: 'annotation', id: 'd0a1b2c3d4.2', change: 'updated' }
    ])
  })

  it('marks a note where both laptops rewrote the same line, and merges lines edited apart', () => {
    const a = edit(baseCase(), (s) =>
      set(s.documents[0], 'note', 1, (d) => (d.note = 'Line one.\nLine TWO (a).\nLine three.'))
    )
    const b = edit(baseCase(), (s) =>
      set(s.documents[0], 'note', 2, (d) => (d.note = 'Line 1.\nLine two (b).\nLine three.'))
    )
    const { state, report } = merge(a, b)
    expect(state.documents[0].note).toBe(
      [
        '<<<<<<< laptop-b',
        'Line 1.',
        'Line two (b).',
        '=======',
        'Line one.',
        'Line TWO (a).',
        '>>>>>>> laptop-a',
        'Line three.'
      ].join('\n')
    )
    expect(report.marked).toEqual([{ kind: 'document', id: 'd0a1b2c3d4', field: 'note' }])
    // Lines apart (not next to each other: diff3 takes touching changes as one) are both kept.
    const a2 = edit(baseCase(), (s) =>
      set(s.documents[0], 'note', 1, (d) => (d.note = 'Line ONE.\nLine two.\nLine three.'))
    )
    const c = edit(baseCase(), (s) =>
      set(s.documents[0], 'note', 2, (d) => (d.note = 'Line one.\nLine two.\nLine 3!'))
    )
    expect(merge(a2, c).state.documents[0].note).toBe('Line ONE.\nLine two.\nLine 3!')
  })

  it('combines tags added on both laptops, and removes a tag one laptop took off', () => {
    const a = edit(baseCase(), (s) =>
      set(ann(s, 'd2a1b2c3d4.1'), 'tags', 1, (x) => (x.tags = ['tclaims', 'tactors', 'timpact']))
    )
    const b = edit(baseCase(), (s) =>
      set(ann(s, 'd2a1b2c3d4.1'), 'tags', 2, (x) => (x.tags = ['tactors', 'tgroup']))
    )
    expect(ann(merge(a, b).state, 'd2a1b2c3d4.1').tags).toEqual(['tactors', 'tgroup', 'timpact'])
  })

  it('deletes what one laptop deleted and the other left alone, and keeps what the other edited', () => {
    const a = edit(baseCase(), (s) => {
      s.annotations = s.annotations.filter(
        (x) => x.id !== 'd0a1b2c3d4.2' && x.id !== 'd1a1b2c3d4.1'
      )
    })
    const b = edit(baseCase(), (s) =>
      set(ann(s, 'd1a1b2c3d4.1'), 'note', 2, (x) => (x.note = 'Checked: true.'))
    )
    const { state, report } = merge(a, b)
    expect(state.annotations.map((x) => x.id)).toEqual([
      'd0a1b2c3d4.1',
      'd2a1b2c3d4.1',
      'd1a1b2c3d4.1'
    ])
    expect(report.changes).toEqual([{ kind: 'annotation', id: 'd1a1b2c3d4.1', change: 'restored' }])
    const back = merge(b, a, baseCase())
    expect(back.report.changes).toEqual([
      { kind: 'annotation', id: 'd0a1b2c3d4.2', change: 'deleted' },
      { kind: 'annotation', id: 'd1a1b2c3d4.1', change: 'kept' }
    ])
  })

  it('matches a document by its text whatever its id, and a tag by its path, and a highlight by place and quote', () => {
    const base = baseCase()
    const b = edit(base, (s) => {
      const d = s.documents[1]
      s.annotations = s.annotations.map((x) =>
        x.docId === d.id ? { ...x, docId: 'e9e9e9e9e9', id: x.id.replace(d.id, 'e9e9e9e9e9') } : x
      )
      for (const m of s.memos) m.docIds = m.docIds.map((x) => (x === d.id ? 'e9e9e9e9e9' : x))
      d.id = 'e9e9e9e9e9'
      s.tags.push({
        id: 'tb-motive',
        name: 'Motive',
        parent: 'tactors',
        color: '#000000',
        description: 'from b',
        modified: T(2)
      })
      set(s.annotations[2], 'tags', 2, (x) => x.tags.push('tb-motive'))
    })
    const a = edit(base, (s) => {
      s.tags.push({
        id: 'ta-motive',
        name: 'Motive',
        parent: 'tactors',
        color: '#111111',
        description: '',
        modified: T(1)
      })
    })
    const { state, report } = merge(a, b, null)
    expect(state.documents.map((d) => d.id)).toEqual(base.documents.map((d) => d.id))
    expect(state.tags.filter((t) => t.name === 'Motive')).toMatchObject([
      { id: 'ta-motive', color: '#000000' }
    ])
    expect(ann(state, 'd1a1b2c3d4.1').tags).toEqual(['tclaims', 'ta-motive'])
    expect(report.idMap.documents.get('e9e9e9e9e9')).toBe('d1a1b2c3d4')
    expect(report.newDocuments).toEqual([])
  })

  it('adds documents the workspace does not have, and says which texts to copy', () => {
    const text = 'A new wire report.'
    const b = edit(baseCase(), (s) =>
      s.documents.push({
        ...s.documents[0],
        id: 'f00f00f00f',
        textSha256: sha256(text),
        title: 'Wire',
        note: '',
        modified: T(1)
      })
    )
    const { report } = merge(baseCase(), b)
    expect(report.newDocuments).toEqual([{ bundleId: 'f00f00f00f', id: 'f00f00f00f' }])
    expect(report.changed).toBe(true)
  })

  it('reports nothing changed for a bundle that holds nothing new', () => {
    const { report } = merge(baseCase(), baseCase())
    expect(report.changed).toBe(false)
    expect(report.changes).toEqual([])
  })

  it('undoes the later of two moves that put tags under each other', () => {
    const a = edit(baseCase(), (s) =>
      set(
        s.tags.find((t) => t.id === 'timpact')!,
        'parent',
        1,
        (t) => (t.parent = 'tclaims')
      )
    )
    const b = edit(baseCase(), (s) =>
      set(
        s.tags.find((t) => t.id === 'tclaims')!,
        'parent',
        2,
        (t) => (t.parent = 'timpact')
      )
    )
    const { state, report } = merge(a, b)
    expect(state.tags.find((t) => t.id === 'tclaims')!.parent).toBeNull()
    expect(state.tags.find((t) => t.id === 'timpact')!.parent).toBe('tclaims')
    expect(report.repairs).toEqual([
      'The tag “Claims” was moved to the top level: the two laptops had moved tags under each other.'
    ])
  })
})
