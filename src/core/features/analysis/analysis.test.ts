import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../../test-support/cli'
import { useTempDirs } from '../../../test-support/temp-dir'
import { importText, openTestWorkbench, run } from '../../../test-support/workbench'

const tempDir = useTempDirs()

/** Three reports on one made-up event, each with two paragraphs. */
const LEDGER = `Pier fire

A fire broke out at pier four on 2 March, the harbour master said.

The navy sent two boats. Officials blamed a faulty crane.`
const WIRE = `Blaze at the harbour

The navy said the fire started in a crane cabin.

Dock workers said the fire was set on purpose.`
const BLOG = `What really happened

Nobody official has said who lit the fire.`

/** A workspace: three documents, a codebook with a sub-tag, six highlights. */
async function workspace(dir?: string) {
  const wb = await openTestWorkbench(dir ?? (await tempDir()), { userName: 'mara' })
  const docs = {
    ledger: (await importText(wb, 'ledger.txt', LEDGER)).id,
    wire: (await importText(wb, 'wire.txt', WIRE)).id,
    blog: (await importText(wb, 'blog.txt', BLOG)).id
  }
  await wb.updateDocumentDetails(docs.ledger, { published: '2026-03-04' })
  await wb.updateDocumentDetails(docs.wire, { published: '2026-03-05' })
  const claims = (await wb.createTag({ path: 'Claims' })).value.id
  const navy = (await wb.createTag({ path: 'Actors/Navy' })).value.id
  const actors = (await wb.listTags()).find((t) => t.path === 'Actors')!.id
  const cause = (await wb.createTag({ path: 'Cause' })).value.id
  const mark = async (docId: string, text: string, phrase: string, tags: string[], note = '') => {
    const start = text.indexOf(phrase)
    if (start < 0) throw new Error(`no “${phrase}”`)
    return (await wb.createAnnotation({ docId, start, end: start + phrase.length, tags, note }))
      .value.id
  }
  const h = {
    fire: await mark(docs.ledger, LEDGER, 'A fire broke out at pier four on 2 March', [claims]),
    boats: await mark(docs.ledger, LEDGER, 'The navy sent two boats', [navy, claims]),
    crane: await mark(docs.ledger, LEDGER, 'blamed a faulty crane', [cause], 'the official line'),
    cabin: await mark(docs.wire, WIRE, 'The navy said the fire started', [navy]),
    cabin2: await mark(docs.wire, WIRE, 'fire started in a crane cabin', [cause]),
    purpose: await mark(docs.wire, WIRE, 'the fire was set on purpose', [claims, cause])
  }
  return { wb, docs, tags: { claims, navy, actors, cause }, h }
}

const rowOf = (m: { rows: { tagId: string }[] }, tagId: string) =>
  m.rows.findIndex((r) => r.tagId === tagId)

