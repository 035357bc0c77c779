import { open, readdir, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocumentMeta, StoredRef } from '../../shared/model'
import { GroupCommit, succeeded, type Outcome } from '../base/group-commit'
import { SerialQueue } from '../base/serial-queue'
import { syncDirShared } from './durable-write'

/**
 * Document content packs. Each imported document's text, its structure (JSON) and the original
 * file are appended as one record to a pack file (`texts/pack-000001.awp`, …); the catalog keeps
 * where (a `StoredRef`). Records are never changed in place: a new version of a document is a new
 * record, and the catalog points to it.
 *
 * Why packs rather than a file each: a durable file costs an fsync, and this kind of disk does
 * about a thousand fsyncs a second however many are asked for at once. A document stored as three
 * files (text, structure, original) capped imports at about 300 a second. Imports that arrive
 * together share one append and one fsync here (group commit), so the disk is no longer the limit.
 *
 * A record: "AWR1", the header's length (u32, little-endian), the header (JSON: what the record
 * is, so that a pack can be read without the catalog), then the text (UTF-8), the structure and
 * the original, one after the other.
 */

export interface PackRecord {
  /** SHA-256 of the original file and of the text (recorded in the header). */
  sha256: string
  textSha256: string
  /** The original file's extension ('' when there is no original, as after a restore). */
  ext: string
  text: string
  /** The structure, already as JSON. */
  blocks: string
  original: Uint8Array
  /**
   * What the catalog knows of the document when its content is stored (see RecordMeta): kept in
   * the header, so that the catalog can be rebuilt from the packs, which are append-only.
   */
  meta?: RecordMeta
}

/**
 * A document's catalog fields as they were when its content was stored: everything but its id
 * (made once the catalog takes it in), its place in the import order and where it is stored. A new
 * version names the document it is of (`docId`); a restored document, its id (`id`).
 */
export type RecordMeta = Partial<Omit<DocumentMeta, 'id' | 'stored' | 'importOrder'>> & {
  /** The document this is a new version of. */
  docId?: string
  /** The document's id, when it is known as its content is stored (a restore). */
  id?: string
}

/** A record's header, as read back by `scanPack`. */
export interface PackRecordHeader {
  sha256: string
  textSha256: string
  ext: string
  meta?: RecordMeta
}

const MAGIC = Buffer.from('AWR1', 'latin1')
const PACK_RE = /^pack-(\d{6})\.awp$/
/** A pack is closed and a new one begun once it has grown past this. */
export const PACK_MAX_BYTES = 128 * 1024 * 1024

export const packName = (n: number): string => `pack-${String(n).padStart(6, '0')}.awp`

interface Pending {
  parts: Buffer[]
  bytes: number
  lengths: { header: number; text: number; blocks: number; original: number }
}

/**
 * Appends records to the current pack. Records asked for while an append is under way are written
 * together by the next one (group commit): one write, one fdatasync, one folder flush when a pack
 * is begun. Each caller learns where its record is only once the record is on disk.
 */
export class PackWriter {
  private readonly queue = new SerialQueue()
  private readonly commits = new GroupCommit<Pending, StoredRef>(
    (batch) => this.append(batch),
    this.queue
  )
  private current: { name: string; number: number; fh: FileHandle; size: number } | null = null

  constructor(
    private readonly dir: string,
    private readonly maxBytes = PACK_MAX_BYTES
  ) {}

  put(record: PackRecord): Promise<StoredRef> {
    const header = Buffer.from(
      JSON.stringify({
        v: 1,
        sha256: record.sha256,
        textSha256: record.textSha256,
        ext: record.ext,
        text: Buffer.byteLength(record.text),
        blocks: Buffer.byteLength(record.blocks),
        original: record.original.byteLength,
        ...(record.meta ? { meta: record.meta } : {})
      })
    )
    const prefix = Buffer.alloc(8)
    MAGIC.copy(prefix, 0)
    prefix.writeUInt32LE(header.length, 4)
    const text = Buffer.from(record.text)
    const blocks = Buffer.from(record.blocks)
    const original = Buffer.from(
      record.original.buffer,
      record.original.byteOffset,
      record.original.byteLength
    )
    const parts = [prefix, header, text, blocks, original]
    return this.commits.add({
      parts,
      bytes: parts.reduce((n, p) => n + p.length, 0),
      lengths: {
        header: 8 + header.length,
        text: text.length,
        blocks: blocks.length,
        original: original.length
      }
    })
  }

  /** Writes a batch of records at the end of the pack; throws, having acknowledged none, if it fails. */
  private async append(batch: readonly Pending[]): Promise<Outcome<StoredRef>[]> {
    const pack = await this.packFor()
    const start = pack.size
    const refs: StoredRef[] = []
    let at = start
    for (const p of batch) {
      const { header, text, blocks, original } = p.lengths
      refs.push({ pack: pack.name, at: at + header, text, blocks, original })
      at += p.bytes
    }
    try {
      const bytes = Buffer.concat(batch.flatMap((p) => p.parts))
      for (let done = 0; done < bytes.length;) {
        const { bytesWritten } = await pack.fh.write(bytes, done, bytes.length - done, start + done)
        done += bytesWritten
      }
      await pack.fh.datasync()
      if (start === 0) await syncDirShared(this.dir)
    } catch (err) {
      // Nothing from `start` on was acknowledged: the next append writes over it (and a pack that
      // ends in half a record is cut back, so as not to keep the waste).
      await pack.fh.truncate(start).catch(() => undefined)
      const e = err as NodeJS.ErrnoException
      if (e && typeof e === 'object' && e.code && !e.path) e.path = join(this.dir, pack.name)
      throw err
    }
    pack.size = at
    return refs.map(succeeded)
  }

