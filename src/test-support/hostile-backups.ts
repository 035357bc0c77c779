/** Hostile backups (JSON exports) for restore, re-exported by hostile.ts with the other hostile inputs. */
import { createHash } from 'node:crypto'

/** A backup (`workbench export --format json`) as the tests and benches build it, by hand. */
export interface BackupSpec {
  /** Documents, each with its own text (default 1). */
  documents?: number
  /** Tags, all at the top level unless `chain` (default 0). */
  tags?: number
  /** Tags in one chain, each under the one before. */
  chain?: boolean
  /** Highlights, spread over the documents, each with one tag (the i-th tag, round the tags). */
  highlights?: number
  /** The text of every document (its number is put in front); default a short paragraph. */
  text?: string
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

/** A backup that restores: ids, references and offsets as the app writes them. */
export function makeBackup(spec: BackupSpec = {}): BackupJson {
  const n = spec.documents ?? 1
  const body =
    spec.text ?? 'Ships idle at the harbour today, said the port authority of Averly on Tuesday.'
  const texts: BackupJson['texts'] = {}
  const documents: BackupJson['workspace']['documents'] = []
  for (let i = 0; i < n; i++) {
    const text = `${i + 1}. ${body}`
    const textSha256 = sha256(text)
    texts[textSha256] = { text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }] }
    documents.push({
      id: `d${String(i).padStart(6, '0')}`,
      title: `Report ${i + 1}`,
      author: null,
      published: null,
      source: null,
      originalName: `report-${i + 1}.txt`,
      format: 'txt',
      sha256: sha256(`original ${i}`),
      textSha256,
      bytes: text.length,
      chars: text.length,
      words: text.split(' ').length,
      importedAt: '2025-03-06T09:00:00.000Z',
      importOrder: i + 1
    })
  }
  const tags = Array.from({ length: spec.tags ?? 0 }, (_, i) => ({
    id: `t${i}`,
    name: `Theme ${i}`,
    parent: spec.chain && i > 0 ? `t${i - 1}` : null,
    color: '#2563eb',
    description: ''
  }))
  const annotations: BackupJson['annotations'] = {}
  for (let i = 0; i < (spec.highlights ?? 0); i++) {
    const doc = documents[i % n]
    const text = texts[doc.textSha256].text
    const start = (i * 7) % Math.max(1, text.length - 12)
    const file = (annotations[doc.id] ??= {
      schemaVersion: 1,
      docId: doc.id,
      note: '',
      annotations: [],
      generation: 0
    })
    file.annotations.push({
      id: `${doc.id}.${i}`,
      docId: doc.id,
      quote: {
        type: 'TextQuoteSelector',
        exact: text.slice(start, start + 10),
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + 10, start + 42)
      },
      position: { type: 'TextPositionSelector', start, end: start + 10 },
      status: 'anchored',
      color: 'yellow',
      tags: tags.length ? [tags[i % tags.length].id] : [],
      note: '',
      created: '2025-03-06T09:00:00.000Z',
      modified: '2025-03-06T09:00:00.000Z'
    })
  }
  return {
    format: 'analyst-workbench-export',
    version: 2,
    exportedAt: '2025-03-06T09:00:00.000Z',
    workspace: {
      schemaVersion: 1,
      nextImportOrder: n + 1,
      documents,
      codebook: { tags },
      memos: []
    },
    texts,
    annotations
  }
}

/** The shape of a backup file, loosely: hostile variants break it on purpose. */
export interface BackupJson {
  format: string
  version: number
  exportedAt: string
  workspace: {
    schemaVersion: number
    nextImportOrder: number
    documents: ({ id: string; textSha256: string } & Record<string, unknown>)[]
    codebook: {
      tags: {
        id: string
        name: string
        parent: string | null
        color: string
        description: string
      }[]
    }
    memos: ({ id: string; docIds: string[]; tagIds: string[] } & Record<string, unknown>)[]
  }
  texts: Record<string, { text: string; blocks: { kind: string; start: number; end: number }[] }>
  annotations: Record<
    string,
    {
      schemaVersion: number
      docId: string
      note: string
      generation: number
      annotations: ({
        id: string
        docId: string
        position: { type: string; start: number; end: number }
        tags: string[]
      } & Record<string, unknown>)[]
    }
  >
  reliability?: unknown
}

/** Replaces a document's id everywhere the backup names it. */
function renameDocument(b: BackupJson, from: string, to: string): void {
  for (const d of b.workspace.documents) if (d.id === from) d.id = to
  const file = b.annotations[from]
  if (file) {
    delete b.annotations[from]
    file.docId = to
    for (const a of file.annotations) {
      a.docId = to
      a.id = a.id.replace(from, to)
    }
    b.annotations[to] = file
  }
}