describe('the code matrix', () => {
  it('counts passages per tag and document, a parent counting its sub-tags once', async () => {
    const { wb, docs, tags } = await workspace()
    const m = await wb.codeMatrix({ cols: 'documents' })
    expect(m.rows.map((r) => r.path)).toEqual(['Actors', 'Actors/Navy', 'Cause', 'Claims'])
    expect(m.cols.map((c) => c.id)).toEqual([docs.ledger, docs.wire, docs.blog])
    expect(m.counts[rowOf(m, tags.claims)]).toEqual([2, 1, 0])
    expect(m.counts[rowOf(m, tags.navy)]).toEqual([1, 1, 0])
    expect(m.counts[rowOf(m, tags.actors)]).toEqual([1, 1, 0])
    expect(m.counts[rowOf(m, tags.cause)]).toEqual([1, 2, 0])
  })

  it('asked for fewer columns, keeps the busiest and says how many it left out', async () => {
    const { wb, docs, tags } = await workspace()
    const m = await wb.codeMatrix({ cols: 'documents', maxCols: 2 })
    expect(m.cols.map((c) => c.id)).toEqual([docs.ledger, docs.wire])
    expect(m.hiddenColumns).toBe(1)
    expect(m.counts[rowOf(m, tags.cause)]).toEqual([1, 2])
  })

  it('opens a cell as its passages, with document, note and badge', async () => {
    const { wb, docs, tags, h } = await workspace()
    const src = (await wb.setDocumentSource(docs.ledger, 'Harbour Ledger')).value.source!
    await wb.gradeSource(src.id, 'B', 'right so far')
    await wb.gradeHighlight(h.crane, 3, 'one official')
    const cell = await wb.matrixPassages({
      cols: 'documents',
      tagId: tags.cause,
      colId: docs.ledger
    })
    expect(cell).toEqual([
      expect.objectContaining({
        annotationId: h.crane,
        docTitle: 'Pier fire',
        quote: 'blamed a faulty crane',
        note: 'the official line',
        badge: 'B3'
      })
    ])
    expect((await wb.matrixPassages({ cols: 'documents', tagId: tags.actors })).length).toBe(2)
  })

  it('puts sources, grades and origins in the columns', async () => {
    const { wb, docs, tags, h } = await workspace()
    const ledger = (await wb.setDocumentSource(docs.ledger, 'Harbour Ledger')).value.source!
    await wb.setDocumentSource(docs.wire, 'Coastal Wire')
    await wb.gradeSource(ledger.id, 'B', 'right so far')
    await wb.gradeHighlight(h.fire, 2, 'two witnesses')
    const bySource = await wb.codeMatrix({ cols: 'sources' })
    // Only sources with passages are columns (the blog has none).
    expect(bySource.cols.map((c) => c.label)).toEqual(['Coastal Wire', 'Harbour Ledger'])
    const byGrade = await wb.codeMatrix({ cols: 'grades' })
    expect(byGrade.cols.map((c) => c.label)).toEqual(['–', 'B–', 'B2'])
    expect(byGrade.counts[rowOf(byGrade, tags.claims)]).toEqual([1, 1, 1])
    // The wire derives from the ledger: one origin of two documents.
    await wb.setLink(docs.wire, { kind: 'document', docId: docs.ledger }, 'confirmed')
    const byOrigin = await wb.codeMatrix({ cols: 'origins' })
    expect(byOrigin.cols).toHaveLength(1)
    expect(byOrigin.cols[0].label).toMatch(/\(2 documents\)$/)
    expect(byOrigin.counts[rowOf(byOrigin, tags.claims)]).toEqual([3])
  })

  it('filters by grade and by date range, and says what is wrong with a filter', async () => {
    const { wb, docs, tags, h } = await workspace()
    const src = (await wb.setDocumentSource(docs.wire, 'Coastal Wire')).value.source!
    await wb.gradeSource(src.id, 'E', 'wrong before')
    const reliable = await wb.codeMatrix({ cols: 'documents', grades: 'reliability:A-C' })
    expect(reliable.counts[rowOf(reliable, tags.claims)]).toEqual([0, 0, 0])
    const ungraded = await wb.codeMatrix({ cols: 'documents', grades: 'ungraded' })
    expect(ungraded.counts[rowOf(ungraded, tags.claims)]).toEqual([2, 0, 0])
    // By date: the fire passage states 2 March; the rest take their publication day.
    const early = await wb.codeMatrix({ cols: 'documents', to: '2026-03-02' })
    expect(early.counts[rowOf(early, tags.claims)]).toEqual([1, 0, 0])
    await wb.setPassageDate(h.fire, { date: '2026-03-10', precision: 'day' })
    const later = await wb.codeMatrix({ cols: 'documents', from: '2026-03-05' })
    expect(later.counts[rowOf(later, tags.claims)]).toEqual([1, 1, 0])
    await expect(wb.codeMatrix({ cols: 'documents', grades: 'reliability:Q' })).rejects.toThrow(
      /reliability: takes a letter from A to F/
    )
    await expect(
      wb.codeMatrix({ cols: 'documents', from: '2026-03-09', to: '2026-03-01' })
    ).rejects.toThrow('The date range ends (2026-03-01) before it starts (2026-03-09).')
  })

  it('exports the table as CSV and Markdown', async () => {
    const { wb } = await workspace()
    const csv = await wb.analysisTable({ kind: 'matrix', cols: 'documents' }, 'csv')
    expect(csv.split(/\r?\n/)[0]).toContain('Pier fire')
    expect(csv.split(/\r?\n/)).toContain('Claims,0,2,1,0,3')
    const md = await wb.analysisTable({ kind: 'matrix', cols: 'documents' }, 'markdown')
    expect(md).toMatch(/\| Pier fire \|/)
  })
})

