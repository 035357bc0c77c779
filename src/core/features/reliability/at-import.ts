import type { LinkEvidence, ProvenanceFlag, Source, SourceKind } from '../../../shared/reliability'
import type { ReliabilityFile } from '../../../shared/reliability-schemas'
import { declaredSourceEvidence, detectProvenance, type NamedSource } from '../../domain/provenance'
import { defaultReliability } from '../../domain/reliability'
import {
  emptyRecord,
  guessKind,
  matchSource,
  nameAndAliases
} from '../../domain/reliability/sources'
import { derivationEvidence } from '../../domain/reuse'
import type { DocumentCatalog, DocumentContents } from '../../ports'
import type { ReuseFeature } from '../reuse/reuse'
import { derivedOf, propose } from './links'

/** Who stands behind the grades the workbench proposes itself (at import). */
export const AT_IMPORT = 'Analyst Workbench (at import)'

/** What a new document's text says of its provenance, and what it shares with others. */
export interface FoundAtImport {
  id: string
  flags: ProvenanceFlag[]
  named: NamedSource | null
  declared: { name: string; evidence: LinkEvidence }[]
  shared: { docId: string; evidence: LinkEvidence }[]
}

/**
 * Reads each new document: the flags its text raises, the source it names, the sources it says it
 * derives from ("Source: …" lines), and the documents it shares enough passages with to be derived.
 */
export async function findAtImport(
  ids: readonly string[],
  deps: {
    catalog: DocumentCatalog
    contents: DocumentContents
    reuse?: Pick<ReuseFeature, 'pairs'>
  }
): Promise<FoundAtImport[]> {
  const found: FoundAtImport[] = []
  for (const id of ids) {
    const meta = deps.catalog.findById(id)
    if (!meta) continue
    let text: string
    try {
      text = (await deps.contents.text(meta, false)).text
    } catch {
      continue // a damaged text: reported where it is opened
    }
    const p = detectProvenance(text, { publisher: meta.source })
    const declared = p.declaredSources.flatMap((s) => {
      const evidence = declaredSourceEvidence(text, s)
      return evidence ? [{ name: s.name, evidence }] : []
    })
    let shared: FoundAtImport['shared'] = []
    try {
      shared = ((await deps.reuse?.pairs(id)) ?? []).flatMap(({ docId, pair }) => {
        const evidence = derivationEvidence(pair.passages)
        return evidence ? [{ docId, evidence }] : []
      })
    } catch {
      // shared passages are proposals: a failure here loses nothing the analyst did
    }
    found.push({ id, flags: p.flags, named: p.proposedSource, declared, shared })
  }
  return found
}

/**
 * Writes what was found: flags; the source named, matched with an existing one or made (an
 * AI-generated text's new source starts at F); derivation links proposed, the later document
 * derived from the earlier.
 */
export function applyAtImport(
  draft: ReliabilityFile,
  found: readonly FoundAtImport[],
  ctx: {
    catalog: DocumentCatalog
    setAt: string
    newSource: (name: string, kind: SourceKind, aliases: string[]) => Source
    newLinkId: () => string
  }
): void {
  for (const { id, flags, named, declared, shared } of found) {
    const meta = ctx.catalog.findById(id)
    for (const d of declared)
      propose(draft, id, { kind: 'source', name: d.name }, d.evidence, ctx.newLinkId)
    for (const s of shared) {
      const other = ctx.catalog.findById(s.docId)
      if (!meta || !other) continue
      const [from, to] = derivedOf(meta, other)
      propose(draft, from.id, { kind: 'document', docId: to.id }, s.evidence, ctx.newLinkId)
    }
    const record = draft.documents[id] ?? emptyRecord()
    record.flags = flags
    if (record.sourceId === null && named) {
      let source = matchSource(draft.sources, named.name, named.domain)
      if (!source) {
        const kind = guessKind(named, flags)
        const { name, aliases } = nameAndAliases(named)
        source = ctx.newSource(name, kind, aliases)
        const start = defaultReliability(kind, flags)
        if (start)
          source.reliability = {
            current: {
              value: start.value,
              rationale: start.rationale,
              setBy: AT_IMPORT,
              setAt: ctx.setAt
            },
            history: []
          }
        draft.sources.push(source)
      }
      record.sourceId = source.id
    }
    draft.documents[id] = record
  }
}
