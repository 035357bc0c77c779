import type { DocumentMeta } from '../../../shared/model'
import type {
  DerivationLink,
  LinkDecision,
  LinkEvidence,
  LinkTarget
} from '../../../shared/reliability'
import type { ReliabilityFile } from '../../../shared/reliability-schemas'
import { defaultSourceKey } from '../../domain/reliability'
import { derivationEvidence } from '../../domain/reuse'
import type { SharedPassage } from '../../domain/reuse'

/** Whether a link joins these two ends, in either direction (a document and a document or a source). */
export function joins(link: DerivationLink, a: string, b: LinkTarget): boolean {
  if (b.kind === 'source')
    return (
      link.from === a &&
      link.to.kind === 'source' &&
      defaultSourceKey(link.to.name) === defaultSourceKey(b.name)
    )
  if (link.to.kind !== 'document') return false
  return (
    (link.from === a && link.to.docId === b.docId) || (link.from === b.docId && link.to.docId === a)
  )
}

/** The links from or to a document. */
export const linksOf = (links: readonly DerivationLink[], docId: string): DerivationLink[] =>
  links.filter((l) => l.from === docId || (l.to.kind === 'document' && l.to.docId === docId))

/**
 * Which of two documents sharing passages derives from the other: the later one by publication
 * date when both have one (a date on one side only says nothing of the other), else the one
 * imported later, and in import order on the same instant.
 */
export function derivedOf(
  a: DocumentMeta,
  b: DocumentMeta
): [from: DocumentMeta, to: DocumentMeta] {
  if (a.published && b.published && a.published !== b.published)
    return a.published > b.published ? [a, b] : [b, a]
  if (a.importedAt !== b.importedAt) return a.importedAt > b.importedAt ? [a, b] : [b, a]
  return a.importOrder >= b.importOrder ? [a, b] : [b, a]
}

/**
 * Adds a proposed link to the file, unless the two ends have a link already (whatever its
 * status: a rejected link is never proposed again; a confirmed one keeps its direction). New
 * evidence of the same kind is merged into a link still proposed.
 */
export function propose(
  draft: ReliabilityFile,
  from: string,
  to: LinkTarget,
  evidence: LinkEvidence,
  newId: () => string
): void {
  const existing = draft.links.find((l) => joins(l, from, to))
  if (existing) {
    if (existing.status === 'proposed')
      existing.evidence = [...existing.evidence.filter((e) => e.kind !== evidence.kind), evidence]
    return
  }
  draft.links.push({ id: newId(), from, to, status: 'proposed', evidence: [evidence] })
}

/**
 * The analyst's decision on the link between `from` and `to`: an existing link (either
 * direction) takes the decision, and a confirmation gives it the direction asked for; without
 * one, a link is made with the decision. Returns the link as it is now.
 */
export function decide(
  draft: ReliabilityFile,
  from: string,
  to: LinkTarget,
  status: LinkDecision,
  stamp: { by: string; at: string },
  newId: () => string
): DerivationLink {
  let link = draft.links.find((l) => joins(l, from, to))
  if (!link) {
    link = { id: newId(), from, to, status, evidence: [] }
    draft.links.push(link)
  }
  if (status === 'confirmed') {
    link.from = from
    link.to = to
  }
  link.status = status
  link.decidedBy = stamp.by
  link.decidedAt = stamp.at
  return link
}

/**
 * A document's derivations: the links stored (decided, or proposed from a "Source: …" line), and
 * proposals worked out now from the passages it shares (`pairs`), for each other document that
 * has no link with it yet. A rejected link is never proposed again; the later document (see
 * derivedOf) is proposed as derived from the earlier.
 */
export function derivationsOf(
  docId: string,
  stored: readonly DerivationLink[],
  pairs: readonly { docId: string; pair: { passages: readonly SharedPassage[] } }[],
  findById: (id: string) => DocumentMeta | undefined
): DerivationLink[] {
  const out = linksOf(stored, docId).map((l) => structuredClone(l))
  const meta = findById(docId)
  if (!meta) return out
  for (const { docId: otherId, pair } of pairs) {
    const other = findById(otherId)
    if (!other || out.some((l) => joins(l, docId, { kind: 'document', docId: otherId }))) continue
    const evidence = derivationEvidence(pair.passages)
    if (!evidence) continue
    const [from, to] = derivedOf(meta, other)
    out.push({
      id: `proposed:${from.id}:${to.id}`,
      from: from.id,
      to: { kind: 'document', docId: to.id },
      status: 'proposed',
      evidence: [evidence]
    })
  }
  return out
}
