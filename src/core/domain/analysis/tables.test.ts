import { describe, expect, it } from 'vitest'
import { cooccurrence } from './cooccurrence'
import { ann, doc, TAGS } from './fixture'
import { codeMatrix } from './matrix'
import { cooccurrenceCsv, cooccurrenceMarkdown, matrixCsv, matrixMarkdown } from './tables'

const hostile = {
  documents: [
    { ...doc('d1', null, null), title: '=HYPERLINK("http://x","y")' },
    { ...doc('d2', null, null), title: 'A | B [link](http://x) <b>' }
  ],
  annotations: [
    ann('h1', 'd1', 0, 5, ['l', 'm']),
    ann('h2', 'd2', 0, 5, ['f']),
    ann('h3', 'd2', 6, 9, ['s'])
  ],
  tags: TAGS
}

describe('the analysis tables', () => {
  it('writes the matrix as CSV: formulas guarded, separators quoted, totals last', () => {
    const lines = matrixCsv(codeMatrix(hostile))
      .replace(/^\uFEFF/, '')
      .split('\r\n')
    expect(lines).toEqual([
      `tag,depth,"'=HYPERLINK(""http://x"",""y"")",A | B [link](http://x) <b>,total`,
      'Actors,0,1,1,2',
      'Actors/Lazarus,1,1,0,1',
      'Actors/State,1,0,1,1',
      'Claims,0,0,1,1',
      'Claims/Figures,1,0,1,1',
      'Motive,0,1,0,1',
      '(passages),,1,2,3',
      ''
    ])
    expect(matrixCsv(codeMatrix(hostile), { own: true }).split('\r\n')[1]).toBe('Actors,0,0,0,0')
  })

  it('writes the matrix as a Markdown table in which source text stays text', () => {
    expect(matrixMarkdown(codeMatrix(hostile))).toBe(
      [
        '| Tag | \\=HYPERLINK("http\\://x","y") | A \\| B \\[link\\](http\\://x) \\<b\\> | Total |',
        '| :-- | --: | --: | --: |',
        '| Actors | 1 | 1 | 2 |',
        '| \u00a0\u00a0Lazarus | 1 | 0 | 1 |',
        '| \u00a0\u00a0State | 0 | 1 | 1 |',
        '| Claims | 0 | 1 | 1 |',
        '| \u00a0\u00a0Figures | 0 | 1 | 1 |',
        '| Motive | 1 | 0 | 1 |',
        '| *Passages* | 1 | 2 | 3 |',
        ''
      ].join('\n')
    )
  })

  it('writes co-occurrence as pairs of paths in CSV and as a square Markdown table', () => {
    const c = cooccurrence(hostile, { scope: 'highlight' })
    expect(cooccurrenceCsv(c)).toBe('\uFEFFa,b,count\r\nActors/Lazarus,Motive,1\r\n')
    expect(cooccurrenceMarkdown(c)).toBe(
      [
        '| Tag | Actors/Lazarus | Motive |',
        '| :-- | --: | --: |',
        '| Actors/Lazarus |   | 1 |',
        '| Motive | 1 |   |',
        ''
      ].join('\n')
    )
  })
})
