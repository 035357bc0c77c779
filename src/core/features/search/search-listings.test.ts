import { describe, expect, it } from 'vitest'
import { makePdf } from '../../../test-support/documents'
import { useTempDirs } from '../../../test-support/temp-dir'
import { importText, openTestWorkbench } from '../../../test-support/workbench'
import type { Workbench } from '../../workbench'

const tempDir = useTempDirs()

const REPORT = `# Sanctions on the Lazarus network

Treasury named three cryptocurrency exchanges.

## Who is behind it

Analysts tie the laundering to the Lazarus Group.

## What follows

The sanctions freeze the exchanges' assets.`

const BRIEF = `---
title: A second account
date: 2025-04-02
---
The exchanges deny any link to the Lazarus Group.`

async function setup(): Promise<{ wb: Workbench; report: string; brief: string }> {
  const wb = await openTestWorkbench(await tempDir())
  const report = (await importText(wb, 'report.md', REPORT)).id
  const brief = (await importText(wb, 'brief.md', BRIEF)).id
  return { wb, report, brief }
}

async function highlight(wb: Workbench, docId: string, words: string, tags: string[]) {
  const { text } = await wb.getDocument(docId)
  const start = text.indexOf(words)
  expect(start).toBeGreaterThanOrEqual(0)
  return (await wb.createAnnotation({ docId, start, end: start + words.length, tags })).value
}

const typed = async (wb: Workbench, q: string): Promise<string[]> =>
  (await wb.search(q, { typeahead: true })).hits.map((h) => h.snippet)

describe('search as you type', () => {
  it.each([['cryptocurency'], ['Lazarsu'], ['sanctoins'], ['Lazar']])(
    'finds "%s" while the last word is still being typed, misspelt or not',
    async (q) => {
      const { wb } = await setup()
      expect((await typed(wb, q)).length).toBeGreaterThan(0)
      // The same as the whole word, typed and followed by a space.
      expect((await wb.search(q)).hits.length + (await typed(wb, q)).length).toBeGreaterThan(0)
      await wb.close()
    }
  )

  it('still treats an unfinished word as a prefix, and marks the words it stood for', async () => {
    const { wb } = await setup()
    const res = await wb.search('launder', { typeahead: true })
    expect(res.hits).toHaveLength(1)
    const [hit] = res.hits
    expect(hit.marks.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['laundering'])
    await wb.close()
  })
})

describe('a query of filters alone', () => {
  it('lists the tagged passages, documents in library order and passages in text order', async () => {
    const { wb, report, brief } = await setup()
    const claims = (await wb.createTag({ path: 'Claims' })).value
    const figures = (await wb.createTag({ path: 'Claims/Figures' })).value
    const other = (await wb.createTag({ path: 'Other' })).value
    await highlight(wb, brief, 'The exchanges deny', [claims.id])
    const later = await highlight(wb, report, 'freeze the exchanges', [figures.id])
    const earlier = await highlight(wb, report, 'three cryptocurrency exchanges', [claims.id])
    await highlight(wb, report, 'Analysts tie', [other.id])

    const res = await wb.search('tag:Claims')
    expect(res.total).toBe(3)
    expect(res.hits.map((h) => [h.docId, h.annotationId ?? null, h.snippet])).toEqual([
      [report, earlier.id, 'three cryptocurrency exchanges'],
      [report, later.id, 'freeze the exchanges'],
      [brief, expect.any(String), 'The exchanges deny']
    ])
    // The panel's tag control alone does the same; a limit cuts the list, not the total.
    const cut = await wb.search('', { tagId: figures.id, limit: 5 })
    expect(cut.hits.map((h) => h.annotationId)).toEqual([later.id])
    expect((await wb.search('tag:Claims', { limit: 1 })).total).toBe(3)
    expect((await wb.search(`tag:Claims doc:${brief}`)).hits.map((h) => h.docId)).toEqual([brief])
    await wb.close()
  })

  it('lists the documents a doc:, title: or date filter selects, each by its opening', async () => {
    const { wb, report, brief } = await setup()
    const byDate = await wb.search('after:2025-04-01')
    expect(byDate.hits.map((h) => [h.docId, h.start])).toEqual([[brief, 0]])
    expect(byDate.hits[0].snippet).toContain('The exchanges deny')
    expect((await wb.search('title:sanctions')).hits.map((h) => h.docId)).toEqual([report])
    expect((await wb.search('', { docId: report })).hits.map((h) => h.docId)).toEqual([report])
    expect((await wb.search('title:nothing')).total).toBe(0)
    // No filter and no words: nothing is listed.
    expect((await wb.search('   ')).hits).toEqual([])
    await wb.close()
  })

  it('leaves out what a -word excludes, passages and documents alike', async () => {
    const { wb, report, brief } = await setup()
    const claims = (await wb.createTag({ path: 'Claims' })).value
    await highlight(wb, brief, 'The exchanges deny', [claims.id])
    const kept = await highlight(wb, report, 'three cryptocurrency exchanges', [claims.id])
    const res = await wb.search('tag:Claims -deny')
    expect([res.total, res.hits.map((h) => h.annotationId)]).toEqual([1, [kept.id]])
    const docs = await wb.search('after:2000-01-01 -freeze')
    expect(docs.hits.map((h) => h.docId)).toEqual([brief])
    expect(docs.total).toBe(1)
    expect((await wb.search('title:sanctions -freeze')).hits).toEqual([])
    await wb.close()
  })

  it('finds nothing, and says why, for a tag that is not in the codebook', async () => {
    const { wb } = await setup()
    for (const q of ['tag:Nowhere', 'lazarus tag:Nowhere']) {
      const res = await wb.search(q)
      expect(res.hits).toEqual([])
      expect(res.warnings.join(' ')).toMatch(/Nowhere.*nothing can match it/)
    }
    await wb.close()
  })
})