  /** The pack to append to: the newest one while it has room, else a new one. */
  private async packFor(): Promise<NonNullable<PackWriter['current']>> {
    if (this.current && this.current.size < this.maxBytes) return this.current
    let number: number
    if (this.current) {
      await this.current.fh.close()
      number = this.current.number + 1
      this.current = null
    } else {
      const names = await readdir(this.dir).catch(() => [] as string[])
      number = Math.max(0, ...names.map((n) => Number(PACK_RE.exec(n)?.[1] ?? 0)))
      if (number > 0) {
        const fh = await open(join(this.dir, packName(number)), 'r+')
        const { size } = await fh.stat()
        if (size < this.maxBytes)
          return (this.current = { name: packName(number), number, fh, size })
        await fh.close()
      }
      number++
    }
    const fh = await open(join(this.dir, packName(number)), 'wx')
    return (this.current = { name: packName(number), number, fh, size: 0 })
  }

  /** Waits for pending appends and closes the pack. */
  async close(): Promise<void> {
    await this.commits.idle()
    await this.queue.run(async () => {
      await this.current?.fh.close()
      this.current = null
    })
  }
}

/** How many packs a reader keeps open. */
const OPEN_PACKS = 8

/**
 * Reads records from the packs of one folder, keeping the packs it read from last open (search
 * reads passages from many documents at a time, and opening a file for each costs more than the
 * read itself).
 */
export class PackReader {
  private readonly open = new Map<string, Promise<FileHandle>>()

  constructor(private readonly dir: string) {}

  private handle(pack: string): Promise<FileHandle> {
    let fh = this.open.get(pack)
    if (fh) {
      this.open.delete(pack) // most recently used last
    } else {
      fh = open(join(this.dir, pack), 'r')
      fh.catch(() => this.open.delete(pack))
      for (const [name, old] of this.open) {
        if (this.open.size < OPEN_PACKS) break
        this.open.delete(name)
        void old.then((h) => h.close()).catch(() => undefined)
      }
    }
    this.open.set(pack, fh)
    return fh
  }

  /** `length` bytes at `position` of a pack; fails if the pack ends sooner. */
  async read(pack: string, position: number, length: number): Promise<Buffer> {
    const fh = await this.handle(pack)
    const buffer = Buffer.allocUnsafe(length)
    let done = 0
    while (done < length) {
      const { bytesRead } = await fh.read(buffer, done, length - done, position + done)
      if (bytesRead === 0) throw new Error(`${pack} ends before the record it should hold`)
      done += bytesRead
    }
    return buffer
  }

  /** A record's text and structure (JSON), read together. */
  async text(ref: StoredRef): Promise<{ text: string; blocks: string }> {
    const bytes = await this.read(ref.pack, ref.at, ref.text + ref.blocks)
    return { text: bytes.toString('utf8', 0, ref.text), blocks: bytes.toString('utf8', ref.text) }
  }

  /** A record's original file. */
  original(ref: StoredRef): Promise<Buffer> {
    return this.read(ref.pack, ref.at + ref.text + ref.blocks, ref.original)
  }

  async close(): Promise<void> {
    const handles = [...this.open.values()]
    this.open.clear()
    await Promise.all(handles.map((fh) => fh.then((h) => h.close()).catch(() => undefined)))
  }
}

/**
 * Every whole record of one pack, in the order written: its header and where it is. Reading stops
 * at the first record that is not whole (a pack cut short, or damaged there): what follows cannot
 * be found without the catalog. Only headers are read, a few hundred bytes each.
 */
export async function* scanPack(
  dir: string,
  pack: string
): AsyncGenerator<{ header: PackRecordHeader; ref: StoredRef }> {
  const fh = await open(join(dir, pack), 'r')
  try {
    const { size } = await fh.stat()
    const prefix = Buffer.alloc(8)
    for (let at = 0; at + 8 <= size;) {
      if ((await fh.read(prefix, 0, 8, at)).bytesRead < 8) return
      if (!prefix.subarray(0, 4).equals(MAGIC)) return
      const length = prefix.readUInt32LE(4)
      if (length > 1024 * 1024 || at + 8 + length > size) return
      const raw = Buffer.alloc(length)
      if ((await fh.read(raw, 0, length, at + 8)).bytesRead < length) return
      let h: Record<string, unknown>
      try {
        h = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
      } catch {
        return
      }
      const lengths = [h.text, h.blocks, h.original]
      if (!lengths.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) return
      const [text, blocks, original] = lengths as number[]
      const end = at + 8 + length + text + blocks + original
      if (end > size || typeof h.sha256 !== 'string' || typeof h.textSha256 !== 'string') return
      yield {
        header: {
          sha256: h.sha256,
          textSha256: h.textSha256,
          ext: typeof h.ext === 'string' ? h.ext : '',
          ...(h.meta && typeof h.meta === 'object' ? { meta: h.meta as RecordMeta } : {})
        },
        ref: { pack, at: at + 8 + length, text, blocks, original }
      }
      at = end
    }
  } finally {
    await fh.close()
  }
}

/** The packs of a folder, oldest first. */
export async function listPacks(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter((n) => PACK_RE.test(n)).sort()
}
