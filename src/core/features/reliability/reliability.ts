import type { Change, CoreApi } from '../../../shared/api'
import type { DocumentMeta } from '../../../shared/model'
import type {
  DocumentRecord,
  DocumentReliability,
  GradesSnapshot,
  HighlightGrades,
  Source,
  SourceKind,
  SourcePatch,
  SourceView
} from '../../../shared/reliability'
import { isSourceReliability, SOURCE_KINDS, ungraded } from '../../../shared/reliability'
import { WorkbenchError } from '../../base/errors'
import { SerialQueue } from '../../base/serial-queue'
import type { ReuseFeature } from '../reuse/reuse'
import { applyAtImport, findAtImport } from './at-import'
import { applySnapshot, takeSnapshot } from './snapshot'
import { documentView, gradeRow } from './views'
import { originOps } from './origin-ops'
import {
  clearGrade,
  defaultSourceKey,
  effectiveGrade,
  gradeCredibility,
  gradeSource,
  overrideReliability
} from '../../domain/reliability'
import {
  checkSourceName,
  docOfAnnotation,
  emptyRecord,
  matchSource
} from '../../domain/reliability/sources'
import type { ReliabilityFile } from '../../../shared/reliability-schemas'
import type {
  AnnotationFiles,
  ChangeEvents,
  Clock,
  Collection,
  DocumentCatalog,
  DocumentContents,
  GradeLookup
} from '../../ports'

export interface ReliabilityDeps {
  catalog: DocumentCatalog
  contents: DocumentContents
  annotations: AnnotationFiles
  events: ChangeEvents
  clock: Clock
  records: Collection<ReliabilityFile>
  findDocument: (id: string) => DocumentMeta
  /** False for a workspace opened read-only: nothing is worked out or saved. */
  canWrite: boolean
  /** Who sets a grade: the OS user name, or a name set in the app. */
  userName: () => string
  /** Shared passages, for the derivations they suggest (derivationsOf). */
  reuse?: Pick<ReuseFeature, 'pairsFor'>
}

export type ReliabilityOps = Pick<
  CoreApi,
  | 'listSources'
  | 'listDocumentGrades'
  | 'getDocumentReliability'
  | 'setDocumentSource'
  | 'updateSource'
  | 'gradeSource'
  | 'gradeDocument'
  | 'gradeHighlight'
  | 'restoreGrades'
> &
  ReturnType<typeof originOps>

export { AT_IMPORT } from './at-import'

/** How long imports may gather before their sources and flags are worked out, in one write. */
const BATCH_MS = 150

/**
 * Sources (outlets, agencies, authors) and the Admiralty grades: a source's reliability (A–F),
 * inherited by its documents unless one overrides it with a rationale; a document's and a
 * highlight's credibility (1–6). Every grade keeps who set it, when and why, and the grades it
 * replaced. At import, each document is given the source its metadata or text names, and the
 * flags its text raises (AI-generated, machine-translated, placeholder references…).
 *
 * Kept in reliability.json; all changes run one after another, and every read waits for the
 * imports before it to be worked out.
 */
/**
 * Sources, grades and links as a case bundle's merge reads and writes them: read once the
 * imports before are worked out; written alone, with the documents the merge adds held back from
 * being worked out at import until their records are written (`hold`, then `release`).
 */
export interface ReliabilityExchange {
  read: () => Promise<ReliabilityFile>
  hold: (docIds: readonly string[]) => void
  release: (docIds: readonly string[]) => void
  /** Writes what `patch` returns from the records as they are; returns what it replaced and what it wrote. */
  write: (
    patch: (file: Readonly<ReliabilityFile>) => GradesSnapshot | null
  ) => Promise<{ before: GradesSnapshot; after: GradesSnapshot } | null>
}

