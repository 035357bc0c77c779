import { describe, expect, it } from 'vitest'
import { makePdf } from '../../../test-support/documents'
import { useTempDirs } from '../../../test-support/temp-dir'
import { importText, openTestWorkbench } from '../../../test-support/workbench'
import type { Workbench } from '../../workbench'

const tempDir = useTempDirs()

/** Two documents, one with a note, a tag on each, and two memos: one linked, one not. */
async function fixture(): Promise<{ wb: Workbench; wire: string; post: string; tag: string }> {
  const wb = await openTestWorkbench(await tempDir())
  const wire = (
    await importText(
      wb,
      'wire.md',
      '---\ntitle: Ministry confirms the outage\nsource: Harbour Wire\ndate: 2025-05-01\n---\nThe ministry confirmed the outage on Friday.'
    )
  ).id
  const post = (
    await importText(wb, 'post.txt', 'Forum post\nA user claims the outage was sabotage.')
  ).id
  const tag = (await wb.createTag({ path: 'Claims' })).value.id
  for (const [docId, words] of [
    [wire, 'confirmed the outage'],
    [post, 'the outage was sabotage']
  ]) {
    const { text } = await wb.getDocument(docId)
    const start = text.indexOf(words)
    await wb.createAnnotation({ docId, start, end: start + words.length, tags: [tag] })
  }
  await wb.setDocumentNote(post, 'Unreliable: anonymous, no evidence.')
  await wb.createMemo({
    title: 'Sabotage?',
    text: 'Only the forum says *sabotage*.',
    docIds: [post],
    tagIds: [tag]
  })
  await wb.createMemo({ title: 'To do', text: 'Ask the ministry = press office.' })
  return { wb, wire, post, tag }
}

describe('the brief', () => {
  it('grouped by theme ends with its sources, their details and notes, then the memos', async () => {
    const { wb } = await fixture()
    const { content, memos } = await wb.exportWorkspace({
      format: 'md',
      groupBy: 'tag',
      title: 'Port outage: where the claims come from'
    })
    expect(memos).toBe(2)
    expect(content).toContain('title: "Port outage: where the claims come from"')
    expect(content).toContain('\n# Port outage: where the claims come from\n')
    const sources = content.slice(
      content.indexOf('\n## Sources\n'),
      content.indexOf('\n## Memos\n')
    )
    expect(sources).toContain('### Ministry confirms the outage\n\n- Source: Harbour Wire')
    expect(sources).toContain('### Forum post')
    expect(sources).toContain('Unreliable: anonymous, no evidence.')
    const memoPart = content.slice(content.indexOf('\n## Memos\n'))
    expect(memoPart).toContain(
      '### Sabotage?\n\nLinked to *Forum post*, #Claims\n\nOnly the forum says *sabotage*.'
    )
    expect(memoPart).toContain('### To do')
    // Sections in order: themes, then sources, then memos.
    expect(content.indexOf('## Claims')).toBeLessThan(content.indexOf('## Sources'))
    await wb.close()
  })

  it('holds only the memos a choice of documents or tags reaches', async () => {
    const { wb, wire, post, tag } = await fixture()
    expect((await wb.exportWorkspace({ format: 'md', docIds: [wire] })).memos).toBe(0)
    expect((await wb.exportWorkspace({ format: 'md', docIds: [post] })).content).toContain(
      'Sabotage?'
    )
    const byTag = await wb.exportWorkspace({ format: 'md', tagIds: [tag] })
    expect([byTag.memos, byTag.content.includes('To do')]).toEqual([1, false])
    await wb.close()
  })

  it('exports the memos on their own, as Markdown or as CSV safe for spreadsheets', async () => {
    const { wb } = await fixture()
    const md = await wb.exportWorkspace({ format: 'md', memosOnly: true })
    expect(md.filename).toMatch(/^analyst-workbench-memos-\d{4}-\d{2}-\d{2}\.md$/)
    expect(md).toMatchObject({ memos: 2, documents: 0, passages: 0 })
    expect(md.content).toContain('## Sabotage?')
    expect(md.content).not.toContain('> confirmed the outage')
    const csv = await wb.exportWorkspace({ format: 'csv', memosOnly: true })
    const lines = csv.content.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('memo,memo_id,text,documents,tags,created,modified')
    expect(lines[1]).toMatch(
      /^Sabotage\?,[\w-]+,Only the forum says \*sabotage\*\.,Forum post,Claims,/
    )
    expect(lines[2]).toMatch(/^To do,[\w-]+,Ask the ministry = press office\.,,,/)
    // Passage tables and W3C annotations hold no memos, and do not say they do.
    expect((await wb.exportWorkspace({ format: 'csv' })).memos).toBe(0)
    expect((await wb.exportWorkspace({ format: 'w3c' })).memos).toBe(0)
    await expect(wb.exportWorkspace({ format: 'w3c', memosOnly: true })).rejects.toThrow(
      /Memos on their own are exported as Markdown or CSV/
    )
    await wb.close()
  })

  it('cites a passage by the section it is in and its paragraph, not by character offsets', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const doc = await importText(
      wb,
      'report.md',
      '# Port report\n\nThe opening.\n\n## Damage to the pier\n\nThe eastern pier lost two cranes.'
    )
    const { text } = await wb.getDocument(doc.id)
    const start = text.indexOf('lost two cranes')
    await wb.createAnnotation({ docId: doc.id, start, end: start + 15, tags: [] })
    const { content } = await wb.exportWorkspace({ format: 'md' })
    expect(content).toContain('— *Port report*, § Damage to the pier, paragraph 4 · yellow')
    expect(content).not.toContain('characters')
    await wb.close()
  })

  it('cites a passage of a PDF by its page', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const out = await wb.importFile({
      name: 'minutes.pdf',
      data: makePdf([['The board met in March.'], ['The board approved the sale of the docks.']])
    })
    if (out.status !== 'imported') throw new Error('import failed')
    const { text } = await wb.getDocument(out.document.id)
    const start = text.indexOf('approved the sale')
    await wb.createAnnotation({ docId: out.document.id, start, end: start + 17, tags: [] })
    const { content } = await wb.exportWorkspace({ format: 'md' })
    expect(content).toMatch(/— \*[^*]+\*, p\. 2, paragraph \d+ · yellow/)
    await wb.close()
  })
})
