import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  SUPPORTED_FORMATS,
  type DocumentFormat,
  type DocumentMeta,
  type StoredRef
} from '../../shared/model'
import { docIdOfAnnotationName, isSafeId, LAYOUT } from './layout'
import { listPacks, scanPack, type PackRecordHeader } from './pack-store'
import { memoSchema, tagSchema } from '../../shared/model-schemas'
import { emptyWorkspace, parseDocumentMeta, type WorkspaceFile } from './schema'

/** The trash's file, read here without the feature that owns it: its documents are not lost. */
const TRASH_FILE = 'trash.json'

/**
 * The documents whose content is in the packs but that the catalog does not list: those a
 * catalog put back from a backup (or begun again, when there was none) would otherwise lose.
 * The packs are append-only and each record says what it holds (pack-store.ts), so the catalog
 * can always be rebuilt from them. A document is found again under the id its annotation file
 * has (ids are the shortest free prefix of the file's checksum), so its highlights come back with
 * it; a new version recorded for it gives its latest content. Documents in the Trash stay there.
 */
export async function documentsFromPacks(
  dir: string,
  data: WorkspaceFile,
  /**
   * Only records written after every one the catalog and the Trash name: when the catalog is
   * whole but for its last changes, the documents it lacks are the newest, and older records
   * are of documents removed for good (emptied from the Trash), which must not come back.
   */
  newerOnly = false
): Promise<DocumentMeta[]> {
  const texts = join(dir, LAYOUT.texts)
  const listed = new Set(data.documents.map((d) => d.id))
  const shas = new Set(data.documents.map((d) => d.sha256))
  const trash = await trashed(dir)
  const trashedIds = new Set(trash.map((m) => m.id))
  let after: StoredRef | null = null
  if (newerOnly)
    for (const { stored } of [...data.documents, ...trash])
      if (stored && (!after || later(stored, after))) after = stored
  const annotated = await annotatedIds(dir)
  const found = new Map<string, DocumentMeta>()
  const taken = (id: string): boolean => listed.has(id) || found.has(id) || trashedIds.has(id)
  let order = data.nextImportOrder
  for (const pack of await listPacks(texts)) {
    try {
      for await (const { header, ref } of scanPack(texts, pack)) {
        if (after && !later(ref, after)) continue
        const meta = header.meta ?? {}
        if (meta.docId !== undefined) {
          // A new version: of a document found here, it is its content from now on.
          const doc = found.get(meta.docId)
          if (doc) found.set(doc.id, { ...doc, ...fields(header), stored: ref })
          continue
        }
        if (shas.has(header.sha256)) continue
        const id =
          meta.id !== undefined && isSafeId(meta.id)
            ? listed.has(meta.id) || trashedIds.has(meta.id)
              ? null
              : meta.id
            : idFor(header.sha256, annotated, listed, trashedIds, taken)
        if (id === null || taken(id)) continue // listed, or in the Trash, under this id
        shas.add(header.sha256)
        const candidate = {
          ...fields(header),
          id,
          stored: ref,
          importOrder: order++
        }
        const parsed = parseDocumentMeta(candidate)
        if (!('problem' in parsed)) found.set(id, parsed)
      }
    } catch {
      // An unreadable pack: what it holds cannot be found again without the catalog.
    }
  }
  return [...found.values()]
}

/** The catalog fields a record carries, with what a record of an older version lacks. */
function fields(header: PackRecordHeader): Omit<DocumentMeta, 'id' | 'stored' | 'importOrder'> {
  const m = header.meta ?? {}
  const format = (SUPPORTED_FORMATS as readonly string[]).includes(m.format ?? '')
    ? (m.format as DocumentFormat)
    : formatOf(header.ext)
  const { docId: _docId, id: _id, ...rest } = m
  return {
    author: null,
    published: null,
    source: null,
    bytes: 0,
    chars: 0,
    words: 0,
    importedAt: new Date(0).toISOString(),
    ...rest,
    title: m.title || `Recovered document ${header.sha256.slice(0, 10)}`,
    originalName:
      m.originalName || `recovered-${header.sha256.slice(0, 10)}.${header.ext || 'txt'}`,
    format,
    sha256: header.sha256,
    textSha256: header.textSha256
  }
}

