import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../test-support/temp-dir'
import { cli } from '../test-support/cli'
import { CONTROL_CHARS } from '../core/domain/text/control-chars'

const tempDir = useTempDirs()

const REPORT =
  'The blog said a foreign state was behind the attack.\nCERT Averly found no evidence of a state actor. The blog said more.'

async function workspaceWithDoc(): Promise<{ ws: string; id: string; src: string }> {
  const ws = await tempDir()
  const src = await tempDir()
  await writeFile(join(src, 'report.txt'), REPORT)
  const { out } = await cli('--workspace', ws, 'import', join(src, 'report.txt'), '--json')
  return { ws, id: JSON.parse(out).imported[0].id, src }
}

describe('annotation commands', () => {
  it('annotates a quote with tags (created when new), lists annotations and tags as JSON', async () => {
    const { ws, id } = await workspaceWithDoc()
    const made = await cli(
      '--workspace',
      ws,
      'annotate',
      id,
      '--quote',
      'The blog said',
      '--occurrence',
      '2',
      '--tag',
      'Sources/Blog',
      '--tag',
      'Claims',
      '--note',
      'Repeats itself',
      '--color',
      'pink',
      '--json'
    )
    expect(made.code).toBe(0)
    const { text } = JSON.parse((await cli('--workspace', ws, 'show', id, '--json')).out)
    const second = text.indexOf('The blog said', 1)
    expect(JSON.parse(made.out)).toEqual({
      id: expect.stringMatching(new RegExp(`^${id}\\.`)),
      docId: id,
      quote: 'The blog said',
      start: second,
      end: second + 13,
      tags: ['Sources/Blog', 'Claims'],
      note: 'Repeats itself',
      color: 'pink',
      status: 'anchored'
    })
    await cli(
      '--workspace',
      ws,
      'annotate',
      id,
      '--quote',
      'no evidence of a state actor',
      '--tag',
      'Sources'
    )
    const all = JSON.parse((await cli('--workspace', ws, 'annotations', '--json')).out)
    expect(all.map((a: { quote: string }) => a.quote)).toEqual([
      'no evidence of a state actor',
      'The blog said'
    ])
    const bySource = JSON.parse(
      (await cli('--workspace', ws, 'annotations', '--tag', 'Sources', '--json')).out
    )
    expect(bySource).toHaveLength(2)
    const byBlog = JSON.parse(
      (await cli('--workspace', ws, 'annotations', '--doc', id, '--tag', 'sources/blog', '--json'))
        .out
    )
    expect(byBlog.map((a: { quote: string }) => a.quote)).toEqual(['The blog said'])
    const tags = JSON.parse((await cli('--workspace', ws, 'tags', '--json')).out)
    expect(
      tags.map((t: { path: string; count: number; parent: string | null }) => [
        t.path,
        t.count,
        t.parent === null
      ])
    ).toEqual([
      ['Claims', 1, true],
      ['Sources', 1, true],
      ['Sources/Blog', 1, false]
    ])
    expect(Object.keys(tags[0]).sort()).toEqual(['color', 'count', 'id', 'name', 'parent', 'path'])
  })

  it('exits 1 with a clear message when the quote is not in the document', async () => {
    const { ws, id } = await workspaceWithDoc()
    expect(
      await cli('--workspace', ws, 'annotate', id, '--quote', 'a sentence that is not there')
    ).toEqual({
      code: 1,
      out: '',
      err: `workbench: The quote was not found in "The blog said a foreign state was behind the attack" (${id}). It must match the document's text exactly (see workbench show ${id}).\n`
    })
    expect(
      (
        await cli(
          '--workspace',
          ws,
          'annotate',
          id,
          '--quote',
          'The blog said',
          '--occurrence',
          '3'
        )
      ).err
    ).toBe(
      'workbench: The quote appears 2 times in "The blog said a foreign state was behind the attack", so there is no occurrence 3.\n'
    )
    expect(
      (await cli('--workspace', ws, 'annotate', id, '--quote', 'x', '--color', 'mauve')).code
    ).toBe(2)
  })

  it('re-imports a new version and reports anchored, moved and orphaned', async () => {
    const { ws, id, src } = await workspaceWithDoc()
    await cli('--workspace', ws, 'annotate', id, '--quote', 'The blog said a foreign state')
    await cli('--workspace', ws, 'annotate', id, '--quote', 'no evidence of a state actor')
    await cli('--workspace', ws, 'annotate', id, '--quote', 'The blog said more.')
    await writeFile(
      join(src, 'report-v2.txt'),
      'The blog said a foreign state was behind the attack.\nUpdate: the port reopened.\nCERT Averly found no evidence of a state actor.'
    )
    const result = await cli(
      '--workspace',
      ws,
      'reimport',
      id,
      join(src, 'report-v2.txt'),
      '--json'
    )
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toEqual({ anchored: 1, moved: 1, orphaned: 1 })
    const listed = JSON.parse((await cli('--workspace', ws, 'annotations', '--json')).out)
    expect(listed.map((a: { status: string }) => a.status).sort()).toEqual([
      'anchored',
      'anchored',
      'orphaned'
    ])
  })

  it('creates, renames, moves, merges and deletes tags', async () => {
    const { ws, id } = await workspaceWithDoc()
    expect(
      (
        await cli(
          '--workspace',
          ws,
          'tag',
          'create',
          'Actors/State',
          '--description',
          'Governments'
        )
      ).code
    ).toBe(0)
    await cli(
      '--workspace',
      ws,
      'annotate',
      id,
      '--quote',
      'a foreign state',
      '--tag',
      'Actors/State'
    )
    expect(
      (await cli('--workspace', ws, 'tag', 'rename', 'Actors/State', 'Nation-state')).out
    ).toBe('renamed Actors/State to Nation-state\n')
    await cli('--workspace', ws, 'tag', 'create', 'Claims')
    expect(
      (await cli('--workspace', ws, 'tag', 'move', 'Actors/Nation-state', 'Claims')).code
    ).toBe(0)
    await cli('--workspace', ws, 'tag', 'create', 'Attribution')
    expect(
      (await cli('--workspace', ws, 'tag', 'merge', 'Claims/Nation-state', 'Attribution')).out
    ).toBe('merged Claims/Nation-state into Attribution\n')
    expect(JSON.parse((await cli('--workspace', ws, 'annotations', '--json')).out)[0].tags).toEqual(
      ['Attribution']
    )
    expect((await cli('--workspace', ws, 'tag', 'delete', 'Attribution')).out).toBe(
      'deleted Attribution; removed from 1 passage\n'
    )
    expect((await cli('--workspace', ws, 'tags')).out).toBe('Actors  (0)\nClaims  (0)\n')
    expect(await cli('--workspace', ws, 'tag', 'delete', 'Nope')).toMatchObject({
      code: 1,
      err: 'workbench: No tag "Nope" in the codebook (see workbench tags).\n'
    })
  })
})

