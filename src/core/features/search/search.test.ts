import { copyFile, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { oneWordText } from '../../../test-support/hostile'
import { useTempDirs } from '../../../test-support/temp-dir'
import { enc, importText, openTestWorkbench } from '../../../test-support/workbench'
import { sourceIndexWorker } from '../../../test-support/worker'
import type { Workbench } from '../../workbench'
import { INDEX_FORMAT } from './search'

const tempDir = useTempDirs()

/** The format number written in a workspace's search snapshot. */
const snapshotFormat = async (dir: string): Promise<number> =>
  (await readFile(join(dir, 'index', 'search.idx'))).readUInt32LE(4)

const DOCS = {
  ledger: `---
title: Cyberattack halts cranes at Port Averly
date: 2025-03-04
source: The Averly Ledger
---
Container handling at Port Averly stopped on Tuesday after a deliberate intrusion into the terminal system.

Harbour master Ilse Varga said the navigation and safety systems run on a separate network.`,
  wire: `---
title: Port Averly terminal shut by ransomware, sources say
date: 2025-03-05
source: Coastal Wire
---
Ransomware encrypted the computers that run Port Averly's container terminal, two people familiar with the investigation said.

The attackers demanded 40 bitcoin, about 2.4 million dollars.`,
  blog: `---
title: Foreign state behind Averly port attack, insiders claim
date: 2025-03-05
---
Insiders say hackers working for a foreign government carried out the attack on the café terminal.

The port's safety systems were seconds away from being taken over.`,
  advisory: `---
title: Advisory 2025-07
date: 2025-03-07
source: CERT Averly
---
There is no evidence at this stage linking the incident to a state actor. Ransomware operators used a stolen remote-access password.`
}

async function setup(
  dir?: string
): Promise<{ wb: Workbench; ids: Record<keyof typeof DOCS, string> }> {
  const wb = await openTestWorkbench(dir ?? (await tempDir()))
  const ids = {} as Record<keyof typeof DOCS, string>
  for (const [k, text] of Object.entries(DOCS)) {
    const out = await wb.importFile({ name: `${k}.md`, data: enc(text) })
    if (out.status === 'imported') ids[k as keyof typeof DOCS] = out.document.id
    else if (out.status === 'duplicate') ids[k as keyof typeof DOCS] = out.id
  }
  return { wb, ids }
}

const titles = async (wb: Workbench, q: string, opts = {}): Promise<string[]> =>
  (await wb.search(q, opts)).hits.map((h) => h.title)

describe('search', () => {
  it.each<[string, string, string[]]>([
    [
      'words: all must match, in one passage or its title',
      'ransomware terminal',
      ['Port Averly terminal shut by ransomware, sources say']
    ],
    ['a title word with a passage word', 'advisory password', ['Advisory 2025-07']],
    [
      'an exact phrase',
      '"safety systems"',
      [
        'Foreign state behind Averly port attack, insiders claim',
        'Cyberattack halts cranes at Port Averly'
      ]
    ],
    ['a phrase in a different order does not match', '"systems safety"', []],
    ['a prefix', 'bitco*', ['Port Averly terminal shut by ransomware, sources say']],
    [
      'a misspelling of a longer word',
      'ransomare demanded',
      ['Port Averly terminal shut by ransomware, sources say']
    ],
    ['excluding a word', 'safety -hackers', ['Cyberattack halts cranes at Port Averly']],
    ['excluding a phrase', 'safety -"taken over"', ['Cyberattack halts cranes at Port Averly']],
    [
      'OR',
      'bitcoin OR evidence',
      ['Port Averly terminal shut by ransomware, sources say', 'Advisory 2025-07']
    ],
    [
      'diacritics and case folded',
      'CAFE',
      ['Foreign state behind Averly port attack, insiders claim']
    ],
    ['title:', 'safety title:cranes', ['Cyberattack halts cranes at Port Averly']],
    [
      'after: and before:',
      'averly after:2025-03-05 before:2025-03-06',
      [
        'Port Averly terminal shut by ransomware, sources say',
        'Foreign state behind Averly port attack, insiders claim'
      ]
    ]
  ])('%s', async (_, query, expected) => {
    const { wb } = await setup()
    expect((await titles(wb, query)).sort()).toEqual([...expected].sort())
    await wb.close()
  })

  it('ranks the passage that matches best first, and marks the matching words in its snippet', async () => {
    const { wb } = await setup()
    const { hits, total, warnings } = await wb.search('ransomware')
    expect(warnings).toEqual([])
    expect(total).toBe(2)
    expect(hits[0].title).toBe('Port Averly terminal shut by ransomware, sources say')
    for (const h of hits) {
      expect(h.marks.length).toBeGreaterThan(0)
      for (const [s, e] of h.marks) expect(h.snippet.slice(s, e).toLowerCase()).toBe('ransomware')
    }
    await wb.close()
  })

  it('finds notes and tags of highlights, and filters by tag (with sub-tags) and document', async () => {
    const { wb, ids } = await setup()
    const tag = (await wb.createTag({ path: 'Attribution/Unverified' })).value
    const { text } = await wb.getDocument(ids.blog)
    const at = text.indexOf('hackers working for a foreign government')
    const a = await wb.createAnnotation({
      docId: ids.blog,
      start: at,
      end: at + 40,
      tags: [tag.id],
      note: 'Anonymous insiders only'
    })
    const byNote = await wb.search('anonymous insiders')
    expect(byNote.hits.map((h) => [h.kind, h.annotationId])).toContainEqual(['note', a.value.id])
    expect((await wb.search('unverified')).hits.map((h) => h.kind)).toEqual(['note'])
    expect(await titles(wb, 'government tag:Attribution')).toEqual(
      [
        'Foreign state behind Averly port attack, insiders claim',
        'Foreign state behind Averly port attack, insiders claim'
      ].slice(0, 1)
    )
    expect(await titles(wb, 'password', { tagId: tag.id })).toEqual([])
    expect(await titles(wb, `ransomware doc:${ids.advisory}`)).toEqual(['Advisory 2025-07'])
    expect(await titles(wb, 'averly', { docId: ids.ledger })).toEqual([
      'Cyberattack halts cranes at Port Averly'
    ])
    // A renamed tag is found under its new name.
    await wb.updateTag(tag.id, { name: 'Unconfirmed' })
    expect((await wb.search('unconfirmed')).hits).toHaveLength(1)
    expect((await wb.search('port tag:Nope')).warnings).toEqual([
      'No tag "Nope" in the codebook; nothing can match it.'
    ])
    await wb.close()
  })

  it('counts word matches exactly, and phrase matches only until there are more than shown', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir)
    for (let i = 0; i < 6; i++)
      await importText(wb, `r${i}.txt`, `Report ${i}: the harbour master spoke. Nothing else.`)
    const words = await wb.search('harbour master', { limit: 2 })
    expect([words.hits.length, words.total, words.totalIsLowerBound]).toEqual([2, 6, false])
    const phrase = await wb.search('"harbour master"', { limit: 2 })
    expect([phrase.hits.length, phrase.total, phrase.totalIsLowerBound]).toEqual([2, 2, true])
    const all = await wb.search('"harbour master"', { limit: 10 })
    expect([all.hits.length, all.total, all.totalIsLowerBound]).toEqual([6, 6, false])
    await wb.close()
  })

  it('answers a search found in more chunks than it ranks from the newest, and says how to narrow it', async () => {
    const dir = await tempDir()
    const wb = await openTestWorkbench(dir, { searchCandidates: 3 })
    for (let i = 0; i < 6; i++)
      await importText(
        wb,
        `r${i}.txt`,
        `Report ${i}: the harbour master spoke${i === 1 ? ' of storms' : ''}.`
      )
    const common = await wb.search('harbour', { limit: 10 })
    expect(common.totalIsLowerBound).toBe(true)
    expect(common.hits.map((h) => h.snippet).sort()).toEqual([
      'Report 3: the harbour master spoke.',
      'Report 4: the harbour master spoke.',
      'Report 5: the harbour master spoke.'
    ])
    expect(common.warnings).toEqual([
      'This search matches more than 3 paragraphs: the newest of them are shown. Add a word, a phrase or a filter to narrow it.'
    ])
    // Narrowed by a rarer word: every match, however old, and no warning.
    const narrow = await wb.search('harbour storms', { limit: 10 })
    expect([narrow.total, narrow.totalIsLowerBound, narrow.warnings]).toEqual([1, false, []])
    await wb.close()
  })

  it('answers a malformed query with a message and its best effort, never an error', async () => {
    const { wb } = await setup()
    const res = await wb.search('"safety systems')
    expect(res.warnings).toEqual([
      'The closing quote is missing: the rest of the query was searched as one phrase.'
    ])
    expect(res.hits.length).toBe(2)
    expect((await wb.search('tag:')).hits).toEqual([])
    await wb.close()
  })

  it('suggests as you type: the last word is a prefix', async () => {
    const { wb } = await setup()
    expect(await titles(wb, 'investig', { typeahead: true })).toEqual([
      'Port Averly terminal shut by ransomware, sources say'
    ])
    expect(await titles(wb, 'investig ', { typeahead: true })).toEqual([])
    await wb.close()
  })

  it('finds every match inside a document for marking', async () => {
    const { wb, ids } = await setup()
    const { text } = await wb.getDocument(ids.ledger)
    const ranges = await wb.findInDocument(ids.ledger, 'port "safety systems"')
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Port', 'safety systems'])
    await wb.close()
  })

  it('follows imports, removals and new versions', async () => {
    const { wb, ids } = await setup()
    await wb.removeDocument(ids.wire)
    expect(await titles(wb, 'bitcoin')).toEqual([])
    await wb.reimportDocument(ids.advisory, {
      name: 'advisory.md',
      data: enc(DOCS.advisory.replace('stolen remote-access password', 'phishing email'))
    })
    expect(await titles(wb, 'phishing')).toEqual(['Advisory 2025-07'])
    expect(await titles(wb, 'password')).toEqual([])
    await wb.close()
  })

  it('filters by the documents as they are now, however often the same filter is used', async () => {
    const { wb, ids } = await setup()
    expect(await titles(wb, 'title:advisory systems')).toEqual([])
    expect(await titles(wb, 'title:averly systems')).toEqual([
      'Cyberattack halts cranes at Port Averly',
      'Foreign state behind Averly port attack, insiders claim'
    ])
    // A new version with another title: the same filter now finds it.
    await wb.reimportDocument(ids.advisory, {
      name: 'advisory.md',
      data: enc(DOCS.advisory.replace('title: Advisory 2025-07', 'title: Averly advisory'))
    })
    expect(await titles(wb, 'title:averly password')).toEqual(['Averly advisory'])
    await wb.removeDocument(ids.ledger)
    expect(await titles(wb, 'title:averly systems')).toEqual([
      'Foreign state behind Averly port attack, insiders claim'
    ])
    await wb.close()
  })
})