function formatOf(ext: string): DocumentFormat {
  const byExt: Record<string, DocumentFormat> = { htm: 'html', markdown: 'md' }
  const f = byExt[ext] ?? ext
  return (SUPPORTED_FORMATS as readonly string[]).includes(f) ? (f as DocumentFormat) : 'txt'
}

/**
 * The id a found document had: that of an annotation file named by a prefix of its checksum, or
 * of a listed or trashed document (it is then not lost), else the shortest free prefix.
 */
function idFor(
  sha: string,
  annotated: ReadonlySet<string>,
  listed: ReadonlySet<string>,
  trashed: ReadonlySet<string>,
  taken: (id: string) => boolean
): string | null {
  for (let n = 10; n <= 64; n += 2) {
    const id = sha.slice(0, n)
    if (listed.has(id) || trashed.has(id)) return null
    if (annotated.has(id)) return id
  }
  for (let n = 10; n <= 64; n += 2) if (!taken(sha.slice(0, n))) return sha.slice(0, n)
  return null
}

/** Whether record `a` was written after record `b` (packs are named in the order they were begun). */
const later = (a: StoredRef, b: StoredRef): boolean =>
  a.pack === b.pack ? a.at > b.at : a.pack > b.pack

/** The documents in the Trash: their ids, and where their content is. */
async function trashed(dir: string): Promise<{ id: string; stored?: StoredRef }[]> {
  try {
    const raw = JSON.parse(await readFile(join(dir, TRASH_FILE), 'utf8')) as {
      items?: { meta?: { id?: unknown; stored?: StoredRef } }[]
    }
    return (raw.items ?? []).flatMap((i) =>
      typeof i.meta?.id === 'string' ? [{ id: i.meta.id, stored: i.meta.stored }] : []
    )
  } catch {
    return []
  }
}

async function annotatedIds(dir: string): Promise<Set<string>> {
  const names = await readdir(join(dir, LAYOUT.annotations)).catch(() => [] as string[])
  return new Set(names.map(docIdOfAnnotationName).filter((id): id is string => id !== null))
}

/**
 * What can be read of a damaged catalog file: each document, tag and memo that is whole is kept
 * (the others are named in a warning); a file that is not JSON at all gives an empty catalog. The
 * documents it lacks are then found again in the packs (documentsFromPacks).
 */
export function salvageCatalog(
  damaged: string | null,
  onWarning: (message: string) => void
): WorkspaceFile {
  const out = emptyWorkspace()
  let raw: unknown
  try {
    raw = damaged === null ? null : JSON.parse(damaged)
  } catch {
    return out
  }
  if (!raw || typeof raw !== 'object') return out
  const r = raw as Record<string, unknown>
  const left: string[] = []
  const keep = <T>(list: unknown, parse: (v: unknown) => T | null, what: string): T[] => {
    if (!Array.isArray(list)) return []
    const kept: T[] = []
    for (const v of list) {
      const item = parse(v)
      if (item === null) left.push(what)
      else kept.push(item)
    }
    return kept
  }
  out.documents = keep(
    r.documents,
    (v) => {
      const meta = parseDocumentMeta(v)
      return 'problem' in meta ? null : meta
    },
    'a document'
  )
  const codebook = r.codebook as { tags?: unknown } | undefined
  out.codebook.tags = keep(codebook?.tags, (v) => tagSchema.safeParse(v).data ?? null, 'a tag')
  out.memos = keep(r.memos, (v) => memoSchema.safeParse(v).data ?? null, 'a memo')
  const ids = new Set(out.codebook.tags.map((t) => t.id))
  for (const t of out.codebook.tags) if (t.parent && !ids.has(t.parent)) t.parent = null
  if (Number.isSafeInteger(r.nextImportOrder) && (r.nextImportOrder as number) > 0)
    out.nextImportOrder = r.nextImportOrder as number
  out.nextImportOrder = Math.max(
    out.nextImportOrder,
    ...out.documents.map((d) => d.importOrder + 1)
  )
  if (Number.isSafeInteger(r.catalogGeneration) && (r.catalogGeneration as number) >= 0)
    out.catalogGeneration = r.catalogGeneration as number
  if (left.length) {
    const counts = new Map<string, number>()
    for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1)
    onWarning(
      `Parts of the damaged catalog could not be read and were left out: ${[...counts].map(([w, n]) => (n === 1 ? w : `${n} × ${w}`)).join(', ')}.`
    )
  }
  return out
}
