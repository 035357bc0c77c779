import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../../test-support/temp-dir'
import { laptops as twoLaptops, range, state, tick, TEXTS } from '../../../test-support/laptops'
import { importText, run } from '../../../test-support/workbench'
import type { Workbench } from '../../workbench'

const tempDir = useTempDirs()

/** Sources, grades and links as a person sees them (documents and highlights by their text). */
async function grading(wb: Workbench) {
  const docs = await wb.listDocuments()
  const textOf = new Map(docs.map((d) => [d.id, d.textSha256.slice(0, 8)]))
  const quoteOf = new Map<string, string>()
  for (const d of docs)
    for (const a of await wb.listAnnotations(d.id)) quoteOf.set(a.id, a.quote.exact)
  const grade = (g: {
    current: { value: unknown; rationale: string } | null
    history: unknown[]
  }) =>
    g.current
      ? `${String(g.current.value)} (${g.current.rationale}; ${g.history.length} before)`
      : null
  const out = []
  for (const d of docs) {
    const r = await wb.getDocumentReliability(d.id)
    out.push({
      doc: textOf.get(d.id),
      source: r.source?.name ?? null,
      credibility: grade(r.record.credibility),
      highlights: Object.entries(r.highlightGrades)
        .map(([id, h]) => `${quoteOf.get(id)}: ${grade(h.credibility)}`)
        .sort(),
      links: (await wb.derivationsOf(d.id))
        .filter((l) => l.status !== 'proposed')
        .map(
          (l) =>
            `${textOf.get(l.from)} → ${l.to.kind === 'document' ? textOf.get(l.to.docId) : l.to.name}: ${l.status}`
        )
        .sort(),
      claims: Object.values(await wb.corroborationOf(d.id))
        .flatMap((c) => c.claims.map((id) => quoteOf.get(id)))
        .sort()
    })
  }
  return {
    sources: (await wb.listSources())
      .map(
        (s) => `${s.name} [${s.kind}] ${grade(s.reliability)}: ${s.documents.length} document(s)`
      )
      .sort(),
    documents: out.sort((a, b) => String(a.doc).localeCompare(String(b.doc)))
  }
}

const laptops = () => twoLaptops(tempDir)