describe('co-occurrence', () => {
  it('counts two tags on one highlight, on overlapping ones, and in one paragraph', async () => {
    const { wb, tags } = await workspace()
    const count = async (scope: 'highlight' | 'overlap' | 'paragraph', a: string, b: string) =>
      (await wb.cooccurrence({ scope })).pairs.find(
        (p) => (p.a === a && p.b === b) || (p.a === b && p.b === a)
      )?.count ?? 0
    expect(await count('highlight', tags.navy, tags.claims)).toBe(1)
    expect(await count('highlight', tags.navy, tags.cause)).toBe(0)
    // "The navy said the fire started" overlaps "fire started in a crane cabin".
    expect(await count('overlap', tags.navy, tags.cause)).toBe(1)
    // …and in the ledger, the navy's boats and the crane share a paragraph.
    expect(await count('paragraph', tags.navy, tags.cause)).toBe(2)
    const units = await wb.cooccurrencePassages({ scope: 'paragraph', a: tags.navy, b: tags.cause })
    expect(units.map((u) => u.docTitle)).toEqual(['Pier fire', 'Blaze at the harbour'])
    expect(units[0].passages.map((p) => p.quote)).toEqual([
      'The navy sent two boats',
      'blamed a faulty crane'
    ])
    const md = await wb.analysisTable({ kind: 'cooccurrence', scope: 'overlap' }, 'markdown')
    expect(md).toContain('Actors/Navy')
  })
})

describe('frequencies and the timeline', () => {
  it('counts passages per tag and per document or source', async () => {
    const { wb, tags } = await workspace()
    const f = await wb.tagFrequencies({ by: 'documents' })
    const claims = f.find((t) => t.tagId === tags.claims)!
    expect(claims.total).toBe(3)
    expect(claims.byColumn.map((c) => [c.label, c.count])).toEqual([
      ['Pier fire', 2],
      ['Blaze at the harbour', 1]
    ])
  })

  it('dates passages by a date they state, else by publication; a set date wins and undoes', async () => {
    const { wb, h } = await workspace()
    const t = await wb.timeline({})
    const fire = t.marks.find((m) => m.annotationId === h.fire)!
    expect(fire).toMatchObject({ date: '2026-03-02', basis: 'stated', docTitle: 'Pier fire' })
    expect(fire.stated?.text).toBe('on 2 March')
    expect(t.marks.find((m) => m.annotationId === h.cabin)).toMatchObject({
      date: '2026-03-05',
      basis: 'published'
    })
    expect(t.marks.map((m) => m.date)).toEqual([...t.marks.map((m) => m.date)].sort())
    const set = await wb.setPassageDate(h.fire, { date: '2026-03-01', precision: 'day' })
    const fixed = (await wb.timeline({})).marks.find((m) => m.annotationId === h.fire)!
    expect(fixed).toMatchObject({ date: '2026-03-01', basis: 'corrected' })
    await run(wb, set.undo)
    expect((await wb.timeline({})).marks.find((m) => m.annotationId === h.fire)?.basis).toBe(
      'stated'
    )
    await expect(wb.setPassageDate('nope', null)).rejects.toThrow('No highlight with id nope.')
  })
})

