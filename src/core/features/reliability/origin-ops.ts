import type { Change } from '../../../shared/api'
import type {
  CorroborationView,
  DerivationLink,
  GradesSnapshot,
  LinkDecision,
  LinkTarget,
  OriginView,
  ReuseRow
} from '../../../shared/reliability'
import type { ReliabilityFile } from '../../../shared/reliability-schemas'
import { WorkbenchError } from '../../base/errors'
import { carriersOf, corroboration, origins } from '../../domain/reliability'
import { checkSourceName } from '../../domain/reliability/sources'
import type { AnnotationFiles, Clock, Collection, DocumentCatalog } from '../../ports'
import type { DocumentMeta } from '../../../shared/model'
import type { ReuseFeature } from '../reuse/reuse'
import { decide, derivationsOf, joins } from './links'

export interface OriginContext {
  deps: {
    catalog: DocumentCatalog
    annotations: AnnotationFiles
    clock: Clock
    findDocument: (id: string) => DocumentMeta
    userName: () => string
    reuse?: Pick<ReuseFeature, 'pairsFor'>
  }
  data: () => Readonly<ReliabilityFile>
  /** Runs after the imports before it are worked out, one change at a time. */
  run: <T>(task: () => Promise<T>) => Promise<T>
  records: Collection<ReliabilityFile>
  freshLinkId: () => string
  snapshotOfLink: (id: string) => GradesSnapshot
  changed: (before: GradesSnapshot) => Change<never>['undo']
}

/**
 * Derivation links, the origins they make and corroboration counted by origin: the analyst
 * confirms or rejects what the import proposed; a confirmation joins two documents (or a document
 * and a source never imported) into one origin.
 */
export function originOps(ctx: OriginContext) {
  const { deps, data, run } = ctx

  /** The origins of the library's documents, by confirmed links (and proposed ones too, if asked). */
  function originsNow(includeProposed: boolean): ReturnType<typeof origins> {
    const file = data()
    const docs = deps.catalog.documents().map((meta) => {
      const sid = file.documents[meta.id]?.sourceId
      const source = sid ? file.sources.find((x) => x.id === sid) : undefined
      return {
        id: meta.id,
        source: source?.name ?? null,
        sourceNames: source ? [source.name, ...source.aliases] : []
      }
    })
    return origins(docs, file.links, { includeProposed })
  }

  return {
    /** Every derivation link (for exports). */
    listLinks: (): Promise<DerivationLink[]> => run(async () => structuredClone(data().links)),

    listOrigins: (): Promise<OriginView[]> => run(async () => originsNow(false).origins),

    /** A document's derivations: those decided or named, and those its shared passages suggest. */
    derivationsOf: (docId: string): Promise<DerivationLink[]> =>
      run(async () => {
        deps.findDocument(docId)
        const pairs = (await deps.reuse?.pairsFor(docId)) ?? []
        return derivationsOf(docId, data().links, pairs, (id) => deps.catalog.findById(id))
      }),

    setLink: (
      fromDocId: string,
      to: LinkTarget,
      status: LinkDecision
    ): Promise<Change<DerivationLink>> =>
      run(async () => {
        deps.findDocument(fromDocId)
        if (to.kind === 'document') {
          deps.findDocument(to.docId)
          if (to.docId === fromDocId)
            throw new WorkbenchError('invalid-argument', 'A document does not derive from itself.')
        }
        if (status !== 'confirmed' && status !== 'rejected')
          throw new WorkbenchError(
            'invalid-argument',
            `A link is confirmed or rejected, not ${String(status)}.`
          )
        const target: LinkTarget =
          to.kind === 'document'
            ? { kind: 'document', docId: to.docId }
            : { kind: 'source', name: checkSourceName(to.name) }
        const id = data().links.find((l) => joins(l, fromDocId, target))?.id ?? ctx.freshLinkId()
        const before = ctx.snapshotOfLink(id)
        const stamp = { by: deps.userName(), at: deps.clock.now().toISOString() }
        await ctx.records.update((draft) => {
          decide(draft, fromDocId, target, status, stamp, () => id)
        })
        const value = data().links.find((l) => l.id === id)
        if (!value) throw new WorkbenchError('corrupt', 'The link was not saved.')
        return { value: structuredClone(value), undo: ctx.changed(before) }
      }),

    /** Who else carries each highlight of a document, given its shared passages (`rows`). */
    getCorroboration: (
      docId: string,
      rows: readonly ReuseRow[]
    ): Promise<Record<string, CorroborationView>> =>
      run(async () => {
        deps.findDocument(docId)
        const file = await deps.annotations.peek(docId)
        const { originOf } = originsNow(false)
        const rejected = rejectedPairs(data().links)
        const out: Record<string, CorroborationView> = {}
        for (const a of file.annotations) {
          const carriers = carriersOf({ docId, start: a.position.start, end: a.position.end }, rows)
          const c = corroboration(docId, carriers, originOf, { rejected })
          out[a.id] = {
            documents: c.documents,
            origins: c.origins.length,
            sameOrigin: c.sameOrigin,
            suggestsConfirmed: c.suggestsConfirmed
          }
        }
        return out
      })
  }
}

/** Documents the analyst said do not derive from one another, as "a b" keys (both orders). */
function rejectedPairs(links: readonly DerivationLink[]): Set<string> {
  const out = new Set<string>()
  for (const l of links)
    if (l.status === 'rejected' && l.to.kind === 'document') {
      out.add(`${l.from} ${l.to.docId}`)
      out.add(`${l.to.docId} ${l.from}`)
    }
  return out
}
