import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ExportOptions } from '../../../shared/model'
import { useTempDirs } from '../../../test-support/temp-dir'
import { enc, openTestWorkbench } from '../../../test-support/workbench'
import type { Workbench } from '../../workbench'

const tempDir = useTempDirs()
const GOLDEN = join(import.meta.dirname, 'golden')

const LEDGER = `---
title: Cranes idle at Port Averly
author: Mara Quist
date: 2025-03-04
source: The Averly Ledger
---
# Cranes idle at Port Averly

Container handling stopped on Tuesday after "a deliberate intrusion" into the terminal system.

The harbour master said the *navigation* systems run on a separate network.`

// Plain text keeps its Markdown-like characters literally: the export must escape them.
const BLOG = `EXCLUSIVE: Foreign state behind attack
Insiders say hackers working for a foreign government carried out the attack. #breaking

- Authorities [covered it up](http://example.com), they claim.`

/** A small workspace with everything an export shows: tags, notes, a document note, two colours, an orphan. */
async function fixture(dir?: string): Promise<Workbench> {
  const wb = await openTestWorkbench(dir ?? (await tempDir()))
  const ledger = await wb.importFile({ name: 'ledger.md', data: enc(LEDGER) })
  const blog = await wb.importFile({ name: 'blog.txt', data: enc(BLOG) })
  if (ledger.status !== 'imported' || blog.status !== 'imported')
    throw new Error('fixture import failed')
  const official = (await wb.createTag({ path: 'Attribution/Official' })).value
  const unverified = (await wb.createTag({ path: 'Attribution/Unverified claims' })).value
  const safety = (await wb.createTag({ path: 'Safety', description: 'Risk to ships and crews' }))
    .value
  const mark = async (
    docId: string,
    quote: string,
    tags: string[],
    note = '',
    color: 'yellow' | 'pink' = 'yellow'
  ): Promise<void> => {
    const { text } = await wb.getDocument(docId)
    const start = text.indexOf(quote)
    await wb.createAnnotation({ docId, start, end: start + quote.length, tags, note, color })
  }
  await mark(
    ledger.document.id,
    '"a deliberate intrusion"',
    [official.id],
    'The port says *deliberate*; nobody else has confirmed it.'
  )
  await mark(ledger.document.id, 'the navigation systems run on a separate network', [safety.id])
  await mark(
    blog.document.id,
    'hackers working for a foreign government',
    [unverified.id],
    'Anonymous insiders only.',
    'pink'
  )
  await mark(blog.document.id, 'Authorities [covered it up](http://example.com), they claim.', [
    unverified.id,
    safety.id
  ])
  await wb.setDocumentNote(blog.document.id, 'Low reliability: sensational, no named sources.')
  await wb.createMemo({
    title: 'Who did it?',
    text: 'Only the blog names a state.',
    docIds: [blog.document.id]
  })
  return wb
}

async function golden(name: string, actual: string): Promise<void> {
  const file = join(GOLDEN, name)
  if (process.env.UPDATE_GOLDEN) await writeFile(file, actual)
  if (!existsSync(file))
    throw new Error(
      `Golden file ${name} is missing: run the tests with UPDATE_GOLDEN=1 and review it.`
    )
  expect(actual).toBe(await readFile(file, 'utf8'))
}