describe('analyses of competing hypotheses', () => {
  it('scores hypotheses from rated passages and free items, every change undoable', async () => {
    const { wb, docs, h } = await workspace()
    const src = (await wb.setDocumentSource(docs.ledger, 'Harbour Ledger')).value.source!
    await wb.gradeSource(src.id, 'B', 'right so far')
    await wb.gradeHighlight(h.crane, 2, 'the port authority confirmed it')
    const created = await wb.createAnalysis({ title: 'Pier fire', question: 'Why did it burn?' })
    const id = created.value.id
    const accident = (await wb.addHypothesis(id, 'An accident')).value.hypotheses[0].id
    const arson = (await wb.addHypothesis(id, 'Arson')).value.hypotheses[1].id
    const crane = (await wb.addEvidence(id, { annotationId: h.crane, relevance: 'high' })).value
      .evidence[0]
    const purpose = (await wb.addEvidence(id, { annotationId: h.purpose })).value.evidence[1]
    const quiet = (
      await wb.addEvidence(id, { kind: 'absence', text: 'No claim of responsibility' })
    ).value.evidence[2]
    expect(crane).toMatchObject({ kind: 'highlight', text: 'blamed a faulty crane' })
    await expect(wb.addEvidence(id, { annotationId: h.crane })).rejects.toThrow(
      'That passage is already evidence E1 of this analysis.'
    )
    const rate = (e: string, hyp: string, rating: 'CC' | 'C' | 'N' | 'I' | 'II' | 'NA') =>
      wb.changeAnalysis(id, { type: 'rate', evidenceId: e, hypothesisId: hyp, cell: { rating } })
    await rate(crane.id, accident, 'C')
    await rate(crane.id, arson, 'II')
    await rate(purpose.id, accident, 'I')
    await rate(purpose.id, arson, 'C')
    const last = await rate(quiet.id, arson, 'I')

    const v = await wb.getAnalysis(id, {})
    // The crane row: high relevance, credibility 2 from its grade (high) → weight 2; II = −2.
    expect(v.gradeCredibility[crane.id]).toBe(2)
    const score = Object.fromEntries(v.result.scores.map((s) => [s.hypothesisId, s.weighted]))
    expect(score[arson]).toBeCloseTo(-2 * 2 - 1, 6)
    expect(score[accident]).toBeCloseTo(-1, 6)
    expect(v.result.ranking).toEqual([accident, arson])
    expect(v.result.diagnosticOrder[0]).toBe(crane.id)
    expect(v.sources[crane.id]).toMatchObject({ docTitle: 'Pier fire', badge: 'B2' })
    // Without the crane row, arson would no longer trail: the lead is sensitive to it.
    expect(v.result.sensitivity.rows.map((r) => r.evidenceId)).toContain(crane.id)

    // Undo the last rating, then the analysis itself.
    await run(wb, last.undo)
    const after = await wb.getAnalysis(id, {})
    expect(after.analysis.evidence[2].cells[arson]).toBeUndefined()
    const redo = await run(wb, created.undo)
    expect(await wb.listAnalyses()).toEqual([])
    await run(wb, redo)
    expect((await wb.listAnalyses()).map((a) => a.title)).toEqual(['Pier fire'])
  })

  it('folds rows of one origin into one, and names the origin in the report', async () => {
    const { wb, docs, h } = await workspace()
    await wb.setLink(docs.wire, { kind: 'document', docId: docs.ledger }, 'confirmed')
    const id = (await wb.createAnalysis({ title: 'Cause' })).value.id
    const accident = (await wb.addHypothesis(id, 'Accident')).value.hypotheses[0].id
    const arson = (await wb.addHypothesis(id, 'Arson')).value.hypotheses[1].id
    const a1 = (await wb.addEvidence(id, { annotationId: h.crane })).value.evidence[0].id
    const a2 = (await wb.addEvidence(id, { annotationId: h.cabin2 })).value.evidence[1].id
    for (const e of [a1, a2])
      await wb.changeAnalysis(id, {
        type: 'rate',
        evidenceId: e,
        hypothesisId: arson,
        cell: { rating: 'I' }
      })
    await wb.changeAnalysis(id, {
      type: 'rate',
      evidenceId: a1,
      hypothesisId: accident,
      cell: { rating: 'C' }
    })
    const plain = await wb.getAnalysis(id, {})
    expect(plain.result.rows.find((r) => r.evidenceId === a1)?.sameOrigin).toEqual([a2])
    expect(plain.sources[a1].originLabel).toMatch(/2 documents/)
    const arsonScore = (v: typeof plain) =>
      v.result.scores.find((s) => s.hypothesisId === arson)!.unweighted
    expect(arsonScore(plain)).toBe(-2)
    const folded = await wb.getAnalysis(id, { foldOrigins: true })
    expect(folded.result.foldedOrigins).toBe(true)
    expect(arsonScore(folded)).toBe(-1)
    const md = await wb.analysisReport(id, 'markdown', { foldOrigins: true })
    expect(md).toContain('Rows of one origin were counted once.')
    expect(md).toContain('Pier fire')
    const csv = await wb.analysisReport(id, 'csv', {})
    expect(csv.trim().split(/\r?\n/).length).toBeGreaterThan(4)
  })

  it('is in the full backup, and a restore brings it back with the dates set', async () => {
    const { wb, h } = await workspace()
    const id = (await wb.createAnalysis({ title: 'Cause' })).value.id
    await wb.addHypothesis(id, 'Accident')
    await wb.addEvidence(id, { annotationId: h.crane })
    await wb.setPassageDate(h.fire, { date: '2026-02-28', precision: 'day' })
    const backup = await wb.exportWorkspace({ format: 'json' })
    await wb.close()
    const fresh = await openTestWorkbench(await tempDir())
    await fresh.restoreBackup({
      name: 'backup.json',
      data: new TextEncoder().encode(backup.content)
    })
    const back = await fresh.getAnalysis(id, {})
    expect(back.analysis.hypotheses.map((x) => x.text)).toEqual(['Accident'])
    expect(back.sources[back.analysis.evidence[0].id].docTitle).toBe('Pier fire')
    expect((await fresh.timeline({})).marks.find((m) => m.annotationId === h.fire)?.date).toBe(
      '2026-02-28'
    )
    await fresh.close()
  })

  it('keeps analyses in analyses.json, and says when an analysis or a row is unknown', async () => {
    const dir = await tempDir()
    const { wb } = await workspace(dir)
    const id = (await wb.createAnalysis({ title: '  Cause ' })).value.id
    await expect(wb.createAnalysis({ title: ' ' })).rejects.toThrow('An analysis needs a title.')
    await expect(wb.getAnalysis('ach-none', {})).rejects.toThrow(
      'No analysis of competing hypotheses with id ach-none.'
    )
    await expect(wb.changeAnalysis(id, { type: 'removeEvidence', id: 'e9' })).rejects.toThrow(
      'No evidence "e9" in this analysis.'
    )
    await wb.close()
    const file = JSON.parse(await readFile(join(dir, 'analyses.json'), 'utf8'))
    expect(file.analyses.map((a: { title: string }) => a.title)).toEqual(['Cause'])
  })
})