describe('naming a tag', () => {
  it('takes a bare unique name in annotations --tag exactly as search takes it in tag:', async () => {
    const { ws, id } = await workspaceWithDoc()
    await cli(
      '--workspace',
      ws,
      'annotate',
      id,
      '--quote',
      'a foreign state',
      '--tag',
      'Actors/State'
    )
    await cli('--workspace', ws, 'annotate', id, '--quote', 'the attack', '--tag', 'Claims')
    const listed = JSON.parse(
      (await cli('--workspace', ws, 'annotations', '--tag', 'state', '--json')).out
    )
    expect(listed.map((r: { quote: string }) => r.quote)).toEqual(['a foreign state'])
    const found = JSON.parse(
      (await cli('--workspace', ws, 'search', 'foreign tag:state', '--json')).out
    )
    expect(found.length).toBeGreaterThan(0)
    // A filter alone lists the passages it selects.
    const tagged = JSON.parse((await cli('--workspace', ws, 'search', 'tag:Claims', '--json')).out)
    expect(tagged.map((r: { snippet: string; kind: string }) => [r.kind, r.snippet])).toEqual([
      ['text', 'the attack']
    ])
    // A name two tags share is ambiguous for both: the whole path is needed.
    await cli('--workspace', ws, 'tag', 'create', 'Claims/State')
    const ambiguous = await cli('--workspace', ws, 'annotations', '--tag', 'State')
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.err).toContain('"State" is the name of 2 tags')
    const warned = JSON.parse(
      (await cli('--workspace', ws, 'search', 'attack tag:State', '--json')).out
    )
    expect(warned).toEqual([])
  })
})

