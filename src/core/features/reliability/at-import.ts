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
import type { DocumentCatalog, DocumentContents } from '../../ports'
import { propose } from './links'

/** Who stands behind the grades the workbench proposes itself (at import). */
export const AT_IMPORT = 'Analyst Workbench (at import)'

/** What a new document's text says of its provenance, and what it shares with others. */
export interface FoundAtImport {
  id: string
  flags: ProvenanceFlag[]
  named: NamedSource | null
  declared: { name: string; evidence: LinkEvidence }[]
}

/**
 * Reads each new document: the flags its text raises, the source it names, and the sources it
 * says it derives from ("Source: …" lines). Derivations from shared passages are not worked out
 * here: they are found when asked for (derivationsOf), so that an import stays fast.
 */
export async function findAtImport(
  ids: readonly string[],
  deps: {
    catalog: DocumentCatalog
    contents: DocumentContents
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
    found.push({ id, flags: p.flags, named: p.proposedSource, declared })
  }
  return found
}

/**
 * Writes what was found: flags; the source named, matched with an existing one or made (an
 * AI-generated text's new source starts at F); derivations from the sources it names, proposed.
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
  for (const { id, flags, named, declared } of found) {
    for (const d of declared)
      propose(draft, id, { kind: 'source', name: d.name }, d.evidence, ctx.newLinkId)
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
