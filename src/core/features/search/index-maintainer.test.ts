import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Annotation, Block, DocumentMeta, Tag } from '../../../shared/model'
import { useTempDirs } from '../../../test-support/temp-dir'
import type { SearchSources } from '../../ports'
import { IndexMaintainer } from './index-maintainer'
import { SearchService } from './search-service'

const tempDir = useTempDirs()

/** An in-memory workspace behind the search port: what the index reads, and what changed when. */
class FakeWorkspace {
  docs: DocumentMeta[] = []
  texts = new Map<string, string>()
  notes = new Map<string, { annotations: Annotation[]; note: string }>()
  notesSaved = new Map<string, number>()
  tags: Tag[] = []
  warnings: string[] = []

  constructor(readonly indexDir: string) {}

  put(id: string, text: string): void {
    const sha = `sha-${id}-${text.length}-${text.charCodeAt(0)}`
    const meta: DocumentMeta = {
      id,
      title: `Document ${id}`,
      author: null,
      published: null,
      source: null,
      originalName: `${id}.txt`,
      format: 'txt',
      sha256: sha,
      textSha256: sha,
      stored: { pack: 'p', at: 0, text: 0, blocks: 0, original: 0 },
      bytes: text.length,
      chars: text.length,
      words: 0,
      importedAt: '2025-01-01T00:00:00.000Z',
      importOrder: this.docs.length + 1
    }
    this.docs = [...this.docs.filter((d) => d.id !== id), meta]
    this.texts.set(sha, text)
  }

  note(docId: string, note: string, at: number): void {
    this.notes.set(docId, { annotations: [], note })
    this.notesSaved.set(docId, at)
  }

  sources(): SearchSources {
    const block = (text: string): Block[] => [{ kind: 'paragraph', start: 0, end: text.length }]
    return {
      documents: () => this.docs,
      text: async (meta) => {
        const text = this.texts.get(meta.textSha256) as string
        return { text, blocks: block(text) }
      },
      plainText: async (meta) => this.texts.get(meta.textSha256) as string,
      notes: async (docId) => this.notes.get(docId) ?? { annotations: [], note: '' },
      tags: () => this.tags,
      memos: () => [],
      notesChangedSince: async (since, live) =>
        [...this.notesSaved].filter(([id, at]) => live.has(id) && at >= since).map(([id]) => id),
      readSnapshot: () => readFile(join(this.indexDir, 'search.idx')),
      writeSnapshot: (bytes) => writeFile(join(this.indexDir, 'search.idx'), bytes),
      workspaceDir: this.indexDir,
      persist: true,
      onWarning: (m) => this.warnings.push(m)
    }
  }
}

const titles = async (service: SearchService, query: string): Promise<string[]> =>
  (await service.search(query)).hits.map((h) => `${h.kind}:${h.docId}`).sort()

describe('the index maintainer', () => {
  it('catches up on reopening with every document added, changed or removed and every note saved since its snapshot', async () => {
    const ws = new FakeWorkspace(await tempDir())
    ws.put('a', 'Harbour cranes stopped after the ransomware attack.')
    ws.put('b', 'The ministry denied any ransomware.')
    ws.put('c', 'Unrelated weather report.')
    ws.note('c', 'Check the ransomware claim', 0)
    const first = new IndexMaintainer(ws.sources())
    const search1 = new SearchService(first, ws.sources())
    expect(await titles(search1, 'ransomware')).toEqual(['note:c', 'text:a', 'text:b'])
    await first.close()

    // While closed: b gets a new version, a is removed, d is imported, c's note is rewritten.
    ws.docs = ws.docs.filter((d) => d.id !== 'a')
    ws.put('b', 'The ministry now confirms the breach.')
    ws.put('d', 'A second ransomware strain was found.')
    ws.note('c', 'The ransomware claim holds up', Date.now() + 5000)
    const reopened = new IndexMaintainer(ws.sources())
    const search2 = new SearchService(reopened, ws.sources())
    expect(await titles(search2, 'ransomware')).toEqual(['note:c', 'text:d'])
    expect(await titles(search2, 'breach')).toEqual(['text:b'])
    expect(await titles(search2, 'holds')).toEqual(['note:c'])
    expect(await titles(search2, 'check')).toEqual([])
    expect(ws.warnings).toEqual([])
    await reopened.close()
  })

  it('follows change events, and a search sees every change made before it', async () => {
    const ws = new FakeWorkspace(await tempDir())
    const index = new IndexMaintainer(ws.sources())
    const search = new SearchService(index, ws.sources())
    ws.put('a', 'Port systems were encrypted.')
    void index.handle({ kind: 'document-saved', meta: ws.docs[0] })
    expect(await titles(search, 'encrypted')).toEqual(['text:a'])
    ws.note('a', 'encrypted by whom?', Date.now())
    void index.handle({ kind: 'notes-changed', docId: 'a' })
    expect(await titles(search, 'whom')).toEqual(['note:a'])
    ws.docs = []
    void index.handle({ kind: 'document-removed', id: 'a' })
    expect(await titles(search, 'encrypted')).toEqual([])
    await index.close()
  })

  it('reports a text it cannot read and indexes the rest', async () => {
    const ws = new FakeWorkspace(await tempDir())
    ws.put('a', 'Readable text about cranes.')
    ws.put('b', 'This one goes missing.')
    ws.texts.delete(ws.docs[1].textSha256)
    const sources = ws.sources()
    const failing: SearchSources = {
      ...sources,
      text: async (meta) => {
        if (!ws.texts.has(meta.textSha256)) throw new Error('the text is missing')
        return sources.text(meta)
      }
    }
    const index = new IndexMaintainer(failing)
    const search = new SearchService(index, failing)
    expect(await titles(search, 'cranes')).toEqual(['text:a'])
    expect(ws.warnings).toEqual([
      '"Document b" could not be indexed for search: the text is missing'
    ])
    await index.close()
  })
})