describe('case bundles between two laptops', () => {
  it('gives B everything A sent', async () => {
    const { a, b } = await laptops()
    try {
      expect(await state(b)).toEqual(await state(a))
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('two workspaces diverging from one bundle, merged both ways, end the same; merging twice changes nothing', async () => {
    const { a, b, docs, h1, h2 } = await laptops()
    try {
      // A: a note line on h1, a new highlight, a new tag. B: h1's colour, h2 deleted, the doc note's last line, a new tag.
      await a.updateAnnotation(h1.id, { note: 'Which group?' })
      await a.createAnnotation({ docId: docs[1].id, ...range(TEXTS[1], 'Tuesday 𠀀') })
      await a.createTag({ path: 'Actors/State' })
      await a.setDocumentNote(docs[0].id, 'Line one (A).\nLine two.\nLine three.')
      const bh1 = (await b.listAnnotations(docs[0].id))[0]
      await b.updateAnnotation(bh1.id, { color: 'green' })
      const bh2 = (await b.listAnnotations(docs[1].id))[0]
      expect(bh2.quote.exact).toBe(h2.quote.exact)
      await b.deleteAnnotation(bh2.id)
      await b.createTag({ path: 'Places' })
      await b.setDocumentNote(docs[0].id, 'Line one.\nLine two.\nLine three (B).')

      const fromB = await b.exportBundle({})
      const intoA = await a.mergeBundle({ name: 'b.awb', data: fromB.data }, {})
      expect(intoA).toMatchObject({ changed: true, threeWay: true })
      const fromA = await a.exportBundle({})
      const intoB = await b.mergeBundle({ name: 'a.awb', data: fromA.data }, {})
      expect(intoB.threeWay).toBe(true)

      const sa = await state(a)
      expect(await state(b)).toEqual(sa)
      expect(sa.tags).toEqual(['Actors', 'Actors/State', 'Impact', 'Places'])
      expect(sa.docs.find((d) => d.title.startsWith('Averly') || d.note)?.note).toBe(
        'Line one (A).\nLine two.\nLine three (B).'
      )
      const all = sa.docs.flatMap((d) => d.highlights)
      expect(all.find((h) => h.quote === 'ransomware')).toMatchObject({
        color: 'green',
        note: 'Which group?'
      })
      expect(all.some((h) => h.quote === 'safety systems')).toBe(false)
      expect(all.some((h) => h.quote === 'Tuesday 𠀀')).toBe(true)

      // The same bundle again: nothing changes.
      const again = await b.mergeBundle({ name: 'a.awb', data: fromA.data }, {})
      expect(again).toMatchObject({ changed: false, mergeId: null })
      expect(await state(b)).toEqual(sa)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('a dry run changes nothing; undoing a merge puts the workspace back, redoing makes it again', async () => {
    const { a, b, docs } = await laptops()
    try {
      await a.createAnnotation({ docId: docs[1].id, ...range(TEXTS[1], 'Operations resumed') })
      await a.createTag({ path: 'Places' })
      const third = await importText(a, 'doc2.txt', 'A third document, new on laptop A.')
      await a.setDocumentNote(third.id, 'Only on A.')
      const bundle = await a.exportBundle({})
      const before = await state(b)
      const dry = await b.mergeBundle({ name: 'a.awb', data: bundle.data }, { dryRun: true })
      expect(dry).toMatchObject({ dryRun: true, changed: true, mergeId: null })
      expect(await state(b)).toEqual(before)

      const merged = await b.mergeBundle({ name: 'a.awb', data: bundle.data }, {})
      expect(merged.mergeId).toBeTruthy()
      const after = await state(b)
      expect(after).toEqual(await state(a))
      const undo = await b.undoMerge(merged.mergeId!)
      expect(undo.value).toMatchObject({ state: 'undone', documents: 1 })
      expect(await state(b)).toEqual(before)
      expect((await b.listDocuments()).length).toBe(2)
      const redo = await run(b, undo.undo)
      expect(await state(b)).toEqual(after)
      await run(b, redo)
      expect(await state(b)).toEqual(before)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('refuses a hostile bundle in one sentence naming the file, and changes nothing', async () => {
    const { a, b } = await laptops()
    try {
      const bundle = await a.exportBundle({})
      const before = await state(b)
      const z = await JSZip.loadAsync(bundle.data)
      const tampered = JSON.parse(await z.file('case.json')!.async('string'))
      tampered.memos[0].text = 'Altered on the way.'
      z.file('case.json', JSON.stringify(tampered))
      const altered = await z.generateAsync({ type: 'uint8array' })
      await expect(b.mergeBundle({ name: 'altered.awb', data: altered }, {})).rejects.toThrow(
        /^altered\.awb was not merged: .*checksum/
      )
      const climbing = new JSZip()
      climbing.file('manifest.json', '{}')
      climbing.file('../../outside.txt', 'x')
      await expect(
        b.mergeBundle(
          { name: 'climb.awb', data: await climbing.generateAsync({ type: 'uint8array' }) },
          {}
        )
      ).rejects.toThrow(/^climb\.awb was not merged: /)
      await expect(a.mergeBundle({ name: 'own.awb', data: bundle.data }, {})).rejects.toThrow(
        /^own\.awb was not merged: it was made by this workspace/
      )
      expect(await state(b)).toEqual(before)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('carries sources, grades and links: merged both ways they end the same, a conflict is reported, and an undo puts them back', async () => {
    const { a, b, docs, h1, h2 } = await laptops()
    try {
      const src = (await a.setDocumentSource(docs[0].id, 'Averly Harbour Times')).value.source!
      await a.gradeSource(src.id, 'B', 'A long record on port news')
      await a.gradeDocument(docs[0].id, { credibility: 2 }, 'Photos from the quay')
      await a.gradeHighlight(h1.id, 3, 'One witness only')
      await a.setLink(docs[1].id, { kind: 'document', docId: docs[0].id }, 'confirmed')
      await a.setSameClaim(h1.id, h2.id, true)
      const graded = await a.exportBundle({})
      const first = await b.mergeBundle({ name: 'graded.awb', data: graded.data }, {})
      expect(first.counts).toMatchObject({ 'source added': 1, 'link added': 2 })
      const sa = await grading(a)
      expect(sa.sources).toEqual([
        'Averly Harbour Times [unknown] B (A long record on port news; 0 before): 1 document(s)'
      ])
      // The link is listed with both its documents.
      expect(sa.documents.flatMap((d) => d.links)).toHaveLength(2)
      expect(sa.documents.flatMap((d) => d.claims)).toHaveLength(2)
      expect(await grading(b)).toEqual(sa)

      // Both regrade the source (B later: B wins, A's grade is reported); each changes something else.
      tick()
      const bSource = (await b.listSources())[0]
      expect(bSource.id).toBe(src.id)
      await a.gradeSource(src.id, 'C', 'Two corrections this year')
      await a.gradeDocument(docs[1].id, { credibility: 4 }, 'Unconfirmed statement')
      tick()
      await b.gradeSource(src.id, 'A', 'Checked over ten years')
      await b.gradeHighlight((await b.listAnnotations(docs[0].id))[0].id, null, 'Second witness')
      const beforeB = await grading(b)

      tick()
      const fromB = await b.exportBundle({})
      const intoA = await a.mergeBundle({ name: 'b.awb', data: fromB.data }, {})
      expect(intoA.conflicts).toContainEqual(
        expect.objectContaining({ kind: 'source', id: src.id, field: 'reliability' })
      )
      const fromA = await a.exportBundle({})
      const intoB = await b.mergeBundle({ name: 'a.awb', data: fromA.data }, {})
      const ga = await grading(a)
      expect(await grading(b)).toEqual(ga)
      expect(ga.sources[0]).toMatch(/ A \(Checked over ten years; 1 before\)/)
      const [d0, d1] = [docs[0], docs[1]].map((d) => d.textSha256.slice(0, 8))
      expect(ga.documents.find((d) => d.doc === d0)?.highlights).toEqual(['ransomware: null'])
      expect(ga.documents.find((d) => d.doc === d1)?.credibility).toMatch(/^4 /)

      // The same bundle again changes nothing; undoing B's merge puts B's grades back.
      const again = await b.mergeBundle({ name: 'a.awb', data: fromA.data }, {})
      expect(again.changed).toBe(false)
      expect(await grading(b)).toEqual(ga)
      await b.undoMerge(intoB.mergeId!)
      expect(await grading(b)).toEqual(beforeB)
      await b.redoMerge(intoB.mergeId!)
      expect(await grading(b)).toEqual(ga)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('a second bundle, sent before the other laptop answered, merges three-way on the first', async () => {
    const { a, b } = await laptops()
    try {
      const memo = (await a.listMemos())[0]
      tick()
      await a.updateMemo(memo.id, { title: memo.title, text: 'Day 1.\nDay 2.' })
      const second = await a.exportBundle({})
      const merged = await b.mergeBundle({ name: 'second.awb', data: second.data }, {})
      expect(merged).toMatchObject({ threeWay: true, conflicts: [], marked: [], skipped: [] })
      expect((await b.listMemos()).map((m) => m.text)).toEqual(['Day 1.\nDay 2.'])
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('a merge undone is no base: what it brought is not taken for deleted on the other laptop', async () => {
    const { a, b, docs } = await laptops()
    try {
      tick()
      const added = (
        await a.createAnnotation({ docId: docs[1].id, ...range(TEXTS[1], 'Operations resumed') })
      ).value
      const y = await a.exportBundle({})
      const merged = await b.mergeBundle({ name: 'y.awb', data: y.data }, {})
      await b.undoMerge(merged.mergeId!)
      tick()
      const fromB = await b.exportBundle({})
      const intoA = await a.mergeBundle({ name: 'b.awb', data: fromB.data }, {})
      expect(intoA.threeWay).toBe(true)
      expect((await a.listAnnotations(docs[1].id)).map((x) => x.id)).toContain(added.id)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('the later change of a field wins, even when the other laptop changed its record later for another field', async () => {
    const { a, b, docs, h1 } = await laptops()
    try {
      const impact = (await a.listTags()).find((t) => t.path === 'Impact')!
      const memo = (await a.listMemos())[0]
      const bh1 = (await b.listAnnotations(docs[0].id))[0]
      // First A changes a field of each record, then B the same field, then A another field.
      tick()
      await a.updateAnnotation(h1.id, { color: 'pink' })
      await a.updateTag(impact.id, { name: 'Effects' })
      await a.updateMemo(memo.id, { title: 'Chronology', text: memo.text })
      await a.updateDocumentDetails(docs[0].id, { title: 'Cranes halted (A)' })
      tick()
      await b.updateAnnotation(bh1.id, { color: 'green' })
      await b.updateTag(impact.id, { name: 'Damage' })
      await b.updateMemo(memo.id, { title: 'Sequence', text: memo.text })
      await b.updateDocumentDetails(docs[0].id, { title: 'Cranes halted (B)' })
      tick()
      await a.updateAnnotation(h1.id, { note: 'Which group?' })
      await a.updateTag(impact.id, { color: '#336699' })
      await a.updateMemo(memo.id, { title: 'Chronology', text: 'Day 1.\nDay 2.' })
      await a.updateDocumentDetails(docs[0].id, { author: 'A. Reporter' })

      tick()
      const intoA = await a.mergeBundle(
        { name: 'b.awb', data: (await b.exportBundle({})).data },
        {}
      )
      const intoB = await b.mergeBundle(
        { name: 'a.awb', data: (await a.exportBundle({})).data },
        {}
      )
      expect(intoB.changed).toBe(true)
      const sa = await state(a)
      expect(await state(b)).toEqual(sa)
      // B's later colour, tag name, memo title and document title; A's note, tag colour, memo text and author.
      const d0 = sa.docs.find((d) => d.highlights.some((h) => h.quote === 'ransomware'))!
      expect(d0.title).toBe('Cranes halted (B)')
      expect(d0.highlights.find((h) => h.quote === 'ransomware')).toMatchObject({
        color: 'green',
        note: 'Which group?'
      })
      expect(sa.tags).toContain('Damage')
      expect((await a.listTags()).find((t) => t.id === impact.id)?.color).toBe('#336699')
      expect(sa.memos).toEqual([['Sequence', 'Day 1.\nDay 2.']])
      expect((await a.listDocuments()).find((d) => d.id === docs[0].id)?.author).toBe('A. Reporter')
      // Each of A's earlier values is reported as the one that lost.
      const lost = intoA.conflicts.map(
        (c) => `${c.kind} ${c.field}: ${JSON.stringify(c.other.value)}`
      )
      expect(lost).toEqual(
        expect.arrayContaining([
          'annotation color: "pink"',
          'tag name: "Effects"',
          'memo title: "Chronology"',
          'document title: "Cranes halted (A)"'
        ])
      )
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('a source made on both laptops under the same name is one source after the merge', async () => {
    const { a, b, docs } = await laptops()
    try {
      await a.setDocumentSource(docs[0].id, 'Port Authority')
      await b.setDocumentSource(docs[1].id, 'port authority')
      const fromA = await a.exportBundle({})
      await b.mergeBundle({ name: 'a.awb', data: fromA.data }, {})
      const sources = await b.listSources()
      expect(sources.map((s) => [s.name, s.documents.length])).toEqual([['port authority', 2]])
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('exports only the chosen documents, by id or by tag', async () => {
    const { a, docs } = await laptops()
    try {
      expect(await a.exportBundle({ docIds: [docs[1].id] })).toMatchObject({
        documents: 1,
        highlights: 1
      })
      const actors = (await a.listTags()).find((t) => t.path === 'Actors')!
      expect(await a.exportBundle({ tagIds: [actors.id] })).toMatchObject({ documents: 1 })
    } finally {
      await a.close()
    }
  })
})