export interface HostileBackup {
  name: string
  backup: BackupJson
  /** What the one-sentence refusal says (after the file's name). */
  reason: RegExp
}

/**
 * Backups that parse as JSON and look like ours but that the app could not use: each is refused
 * whole, with one sentence naming the file and the problem.
 */
export function hostileBackups(): HostileBackup[] {
  const base = (spec: BackupSpec = {}): BackupJson =>
    makeBackup({ documents: 2, tags: 3, highlights: 4, ...spec })
  const out: HostileBackup[] = []
  const add = (name: string, reason: RegExp, edit: (b: BackupJson) => void, spec?: BackupSpec) => {
    const backup = base(spec)
    edit(backup)
    out.push({ name, backup, reason })
  }
  add('a document id with a slash', /the document id "\.\.\/d000000" is not one of ours/, (b) =>
    renameDocument(b, 'd000000', '../d000000')
  )
  add('a document id used twice', /the document id "d000000" is used twice/, (b) => {
    b.workspace.documents[1].id = 'd000000'
  })
  add('a tag id used twice', /the tag id "t1" is used twice/, (b) => {
    b.workspace.codebook.tags[2].id = 't1'
  })
  add('a tag id with a slash', /the tag id "t\/1" is not one of ours/, (b) => {
    b.workspace.codebook.tags[1].id = 't/1'
  })
  add('an annotation id used twice', /the highlight id "d000000\.0" is used twice/, (b) => {
    const file = b.annotations.d000000
    file.annotations[1].id = file.annotations[0].id
  })
  add('a memo id used twice', /the memo id "m1" is used twice/, (b) => {
    const memo = {
      id: 'm1',
      title: 'Memo',
      text: 'Text',
      docIds: [],
      tagIds: [],
      created: '2025-03-06T09:00:00.000Z',
      modified: '2025-03-06T09:00:00.000Z'
    }
    b.workspace.memos.push(memo, { ...memo })
  })
  add(
    'a tag under a missing parent',
    /the tag "t1" is under "t9", which is not in the codebook/,
    (b) => {
      b.workspace.codebook.tags[1].parent = 't9'
    }
  )
  add('a cycle of tags', /the tags "t0", "t2" and "t1" are each under another in a loop/, (b) => {
    const [t0, t1, t2] = b.workspace.codebook.tags
    t0.parent = 't2'
    t1.parent = 't0'
    t2.parent = 't1'
  })
  add('a tag under itself', /the tag "t1" is under itself/, (b) => {
    b.workspace.codebook.tags[1].parent = 't1'
  })
  add(
    'a tag chain 20,000 deep',
    /the tag "t32" is nested 33 deep; the codebook allows at most 32 levels/,
    () => {},
    { tags: 20_000, chain: true, highlights: 0 }
  )
  add(
    'an annotation on a missing document',
    /the highlight "d000009\.0" is on the document "d000009", which is not in the backup/,
    (b) => renameDocumentFile(b, 'd000000', 'd000009')
  )
  add(
    'an annotation filed under another document',
    /the highlight "d000001\.1" is filed under the document "d000000"/,
    (b) => {
      b.annotations.d000000.annotations.push(...b.annotations.d000001.annotations.splice(0, 1))
    }
  )
  add(
    'an annotation past the end of its text',
    /the highlight "d000000\.0" lies at 5–5000, outside its document's 81 characters/,
    (b) => {
      b.annotations.d000000.annotations[0].position = {
        type: 'TextPositionSelector',
        start: 5,
        end: 5000
      }
    }
  )
  add(
    'an annotation that ends before it starts',
    /the highlight "d000000\.0" lies at 9–3, outside its document's 81 characters/,
    (b) => {
      b.annotations.d000000.annotations[0].position = {
        type: 'TextPositionSelector',
        start: 9,
        end: 3
      }
    }
  )
  add(
    'a tag name 300 characters long',
    /the tag "t0" has a name longer than 200 characters/,
    (b) => {
      b.workspace.codebook.tags[0].name = 'x'.repeat(300)
    }
  )
  add('a tag name with a slash', /the tag "t0" has a "\/" in its name/, (b) => {
    b.workspace.codebook.tags[0].name = 'Actors/Lazarus'
  })
  return out
}

/** Moves a document's annotation file to another key, as if its document were missing. */
function renameDocumentFile(b: BackupJson, from: string, to: string): void {
  const file = b.annotations[from]
  delete b.annotations[from]
  file.docId = to
  for (const a of file.annotations) {
    a.docId = to
    a.id = a.id.replace(from, to)
  }
  b.annotations[to] = file
}
