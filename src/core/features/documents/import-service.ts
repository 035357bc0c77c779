import { stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { FilePayload } from '../../../shared/api'
import { ByteBudget } from '../../../shared/byte-budget'
import type { ImportLimits, ImportOutcome, ReadOptions } from '../../../shared/model'
import { toApiError } from '../../base/errors'
import { mapConcurrent } from '../../base/map-concurrent'
import { Turns, type Turn } from '../../base/turns'
import { chooseTitle } from '../../import/title'
import { expandPaths, readFileWithin } from '../../import/walk'
import type { ChangeEvents, Clock, DocumentCatalog, DocumentContents } from '../../ports'
import { checkFileSize } from '../../workers/parse-file'
import { contentFields, newDocId } from './content-fields'
import type { Parse } from './parse'

/**
 * How many files an import works on at once (parsing some while others are saved: they share
 * their fsyncs), and how many bytes of files it holds at most.
 */
export const IMPORT_CONCURRENCY = 16
const IMPORT_BYTES = 64 * 1024 * 1024

export interface PathImportReport {
  imported: { id: string; title: string; path: string; warnings?: string[] }[]
  duplicates: { id: string; path: string }[]
  failed: { path: string; error: string }[]
}

export interface ImportDeps {
  catalog: DocumentCatalog
  contents: DocumentContents
  events: ChangeEvents
  clock: Clock
  limits: ImportLimits
  parse: Parse
}

/**
 * Imports files into the library. Imports may run side by side (parsing and writing their files),
 * but enter the catalog in the order they were asked for, so that the library's import order is
 * the order of the files. A bad file never stops a batch: it is reported with its reason and
 * nothing is stored for it.
 */
export class ImportService {
  private readonly turns = new Turns()

  constructor(private readonly deps: ImportDeps) {}

  importFile(file: FilePayload): Promise<ImportOutcome> {
    return this.importWithTurn(file, this.turns.take())
  }

  /** `onStored` is called once the file's bytes are no longer needed (its content is on disk). */
  private async importWithTurn(
    file: FilePayload,
    turn: Turn,
    onStored?: () => void
  ): Promise<ImportOutcome> {
    const { catalog, contents, clock } = this.deps
    const name = basename(file.name.replace(/\\/g, '/'))
    try {
      const sha = contents.checksum(file.data)
      const existing = catalog.findBySha(sha)
      if (existing) return { status: 'duplicate', name, id: existing.id, title: existing.title }
      const parsed = await this.deps.parse(name, file.data, file.read)
      const title = chooseTitle(parsed.doc, name)
      const fields = {
        ...contentFields(parsed, name, sha, file.data.byteLength, title, file.read),
        importedAt: clock.now().toISOString()
      }
      const { stored } = await contents.put({
        sha256: sha,
        ext: extname(name).slice(1).toLowerCase(),
        original: file.data,
        text: parsed.doc.text,
        blocks: parsed.doc.blocks,
        textSha256: parsed.textSha256,
        meta: fields
      })
      onStored?.()
      await turn.mine()
      const saved = catalog.add({
        sha,
        build: (order, taken) => ({
          id: newDocId(sha, taken),
          ...fields,
          stored,
          importOrder: order
        })
      })
      turn.pass()
      const result = await saved
      if (result.status === 'duplicate')
        return { status: 'duplicate', name, id: result.meta.id, title: result.meta.title }
      // Indexed after the import is acknowledged; searches wait for the index to catch up, so
      // they still see every document imported before them.
      this.deps.events.emit({
        kind: 'document-saved',
        meta: result.meta,
        chunks: parsed.chunks,
        fingerprints: parsed.fingerprints
      })
      const { warnings } = parsed.doc
      return {
        status: 'imported',
        name,
        document: result.meta,
        ...(warnings.length ? { warnings: [...warnings] } : {})
      }
    } catch (err) {
      return { status: 'failed', name, error: toApiError(err).message }
    } finally {
      onStored?.()
      turn.pass()
    }
  }

  /** Imports files and folders by path (the CLI's import), a few files at a time. Reports keep the order of the files. */
  async importPaths(
    paths: string[],
    onProgress?: (done: number, total: number, path: string) => void,
    read?: ReadOptions
  ): Promise<PathImportReport> {
    const { limits } = this.deps
    const report: PathImportReport = { imported: [], duplicates: [], failed: [] }
    const { files, missing } = await expandPaths(paths)
    report.failed.push(...missing)
    let done = 0
    // Files are read within a budget of bytes held (given back once a file's content is stored,
    // before it waits for its turn in the catalog); their catalog entries are saved together.
    const budget = new ByteBudget(IMPORT_BYTES)
    const outcomes = await mapConcurrent(files, IMPORT_CONCURRENCY, async (path) => {
      // Taken before anything is awaited, so that the turns follow the order of the files.
      const turn = this.turns.take()
      let outcome: ImportOutcome
      let give = (): void => undefined
      try {
        const { size } = await stat(path)
        checkFileSize(size, limits)
        give = await budget.take(size)
        const data = await readFileWithin(path, limits.maxFileBytes)
        outcome = await this.importWithTurn({ name: path, data, read }, turn, give)
      } catch (err) {
        turn.pass()
        outcome = { status: 'failed', name: path, error: toApiError(err).message }
      } finally {
        give()
      }
      onProgress?.(++done, files.length, path)
      return outcome
    })
    outcomes.forEach((outcome, i) => {
      const path = files[i]
      if (outcome.status === 'imported')
        report.imported.push({
          id: outcome.document.id,
          title: outcome.document.title,
          path,
          ...(outcome.warnings ? { warnings: outcome.warnings } : {})
        })
      else if (outcome.status === 'duplicate') report.duplicates.push({ id: outcome.id, path })
      else report.failed.push({ path, error: outcome.error })
    })
    return report
  }

  /** Imports every document of a folder, one after another (the sample workspace). */
  async importFolder(dir: string): Promise<ImportOutcome[]> {
    const { files } = await expandPaths([dir])
    const outcomes: ImportOutcome[] = []
    for (const path of files)
      outcomes.push(
        await this.importFile({
          name: path,
          data: await readFileWithin(path, this.deps.limits.maxFileBytes)
        })
      )
    return outcomes
  }
}