export function reliabilityFeature(deps: ReliabilityDeps): ReliabilityOps & {
  /** Works out the imports not yet done (called before closing). */
  flush: () => Promise<void>
  /** The grades as they are now, for search's grade filters. */
  gradeLookup: () => Promise<GradeLookup>
  /** All of reliability.json, for the full backup. */
  exportFile: () => Promise<ReliabilityFile>
  /** Replaces all of it with a backup's (a restore into an empty workspace). */
  importFile: (file: ReliabilityFile) => Promise<void>
  /** What a case bundle's merge reads and writes. */
  exchange: ReliabilityExchange
} {
  const { records } = deps
  const queue = new SerialQueue()
  const pending = new Set<string>()
  const held = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null

  const data = (): Readonly<ReliabilityFile> => records.data
  const sourceById = (id: string | null): Source | null =>
    id === null ? null : (data().sources.find((s) => s.id === id) ?? null)
  const findSource = (id: string): Source => {
    const s = sourceById(id)
    if (!s) throw new WorkbenchError('not-found', `No source with id ${id}.`)
    return s
  }
  const recordOf = (docId: string): DocumentRecord => data().documents[docId] ?? emptyRecord()
  const stamp = (): { setBy: string; setAt: string } => ({
    setBy: deps.userName(),
    setAt: deps.clock.now().toISOString()
  })

  const newSource = (name: string, kind: SourceKind, aliases: string[] = []): Source => ({
    id: freshId(),
    name,
    aliases,
    kind,
    notes: '',
    reliability: ungraded()
  })

  function freshId(): string {
    const taken = new Set(data().sources.map((s) => s.id))
    for (;;) {
      const id = `s${deps.clock.newId()}`
      if (!taken.has(id)) return id
    }
  }

  function freshLinkId(file: Readonly<ReliabilityFile> = data()): string {
    const taken = new Set(file.links.map((l) => l.id))
    for (;;) {
      const id = `l${deps.clock.newId()}`
      if (!taken.has(id)) return id
    }
  }

  const snapshotOf = (
    sources: string[],
    documents: string[],
    highlights: string[] = [],
    links?: string[],
    claims?: string[]
  ): GradesSnapshot => takeSnapshot(data(), { sources, documents, highlights, links, claims })

  /** Works out the source, flags and derivations of documents saved since the last time. */
  async function work(): Promise<void> {
    if (pending.size === 0) return
    // Documents a merge is adding wait: their records come with the bundle.
    const ids = [...pending].filter((id) => !held.has(id))
    for (const id of ids) pending.delete(id)
    if (ids.length === 0) return
    const found = await findAtImport(ids, deps)
    if (found.length === 0) return
    const { setAt } = stamp()
    await records.update((draft) =>
      applyAtImport(draft, found, {
        catalog: deps.catalog,
        setAt,
        newSource,
        newLinkId: () => freshLinkId(draft)
      })
    )
  }

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    return queue.run(work)
  }
  /** Every read and change first works out the imports before it. */
  const run = <T>(task: () => Promise<T>): Promise<T> =>
    queue.run(async () => {
      await work()
      return task()
    })

  // Documents imported by a session that ended before their provenance was worked out (or by a
  // version without sources) are worked out with the first read or change.
  if (deps.canWrite)
    for (const meta of deps.catalog.documents())
      if (!records.data.documents[meta.id]) pending.add(meta.id)

  const schedule = (): void => {
    if (!timer)
      timer = setTimeout(() => {
        timer = null
        void queue.run(work).catch(() => undefined)
      }, BATCH_MS)
  }

  deps.events.subscribe((event) => {
    if (event.kind === 'restored') {
      // A workspace filled from a backup: every document is worked out.
      for (const meta of deps.catalog.documents())
        if (!records.data.documents[meta.id]) pending.add(meta.id)
    } else if (event.kind === 'document-saved') pending.add(event.meta.id)
    else return
    schedule()
  })

  const reliabilityOf = (docId: string): DocumentReliability => documentView(docId, data())

  /** Puts records back as a snapshot has them; returns the snapshot of what it replaced. */
  async function apply(snapshot: GradesSnapshot): Promise<GradesSnapshot> {
    const inverse = snapshotOf(
      Object.keys(snapshot.sources),
      Object.keys(snapshot.documents),
      Object.keys(snapshot.highlights),
      snapshot.links && Object.keys(snapshot.links),
      snapshot.claims && Object.keys(snapshot.claims)
    )
    await records.update((draft) => applySnapshot(draft, snapshot))
    return inverse
  }

  const changed = (before: GradesSnapshot): Change<never>['undo'] => ({
    method: 'restoreGrades',
    args: [before]
  })

  return {
    flush,

    gradeLookup: () =>
      run(async (): Promise<GradeLookup> => {
        const snapshot = structuredClone(data())
        const sources = new Map(snapshot.sources.map((s) => [s.id, s]))
        return {
          of(docId, annotationId) {
            const document = snapshot.documents[docId] ?? null
            const source = document?.sourceId ? (sources.get(document.sourceId) ?? null) : null
            const highlight = annotationId ? (snapshot.highlights[annotationId] ?? null) : null
            const e = effectiveGrade({ source, document, highlight })
            return { reliability: e.reliability, credibility: e.credibility }
          },
          row: (docId) => gradeRow(docId, snapshot),
          ownCredibility: (annotationId) =>
            snapshot.highlights[annotationId]?.credibility.current?.value ?? null
        }
      }),

    listSources: () =>
      run(async () => {
        const byId = new Map<string, string[]>()
        for (const meta of deps.catalog.documents()) {
          const sid = data().documents[meta.id]?.sourceId
          if (sid) byId.set(sid, [...(byId.get(sid) ?? []), meta.id])
        }
        return data()
          .sources.map((s): SourceView => ({
            ...structuredClone(s),
            documents: byId.get(s.id) ?? []
          }))
          .sort((a, b) => a.name.localeCompare(b.name))
      }),

    listDocumentGrades: () =>
      run(async () => deps.catalog.documents().map((meta) => gradeRow(meta.id, data()))),

    getDocumentReliability: (docId) =>
      run(async () => {
        deps.findDocument(docId)
        return reliabilityOf(docId)
      }),

    setDocumentSource: (docId, name) =>
      run(async () => {
        deps.findDocument(docId)
        const record = recordOf(docId)
        let source = name === null ? null : matchSource(data().sources, checkSourceName(name), null)
        const created = name !== null && !source
        if (created) source = newSource(checkSourceName(name), 'unknown')
        const before = snapshotOf(created && source ? [source.id] : [], [docId])
        await records.update((draft) => {
          if (created && source) draft.sources.push(source)
          draft.documents[docId] = { ...structuredClone(record), sourceId: source?.id ?? null }
        })
        return { value: reliabilityOf(docId), undo: changed(before) }
      }),

    updateSource: (id, patch: SourcePatch) =>
      run(async () => {
        const source = findSource(id)
        const next: Source = structuredClone(source)
        if (patch.name !== undefined) {
          next.name = checkSourceName(patch.name)
          const clash = data().sources.find(
            (s) => s.id !== id && defaultSourceKey(s.name) === defaultSourceKey(next.name)
          )
          if (clash)
            throw new WorkbenchError(
              'invalid-argument',
              `There is a source named “${clash.name}” already: give its documents that source instead.`
            )
        }
        if (patch.kind !== undefined) {
          if (!(SOURCE_KINDS as readonly string[]).includes(patch.kind))
            throw new WorkbenchError(
              'invalid-argument',
              `A source's kind is one of ${SOURCE_KINDS.join(', ')}, not ${patch.kind}.`
            )
          next.kind = patch.kind
        }
        if (patch.aliases !== undefined)
          next.aliases = [...new Set(patch.aliases.map((a) => a.trim()).filter(Boolean))]
        if (patch.notes !== undefined) next.notes = patch.notes
        const before = snapshotOf([id], [])
        await records.update((draft) => {
          const at = draft.sources.findIndex((s) => s.id === id)
          draft.sources[at] = next
        })
        return { value: structuredClone(next), undo: changed(before) }
      }),

    gradeSource: (id, value, rationale) =>
      run(async () => {
        const source = findSource(id)
        if (value !== null && !isSourceReliability(value))
          throw new WorkbenchError(
            'invalid-argument',
            `Reliability is a letter from A to F, not ${String(value)}.`
          )
        const next =
          value === null
            ? { ...source, reliability: clearGrade(source.reliability) }
            : gradeSource(source, value, rationale, stamp())
        const before = snapshotOf([id], [])
        await records.update((draft) => {
          const at = draft.sources.findIndex((s) => s.id === id)
          draft.sources[at] = next
        })
        return { value: structuredClone(next), undo: changed(before) }
      }),

    gradeDocument: (docId, patch, rationale) =>
      run(async () => {
        deps.findDocument(docId)
        let record = structuredClone(recordOf(docId))
        const at = stamp()
        if (patch.reliability !== undefined)
          record =
            patch.reliability === null
              ? { ...record, reliabilityOverride: clearGrade(record.reliabilityOverride) }
              : { ...record, ...overrideReliability(record, patch.reliability, rationale, at) }
        if (patch.credibility !== undefined)
          record =
            patch.credibility === null
              ? { ...record, credibility: clearGrade(record.credibility) }
              : gradeCredibility(record, patch.credibility, rationale, at)
        const before = snapshotOf([], [docId])
        await records.update((draft) => {
          draft.documents[docId] = record
        })
        return { value: reliabilityOf(docId), undo: changed(before) }
      }),

    gradeHighlight: (annotationId, value, rationale) =>
      run(async () => {
        const docId = docOfAnnotation(annotationId)
        const file = deps.catalog.findById(docId) ? await deps.annotations.get(docId) : null
        if (!file?.annotations.some((a) => a.id === annotationId))
          throw new WorkbenchError('not-found', `No highlight with id ${annotationId}.`)
        const current: HighlightGrades = structuredClone(
          data().highlights[annotationId] ?? { credibility: ungraded() }
        )
        const next =
          value === null
            ? { credibility: clearGrade(current.credibility) }
            : gradeCredibility(current, value, rationale, stamp())
        const before = snapshotOf([], [], [annotationId])
        await records.update((draft) => {
          draft.highlights[annotationId] = next
        })
        return { value: reliabilityOf(docId), undo: changed(before) }
      }),

    exportFile: () => run(async () => structuredClone(data()) as ReliabilityFile),

    exchange: {
      read: () => run(async () => structuredClone(data()) as ReliabilityFile),
      hold: (ids) => {
        for (const id of ids) held.add(id)
      },
      release: (ids) => {
        for (const id of ids) held.delete(id)
        if (pending.size) schedule()
      },
      write: (patch) =>
        queue.run(async () => {
          const snapshot = patch(data())
          return snapshot ? { before: await apply(snapshot), after: snapshot } : null
        })
    },

    importFile: (file) =>
      queue.run(async () => {
        await records.update((draft) => {
          Object.assign(draft, structuredClone(file))
        })
      }),

    ...originOps({
      deps,
      data,
      run,
      records,
      freshLinkId: () => freshLinkId(),
      snapshotOfLink: (id) => snapshotOf([], [], [], [id]),
      snapshotOfClaim: (id) => snapshotOf([], [], [], undefined, [id]),
      changed
    }),

    restoreGrades: (snapshot) =>
      run(async () => {
        const inverse = await apply(snapshot)
        return { value: snapshot, undo: changed(inverse) }
      })
  }
}
