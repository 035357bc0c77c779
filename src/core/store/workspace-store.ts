import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentMeta, StoredRef } from '../../shared/model'
import { WorkbenchError } from '../base/errors'
import type { AddDocumentResult, BuildDocument, CatalogEdit } from './append-planner'
import { Catalog } from './catalog'
import { removeStaleTempFiles } from './durable-write'
import { FOLDERS } from './layout'
import { lockWorkspace } from './lock'
import type { WorkspaceFile } from './schema'
import { StoredTexts, type NewContent, type TextAndBlocks } from './texts'

export type { AddDocumentResult, CatalogEdit } from './append-planner'

export interface OpenStoreOptions {
  /** Open without the writer lock, for commands that only read. Writes are then refused. */
  readOnly?: boolean
  /**
   * When opening for writing fails because nothing can be written (a full disk, a read-only
   * medium, no permission): open read-only with a warning saying why (the default: the app), or
   * fail with that sentence (a command that writes).
   */
  whenUnwritable?: 'read-only' | 'fail'
  onWarning?: (message: string) => void
}

/** Why nothing can be written to a workspace, for an error this open failed with; null if not that. */
function cannotWrite(err: unknown): { because: string; todo: string } | null {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null
  const code = e && typeof e === 'object' ? (e.code ?? e.cause?.code) : undefined
  switch (code) {
    case 'ENOSPC':
      return { because: 'the disk is full', todo: 'Free some space on the disk' }
    case 'EDQUOT':
      return { because: 'your disk quota is used up', todo: 'Free some space on the disk' }
    case 'EROFS':
      return {
        because: 'the disk is read-only',
        todo: 'Copy the workspace to a disk you can write to, or make this one writable'
      }
    case 'EACCES':
    case 'EPERM':
      return {
        because: 'you are not allowed to write to its folder',
        todo: 'Make the workspace folder writable for you'
      }
    default:
      return null
  }
}

/**
 * The workspace on disk: the catalog (catalog.ts) and the documents' content (texts.ts), behind
 * the writer lock. Annotation files have a store of their own (annotation-store.ts).
 */
export class WorkspaceStore {
  readonly warnings: string[] = []

  private constructor(
    readonly dir: string,
    private readonly catalog: Catalog,
    private readonly texts: StoredTexts,
    private readonly release: (() => Promise<void>) | null,
    /** Why this process may not write (read-only, or the writer lock was lost), if so. */
    private readonly refusal: () => WorkbenchError | null
  ) {}

  static async open(dir: string, options: OpenStoreOptions = {}): Promise<WorkspaceStore> {
    if (options.readOnly)
      return WorkspaceStore.openAs(dir, options, 'This workspace was opened read-only.')
    try {
      return await WorkspaceStore.openAs(dir, options, null)
    } catch (err) {
      const why = cannotWrite(err)
      if (!why) throw err
      // Nothing taken is kept: the writer lock was released by the failed open.
      const failure = new WorkbenchError(
        'io',
        `The workspace ${dir} cannot be written to: ${why.because}. ${why.todo} and try again; nothing already saved was changed.`
      )
      if (options.whenUnwritable === 'fail' || !(await isDirectory(dir))) throw failure
      const warning = `The workspace ${dir} was opened read-only: ${why.because}. You can read, search and export; to make changes, ${lowerFirst(why.todo)}, then open it again.`
      options.onWarning?.(warning)
      const store = await WorkspaceStore.openAs(dir, options, warning)
      store.warnings.unshift(warning)
      return store
    }
  }

