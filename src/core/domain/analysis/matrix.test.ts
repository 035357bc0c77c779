import { describe, expect, it } from 'vitest'
import type { CodeMatrix } from '../../../shared/analysis'
import { DOCS, GRADES, WORKSPACE, ann } from './fixture'
import { allOf, dateRange, valueIn } from './input'
import {
  codeMatrix,
  frequencies,
  groupColumns,
  matrixPassages,
  sourceColumns,
  type MatrixOptions
} from './matrix'

/** The matrix as lines "path: counts (own)", for tables written by hand. */
const lines = (m: CodeMatrix): string[] =>
  m.rows.map(
    (r, i) => `${'  '.repeat(r.depth)}${r.path}: ${m.counts[i].join(' ')} (${m.own[i].join(' ')})`
  )

const gradeOf = (a: { id: string }): string | null => GRADES[a.id] ?? null

describe('the code matrix', () => {
  const cases: { name: string; options: MatrixOptions; cols: string[]; expected: string[] }[] = [
    {
      name: 'tags × documents, sub-tags rolled up (own counts in brackets)',
      options: {},
      cols: ['Document d1', 'Document d2', 'Document d3'],
      expected: [
        // Actors: h1 h2 h3 | h6 | h8 h10; only h3 carries Actors itself.
        'Actors: 3 1 2 (1 0 0)',
        '  Actors/Lazarus: 2 1 0 (2 1 0)',
        '  Actors/State: 1 0 2 (1 0 2)',
        // Claims: h4 | h5 h7 | h10 (its own).
        'Claims: 1 2 1 (0 0 1)',
        '  Claims/Figures: 1 2 0 (1 2 0)',
        'Motive: 1 2 0 (1 2 0)'
      ]
    },
    {
      name: 'tags × sources (columns as they occur, by label)',
      options: { columns: sourceColumns() },
      cols: ['(no source)', 'Reuters'],
      expected: [
        'Actors: 2 4 (0 1)',
        '  Actors/Lazarus: 0 3 (0 3)',
        '  Actors/State: 2 1 (2 1)',
        'Claims: 1 3 (1 0)',
        '  Claims/Figures: 0 3 (0 3)',
        'Motive: 0 3 (0 3)'
      ]
    },
    {
      name: 'tags × grades, ungraded passages in a column of their own',
      options: { columns: groupColumns((a) => gradeOf(a) ?? 'ungraded') },
      cols: ['A1', 'B2', 'C3', 'ungraded'],
      expected: [
        'Actors: 1 2 0 3 (0 1 0 0)',
        '  Actors/Lazarus: 1 2 0 0 (1 2 0 0)',
        '  Actors/State: 0 0 0 3 (0 0 0 3)',
        'Claims: 0 0 1 3 (0 0 0 1)',
        '  Claims/Figures: 0 0 1 2 (0 0 1 2)',
        'Motive: 0 1 1 1 (0 1 1 1)'
      ]
    },
    {
      name: 'published from February 2024 on (d2 is older, d3 undated)',
      options: { include: dateRange({ from: '2024-02-01' }) },
      cols: ['Document d1', 'Document d2', 'Document d3'],
      expected: [
        'Actors: 3 0 0 (1 0 0)',
        '  Actors/Lazarus: 2 0 0 (2 0 0)',
        '  Actors/State: 1 0 0 (1 0 0)',
        'Claims: 1 0 0 (0 0 0)',
        '  Claims/Figures: 1 0 0 (1 0 0)',
        'Motive: 1 0 0 (1 0 0)'
      ]
    },
    {
      name: 'graded B2 or C3, up to the end of March 2024',
      options: {
        include: allOf(valueIn(['B2', 'C3'], gradeOf), dateRange({ to: '2024-03-31' }))
      },
      cols: ['Document d1', 'Document d2', 'Document d3'],
      expected: [
        'Actors: 2 0 0 (1 0 0)',
        '  Actors/Lazarus: 2 0 0 (2 0 0)',
        '  Actors/State: 0 0 0 (0 0 0)',
        'Claims: 0 1 0 (0 0 0)',
        '  Claims/Figures: 0 1 0 (0 1 0)',
        'Motive: 1 1 0 (1 1 0)'
      ]
    }
  ]

  it.each(cases)('$name', ({ options, cols, expected }) => {
    const m = codeMatrix(WORKSPACE, options)
    expect(m.cols.map((c) => c.label)).toEqual(cols)
    expect(lines(m)).toEqual(expected)
  })

  it('keeps the columns with the most passages, in their order, and counts those left out', () => {
    const m = codeMatrix(WORKSPACE, { maxColumns: 2 })
    // d3 has the fewest passages (h8, h10, and h9 untagged).
    expect(m.cols.map((c) => c.label)).toEqual(['Document d1', 'Document d2'])
    expect(m.hiddenColumns).toBe(1)
    expect(lines(m)).toEqual([
      'Actors: 3 1 (1 0)',
      '  Actors/Lazarus: 2 1 (2 1)',
      '  Actors/State: 1 0 (1 0)',
      'Claims: 1 2 (0 0)',
      '  Claims/Figures: 1 2 (1 2)',
      'Motive: 1 2 (1 2)'
    ])
    expect(codeMatrix(WORKSPACE, { maxColumns: 3 }).hiddenColumns).toBeUndefined()
  })

  it('counts a row total over every column, shown or left out', () => {
    const all = codeMatrix(WORKSPACE).rows.map((r) => [r.path, r.total, r.ownTotal])
    expect(
      codeMatrix(WORKSPACE, { maxColumns: 1 }).rows.map((r) => [r.path, r.total, r.ownTotal])
    ).toEqual(all)
  })

  it('ranks columns by tagged passages: untagged ones do not keep a column on screen', () => {
    const input = {
      ...WORKSPACE,
      annotations: [
        ann('u1', 'd1', 0, 5, []),
        ann('u2', 'd1', 10, 15, ['no-such-tag']),
        ann('u3', 'd1', 20, 25, []),
        ann('t1', 'd2', 0, 5, ['m'])
      ]
    }
    const m = codeMatrix(input, { maxColumns: 1 })
    expect(m.cols.map((c) => c.id)).toEqual(['d2'])
    expect(m.hiddenColumns).toBe(2)
  })

  it('gives row and column totals: a passage with a tag and its sub-tag counts once', () => {
    const m = codeMatrix(WORKSPACE)
    expect(m.rows.map((r) => [r.path, r.total, r.ownTotal])).toEqual([
      ['Actors', 6, 1],
      ['Actors/Lazarus', 3, 3],
      ['Actors/State', 3, 3],
      ['Claims', 4, 1],
      ['Claims/Figures', 3, 3],
      ['Motive', 3, 3]
    ])
    // Tagged passages per document: h9 is untagged.
    expect(m.columnTotals).toEqual([4, 3, 2])
    expect(m.rows[1]).toMatchObject({ tagId: 'l', depth: 1, color: '#l00000' })
  })

  it("opens a cell's passages, with or without its sub-tags", () => {
    const ids = (ps: { annotation: { id: string } }[]): string[] => ps.map((p) => p.annotation.id)
    expect(ids(matrixPassages(WORKSPACE, { tagId: 'a', columnId: 'd1' }))).toEqual([
      'h1',
      'h2',
      'h3'
    ])
    expect(ids(matrixPassages(WORKSPACE, { tagId: 'a', columnId: 'd1', rollUp: false }))).toEqual([
      'h3'
    ])
    expect(ids(matrixPassages(WORKSPACE, { tagId: 'c' }))).toEqual(['h4', 'h5', 'h7', 'h10'])
    expect(matrixPassages(WORKSPACE, { tagId: 'f', columnId: 'd2' })[0].docTitle).toBe(
      'Document d2'
    )
    expect(matrixPassages(WORKSPACE, { tagId: 'nope' })).toEqual([])
    expect(matrixPassages(WORKSPACE, { tagId: 'a', columnId: 'nope' })).toEqual([])
    const sources = { columns: sourceColumns() }
    expect(ids(matrixPassages(WORKSPACE, { tagId: 's', columnId: '' }, sources))).toEqual([
      'h8',
      'h10'
    ])
  })

  it('keeps a listed column with no passages, and adds one for a passage of an unlisted document', () => {
    const m = codeMatrix(
      { ...WORKSPACE, documents: [...DOCS.slice(0, 2), { ...DOCS[0], id: 'd4', title: 'Empty' }] },
      {}
    )
    expect(m.cols).toEqual([
      { id: 'd1', label: 'Document d1' },
      { id: 'd2', label: 'Document d2' },
      { id: 'd4', label: 'Empty' },
      { id: 'd3', label: 'd3' }
    ])
    expect(m.columnTotals).toEqual([4, 3, 0, 2])
  })

  it('gives frequencies per tag, with the columns that have passages', () => {
    const f = frequencies(codeMatrix(WORKSPACE, { columns: sourceColumns() }))
    expect(f.map((t) => [t.path, t.total, t.own])).toEqual([
      ['Actors', 6, 1],
      ['Actors/Lazarus', 3, 3],
      ['Actors/State', 3, 3],
      ['Claims', 4, 1],
      ['Claims/Figures', 3, 3],
      ['Motive', 3, 3]
    ])
    expect(f[1].byColumn).toEqual([{ id: 'Reuters', label: 'Reuters', count: 3 }])
  })
})
