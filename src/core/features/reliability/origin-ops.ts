import type { Change } from '../../../shared/api'
import type {
  ClaimLink,
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
import { checkSourceName, docOfAnnotation } from '../../domain/reliability/sources'
import type { AnnotationFiles, Clock, Collection, DocumentCatalog } from '../../ports'
import type { DocumentMeta } from '../../../shared/model'
import { derivationEvidence } from '../../domain/reuse'
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
  snapshotOfClaim: (id: string) => GradesSnapshot
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
    derivationsOf: async (docId: string): Promise<DerivationLink[]> => {
      deps.findDocument(docId)
      // The alignments run outside the queue of changes, so that grading never waits for them;
      // a damaged text shares nothing, and the decided links are shown all the same.
      const pairs = (await deps.reuse?.pairsFor(docId).catch(() => [])) ?? []
      return run(async () =>
        derivationsOf(docId, data().links, pairs, (id) => deps.catalog.findById(id))
      )
    },

    setLink: async (
      fromDocId: string,
      to: LinkTarget,
      status: LinkDecision
    ): Promise<Change<DerivationLink>> => {
      // What the two share, kept with a link the analyst makes of a proposal (aligned first,
      // outside the queue of changes).
      const shared =
        to.kind === 'document' && deps.catalog.findById(fromDocId)
          ? ((await deps.reuse?.pairsFor(fromDocId).catch(() => [])) ?? []).find(
              (p) => p.docId === to.docId
            )
          : undefined
      const evidence = shared ? derivationEvidence(shared.pair.passages) : null
      return run(async () => {
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
          const link = decide(draft, fromDocId, target, status, stamp, () => id)
          if (evidence && !link.evidence.some((e) => e.kind === 'shared-passages'))
            link.evidence.push(evidence)
        })
        const value = data().links.find((l) => l.id === id)
        if (!value) throw new WorkbenchError('corrupt', 'The link was not saved.')
        return { value: structuredClone(value), undo: ctx.changed(before) }
      })
    },

    /** Links two highlights of two documents as the same claim (same: false takes the link away). */
    setSameClaim: (
      annotationId: string,
      otherAnnotationId: string,
      same: boolean
    ): Promise<Change<ClaimLink | null>> =>
      run(async () => {
        const docs = [annotationId, otherAnnotationId].map(docOfAnnotation)
        if (docs[0] === docs[1])
          throw new WorkbenchError(
            'invalid-argument',
            'A claim is corroborated by another document: link highlights of two documents.'
          )
        for (const [i, id] of [annotationId, otherAnnotationId].entries()) {
          deps.findDocument(docs[i])
          const file = await deps.annotations.peek(docs[i])
          if (!file.annotations.some((a) => a.id === id))
            throw new WorkbenchError('not-found', `No highlight with id ${id}.`)
        }
        const existing = data().claims.find((c) => sameClaim(c, annotationId, otherAnnotationId))
        let id = existing?.id ?? ''
        while (!id || (!existing && data().claims.some((c) => c.id === id)))
          id = `c${deps.clock.newId()}`
        const before = ctx.snapshotOfClaim(id)
        const value: ClaimLink | null = same
          ? (existing ?? {
              id,
              a: annotationId,
              b: otherAnnotationId,
              setBy: deps.userName(),
              setAt: deps.clock.now().toISOString()
            })
          : null
        await ctx.records.update((draft) => {
          draft.claims = draft.claims.filter((c) => c.id !== id)
          if (value) draft.claims.push(structuredClone(value))
        })
        return { value, undo: ctx.changed(before) }
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
        // A claim counts while both of its highlights are there (one may have been deleted).
        const alive = new Set<string>()
        const linked = new Set(
          file.annotations.flatMap((a) => claimsOf(data().claims, a.id)).map(docOfAnnotation)
        )
        for (const other of linked)
          if (deps.catalog.findById(other))
            for (const x of (await deps.annotations.peek(other)).annotations) alive.add(x.id)
        const out: Record<string, CorroborationView> = {}
        for (const a of file.annotations) {
          const aligned = carriersOf({ docId, start: a.position.start, end: a.position.end }, rows)
          const claims = claimsOf(data().claims, a.id).filter((id) => alive.has(id))
          const claimed = new Set(
            claims.map(docOfAnnotation).filter((d) => d !== docId && !aligned.includes(d))
          )
          const c = corroboration(docId, [...aligned, ...claimed], originOf, { rejected, claimed })
          out[a.id] = {
            claims,
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

const sameClaim = (c: ClaimLink, x: string, y: string): boolean =>
  (c.a === x && c.b === y) || (c.a === y && c.b === x)

/** The highlights linked to one as the same claim. */
const claimsOf = (claims: readonly ClaimLink[], id: string): string[] =>
  claims.flatMap((c) => (c.a === id ? [c.b] : c.b === id ? [c.a] : []))

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
