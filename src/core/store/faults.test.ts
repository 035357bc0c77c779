import { spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { sourceWorker } from '../../test-support/worker'
import { SNAPSHOT_FILE } from '../features/search/index-snapshot'
import { createWorkbench } from '../workbench'

/**
 * Fault injection: a session of work is saved, then one file of the workspace is damaged in one
 * way, and the workspace is opened again. It must open, and every acknowledged document,
 * highlight, note, tag and memo must still be there, or be named in what the app says.
 */

const tempDir = useTempDirs()
const child = fileURLToPath(new URL('../../test-support/session-child.ts', import.meta.url))

interface Acknowledged {
  docs: { id: string; title: string }[]
  highlights: { docId: string; id: string }[]
  tag: string
  memo: string
}

function session(mode: 'close' | 'kill', dir: string): Promise<Acknowledged> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, mode, dir], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()))
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()))
    proc.on('exit', (code, signal) =>
      (mode === 'kill' ? signal === 'SIGKILL' : code === 0) && out.trim()
        ? resolve(JSON.parse(out.trim()) as Acknowledged)
        : reject(new Error(`session failed: ${err}`))
    )
  })
}

type Damage = 'truncate' | 'flip a byte' | 'delete' | 'replace with a folder'
const DAMAGES: Damage[] = ['truncate', 'flip a byte', 'delete', 'replace with a folder']

async function damage(file: string, how: Damage): Promise<void> {
  if (how === 'delete') return rm(file, { recursive: true })
  if (how === 'replace with a folder') {
    await rm(file, { recursive: true })
    return mkdir(file).then(() => undefined)
  }
  const { size } = await stat(file)
  if (how === 'truncate') return truncate(file, Math.floor(size / 2))
  const bytes = await readFile(file)
  bytes[Math.floor(size / 2)] ^= 0x5a
  await writeFile(file, bytes)
}

/** The workspace's files of each kind (a first document's annotation files stand for all). */
async function filesOf(dir: string, ack: Acknowledged): Promise<Record<string, string>> {
  const files: Record<string, string> = {
    catalog: 'workspace.json',
    'catalog journal': 'workspace.journal',
    pack: 'texts/pack-000001.awp',
    'annotation file': `annotations/${ack.docs[0].id}.json`,
    'annotation journal': `annotations/${ack.docs[0].id}.journal`,
    'lock owner': 'workspace.lock-owner.json',
    index: `index/${SNAPSHOT_FILE}`,
    fingerprints: 'index/fingerprints.bin'
  }
  const present: Record<string, string> = {}
  for (const [kind, name] of Object.entries(files))
    if (
      await stat(join(dir, name)).then(
        () => true,
        () => false
      )
    )
      present[kind] = name
  return present
}

const bases: Record<
  'close' | 'kill',
  { dir: string; ack: Acknowledged; files: Record<string, string> }
> = {} as never

const baseDirs: string[] = []
afterAll(() => Promise.all(baseDirs.map((d) => rm(d, { recursive: true, force: true }))))

beforeAll(async () => {
  for (const mode of ['close', 'kill'] as const) {
    const root = await mkdtemp(join(tmpdir(), 'workbench-faults-'))
    baseDirs.push(root)
    const dir = join(root, 'ws')
    const ack = await session(mode, dir)
    bases[mode] = { dir, ack, files: await filesOf(dir, ack) }
  }
}, 60_000)

/** The files each session leaves: a closed one has checkpointed its journals and saved its index. */
const KINDS = {
  close: ['catalog', 'pack', 'annotation file', 'index', 'fingerprints'],
  kill: [
    'catalog',
    'catalog journal',
    'pack',
    'annotation file',
    'annotation journal',
    'lock owner'
  ]
} as const

/** Everything comes back whole but from a damaged pack, whose texts are named instead. */
const TEXTS = 'pack'

describe('one damaged file of the workspace', () => {
  it('the sessions leave every kind of file to damage', () => {
    for (const mode of ['close', 'kill'] as const)
      expect(Object.keys(bases[mode].files).sort(), mode).toEqual([...KINDS[mode]].sort())
  })

  for (const mode of ['close', 'kill'] as const)
    for (const kind of KINDS[mode])
      for (const how of DAMAGES)
        it(`after a session that ${mode === 'close' ? 'closed' : 'was killed'}: ${kind}, ${how}`, async () => {
          const base = bases[mode]
          const name = base.files[kind]
          expect(name, 'the session left this file').toBeDefined()
          const dir = join(await tempDir(), 'ws')
          await cp(base.dir, dir, { recursive: true })
          await damage(join(dir, name), how)
          const warnings: string[] = []
          const wb = await createWorkbench(dir, {
            parserWorker: sourceWorker,
            onWarning: (m) => warnings.push(m)
          })
          try {
            const listed = new Set((await wb.listDocuments()).map((d) => d.id))
            expect([...listed].sort(), warnings.join('\n')).toEqual(
              base.ack.docs.map((d) => d.id).sort()
            )
            for (const doc of base.ack.docs)
              await wb.getDocument(doc.id).catch((err: Error) => {
                // A text that cannot be read is named when it is opened.
                expect(kind, `${doc.title}: ${err.message}`).toBe(TEXTS)
                expect(err.message).toContain(doc.title)
              })
            for (const h of base.ack.highlights)
              expect((await wb.listAnnotations(h.docId)).map((a) => a.id)).toContain(h.id)
            expect(await wb.getDocumentNote(base.ack.docs[0].id)).toBe(
              'Checked against the port log.'
            )
            expect((await wb.listTags()).map((t) => t.id)).toContain(base.ack.tag)
            expect((await wb.listMemos()).map((m) => m.id)).toContain(base.ack.memo)
            // Search and the full backup still work; what the backup could not read, it names.
            await wb.search('convoy')
            const backup = await wb.exportWorkspace({ format: 'json' })
            expect(backup.documents + (backup.leftOut?.length ?? 0)).toBe(5)
            if (backup.leftOut?.length) expect(kind, backup.leftOut.join('\n')).toBe(TEXTS)
          } finally {
            await wb.close()
          }
        })
})