describe('the search snapshot', () => {
  it('is saved on close and loaded on open, with the same results', async () => {
    const dir = await tempDir()
    const { wb } = await setup(dir)
    const before = await wb.search('averly')
    await wb.close()
    expect(await snapshotFormat(dir)).toBe(INDEX_FORMAT)
    const again = await openTestWorkbench(dir)
    expect(await again.search('averly')).toEqual(before)
    await again.close()
  })

  it('is rebuilt when damaged or from another format, and catches up with changes it missed', async () => {
    const dir = await tempDir()
    const { wb, ids } = await setup(dir)
    const expected = await wb.search('averly')
    await wb.close()
    const snapshot = join(dir, 'index', 'search.idx')
    await copyFile(snapshot, join(dir, 'old-search.idx'))

    const good = await readFile(snapshot)
    await writeFile(snapshot, good.subarray(0, good.length - 7))
    const damaged = await openTestWorkbench(dir)
    expect(await damaged.search('averly')).toEqual(expected)
    await damaged.close()

    const other = Buffer.from(good)
    other.writeUInt32LE(INDEX_FORMAT - 1, 4)
    await writeFile(snapshot, other)
    const otherFormat = await openTestWorkbench(dir)
    expect(await otherFormat.search('averly')).toEqual(expected)
    await otherFormat.close()
    expect(await snapshotFormat(dir)).toBe(INDEX_FORMAT)

    // Changes made by a session that crashed before its snapshot was written.
    const later = await openTestWorkbench(dir)
    await importText(later, 'late.txt', 'A late report about dredging.')
    const { text } = await later.getDocument(ids.ledger)
    await later.createAnnotation({
      docId: ids.ledger,
      start: 0,
      end: 9,
      note: 'check with the harbourmaster'
    })
    await later.close()
    await copyFile(join(dir, 'old-search.idx'), snapshot)
    const caughtUp = await openTestWorkbench(dir)
    expect(await titles(caughtUp, 'dredging')).toEqual(['A late report about dredging'])
    expect((await caughtUp.search('harbourmaster')).hits.map((h) => h.kind)).toEqual(['note'])
    expect(text.length).toBeGreaterThan(0)
    await caughtUp.close()
  })
})

