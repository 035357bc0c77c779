import { describe, expect, it } from 'vitest'
import type { AchEvidence, HighlightEvidence } from '../../../shared/analysis'
import { analysis, HEUER, row } from './ach-fixture'
import { achCsv, achMarkdown } from './ach-report'
import { scoreAnalysis } from './ach-score'

describe('the ACH report', () => {
  it("writes Heuer's example with the matrix, ranking, sensitivity and evidence", () => {
    const md = achMarkdown({ analysis: HEUER, result: scoreAnalysis(HEUER) })
    const lines = md.split('\n')
    expect(lines.slice(0, 4)).toEqual([
      '# Iraqi retaliation',
      '',
      '**Question:** Will Iraq retaliate for US bombing of its intelligence headquarters?',
      ''
    ])
    expect(md).toContain(
      [
        '| Evidence | Kind | Relevance | Cred. | Weight | Diag. | H1 | H2 | H3 |',
        '| :-- | :-- | :-- | --: | --: | --: | --: | --: | --: |',
        '| E1 Saddam public statement of intent not to retaliate. | item | medium | – | 1 | 0 | C | C | C |',
        '| E2 Absence of terrorist offensive during the 1991 Gulf War. | absence of evidence | medium | – | 1 | 2 | C | C | I |'
      ].join('\n')
    )
    expect(md).toContain(
      '| E6 Assumption that failure to retaliate would be unacceptable loss of face for Saddam. | assumption | medium | – | 1 | 3 | II | C | C |'
    )
    expect(md).toContain('| **Weighted inconsistency** |  |  |  |  |  | -4 | 0 | -2 |')
    expect(md).toContain('Most diagnostic first: E6, E2, E3, E4, E5, E1.')
    expect(md).toContain(
      [
        '1. **H2** It will sponsor some minor terrorist actions.: 0 (nothing against it)',
        '2. **H3** Iraq is planning a major terrorist attack, perhaps against one or more CIA installations.: -2 (2 I, 0 II)',
        '3. **H1** Iraq will not retaliate.: -4 (2 I, 1 II)'
      ].join('\n')
    )
    expect(md).toContain('No single row or origin changes the lead of H2.')
    expect(md).toContain('### E3 · assumption · relevance medium')
    expect(md.endsWith('\n')).toBe(true)
  })

  const ids = ['H1', 'H2']
  const passage: HighlightEvidence = {
    ...row('E1', 'II C', ids),
    kind: 'highlight',
    annotationId: 'a1',
    docId: 'd1',
    text: '# Breaking\n[click](http://x) <img src=x>',
    credibility: { value: 3, rationale: 'only | one source' }
  }
  passage.cells.H1.rationale = 'contradicts *it*'
  const a = analysis(
    [
      ['H1', 'A | B'],
      ['H2', 'Other']
    ],
    [passage, row('E2', 'C I', ids, { kind: 'assumption', text: '=1+1' }), row('E3', 'C I', ids)],
    { title: '<script>', question: '' }
  )
  const originOf = (r: AchEvidence): string | null => (r.id === 'E1' ? 'O' : null)
  const result = scoreAnalysis(a, { originOf })
  const input = {
    analysis: a,
    result,
    originLabel: () => 'State Dept [release]',
    citeOf: () => ({ docTitle: 'Doc *one*', start: 10, end: 30, grade: 'B3' })
  }

  it('keeps every text inert, cites passages with their grade, and states the sensitivity', () => {
    const md = achMarkdown(input)
    expect(md.startsWith('# \\<script\\>\n')).toBe(true)
    expect(md).toContain('1. **H1** A \\| B')
    expect(md).toContain('> \\# Breaking\n> \\[click\\](http\\://x) \\<img src=x\\>')
    expect(md).toContain('— *Doc \\*one\\**, characters 10–30 · \\[B3\\]')
    expect(md).toContain('Credibility set to 3 by the analyst: only \\| one source')
    expect(md).toContain('Origin: State Dept \\[release\\]')
    expect(md).toContain('- H1 II: contradicts \\*it\\*')
    // H1 −2, H2 −2: tied; removing E1 (or its origin) or either of E2, E3 breaks the tie.
    expect(md).toContain('1. **H1** A \\| B: -2 (0 I, 1 II) — tied')
    expect(md).toContain('- Without E1, H1 would lead instead of H1, H2.')
    expect(md).toContain('- Without E2, H2 would lead instead of H1, H2.')
    expect(md).toContain(
      '- Without the origin State Dept \\[release\\] (E1), H1 would lead instead of H1, H2.'
    )
  })

  it('writes every cell to CSV, formulas guarded', () => {
    const lines = achCsv(input)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
    expect(lines[0]).toBe(
      'evidence,evidence_id,kind,text,document,start,end,grade,relevance,credibility,weight,hypothesis,hypothesis_id,hypothesis_text,rating,rationale,score'
    )
    expect(lines).toHaveLength(1 + 3 * 2 + 1)
    expect(lines[1]).toBe(
      'E1,E1,highlight,"# Breaking\n[click](http://x) <img src=x>",Doc *one*,10,30,B3,medium,3,1,H1,H1,A | B,II,contradicts *it*,-2'
    )
    expect(lines[3]).toBe("E2,E2,assumption,'=1+1,,,,,medium,,1,H1,H1,A | B,C,,0")
    expect(lines[4]).toBe("E2,E2,assumption,'=1+1,,,,,medium,,1,H2,H2,Other,I,,-1")
  })
})
