import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import type { DocumentMeta } from '../../shared/model'
import { failed, GroupCommit, type Outcome } from '../base/group-commit'
import {
  planCommit,
  type AddDocumentResult,
  type BuildDocument,
  type CatalogChange,
  type CatalogEdit,
  type CommitPlan
} from './append-planner'
import { wasWritten } from './durable-write'
import { catalogEntrySchema, type JournalEntry } from './journal'
import { journalCopyName, TwinJournal } from './twin-journal'
import { DurableJsonFile } from './json-file'
import { LAYOUT } from './layout'
import { documentsFromPacks, salvageCatalog } from './rebuild'
import { replayCatalog } from './replay'
import { emptyWorkspace, SCHEMA_VERSION, workspaceFileSchema, type WorkspaceFile } from './schema'

export interface CatalogOptions {
  readOnly: boolean
  onWarning: (message: string) => void
  /** Throws unless this process may write (it holds the writer lock and has not lost it). */
  assertWritable: () => void
}

/**
 * The catalog: workspace.json (documents, codebook, memos), held in memory by lowdb and read and
 * written through our durable adapter, with its journal beside it (workspace.journal). Changes
 * are group-committed: those asked for while a commit is under way are saved together by the
 * next, in order, most often as one line appended to the journal (see append-planner.ts), else by
 * rewriting the file. A change becomes visible only once it is on disk: if the write fails,
 * memory and disk still agree. Each caller learns of its own result once it is saved; a change
 * that fails is left out whole and the others are kept.
 */
export class Catalog {
  private readonly commits = new GroupCommit<CatalogChange, unknown>((batch) => this.commit(batch))
  /** Documents added to the journal since it was last emptied. */
  private journalDocuments = 0
  private lookup: {
    list: readonly DocumentMeta[]
    bySha: Map<string, DocumentMeta>
    byId: Map<string, DocumentMeta>
  } | null = null

  private constructor(
    private readonly db: Low<WorkspaceFile>,
    private readonly adapter: DurableJsonFile<WorkspaceFile>,
    private readonly journal: TwinJournal<JournalEntry>,
    private readonly assertWritable: () => void
  ) {}

  /**
   * Reads the catalog and the changes its journal holds (saved since it was last rewritten: a
   * crash). A writer then rewrites the file with them, so that the next start reads one file, and
   * takes the session's backup.
   */
  static async open(dir: string, options: CatalogOptions): Promise<Catalog> {
    const file = join(dir, LAYOUT.catalog)
    const adapter = new DurableJsonFile<WorkspaceFile>({
      file,
      schema: workspaceFileSchema,
      schemaVersion: SCHEMA_VERSION,
      backupsDir: join(dir, LAYOUT.backups),
      onWarning: options.onWarning,
      readOnly: options.readOnly,
      expected: () => holdsWork(dir),
      rebuild: async (damaged) => salvageCatalog(damaged, options.onWarning)
    })
    const db = new Low(adapter, emptyWorkspace())
    const journal = new TwinJournal(
      join(dir, LAYOUT.journal),
      catalogEntrySchema,
      'documents imported in that batch may be missing from the library (their files are still in the workspace)'
    )
    await db.read()
    const recovered = adapter.recovered
    // After a repair, every line of a generation since the backup's may hold work it lacks (the
    // lines are whole states of what they change, so replaying one already in it changes nothing).
    const generation = db.data.catalogGeneration
    const entries = await journal.read(
      recovered ? (g) => g >= generation : generation,
      options.onWarning
    )
    if (entries.length) db.data = replayCatalog(db.data, entries)
    // The documents a damaged line listed are found again in the packs (not after a last line
    // merely cut short by a crash: it was never acknowledged).
    // Only a catalog rebuilt without a backup looks through every record; otherwise only the
    // records newer than those it names (older ones are of documents removed for good).
    if (recovered || journal.foundDamage)
      db.data = await findAgain(dir, db.data, options.onWarning, recovered?.backup !== null)
    const catalog = new Catalog(db, adapter, journal, options.assertWritable)
    if (!options.readOnly) {
      // Writes the catalog (a new workspace gets its file now), and empties the journal; a
      // rewrite takes its own backup.
      if (entries.length || recovered || journal.foundDamage || !(await exists(file)))
        await catalog.checkpoint()
      else {
        await journal.clear()
        await adapter.backup()
      }
    }
    return catalog
  }

  get data(): Readonly<WorkspaceFile> {
    return this.db.data
  }

  /** Look-ups into the catalog's documents, built once per list (each save gives a new list). */
  private lookups(): NonNullable<Catalog['lookup']> {
    const list = this.db.data.documents
    if (this.lookup?.list !== list)
      this.lookup = {
        list,
        bySha: new Map(list.map((d) => [d.sha256, d])),
        byId: new Map(list.map((d) => [d.id, d]))
      }
    return this.lookup
  }

  findById(id: string): DocumentMeta | undefined {
    return this.lookups().byId.get(id)
  }

  findBySha(sha: string): DocumentMeta | undefined {
    return this.lookups().bySha.get(sha)
  }

  addDocument(sha: string, build: BuildDocument): Promise<AddDocumentResult> {
    return this.enqueue({ kind: 'add', sha, build }) as Promise<AddDocumentResult>
  }