describe('a full rebuild', () => {
  const queries = ['averly', '"safety systems"', 'ransom*', 'harbourmaster', 'port -cranes']

  const answers = async (wb: Workbench): Promise<unknown[]> => {
    const out: unknown[] = []
    for (const q of queries) out.push(await wb.search(q))
    return out
  }

  it('never holds up a highlight, a removal or a tag change, and searches still see them', async () => {
    const dir = await tempDir()
    const { wb, ids } = await setup(dir)
    const { value: tag } = await wb.createTag({ path: 'Harbour' })
    await wb.close()
    await rm(join(dir, 'index', 'search.idx'))
    // The rebuild cannot end before the gate file exists: a change that waited for the index
    // would never be confirmed.
    const gate = join(dir, 'gate')
    const wb2 = await openTestWorkbench(dir, {
      indexWorker: {
        file: fileURLToPath(
          new URL('../../../test-support/gated-index-worker.mjs', import.meta.url)
        ),
        workerData: { gate }
      }
    })
    const { value: highlight } = await wb2.createAnnotation({
      docId: ids.ledger,
      start: 0,
      end: 9,
      note: 'ask the harbourmaster'
    })
    await wb2.updateAnnotation(highlight.id, { tags: [tag.id] })
    await wb2.updateTag(tag.id, { name: 'Pilotage' })
    await wb2.removeDocument(ids.blog)
    await writeFile(gate, '')
    expect((await wb2.search('harbourmaster')).hits.map((h) => h.kind)).toEqual(['note'])
    expect((await wb2.search('pilotage')).hits.map((h) => h.kind)).toEqual(['note'])
    expect(await titles(wb2, 'insiders')).toEqual([])
    await wb2.close()
  })

  it('stops a rebuild still under way when the workspace is closed, and builds it again next time', async () => {
    const dir = await tempDir()
    const { wb } = await setup(dir)
    const expected = await answers(wb)
    await wb.close()
    await rm(join(dir, 'index', 'search.idx'))
    // The gate is never opened: closing must not wait for the rebuild to end.
    const stalled = await openTestWorkbench(dir, {
      indexWorker: {
        file: fileURLToPath(
          new URL('../../../test-support/gated-index-worker.mjs', import.meta.url)
        ),
        workerData: { gate: join(dir, 'gate') }
      }
    })
    await stalled.close()
    await expect(stat(join(dir, 'index', 'search.idx'))).rejects.toThrow(/ENOENT/)
    const next = await openTestWorkbench(dir)
    expect(await answers(next)).toEqual(expected)
    await next.close()
  })

  it('runs in a worker thread and answers exactly as one on the main thread', async () => {
    const dir = await tempDir()
    const { wb, ids } = await setup(dir)
    await wb.createAnnotation({
      docId: ids.ledger,
      start: 0,
      end: 9,
      note: 'ask the harbourmaster'
    })
    await wb.close()

    await rm(join(dir, 'index', 'search.idx'))
    const inProcess = await openTestWorkbench(dir)
    const expected = await answers(inProcess)
    await inProcess.close()

    await rm(join(dir, 'index', 'search.idx'))
    const inWorker = await openTestWorkbench(dir, { indexWorker: sourceIndexWorker })
    expect(await answers(inWorker)).toEqual(expected)
    expect((await inWorker.getWorkspaceInfo()).warnings).toEqual([])
    await inWorker.close()
    expect(await snapshotFormat(dir)).toBe(INDEX_FORMAT)

    // A worker that cannot start leaves the rebuild to the main thread: the same answers.
    await rm(join(dir, 'index', 'search.idx'))
    const fallback = await openTestWorkbench(dir, {
      indexWorker: { file: join(dir, 'no-such-worker.js') }
    })
    expect(await answers(fallback)).toEqual(expected)
    await fallback.close()
  })
})