describe('the catalog lost with its backups, or a repair cut short', () => {
  it('without workspace.json and its backups, the documents come back from the packs, with their highlights', async () => {
    const base = bases.close
    const dir = join(await tempDir(), 'ws')
    await cp(base.dir, dir, { recursive: true })
    await rm(join(dir, 'workspace.json'))
    await rm(join(dir, 'backups'), { recursive: true })
    const warnings: string[] = []
    const wb = await createWorkbench(dir, {
      parserWorker: sourceWorker,
      onWarning: (m) => warnings.push(m)
    })
    try {
      const docs = await wb.listDocuments()
      expect(docs.map((d) => [d.id, d.title]).sort()).toEqual(
        base.ack.docs.map((d) => [d.id, d.title]).sort()
      )
      expect(warnings.join('\n')).toMatch(/5 documents were found again/)
      for (const h of base.ack.highlights)
        expect((await wb.listAnnotations(h.docId)).map((a) => a.id)).toContain(h.id)
    } finally {
      await wb.close()
    }
    // Saved as found: the next start needs no repair.
    const again = await createWorkbench(dir, { parserWorker: sourceWorker })
    expect(await again.listDocuments()).toHaveLength(5)
    expect((await again.getWorkspaceInfo()).warnings).toEqual([])
    await again.close()
  })

  it('a kill -9 at any step of repairing a damaged catalog leaves one that the next start repairs', async () => {
    const base = bases.close
    const damaged = join(await tempDir(), 'ws')
    await cp(base.dir, damaged, { recursive: true })
    await truncate(join(damaged, 'workspace.json'), 100)
    let finished = false
    for (let step = 1; !finished && step < 40; step++) {
      const dir = join(await tempDir(), 'ws')
      await cp(damaged, dir, { recursive: true })
      finished = !(await killedAt(dir, step))
      const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
      try {
        expect((await wb.listDocuments()).map((d) => d.id).sort(), `step ${step}`).toEqual(
          base.ack.docs.map((d) => d.id).sort()
        )
        expect(
          (await wb.listTags()).map((t) => t.id),
          `step ${step}`
        ).toContain(base.ack.tag)
        expect(
          (await wb.listMemos()).map((m) => m.id),
          `step ${step}`
        ).toContain(base.ack.memo)
      } finally {
        await wb.close()
      }
    }
    expect(finished).toBe(true)
  }, 120_000)
})

describe('documents found again in the packs', () => {
  it('after an ordinary crash during an append, nothing emptied from the Trash comes back', async () => {
    const dir = join(await tempDir(), 'ws')
    const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
    const o = await wb.importFile({ name: 'gone.txt', data: new TextEncoder().encode('Gone.') })
    if (o.status !== 'imported') throw new Error(JSON.stringify(o))
    await wb.removeDocument(o.document.id)
    await wb.emptyTrash()
    await wb.createTag({ path: 'Weather' })
    const crashed = join(await tempDir(), 'ws')
    await cp(dir, crashed, { recursive: true, filter: (src) => !src.includes('workspace.lock') })
    await wb.close()
    // The power cut falls on the last append: both copies end in half a line.
    for (const name of ['workspace.journal', 'workspace.journal.copy']) {
      const file = join(crashed, name)
      await truncate(file, (await stat(file)).size - 10)
    }
    const again = await createWorkbench(crashed, { parserWorker: sourceWorker })
    expect(await again.listDocuments()).toEqual([])
    await again.close()
  })

  it('after a damaged journal line, a document emptied from the Trash stays gone, and the newest import comes back', async () => {
    const dir = join(await tempDir(), 'ws')
    const wb = await createWorkbench(dir, { parserWorker: sourceWorker })
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
    const imported = async (name: string, text: string): Promise<string> => {
      const o = await wb.importFile({ name, data: enc(text) })
      if (o.status !== 'imported') throw new Error(JSON.stringify(o))
      return o.document.id
    }
    const gone = await imported('gone.txt', 'A document removed for good.')
    const kept = await imported('kept.txt', 'A document that stays.')
    await wb.removeDocument(gone)
    await wb.emptyTrash()
    const newest = await imported('newest.txt', 'The last document imported.')
    // What a crash leaves at this moment, with the journal's last line (the newest import)
    // damaged in both copies.
    const crashed = join(await tempDir(), 'ws')
    await cp(dir, crashed, { recursive: true, filter: (src) => !src.includes('workspace.lock') })
    await wb.close()
    for (const name of ['workspace.journal', 'workspace.journal.copy']) {
      const file = join(crashed, name)
      const bytes = await readFile(file)
      bytes[bytes.length - 10] ^= 0x5a
      await writeFile(file, bytes)
    }
    const again = await createWorkbench(crashed, { parserWorker: sourceWorker })
    expect((await again.listDocuments()).map((d) => d.id).sort()).toEqual([kept, newest].sort())
    await again.close()
  })
})

const killChild = fileURLToPath(new URL('../../test-support/reimport-child.ts', import.meta.url))

/** Opens the workspace in a child killed at its `step`th fsync; false if it finished first. */
function killedAt(dir: string, step: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', killChild, 'open', dir, String(step)],
      {
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    let err = ''
    proc.stderr.on('data', (c: Buffer) => (err += c.toString()))
    proc.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(true) : code === 0 ? resolve(false) : reject(new Error(err))
    )
  })
}
