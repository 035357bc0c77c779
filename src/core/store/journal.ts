import { createHash } from 'node:crypto'
import { constants } from 'node:buffer'
import { open, rename, truncate, unlink, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { DocumentMeta, Memo, Tag } from '../../shared/model'
import { memoSchema, tagSchema } from '../../shared/model-schemas'
import { WorkbenchError } from '../base/errors'
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
export interface JournalLimits {
  /** Bytes read at a time (the journal is never read whole: it may be larger than a string can be). */
  chunkBytes?: number
  /** The longest line read; a longer one is reported and skipped (default: the longest string). */
  maxLineBytes?: number
}

/** One line of a journal, as its bytes (null when longer than the limit), numbered from 1. */
interface RawLine {
  bytes: Buffer | null
  length: number
  number: number
  /** Ends in a newline: the append that wrote it finished writing it. */
  complete: boolean
}

/** The lines of an open file, read a chunk at a time. */
async function* linesOf(fh: FileHandle, limits: Required<JournalLimits>): AsyncGenerator<RawLine> {
  const chunk = Buffer.allocUnsafe(limits.chunkBytes)
  let parts: Buffer[] = []
  let length = 0
  let number = 1
  const take = (piece: Buffer): void => {
    length += piece.length
    // A line longer than the limit is only counted, never held.
    if (length <= limits.maxLineBytes) parts.push(Buffer.from(piece))
    else parts = []
  }
  const line = (complete: boolean): RawLine => {
    const bytes = length <= limits.maxLineBytes ? Buffer.concat(parts, length) : null
    const raw = { bytes, length, number: number++, complete }
    parts = []
    length = 0
    return raw
  }
  for (;;) {
    const { bytesRead } = await fh.read(chunk, 0, chunk.length, null)
    if (bytesRead === 0) break
    let from = 0
    for (;;) {
      const newline = chunk.indexOf(10, from)
      if (newline === -1 || newline >= bytesRead) break
      take(chunk.subarray(from, newline))
      yield line(true)
      from = newline + 1
    }
    if (from < bytesRead) take(chunk.subarray(from, bytesRead))
  }
  if (length > 0) yield line(false)
}

/** When the journal was found damaged, the name its copy is kept under when the journal is emptied. */
const damagedName = (file: string, now: Date): string =>
  `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`

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
  /**
   * Set when the last read found damage: a whole line that fails its check, a line too long to
   * read, a folder in the journal's place. A last line cut short is not damage: it is what a
   * crash during an append leaves, and it was never acknowledged.
   */
  foundDamage = false

  /** What read() found damaged, for clear() to keep: the lines' numbers, and whom to tell. */
  private damage: { lines: number[]; onWarning: (message: string) => void } | null = null
  private readonly limits: Required<JournalLimits>

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<E>,
    /** What a damaged line means to the user, for the warning. */
    private readonly lost: string,
    limits: JournalLimits = {}
  ) {
    this.limits = {
      chunkBytes: limits.chunkBytes ?? 1024 * 1024,
      maxLineBytes: limits.maxLineBytes ?? constants.MAX_STRING_LENGTH
    }
  }

  /**
   * The entries of `generation` (or of the generations it accepts), in order, read a line at a
   * time. A last line without its newline
   * is a torn append (never acknowledged) and is skipped silently; any other line that fails its
   * checksum or cannot be read is skipped with a warning naming the file, and the journal is kept
   * aside when it is emptied (see `clear`). A journal that cannot be read at all throws one
   * sentence naming it.
   */
  async read(
    generation: number | ((generation: number) => boolean),
    onWarning: (message: string) => void,
    /** Where to say that the journal was kept aside when emptied (default: `onWarning`). */
    onKept: (message: string) => void = onWarning
  ): Promise<E[]> {
    const accept =
      typeof generation === 'number' ? (g: number): boolean => g === generation : generation
    let fh: FileHandle
    try {
      fh = await open(this.file, 'r')
      if ((await fh.stat()).isDirectory()) {
        await fh.close()
        // A folder where the journal should be: moved aside, so that appends can make the file.
        const aside = damagedName(this.file, new Date())
        await rename(this.file, aside).catch(() => undefined)
        this.skippedLines = true
        this.foundDamage = true
        onWarning(
          `${this.file} was a folder, not a journal; it was moved to ${aside}; ${this.lost}.`
        )
        return []
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw this.unreadable(err)
    }
    const out: E[] = []
    const damaged: number[] = []
    try {
      for await (const line of linesOf(fh, this.limits)) {
        if (line.length === 0) continue
        if (!line.bytes) {
          this.skippedLines = true
          const mb = Math.round(line.length / (1024 * 1024))
          onWarning(
            `${this.file}: line ${line.number} is too long to read (${mb} MB) and was skipped; ${this.lost}.`
          )
          damaged.push(line.number)
          continue
        }
        const entry = this.parse(line.bytes.toString('utf8'))
        if (!entry) {
          this.skippedLines = true
          if (!line.complete) continue // a torn append
          onWarning(`${this.file}: line ${line.number} is damaged and was skipped; ${this.lost}.`)
          damaged.push(line.number)
          continue
        }
        if (accept(entry.generation)) out.push(entry)
      }
    } catch (err) {
      throw this.unreadable(err)
    } finally {
      await fh.close().catch(() => undefined)
    }
    this.damage = damaged.length ? { lines: damaged, onWarning: onKept } : null
    if (damaged.length) this.foundDamage = true
    return out
  }

  /** The entry a line holds, or null when it fails its checksum, is not JSON or not an entry. */
  private parse(line: string): E | null {
    const space = line.indexOf(' ')
    const payload = line.slice(space + 1)
    if (space !== 16 || checksum(payload) !== line.slice(0, 16)) return null
    try {
      const parsed = this.schema.safeParse(JSON.parse(payload))
      return parsed.success ? parsed.data : null
    } catch {
      return null // not JSON
    }
  }

  private unreadable(err: unknown): WorkbenchError {
    const e = err as NodeJS.ErrnoException
    const reason = e?.code ?? (err instanceof Error ? err.message : String(err))
    return new WorkbenchError('io', `The journal ${this.file} could not be read (${reason}).`)
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

  /**
   * Empties the journal once the catalog file holds everything in it. A journal found damaged by
   * `read` is moved aside instead (`<name>.damaged-<time>`), for the lines it could not read.
   */
  async clear(): Promise<void> {
    await this.close()
    try {
      if (this.damage) await this.keepDamaged(this.damage)
      else await unlink(this.file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        // Harmless (its lines are of an older generation), but appends must not follow them blindly.
        this.broken = true
        return
      }
    }
    this.damage = null
    this.size = 0
    this.created = false
    this.broken = false
  }

  private async keepDamaged(damage: NonNullable<Journal<E>['damage']>): Promise<void> {
    const aside = damagedName(this.file, new Date())
    await rename(this.file, aside)
    await fsyncDir(dirname(this.file)).catch(() => undefined)
    const lines =
      damage.lines.length === 1 ? 'a damaged line' : `${damage.lines.length} damaged lines`
    damage.onWarning(`${this.file} had ${lines}; it was kept as ${aside} instead of being deleted.`)
  }
}
