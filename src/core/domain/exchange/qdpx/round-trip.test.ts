import { describe, expect, it } from 'vitest'
import { sampleProject } from '../../../../test-support/qda-sample'
import type { QdaProject } from './project'
import { readQdpx } from './read-qdpx'
import { writeQdpx } from './write-qdpx'
import { xmlLegal } from './xml-writer'

/** The project as a person sees it: ids replaced by titles and code paths. */
function seen(p: QdaProject, exported = false) {
  const path = (id: string): string => {
    const c = p.codes.find((x) => x.id === id)!
    return c.parent ? `${path(c.parent)}/${c.name}` : c.name
  }
  const title = (id: string): string => p.documents.find((d) => d.id === id)!.title
  // What XML can carry of a note: its characters that XML allows, with LF line ends.
  const note = (s: string): string => (exported ? xmlLegal(s).replace(/\r\n?/g, '\n') : s)
  return {
    documents: p.documents.map((d) => ({
      title: d.title,
      text: d.text,
      note: note(d.note),
      details: d.details
    })),
    codebook: p.codes.map((c) => ({
      path: path(c.id),
      color: /^#[0-9a-f]{6}$/.test(c.color) ? c.color : 'any',
      description: c.description
    })),
    highlights: p.highlights.map((h) => ({
      doc: title(h.docId),
      quote: p.documents.find((d) => d.id === h.docId)!.text.slice(h.start, h.end),
      tags: h.tags.map(path),
      note: note(h.note),
      credibility: h.credibility,
      created: h.created
    })),
    memos: p.memos.map((m) => ({
      title: m.title,
      text: m.text,
      docs: m.docIds.map(title),
      tags: m.tagIds.map(path)
    }))
  }
}

describe('a QDA-XML export read back', () => {
  it('gives the same documents, codebook, highlights, tags and notes', async () => {
    const original = sampleProject()
    const { bytes } = await writeQdpx(original, { workspaceId: 'ws' })
    const back = await readQdpx(bytes)
    if ('error' in back) throw new Error(back.error)
    expect(back.skipped).toEqual([])
    const got = seen(back.project)
    const want = seen(original, true)
    expect(
      got.codebook.map((c) => ({
        ...c,
        color: want.codebook.find((w) => w.path === c.path)!.color === 'any' ? 'any' : c.color
      }))
    ).toEqual(want.codebook)
    expect(got.documents).toEqual(want.documents)
    expect(got.highlights).toEqual(want.highlights)
    expect(got.memos).toEqual(want.memos)
    expect(back.project.users.map((u) => u.name)).toEqual(['Analyst One'])
    expect(back.project.name).toBe(original.name)
  })

  it('gives the same project again when exported a second time', async () => {
    const once = await readQdpx((await writeQdpx(sampleProject(), { workspaceId: 'ws' })).bytes)
    if ('error' in once) throw new Error(once.error)
    const twice = await readQdpx((await writeQdpx(once.project, { workspaceId: 'ws' })).bytes)
    if ('error' in twice) throw new Error(twice.error)
    expect(seen(twice.project)).toEqual(seen(once.project))
  })
})