describe('the CLI', () => {
  it('prints the matrix and co-occurrence as JSON, and runs an analysis end to end', async () => {
    const dir = await tempDir()
    const { wb, h } = await workspace(dir)
    await wb.close()
    const w = ['--workspace', dir]
    const matrix = await cli(...w, 'matrix', '--cols', 'documents', '--json')
    expect(matrix.code).toBe(0)
    const m = JSON.parse(matrix.out)
    expect(m.rows[0]).toEqual({ tag: expect.any(String), path: 'Actors' })
    expect(m.cols.map((c: { label: string }) => c.label)).toEqual([
      'Pier fire',
      'Blaze at the harbour',
      'What really happened'
    ])
    expect(m.counts[3]).toEqual([2, 1, 0])
    const co = JSON.parse((await cli(...w, 'cooccurrence', '--scope', 'overlap', '--json')).out)
    expect(co).toContainEqual({ a: 'Actors/Navy', b: 'Cause', count: 1 })
    expect((await cli(...w, 'matrix', '--grades', 'reliability:Z')).err).toMatch(
      /^workbench: reliability: takes a letter/
    )

    const id = (await cli(...w, 'ach', 'create', 'Cause', '--question', 'Why?')).out.trim()
    expect((await cli(...w, 'ach', 'hypothesis', id, 'Accident')).out).toMatch(/^H1 /)
    await cli(...w, 'ach', 'hypothesis', id, 'Arson')
    expect(
      (await cli(...w, 'ach', 'evidence', id, '--annotation', h.crane, '--relevance', 'H')).out
    ).toMatch(/^E1 /)
    await cli(
      ...w,
      'ach',
      'evidence',
      id,
      '--text',
      'No claim of responsibility',
      '--kind',
      'absence'
    )
    expect((await cli(...w, 'ach', 'evidence', id)).err).toContain(
      'Give either --annotation ID or --text T.'
    )
    expect((await cli(...w, 'ach', 'rate', id, 'E1', 'H2', 'II')).code).toBe(0)
    expect((await cli(...w, 'ach', 'rate', id, 'E2', 'H2', 'i')).code).toBe(0)
    expect((await cli(...w, 'ach', 'rate', id, 'E9', 'H2', 'I')).err).toContain('No evidence “E9”')
    expect((await cli(...w, 'ach', 'rate', id, 'E1', 'H1', 'maybe')).err).toContain(
      'A rating is one of CC, C, N, I, II, NA (or none), not “maybe”.'
    )
    const shown = JSON.parse((await cli(...w, 'ach', 'show', id, '--json')).out)
    expect(shown.hypotheses.map((x: { text: string }) => x.text)).toEqual(['Accident', 'Arson'])
    expect(shown.ranking[0]).toBe(shown.hypotheses[0].id)
    const text = (await cli(...w, 'ach', 'show', id)).out
    expect(text).toContain('Hypotheses, least inconsistent first:')
    const out = join(dir, 'report.md')
    expect((await cli(...w, 'ach', 'export', id, '-o', out)).out).toBe(`wrote ${out}\n`)
    expect(await readFile(out, 'utf8')).toContain('| E1 blamed a faulty crane')
  })
})