describe('search command', () => {
  it('prints one row per matching passage, best first, as JSON', async () => {
    const { ws, id } = await workspaceWithDoc()
    const res = await cli('--workspace', ws, 'search', 'evidence state', '--json')
    expect(res.code).toBe(0)
    const rows = JSON.parse(res.out)
    expect(rows).toEqual([
      {
        kind: 'text',
        docId: id,
        title: 'The blog said a foreign state was behind the attack',
        score: expect.any(Number),
        snippet: expect.stringContaining('no evidence of a state actor'),
        start: 0,
        end: expect.any(Number)
      }
    ])
    expect(Object.keys(rows[0])).toEqual([
      'kind',
      'docId',
      'title',
      'score',
      'snippet',
      'start',
      'end'
    ])
    const human = await cli('--workspace', ws, 'search', 'evidence')
    expect(human.out).toContain('no »evidence« of a state actor')
    const malformed = await cli('--workspace', ws, 'search', '"foreign state', '--json')
    expect(malformed).toMatchObject({
      code: 0,
      err: 'note: The closing quote is missing: the rest of the query was searched as one phrase.\n'
    })
    expect(JSON.parse(malformed.out)).toHaveLength(1)
  })
})

describe('export and restore commands', () => {
  it('exports Markdown and CSV to stdout or a file, and restores a json export into an empty workspace only', async () => {
    const { ws, id, src } = await workspaceWithDoc()
    await cli(
      '--workspace',
      ws,
      'annotate',
      id,
      '--quote',
      'no evidence of a state actor',
      '--tag',
      'Attribution/Official',
      '--note',
      'CERT says so'
    )
    const md = await cli('--workspace', ws, 'export', '--group-by', 'tag')
    expect(md.code).toBe(0)
    expect(md.out).toContain('## Attribution/Official\n\n> no evidence of a state actor')
    const csv = await cli('--workspace', ws, 'export', '--format', 'csv', '--tag', 'Attribution')
    // Offsets, then the source, its grades (none here) and the flags the import raised.
    expect(csv.out.split('\r\n')[1]).toMatch(
      new RegExp(
        `^The blog said a foreign state was behind the attack,${id},Attribution/Official,no evidence of a state actor,CERT says so,\\d+,\\d+,,,,,0,no-named-source$`
      )
    )
    const backup = join(src, 'backup.json')
    const written = await cli('--workspace', ws, 'export', '--format', 'json', '-o', backup)
    expect(written).toMatchObject({
      code: 0,
      out: '',
      err: `wrote ${backup}: 1 documents, 1 passages, 0 memos\n`
    })
    const titled = await cli('--workspace', ws, 'export', '--title', 'Port brief')
    expect(titled.out).toContain('\n# Port brief\n')
    const memos = join(src, 'memos.md')
    expect(await cli('--workspace', ws, 'export', '--memos', '-o', memos)).toMatchObject({
      code: 0,
      err: `wrote ${memos}: 0 memos\n`
    })
    expect((await cli('--workspace', ws, 'restore', backup)).err).toMatch(
      /is not empty \(1 documents, 2 tags\)/
    )
    const fresh = join(await tempDir(), 'restored')
    expect(await cli('--workspace', fresh, 'restore', backup)).toMatchObject({
      code: 0,
      out: `restored 1 documents and 1 passages into ${fresh}\n`
    })
    const withoutTime = (s: string): string => s.replace(/^exported-at: .*$/m, '')
    expect(withoutTime((await cli('--workspace', fresh, 'export', '--group-by', 'tag')).out)).toBe(
      withoutTime(md.out)
    )
    expect(
      (await cli('--workspace', ws, 'export', '--format', 'json', '--tag', 'Attribution')).code
    ).toBe(1)
    expect((await cli('--workspace', ws, 'export', '--format', 'pdf')).code).toBe(2)
    const viaBackup = join(src, 'via-backup.json')
    expect(await cli('--workspace', ws, 'backup', '-o', viaBackup)).toMatchObject({
      code: 0,
      out: `wrote ${viaBackup}: 1 documents, 1 passages\n`
    })
    const { exportedAt: _a, ...fromBackup } = JSON.parse(await readFile(viaBackup, 'utf8'))
    const { exportedAt: _b, ...fromExport } = JSON.parse(await readFile(backup, 'utf8'))
    expect(fromBackup).toEqual(fromExport)
  })
})

