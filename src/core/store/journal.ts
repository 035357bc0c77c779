import { createHash } from 'node:crypto'
import { open, readFile, rename, truncate, unlink, type FileHandle } from 'node:fs/promises'
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

export const catalogEntrySchema = z.object({
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
 * An append-only journal of changes to a JSON file: each change is one checksummed line, fsynced,
 * instead of a rewrite of the whole file, whose cost grows with the file. The file is rewritten,
 * and the journal emptied, now and then (on open, on close, when the journal grows long).
 *
 * Each line carries the generation of the file it extends. A rewrite of the file raises its
 * generation, so lines written before it are ignored even if emptying the journal did not happen
 * (a crash just after the rewrite). A line cut short by a crash or power cut fails its checksum and
 * is ignored: it was never acknowledged.
 *
 * The catalog's journal (workspace.journal) holds new documents, removals, new versions, the
 * codebook and the memos; an annotation file's (annotations/<id>.journal) new, changed and deleted
 * highlights and the document note.
 */
export class Journal<E extends { generation: number }> {
  /** Bytes in the file, as far as this process knows: a failed append is cut back to this. */
  private size = 0
  private created = false
  private handle: Promise<FileHandle> | null = null

  /** Bytes appended since the journal was last emptied. */
  get bytes(): number {
    return this.size
  }
  /** Set when an append failed and could not be undone: the next change rewrites the catalog instead. */
  broken = false
  /** Set when the last read skipped a line: damaged, or cut short (then by a crash, or damage). */
  skippedLines = false

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<E>,
    /** What a damaged line means to the user, for the warning. */
    private readonly lost: string
  ) {}

  /**
   * The entries of `generation` (or of the generations it accepts), in order. Damaged lines are
   * skipped (and reported unless last).
   */
  async read(
    generation: number | ((generation: number) => boolean),
    onWarning: (message: string) => void
  ): Promise<E[]> {
    const accept =
      typeof generation === 'number' ? (g: number): boolean => g === generation : generation
    let raw: string
    try {
      raw = await readFile(this.file, 'utf8')
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return []
      if (code !== 'EISDIR') throw err
      // A folder where the journal should be: moved aside, so that appends can make the file.
      const aside = `${this.file}.damaged-${Date.now()}`
      await rename(this.file, aside).catch(() => undefined)
      this.skippedLines = true
      onWarning(`${this.file} was a folder, not a journal; it was moved to ${aside}; ${this.lost}.`)
      return []
    }
    const lines = raw.split('\n')
    const out: E[] = []
    lines.forEach((line, i) => {
      if (!line) return
      const space = line.indexOf(' ')
      const payload = line.slice(space + 1)
      let entry: E | null = null
      if (space === 16 && checksum(payload) === line.slice(0, 16)) {
        try {
          const parsed = this.schema.safeParse(JSON.parse(payload))
          if (parsed.success) entry = parsed.data
        } catch {
          // not JSON: damaged
        }
      }
      const last = lines.slice(i + 1).every((l) => !l)
      if (!entry) this.skippedLines = true
      if (!entry) {
        if (!last)
          onWarning(`${this.file}: line ${i + 1} is damaged and was skipped; ${this.lost}.`)
        return
      }
      if (accept(entry.generation)) out.push(entry)
    })
    return out
  }

  /** Appends an entry and makes it durable. On failure the file is cut back to what it was. */
  async append(entry: E): Promise<void> {
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
    this.broken = false
  }
}