  /** Opens for writing (`readOnly` null), or read-only, refusing changes with that message. */
  private static async openAs(
    dir: string,
    options: OpenStoreOptions,
    readOnly: string | null
  ): Promise<WorkspaceStore> {
    const warnings: string[] = []
    const warn = (m: string): void => {
      warnings.push(m)
      options.onWarning?.(m)
    }
    let release: (() => Promise<void>) | null = null
    let lockLost: string | null = null
    if (readOnly === null) {
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
    const refusal = (): WorkbenchError | null =>
      readOnly !== null
        ? new WorkbenchError('locked', readOnly)
        : lockLost
          ? new WorkbenchError('locked', lockLost)
          : null
    const assertWritable = (): void => {
      const refused = refusal()
      if (refused) throw refused
    }
    let catalog: Catalog
    try {
      catalog = await Catalog.open(dir, {
        readOnly: readOnly !== null,
        onWarning: warn,
        assertWritable
      })
    } catch (err) {
      await release?.()
      throw err
    }
    const store = new WorkspaceStore(dir, catalog, new StoredTexts(dir), release, refusal)
    store.warnings.push(...warnings)
    return store
  }

  get data(): Readonly<WorkspaceFile> {
    return this.catalog.data
  }

  get readOnly(): boolean {
    return this.release === null
  }

  /** Throws unless this process may write: it holds the writer lock and has not lost it. */
  assertWritable(): void {
    const refused = this.refusal()
    if (refused) throw refused
  }

  /** The document with this id, if any (a lookup: a scan took ~2 ms at 100,000 documents). */
  findById(id: string): DocumentMeta | undefined {
    return this.catalog.findById(id)
  }

  /** The document imported from a file with this checksum, if any (a lookup, not a scan). */
  findBySha(sha: string): DocumentMeta | undefined {
    return this.catalog.findBySha(sha)
  }

  /**
   * Adds an imported document to the catalog, unless one from the same file is there already.
   * `build` gets the import order and a test for ids in use. Saved by appending to the journal.
   */
  addDocument(sha: string, build: BuildDocument): Promise<AddDocumentResult> {
    return this.catalog.addDocument(sha, build)
  }

  /** Takes a document out of the catalog; resolves with it. Saved by appending to the journal. */
  removeDocument(id: string): Promise<DocumentMeta> {
    return this.catalog.removeDocument(id)
  }

  /** Changes a document's content fields (a new version); resolves with the new metadata. */
  replaceDocument(id: string, fields: Partial<DocumentMeta>): Promise<DocumentMeta> {
    return this.catalog.replaceDocument(id, fields)
  }

  /**
   * Changes the codebook and the memos: `change` works on copies of them (the documents are
   * changed by addDocument, removeDocument and replaceDocument). Saved by appending both to the
   * journal. The change becomes visible once it is on disk; if it throws, none of it is kept.
   * Changes asked for together are saved together, in order (see catalog.ts).
   */
  update<R>(change: (draft: CatalogEdit) => R): Promise<R> {
    return this.catalog.edit(['codebook', 'memos'], change)
  }

  /** Like `update`, for a change to the codebook alone (only the codebook is appended). */
  updateCodebook<R>(change: (draft: Pick<CatalogEdit, 'codebook'>) => R): Promise<R> {
    return this.catalog.edit(['codebook'], change)
  }

  /** Like `update`, for a change to the memos alone (only the memos are appended). */
  updateMemos<R>(change: (draft: Pick<CatalogEdit, 'memos'>) => R): Promise<R> {
    return this.catalog.edit(['memos'], change)
  }

  /** A change to anything in the catalog (a restore), on a copy of it; rewrites the catalog file. */
  rewriteCatalog<R>(change: (draft: WorkspaceFile) => R): Promise<R> {
    return this.catalog.rewrite(change)
  }

  /**
   * Stores a document's text, structure and original file (one record in a pack); resolves once
   * they are on disk, with the text's checksum and where they are.
   */
  putContent(content: NewContent): Promise<{ textSha256: string; stored: StoredRef }> {
    this.assertWritable()
    return this.texts.put(content)
  }

  /** A document's original file, as imported (checked against its checksum). */
  getOriginal(meta: DocumentMeta): Promise<Uint8Array> {
    return this.texts.original(meta)
  }

  /** A document's text and structure. `verify` checks the text against its checksum (skipped for derived uses). */
  getText(meta: DocumentMeta, verify = true): Promise<TextAndBlocks> {
    return this.texts.text(meta, verify)
  }

  /** A document's text alone, not checked against its checksum: for derived uses (search snippets). */
  getPlainText(meta: DocumentMeta): Promise<string> {
    return this.texts.plainText(meta)
  }

  async close(): Promise<void> {
    await this.texts.close()
    // Checkpoints the journal into the catalog file, unless this process may not write (any more).
    await this.catalog.close(this.refusal() === null)
    await this.release?.()
  }
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1)

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory()
  } catch {
    return false
  }
}
