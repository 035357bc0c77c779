import { createHash } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { Block, DocumentMeta } from '../../shared/model'
import { WorkbenchError } from '../errors'
import { removeStaleTempFiles, SerialQueue, writeFileDurable } from './durable-write'
import { commitChange } from './commit'
import { DurableJsonFile } from './json-file'
import { lockWorkspace } from './lock'
import {
  blocksSchema,
  emptyWorkspace,
  SCHEMA_VERSION,
  workspaceFileSchema,
  type WorkspaceFile
} from './schema'

/** The folders and files of a workspace, as DESIGN.md lays them out. */
export const LAYOUT = {
  catalog: 'workspace.json',
  annotations: 'annotations',
  texts: 'texts',
  originals: 'originals',
  index: 'index',
  backups: 'backups'
} as const

const FOLDERS = [LAYOUT.annotations, LAYOUT.texts, LAYOUT.originals, LAYOUT.index, LAYOUT.backups]

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')

export interface OpenStoreOptions {
  /** Open without the writer lock, for commands that only read. Writes are then refused. */
  readOnly?: boolean
  onWarning?: (message: string) => void
}

/** The workspace on disk: the catalog (lowdb), texts and originals. Only this class touches those files. */
export class WorkspaceStore {
  private readonly queue = new SerialQueue()
  readonly warnings: string[] = []

  private constructor(
    readonly dir: string,
    private readonly db: Low<WorkspaceFile>,
    private readonly adapter: DurableJsonFile<WorkspaceFile>,
    private readonly release: (() => Promise<void>) | null,
    private readonly lockLost: () => string | null = () => null
  ) {}

  static async open(dir: string, options: OpenStoreOptions = {}): Promise<WorkspaceStore> {
    const warnings: string[] = []
    const warn = (m: string): void => {
      warnings.push(m)
      options.onWarning?.(m)
    }
    let release: (() => Promise<void>) | null = null
    let lockLost: string | null = null
    if (!options.readOnly) {
      await mkdir(dir, { recursive: true })
      for (const folder of FOLDERS) await mkdir(join(dir, folder), { recursive: true })
      release = await lockWorkspace(dir, (err) => {
        lockLost = `The workspace lock was lost (${err.message}): another process may be writing to this workspace. To protect your work, changes are refused until you restart the app.`
        warn(lockLost)
      })

      for (const folder of ['.', ...FOLDERS]) await removeStaleTempFiles(join(dir, folder))
    } else if (!(await isDirectory(dir))) {
      throw new WorkbenchError('not-found', `No workspace at ${dir}. Import documents first.`)
    }
    const adapter = new DurableJsonFile<WorkspaceFile>({
      file: join(dir, LAYOUT.catalog),
      schema: workspaceFileSchema,
      schemaVersion: SCHEMA_VERSION,
      backupsDir: join(dir, LAYOUT.backups),
      onWarning: warn,
      readOnly: options.readOnly
    })
    const db = new Low(adapter, emptyWorkspace())
    try {
      await db.read()
      if (!options.readOnly) await adapter.backup()
    } catch (err) {
      await release?.()
      throw err
    }
    const store = new WorkspaceStore(dir, db, adapter, release, () => lockLost)
    store.warnings.push(...warnings)
    return store
  }

  get data(): Readonly<WorkspaceFile> {
    return this.db.data
  }

  get readOnly(): boolean {
    return this.release === null
  }

  /**
   * Applies a change to the catalog and writes it durably. The change is made on a copy and only
   * becomes visible once it is on disk: if the write fails, memory and disk still agree.
   */
  update<R>(change: (draft: WorkspaceFile) => R): Promise<R> {
    this.assertWritable()
    return this.queue.run(() => commitChange(this.db, change))
  }

  /** Throws unless this process may write: it holds the writer lock and has not lost it. */
  assertWritable(): void {
    if (this.readOnly) throw new WorkbenchError('locked', 'This workspace was opened read-only.')
    const lost = this.lockLost()
    if (lost) throw new WorkbenchError('locked', lost)
  }

  private textPath(textSha: string): string {
    return join(this.dir, LAYOUT.texts, `${textSha}.txt`)
  }

  private blocksPath(textSha: string): string {
    return join(this.dir, LAYOUT.texts, `${textSha}.blocks.json`)
  }

  originalPath(sha: string, ext: string): string {
    return join(this.dir, LAYOUT.originals, `${sha}.${ext}`)
  }

  /**
   * Stores a normalized text and its structure under its own hash; returns the hash. Idempotent,
   * and repairing: a stored text that no longer matches its hash is written again.
   */
  async putText(text: string, blocks: Block[]): Promise<string> {
    this.assertWritable()
    const sha = sha256Hex(text)
    let intact = false
    try {
      intact = sha256Hex(await readFile(this.textPath(sha), 'utf8')) === sha
    } catch {
      // missing: written below
    }
    if (!intact) {
      await writeFileDurable(this.blocksPath(sha), JSON.stringify(blocks))
      await writeFileDurable(this.textPath(sha), text)
    }
    return sha
  }

  async putOriginal(sha: string, ext: string, bytes: Uint8Array): Promise<void> {
    this.assertWritable()
    const file = this.originalPath(sha, ext)
    if (!(await exists(file))) await writeFileDurable(file, bytes)
  }

  /** A document's text and structure. `verify` checks the text against its checksum (skipped for derived uses). */
  async getText(meta: DocumentMeta, verify = true): Promise<{ text: string; blocks: Block[] }> {
    let text: string
    try {
      text = await readFile(this.textPath(meta.textSha256), 'utf8')
    } catch {
      throw new WorkbenchError(
        'corrupt',
        `The text of "${meta.title}" is missing from the workspace (texts/${meta.textSha256}.txt). Use Replace with new version… with ${meta.originalName} to restore it.`
      )
    }
    if (verify && sha256Hex(text) !== meta.textSha256) {
      throw new WorkbenchError(
        'corrupt',
        `The text of "${meta.title}" is damaged (texts/${meta.textSha256}.txt does not match its checksum). Use Replace with new version… with ${meta.originalName} to restore it.`
      )
    }
    let blocks: Block[] = [{ kind: 'paragraph', start: 0, end: text.length }]
    try {
      const parsed = blocksSchema.safeParse(
        JSON.parse(await readFile(this.blocksPath(meta.textSha256), 'utf8'))
      )
      if (parsed.success && parsed.data.every((b) => b.end <= text.length)) blocks = parsed.data
    } catch {
      // Structure is a convenience: without it the text still reads as one block.
    }
    return { text, blocks }
  }

  async close(): Promise<void> {
    await this.queue.run(async () => undefined)
    await this.release?.()
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory()
  } catch {
    return false
  }
}
