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
import type { ReuseFeature } from '../reuse/reuse'

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

/** When a document came out: its publication date, else when it was imported. */
const dateOf = (meta: DocumentMeta): string => meta.published ?? meta.importedAt

/**
 * Which of two documents sharing passages derives from the other: the later one (by publication
 * date, else import), or, on the same day, the one imported later.
 */
export function derivedOf(
  a: DocumentMeta,
  b: DocumentMeta
): [from: DocumentMeta, to: DocumentMeta] {
  const da = dateOf(a)
  const db = dateOf(b)
  if (da !== db) return da > db ? [a, b] : [b, a]
  return a.importedAt >= b.importedAt ? [a, b] : [b, a]
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
 * Proposed links with the evidence as the library is now: a phrase two documents shared when
 * they were the only ones may have become boilerplate since (a site's footer), and a proposal
 * whose passages no longer hold is not shown. Decided links are shown as they are.
 */
export async function withCurrentEvidence(
  links: readonly DerivationLink[],
  reuse: Pick<ReuseFeature, 'pairWith'>
): Promise<DerivationLink[]> {
  const out: DerivationLink[] = []
  for (const link of links) {
    if (link.status !== 'proposed' || link.to.kind !== 'document') {
      out.push(link)
      continue
    }
    const pair = await reuse.pairWith(link.from, link.to.docId).catch(() => null)
    const shared = pair ? derivationEvidence(pair.passages) : null
    const others = link.evidence.filter((e) => e.kind !== 'shared-passages')
    if (shared) out.push({ ...link, evidence: [...others, shared] })
    else if (others.length) out.push({ ...link, evidence: others })
  }
  return out
}