describe('exports', () => {
  it.each<[string, ExportOptions]>([
    ['notes-by-document.md', { format: 'md' }],
    ['notes-by-theme.md', { format: 'md', groupBy: 'tag' }],
    ['passages.csv', { format: 'csv' }],
    ['annotations.jsonld', { format: 'w3c' }]
  ])('%s matches its golden file', async (name, options) => {
    const wb = await fixture()
    const result = await wb.exportWorkspace(options)
    await golden(name, result.content)
    expect(result.filename).toMatch(/^analyst-workbench-\w+-2025-03-06\.\w+$/)
    await wb.close()
  })

  it('exports chosen documents or chosen tags with their sub-tags', async () => {
    const wb = await fixture()
    const tags = await wb.listTags()
    const attribution = tags.find((t) => t.path === 'Attribution')?.id as string
    const byTag = await wb.exportWorkspace({ format: 'md', tagIds: [attribution] })
    expect(byTag).toMatchObject({ documents: 2, passages: 3 })
    expect(byTag.content).toContain('scope: "tags Attribution"')
    expect(byTag.content).not.toContain('separate network')
    const [ledger] = await wb.listDocuments()
    const byDoc = await wb.exportWorkspace({ format: 'md', docIds: [ledger.id] })
    expect(byDoc).toMatchObject({ documents: 1, passages: 2 })
    await wb.close()
  })

  it('copies one passage as a Markdown fragment', async () => {
    const wb = await fixture()
    const [, blog] = await wb.listDocuments()
    const [first] = await wb.listAnnotations(blog.id)
    const { content } = await wb.exportWorkspace({
      format: 'md',
      annotationIds: [first.id],
      fragment: true
    })
    expect(content.startsWith('# EXCLUSIVE: Foreign state behind attack\n')).toBe(true)
    expect(content).not.toContain('---\ntitle')
    expect(content).toContain('> hackers working for a foreign government')
    await wb.close()
  })

  it('writes CSV that spreadsheet programs read safely: BOM, RFC 4180 quoting, no formulas', async () => {
    const wb = await fixture()
    const [ledger] = await wb.listDocuments()
    const { text } = await wb.getDocument(ledger.id)
    const tag = (await wb.createTag({ path: 'Injection' })).value
    await wb.createAnnotation({
      docId: ledger.id,
      start: 0,
      end: 5,
      tags: [tag.id],
      note: '=HYPERLINK("http://evil.example")'
    })
    const { content } = await wb.exportWorkspace({ format: 'csv' })
    expect(content.startsWith('\uFEFFdocument,document_id,tag,quote,note,start,end,source,')).toBe(
      true
    )
    expect(content).toContain(
      `,Injection,${text.slice(0, 5)},"'=HYPERLINK(""http://evil.example"")",0,5,`
    )
    await wb.close()
  })
})

describe('JSON export and restore', () => {
  it('rebuilds an empty workspace exactly', async () => {
    const wb = await fixture()
    const dump = await wb.exportWorkspace({ format: 'json' })
    const markdown = (await wb.exportWorkspace({ format: 'md' })).content
    await wb.close()
    const target = await openTestWorkbench(await tempDir())
    expect(await target.restore(dump.content, 'backup.json')).toEqual({ documents: 2, passages: 4 })
    const again = await target.exportWorkspace({ format: 'json' })
    expect(JSON.parse(again.content)).toEqual(JSON.parse(dump.content))
    expect((await target.exportWorkspace({ format: 'md' })).content).toBe(markdown)
    expect((await target.search('deliberate')).hits.length).toBeGreaterThan(0)
    expect(await target.listMemos()).toHaveLength(1)
    await target.close()
  })

  it.each([
    ['not JSON', 'hello', /backup\.json is not an Analyst Workbench export: it is not JSON\./],
    [
      'another JSON file',
      '{"hello":1}',
      /backup\.json is not an Analyst Workbench export \(at format/
    ],
    [
      'a newer export',
      '{"format":"analyst-workbench-export","version":9}',
      /newer version of Analyst Workbench \(export version 9/
    ]
  ])('refuses %s', async (_, content, message) => {
    const target = await openTestWorkbench(await tempDir())
    await expect(target.restore(content, 'backup.json')).rejects.toThrow(message)
    expect(await target.listDocuments()).toEqual([])
    await target.close()
  })

  it('refuses a workspace that is not empty, and a damaged text', async () => {
    const wb = await fixture()
    const dump = (await wb.exportWorkspace({ format: 'json' })).content
    await expect(wb.restore(dump, 'backup.json')).rejects.toThrow(
      /is not empty \(2 documents, 4 tags\)\. Restore only into an empty workspace/
    )
    await wb.close()
    const damaged = JSON.parse(dump)
    const sha = Object.keys(damaged.texts)[0]
    damaged.texts[sha].text += ' tampered'
    const target = await openTestWorkbench(await tempDir())
    await expect(target.restore(JSON.stringify(damaged), 'backup.json')).rejects.toThrow(
      /is damaged: the text of .* does not match its checksum\. Nothing was restored\./
    )
    expect(await target.listDocuments()).toEqual([])
    await target.close()
  })
})