describe('memos', () => {
  it('are searched word for word, listed first as memo hits, within tag and document filters', async () => {
    const { wb, report, brief } = await setup()
    const claims = (await wb.createTag({ path: 'Claims' })).value
    const memo = (
      await wb.createMemo({
        title: 'Open questions',
        text: 'Does the Lazarus attribution rest on one release only?',
        docIds: [report],
        tagIds: [claims.id]
      })
    ).value
    await wb.createMemo({ title: 'Travel', text: 'Nothing about the case.' })

    const res = await wb.search('lazarus attribution')
    expect(res.hits[0]).toMatchObject({ kind: 'memo', memoId: memo.id, title: 'Open questions' })
    expect(res.hits.filter((h) => h.kind === 'memo')).toHaveLength(1)
    const marked = res.hits[0].marks.map(([s, e]) => res.hits[0].snippet.slice(s, e))
    expect(marked).toEqual(['Lazarus', 'attribution'])
    // A memo found by its title; excluded words and other filters apply to memos too.
    expect((await wb.search('questions')).hits.map((h) => h.kind)).toEqual(['memo'])
    expect((await wb.search('lazarus -release')).hits.some((h) => h.kind === 'memo')).toBe(false)
    expect((await wb.search(`lazarus doc:${brief}`)).hits.some((h) => h.kind === 'memo')).toBe(
      false
    )
    expect((await wb.search('tag:Claims')).hits.map((h) => h.memoId ?? null)).toEqual([memo.id])
    // Memos count against the limit like any other hit.
    const one = await wb.search('lazarus', { limit: 1 })
    expect(one.hits.map((h) => h.kind)).toEqual(['memo'])
    expect(one.total).toBeGreaterThan(1)
    // A memo edited is found by its new words at once.
    await wb.updateMemo(memo.id, { title: 'Open questions', text: 'Is the wallet list complete?' })
    expect((await wb.search('wallet')).hits.map((h) => h.kind)).toEqual(['memo'])
    await wb.close()
  })
})

describe('where a hit is', () => {
  it('names the section heading above a hit', async () => {
    const { wb } = await setup()
    const [hit] = (await wb.search('laundering')).hits
    expect(hit.location).toEqual({ heading: 'Who is behind it' })
    const [first] = (await wb.search('treasury')).hits
    // The document's own title is no place in it.
    expect(first.location).toBeUndefined()
    await wb.close()
  })

  it('names the page of a hit in a PDF', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const pdf = makePdf([
      ['The first page speaks of shipping.'],
      ['The second page names the harbour pilots.']
    ])
    const out = await wb.importFile({ name: 'pages.pdf', data: pdf })
    expect(out.status).toBe('imported')
    const [hit] = (await wb.search('pilots')).hits
    expect(hit.location?.page).toBe(2)
    expect((await wb.search('shipping')).hits[0].location?.page).toBe(1)
    await wb.close()
  })
})
