import { copyFile, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { WorkbenchError } from '../base/errors'
import { writeFileDurable } from './durable-write'

export interface JsonFileOptions<T> {
  file: string
  schema: z.ZodType<T>
  /** The newest schemaVersion this code understands; a file with a higher one is refused, never overwritten. */
  schemaVersion: number
  backupsDir: string
  /** The backups folder as this process knows it, shared by the files backed up into it. */
  backups?: BackupFolder
  /** How many backups of this file to keep. */
  keepBackups?: number
  onWarning: (message: string) => void
  now?: () => Date
  /** Never change anything on disk (a reader without the writer lock). */
  readOnly?: boolean
  /**
   * Whether the file should be there (its folder holds work): a missing file is then put back
   * from its newest good backup, or rebuilt, instead of being taken for a new start.
   */
  expected?: () => Promise<boolean>
  /**
   * Builds the content from elsewhere when the file is damaged or missing and no backup is good
   * (the catalog, from the packs): without it, such a file stops the opening.
   */
  rebuild?: (damaged: string | null) => Promise<T>
}

/** How the file's content was found by the last read, when not as it was on disk. */
export interface Recovery {
  reason: string
  /** The backup put back, or null when the content was rebuilt. */
  backup: string | null
}

type Parsed<T> = { ok: true; data: T } | { ok: false; reason: string }

/**
 * The backups in a backups folder, by the file they are of (`<name>-<time>.json`): the folder is
 * read once, then kept up to date with the backups this process takes and drops (only the process
 * holding the workspace lock takes any). Reading the whole folder at every backup cost more the
 * more backups the workspace held: tens of thousands after weeks of work on many documents.
 */
export class BackupFolder {
  private names: Promise<Map<string, Set<string>>> | null = null

  constructor(readonly dir: string) {}

  private read(): Promise<Map<string, Set<string>>> {
    this.names ??= readdir(this.dir).then(
      (names) => {
        const byFile = new Map<string, Set<string>>()
        for (const name of names)
          if (name.endsWith('.json')) setOf(byFile, prefixOf(name)).add(name)
        return byFile
      },
      () => new Map<string, Set<string>>() // no folder yet
    )
    return this.names
  }

  /** The backups whose names start with `prefix` and a time: one file's. */
  async list(prefix: string): Promise<string[]> {
    return [...((await this.read()).get(prefix) ?? [])]
  }

  async added(name: string): Promise<void> {
    setOf(await this.read(), prefixOf(name)).add(name)
  }

  async removed(name: string): Promise<void> {
    ;(await this.read()).get(prefixOf(name))?.delete(name)
  }
}

/** "doc-20250301T120000000Z.json" → "doc-" (a time has no "-"; a file's name may). */
const prefixOf = (name: string): string => name.slice(0, name.lastIndexOf('-') + 1)

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key)
  if (!set) map.set(key, (set = new Set()))
  return set
}

function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'does not have the expected shape'
  const at = issue.path.length ? ` at ${issue.path.join('.')}` : ''
  return `unexpected content${at}: ${issue.message}`
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('.', '')
}

