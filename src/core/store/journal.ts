import { createHash } from 'node:crypto'
import { open, readFile, truncate, unlink, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { DocumentMeta, Memo, Tag } from '../../shared/model'
import { memoSchema, tagSchema } from '../../shared/model-schemas'
import { fsyncDir } from './durable-write'
import { documentMetaSchema } from './schema'

/** One group of changes to the catalog, as appended to the journal (applied in this order). */
export interface JournalEntry {
  /** The catalog generation this entry extends; entries of other generations are already in the catalog, or void. */
  generation: number
  /** Documents taken out of the library, by id. */
  removed?: string[]
  /** Documents whose metadata changed (a new version), whole. */
  replaced?: DocumentMeta[]
  /** New documents. */
  documents: DocumentMeta[]
  /** The whole codebook and the whole list of memos, when they changed. */
  tags?: Tag[]
  memos?: Memo[]
  nextImportOrder: number
}

const entrySchema = z.object({
  generation: z.number().int().nonnegative(),
  removed: z.array(z.string()).optional(),
  replaced: z.array(documentMetaSchema).optional(),
  documents: z.array(documentMetaSchema),
  tags: z.array(tagSchema).optional(),
  memos: z.array(memoSchema).optional(),
  nextImportOrder: z.number().int().positive()
})

const checksum = (payload: string): string =>
  createHash('sha256').update(payload).digest('hex').slice(0, 16)

/**
 * The catalog's journal: changes to the catalog are appended here (one checksummed line per group
 * commit, fsynced) instead of rewriting the whole catalog, whose cost grows with the workspace: new
 * documents, removals, new versions, the codebook and the memos. The catalog file is rewritten,
 * and the journal emptied, on open, on close, and when the journal grows long.
 *
 * Each line carries the catalog generation it extends. A rewrite of the catalog raises the
 * generation, so lines written before it are ignored even if emptying the journal did not happen
 * (a crash just after the rewrite). A line cut short by a crash or power cut fails its checksum and
 * is ignored: it was never acknowledged.
 */
export class CatalogJournal {
  /** Bytes in the file, as far as this process knows: a failed append is cut back to this. */
  private size = 0
  private created = false
  private handle: Promise<FileHandle> | null = null
  /** Documents appended since the journal was last emptied. */
  documents = 0

  /** Bytes appended since the journal was last emptied. */
  get bytes(): number {
    return this.size
  }
  /** Set when an append failed and could not be undone: the next change rewrites the catalog instead. */
  broken = false

  constructor(readonly file: string) {}

  /** The entries of `generation`, in order. Damaged lines are skipped (and reported unless last). */
  async read(generation: number, onWarning: (message: string) => void): Promise<JournalEntry[]> {
    let raw: string
    try {
      raw = await readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw err
    }
    const lines = raw.split('\n')
    const out: JournalEntry[] = []
    lines.forEach((line, i) => {
      if (!line) return
      const space = line.indexOf(' ')
      const payload = line.slice(space + 1)
      let entry: JournalEntry | null = null
      if (space === 16 && checksum(payload) === line.slice(0, 16)) {
        try {
          const parsed = entrySchema.safeParse(JSON.parse(payload))
          if (parsed.success) entry = parsed.data
        } catch {
          // not JSON: damaged
        }
      }
      const last = lines.slice(i + 1).every((l) => !l)
      if (!entry) {
        if (!last)
          onWarning(
            `${this.file}: line ${i + 1} is damaged and was skipped; documents imported in that batch may be missing from the library (their files are still in the workspace).`
          )
        return
      }
      if (entry.generation === generation) out.push(entry)
    })
    return out
  }

  /** Appends an entry and makes it durable. On failure the file is cut back to what it was. */
  async append(entry: JournalEntry): Promise<void> {
    const payload = JSON.stringify(entry)
    const line = `${checksum(payload)} ${payload}\n`
    const bytes = Buffer.from(line, 'utf8')
    try {
      // Kept open between appends (it is closed when the journal is emptied, and on close).
      this.handle ??= open(this.file, 'a')
      const fh = await this.handle.catch((err: unknown) => {
        this.handle = null
        throw err
      })
      await fh.writeFile(bytes)
      await fh.datasync()
      if (!this.created) {
        await fsyncDir(dirname(this.file))
        this.created = true
      }
    } catch (err) {
      // Never leave half a line in front of later ones.
      await truncate(this.file, this.size).catch(() => {
        this.broken = true
      })
      const e = err as NodeJS.ErrnoException
      if (e && typeof e === 'object' && e.code && !e.path) e.path = this.file
      throw err
    }
    this.size += bytes.length
    this.documents += entry.documents.length
  }

  /** Closes the file (appends open it again). */
  async close(): Promise<void> {
    const handle = this.handle
    this.handle = null
    await handle?.then((fh) => fh.close()).catch(() => undefined)
  }

  /** Empties the journal once the catalog file holds everything in it. */
  async clear(): Promise<void> {
    await this.close()
    try {
      await unlink(this.file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        // Harmless (its lines are of an older generation), but appends must not follow them blindly.
        this.broken = true
        return
      }
    }
    this.size = 0
    this.created = false
    this.documents = 0
    this.broken = false
  }
}