describe('untrusted text on the terminal', () => {
  const ESCAPES = new RegExp(CONTROL_CHARS.source)

  it('never prints the control characters of titles, file names, tags or notes', async () => {
    const ws = await tempDir()
    const src = await tempDir()
    const name = join(src, 'evil\u001b[2Jname.txt')
    await writeFile(name, 'Title \u009b31m here\nThe harbour systems failed.')
    const imported = await cli('--workspace', ws, 'import', name)
    expect(imported.out).toContain('evil\\x1B[2Jname.txt')
    const id = JSON.parse((await cli('--workspace', ws, 'list', '--json')).out)[0].id
    await cli('--workspace', ws, 'tag', 'create', 'Evil\u001b]0;owned\u0007')
    const note = '\u001b[31mred\u001b[0m'
    await cli('--workspace', ws, 'annotate', id, '--quote', 'harbour', '--note', note)
    for (const args of [
      ['list'],
      ['tags'],
      ['annotations'],
      ['search', 'harbour'],
      ['show', id],
      ['annotations', '--json'],
      ['list', '--json']
    ]) {
      const { out, err } = await cli('--workspace', ws, ...args)
      expect(out + err, args.join(' ')).not.toMatch(ESCAPES)
    }
    const rows = JSON.parse((await cli('--workspace', ws, 'annotations', '--json')).out)
    expect(rows[0].note).toBe(note)
  })
})

describe('search queries', () => {
  it('takes a word starting with - as an exclusion, not an option', async () => {
    const ws = await tempDir()
    const src = await tempDir()
    // Paragraphs long enough to be passages of their own.
    const filler = ' Cranes stood still and trucks queued at the gates.'.repeat(9)
    await writeFile(
      join(src, 'two.txt'),
      `Harbour systems failed.${filler}\n\nThe blog blamed the harbour.${filler}`
    )
    await cli('--workspace', ws, 'import', join(src, 'two.txt'))
    const all = JSON.parse((await cli('--workspace', ws, 'search', 'harbour', '--json')).out)
    expect(all.length).toBe(2)
    for (const args of [
      ['harbour', '-blog', '--json'],
      ['-blog', 'harbour', '--json'],
      ['--json', '-blog', 'harbour', '--limit', '5']
    ]) {
      const res = await cli('--workspace', ws, 'search', ...args)
      expect(res.code).toBe(0)
      const snippets = JSON.parse(res.out).map((h: { snippet: string }) => h.snippet)
      expect(snippets).toEqual([expect.stringContaining('Harbour systems failed.')])
    }
  })

  it('refuses a query longer than the app takes, with a clear message', async () => {
    const { ws } = await workspaceWithDoc()
    const res = await cli('--workspace', ws, 'search', 'x'.repeat(98_000))
    expect(res).toMatchObject({ code: 1, out: '' })
    expect(res.err).toBe(
      'workbench: The query is 98,000 characters long; a query can be at most 2,000.\n'
    )
  })
})

describe('writing to a path that cannot be written', () => {
  it('says so in one plain sentence naming the path, not EISDIR or ENOTDIR', async () => {
    const { ws } = await workspaceWithDoc()
    const dir = await tempDir()
    await writeFile(join(dir, 'file'), 'x')
    for (const [args, message] of [
      [['export', '-o', dir], `workbench: ${dir} is a folder: give the name of a file to write.\n`],
      [['backup', '-o', dir], `workbench: ${dir} is a folder: give the name of a file to write.\n`],
      [
        ['export', '-o', join(dir, 'file', 'notes.md')],
        `workbench: ${join(dir, 'file', 'notes.md')} cannot be written: a part of that path is a file, not a folder.\n`
      ]
    ] as const) {
      const res = await cli('--workspace', ws, ...args)
      expect(res).toMatchObject({ code: 1, err: message })
    }
  })
})