  removeDocument(id: string): Promise<DocumentMeta> {
    return this.enqueue({ kind: 'remove', id }) as Promise<DocumentMeta>
  }

  replaceDocument(id: string, fields: Partial<DocumentMeta>): Promise<DocumentMeta> {
    return this.enqueue({ kind: 'replace', id, fields }) as Promise<DocumentMeta>
  }

  /** A change to the codebook and/or the memos, saved by appending to the journal. */
  edit<R>(touches: (keyof CatalogEdit)[], change: (draft: CatalogEdit) => R): Promise<R> {
    return this.enqueue({ kind: 'edit', touches, change }) as Promise<R>
  }

  /** A change to anything in the catalog, made on a copy of it; saved by rewriting the file. */
  rewrite<R>(change: (draft: WorkspaceFile) => R): Promise<R> {
    return this.enqueue({ kind: 'rewrite', change }) as Promise<R>
  }

  /** Rewrites the catalog file with everything in memory, and empties the journal. */
  private checkpoint(): Promise<unknown> {
    return this.rewrite(() => undefined)
  }

  private enqueue(change: CatalogChange): Promise<unknown> {
    this.assertWritable()
    return this.commits.add(change)
  }

  private async commit(batch: readonly CatalogChange[]): Promise<Outcome<unknown>[]> {
    const { bySha, byId } = this.lookups()
    const plan = planCommit({ data: this.db.data, bySha, byId }, batch, {
      documents: this.journalDocuments,
      bytes: this.journal.bytes,
      broken: this.journal.broken
    })
    if (plan.write === 'append') return this.append(plan)
    if (plan.write === 'rewrite') return this.rewriteFile(plan)
    return plan.outcomes
  }

  /** Saves a batch as one line of the journal; the catalog in memory follows once it is on disk. */
  private async append(plan: CommitPlan & { write: 'append' }): Promise<Outcome<unknown>[]> {
    try {
      await this.journal.append(plan.entry)
    } catch (err) {
      return plan.outcomes.map((o) => (o.ok ? failed(err) : o))
    }
    this.journalDocuments += plan.entry.documents.length
    const lookup = this.lookups()
    this.db.data = plan.data
    if (plan.grown) {
      // The look-ups grow with the list instead of being built again.
      for (const meta of plan.grown) {
        lookup.bySha.set(meta.sha256, meta)
        lookup.byId.set(meta.id, meta)
      }
      lookup.list = plan.data.documents
    }
    return plan.outcomes
  }

  /** Saves a batch by rewriting the whole catalog file, which voids the journal's lines. */
  private async rewriteFile(plan: CommitPlan & { write: 'rewrite' }): Promise<Outcome<unknown>[]> {
    try {
      await this.adapter.write(plan.data)
    } catch (err) {
      if (wasWritten(err)) this.db.data = plan.data // the file holds the new data: memory follows it
      return plan.outcomes.map((o) => (o.ok ? failed(err) : o))
    }
    this.db.data = plan.data
    // The file's new generation voids the journal's lines even if emptying it fails.
    await this.journal.clear()
    this.journalDocuments = 0
    // A backup of every version written: if the file is then lost, the backup and the journal's
    // lines (of this generation) give back all of it.
    await this.adapter.backup().catch(() => undefined)
    return plan.outcomes
  }

  /** Waits for the changes asked for; a writer checkpoints the journal into the file (the next start reads one file). */
  async close(checkpoint: boolean): Promise<void> {
    await this.commits.idle()
    if (checkpoint && this.journal.bytes > 0) await this.checkpoint().catch(() => undefined)
    await this.commits.idle()
    await this.journal.close()
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

/** Whether a workspace folder holds work: content, annotations, a journal or backups of the catalog. */
async function holdsWork(dir: string): Promise<boolean> {
  const has = async (folder: string, test: (name: string) => boolean): Promise<boolean> =>
    (await readdir(join(dir, folder)).catch(() => [] as string[])).some(test)
  return (
    (await has(LAYOUT.texts, (n) => n.endsWith('.awp'))) ||
    (await has(LAYOUT.annotations, (n) => n.endsWith('.json'))) ||
    (await has(LAYOUT.backups, (n) => n.startsWith('workspace-'))) ||
    (await exists(join(dir, LAYOUT.journal))) ||
    (await exists(journalCopyName(join(dir, LAYOUT.journal))))
  )
}

/** The catalog with the documents found again in the packs that it does not list, and a word on them. */
async function findAgain(
  dir: string,
  data: WorkspaceFile,
  onWarning: (message: string) => void,
  newerOnly: boolean
): Promise<WorkspaceFile> {
  const found = await documentsFromPacks(dir, data, newerOnly)
  if (!found.length) return data
  const titles = found.slice(0, 5).map((d) => `"${d.title}"`)
  onWarning(
    `${found.length} document${found.length === 1 ? ' was' : 's were'} found again in the workspace's content and put back in the library, with ${found.length === 1 ? 'its' : 'their'} highlights: ${titles.join(', ')}${found.length > 5 ? ', …' : ''}. Edits to their details made since their import may be missing.`
  )
  return {
    ...data,
    documents: [...data.documents, ...found],
    nextImportOrder: Math.max(data.nextImportOrder, ...found.map((d) => d.importOrder + 1))
  }
}