describe('incremental updates', () => {
  const pool = Object.values(DOCS)
  const queries = [
    'averly',
    'port safety',
    'ransom*',
    '"safety systems"',
    'evidence OR bitcoin',
    'report'
  ]
  type Op =
    | { kind: 'import'; doc: number }
    | { kind: 'remove'; doc: number }
    | { kind: 'reimport'; doc: number; extra: string }
    | { kind: 'note'; doc: number; note: string }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('import' as const), doc: fc.nat(pool.length - 1) }),
    fc.record({ kind: fc.constant('remove' as const), doc: fc.nat(pool.length - 1) }),
    fc.record({
      kind: fc.constant('reimport' as const),
      doc: fc.nat(pool.length - 1),
      extra: fc.constantFrom('A new report on safety.', 'Port officials deny it.', 'Ransom paid?')
    }),
    fc.record({
      kind: fc.constant('note' as const),
      doc: fc.nat(pool.length - 1),
      note: fc.constantFrom('report checked', 'safety claim', 'averly port')
    })
  )

  const results = async (wb: Workbench): Promise<unknown[]> => {
    await wb.compactIndex()
    const out: unknown[] = []
    for (const q of queries)
      out.push(
        (await wb.search(q, { limit: 100 })).hits.map((h) => [
          h.kind,
          h.docId,
          h.start,
          h.end,
          Math.round(h.score * 1e6)
        ])
      )
    return out
  }

  it('give the same results as a fresh rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const dir = await tempDir()
        const wb = await openTestWorkbench(dir)
        const ids = new Map<number, string>()
        for (const o of ops) {
          const id = ids.get(o.doc)
          if (o.kind === 'import' && !id) {
            const out = await wb.importFile({ name: `d${o.doc}.md`, data: enc(pool[o.doc]) })
            if (out.status === 'imported') ids.set(o.doc, out.document.id)
          } else if (o.kind === 'remove' && id) {
            await wb.removeDocument(id)
            ids.delete(o.doc)
          } else if (o.kind === 'reimport' && id) {
            await wb
              .reimportDocument(id, {
                name: `d${o.doc}-v2.md`,
                data: enc(`${pool[o.doc]}\n\n${o.extra} ${ops.length}`)
              })
              .catch(() => undefined)
          } else if (o.kind === 'note' && id) {
            await wb.setDocumentNote(id, o.note)
          }
        }
        const incremental = await results(wb)
        await wb.close()
        await rm(join(dir, 'index', 'search.idx'), { force: true })
        const rebuilt = await openTestWorkbench(dir)
        expect(await results(rebuilt)).toEqual(incremental)
        await rebuilt.close()
      }),
      { numRuns: 15 }
    )
  }, 180_000)
})

describe('one very long word', () => {
  // A text of 20 million letters and no space took a minute to cut into passages (the parse
  // timeout); a query word of 45,000 letters took 2 GB and one of 98,000 crashed (now refused
  // past 2,000 characters, see the CLI tests).
  it('imports a 20-million-character one-word text and searches it with a word just under the cap', async () => {
    const wb = await openTestWorkbench(await tempDir())
    const outcome = await wb.importFile({
      name: 'one-word.txt',
      data: enc(oneWordText(20_000_000))
    })
    expect(outcome.status).toBe('imported')
    expect((await wb.search('harbour'.repeat(285))).hits).toEqual([])
    expect((await wb.search(`${'h'.repeat(1_990)} harbour`)).hits).toEqual([])
    await wb.close()
  })
})