/**
 * A lowdb adapter for one JSON file that never loses data: writes are atomic and fsynced; a file
 * that is empty, truncated or of the wrong shape is moved aside and the newest good backup is
 * restored; a file from a newer version of the app is refused and left as it is.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  private readonly opts: Required<Omit<JsonFileOptions<T>, 'expected' | 'rebuild'>> &
    Pick<JsonFileOptions<T>, 'expected' | 'rebuild'>
  /** Set when the last read put back a backup or rebuilt the content. */
  recovered: Recovery | null = null

  constructor(opts: JsonFileOptions<T>) {
    this.opts = {
      keepBackups: 10,
      now: () => new Date(),
      readOnly: false,
      ...opts,
      backups: opts.backups ?? new BackupFolder(opts.backupsDir)
    }
  }

  get file(): string {
    return this.opts.file
  }

  private get backupPrefix(): string {
    return basename(this.opts.file).replace(/\.json$/, '') + '-'
  }

  private parse(raw: string): Parsed<T> {
    if (raw.trim() === '') return { ok: false, reason: 'the file is empty' }
    if (raw.includes('\u0000')) return { ok: false, reason: 'the file contains NUL bytes' }
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      return { ok: false, reason: 'the file is not complete JSON (truncated or damaged)' }
    }
    const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion
    if (typeof version === 'number' && version > this.opts.schemaVersion) {
      throw new WorkbenchError(
        'newer-schema',
        `${this.opts.file} was written by a newer version of Analyst Workbench (schema ${version}; this version understands up to ${this.opts.schemaVersion}). Install the newer version to open this workspace; the file was left unchanged.`
      )
    }
    const result = this.opts.schema.safeParse(json)
    return result.success
      ? { ok: true, data: result.data }
      : { ok: false, reason: describeZodError(result.error) }
  }

  async read(): Promise<T | null> {
    let raw: string
    try {
      raw = await readFile(this.opts.file, 'utf8')
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'EISDIR' && !this.opts.readOnly) {
        // A folder where the file should be: moved aside (the file cannot be written over it).
        const aside = `${this.opts.file}.corrupt-${stamp(this.opts.now())}`
        await rename(this.opts.file, aside)
        return this.recover(`a folder was in its place; it was moved to ${basename(aside)}`, null)
      }
      if (code === 'EISDIR') return this.recover('a folder is in its place', null)
      if (code !== 'ENOENT') throw err
      if (!(await this.opts.expected?.())) return null
      return this.recover('the file is missing', null)
    }
    const parsed = this.parse(raw)
    if (parsed.ok) return parsed.data
    return this.recover(parsed.reason, raw)
  }

  /**
   * Restores the newest backup that parses, copying the damaged file aside first, then writing
   * the backup over it (atomically): at no moment is there no file, so a crash while repairing
   * leaves either the damaged file (repaired again at the next start) or the repaired one.
   * Without a good backup the content is rebuilt, if it can be; else the damaged file stays where
   * it is and every open keeps failing with the same message: moving it away would make the next
   * start see "no file" and begin empty. A read-only open changes nothing on disk and uses the
   * backup from memory.
   */
  private async recover(reason: string, damaged: string | null): Promise<T> {
    const { file, onWarning } = this.opts
    const present = damaged !== null
    const aside = `${file}.corrupt-${stamp(this.opts.now())}`
    for (const backup of await this.listBackups()) {
      let parsed: Parsed<T>
      let raw: string
      try {
        raw = await readFile(backup, 'utf8')
        parsed = this.parse(raw)
      } catch {
        continue
      }
      if (!parsed.ok) continue
      this.recovered = { reason, backup }
      if (this.opts.readOnly) {
        onWarning(
          `${basename(file)} is damaged (${reason}); showing the backup ${basename(backup)}. Open the workspace in the app to repair it.`
        )
        return parsed.data
      }
      if (present) await copyFile(file, aside)
      await writeFileDurable(file, raw)
      onWarning(
        present
          ? `${basename(file)} was damaged (${reason}). It was copied to ${basename(aside)} and the backup ${basename(backup)} was restored.`
          : `${basename(file)} was missing (${reason}). The backup ${basename(backup)} was restored.`
      )
      return parsed.data
    }
    if (this.opts.rebuild) {
      const data = await this.opts.rebuild(damaged)
      this.recovered = { reason, backup: null }
      if (!this.opts.readOnly) {
        if (present) await copyFile(file, aside)
        await writeFileDurable(file, JSON.stringify(data))
      }
      onWarning(
        `${basename(file)} ${present ? 'was damaged' : 'was missing'} (${reason}) and no backup of it could be read: it was rebuilt from what could be read of it and from the rest of the workspace${present && !this.opts.readOnly ? `, and the damaged file copied to ${basename(aside)}` : ''}.`
      )
      return data
    }
    throw new WorkbenchError(
      'corrupt',
      `${file} is damaged (${reason}) and there is no good backup to restore. It was left as it is; move it away or repair it, then open the workspace again.`
    )
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.opts.file, JSON.stringify(data))
  }

  /** Backups of this file, newest first. */
  async listBackups(): Promise<string[]> {
    return (await this.opts.backups.list(this.backupPrefix))
      .sort()
      .reverse()
      .map((n) => join(this.opts.backupsDir, n))
  }

  /** Copies the current file into backups/ and drops the oldest beyond the number to keep. */
  async backup(): Promise<string | null> {
    const name = `${this.backupPrefix}${stamp(this.opts.now())}.json`
    const target = join(this.opts.backupsDir, name)
    const { backups } = this.opts
    try {
      await copyFile(this.opts.file, target)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    await backups.added(name)
    const all = await this.listBackups()
    const keep = backupsToKeep(
      all.map((f) => basename(f)),
      this.opts.keepBackups,
      this.opts.now()
    )
    await Promise.all(
      all
        .filter((f) => !keep.has(basename(f)))
        .map(async (f) => {
          await unlink(f).catch(() => undefined)
          await backups.removed(basename(f))
        })
    )
    return target
  }
}

/**
 * Which backups to keep: the newest `keepLast`, and the newest of each of the last seven days, so
 * that a mistake noticed days later can still be undone. Names end in their UTC time stamp.
 */
export function backupsToKeep(names: string[], keepLast: number, now: Date, days = 7): Set<string> {
  const newestFirst = [...names].sort((a, b) => stampOf(b).localeCompare(stampOf(a)))
  const keep = new Set(newestFirst.slice(0, keepLast))
  const oldest = new Date(now.getTime() - days * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '')
  const seenDays = new Set<string>()
  for (const name of newestFirst) {
    const day = stampOf(name).slice(0, 8)
    if (day < oldest || seenDays.has(day)) continue
    seenDays.add(day)
    keep.add(name)
  }
  return keep
}

const stampOf = (name: string): string => /(\d{8}T\d{9}Z)\.json$/.exec(name)?.[1] ?? ''
