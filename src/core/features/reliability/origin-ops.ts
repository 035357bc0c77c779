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
import { decide, joins } from './links'

export interface OriginContext {
  deps: {
    catalog: DocumentCatalog
    annotations: AnnotationFiles
    clock: Clock
    findDocument: (id: string) => DocumentMeta
    userName: () => string
  }
  data: () => Readonly<ReliabilityFile>
  /** Runs after the imports before it are worked out, one change at a time. */
  run: <T>(task: () => Promise<T>) => Promise<T>
  records: Collection<ReliabilityFile>
  freshLinkId: () => string
  snapshotOfLink: (id: string) => GradesSnapshot
  changed: (before: GradesSnapshot) => Change<never>['undo']
  sourceName: (id: string) => string | null
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
      return { id: meta.id, source: sid ? ctx.sourceName(sid) : null }
    })
    return origins(docs, file.links, { includeProposed })
  }

  return {
    /** Every derivation link (for exports). */
    listLinks: (): Promise<DerivationLink[]> => run(async () => structuredClone(data().links)),

    listOrigins: (): Promise<OriginView[]> => run(async () => originsNow(false).origins),

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
        // Likely derivations count as one origin until the analyst rejects them: a copy is
        // never taken for a confirmation.
        const { originOf } = originsNow(true)
        const out: Record<string, CorroborationView> = {}
        for (const a of file.annotations) {
          const c = corroboration(
            docId,
            carriersOf({ docId, start: a.position.start, end: a.position.end }, rows),
            originOf
          )
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
