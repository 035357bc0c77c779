import type {
  DocumentRecord,
  ProvenanceFlag,
  Source,
  SourceKind
} from '../../../shared/reliability'
import { ungraded } from '../../../shared/reliability'
import { WorkbenchError } from '../../base/errors'
import type { NamedSource } from '../provenance'
import { defaultSourceKey } from './origins'

export const emptyRecord = (): DocumentRecord => ({
  sourceId: null,
  reliabilityOverride: ungraded(),
  credibility: ungraded(),
  flags: []
})

/** A document's id from an annotation's ("<docId>.<n>"). */
export const docOfAnnotation = (annotationId: string): string =>
  annotationId.slice(0, Math.max(0, annotationId.lastIndexOf('.')))

/** A kind to start a new source with, from its name: a government domain or body, else unknown. */
export function guessKind(named: NamedSource, flags: readonly ProvenanceFlag[]): SourceKind {
  if (flags.some((f) => f.kind === 'ai-generated')) return 'ai-generated'
  if (/\.gov(\.[a-z]{2})?$|\.mil$/i.test(named.domain ?? '')) return 'government'
  if (
    /\b(ministry|department of|government|embassy|white house|state department)\b/i.test(named.name)
  )
    return 'government'
  return 'unknown'
}

/** "Ministry of Coastal Affairs, coastal.gov.nv": the name, with its domain as an alias. */
export function nameAndAliases(named: NamedSource): { name: string; aliases: string[] } {
  const { domain } = named
  if (!domain || named.name === domain) return { name: named.name, aliases: [] }
  const bare = named.name
    .replace(domain, '')
    .replace(/^[\s,;|–—()-]+|[\s,;|–—()-]+$/g, '')
    .trim()
  return { name: bare || named.name, aliases: [domain] }
}

/** The source a name stands for: by its name or one of its aliases, or a domain among them. */
export function matchSource(
  sources: readonly Source[],
  name: string,
  domain: string | null
): Source | null {
  const key = defaultSourceKey(name)
  const dom = domain ? defaultSourceKey(domain) : null
  return (
    sources.find((s) =>
      [s.name, ...s.aliases].some((n) => {
        const k = defaultSourceKey(n)
        return k === key || (dom !== null && k === dom)
      })
    ) ?? null
  )
}

export function checkSourceName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ')
  if (!clean) throw new WorkbenchError('invalid-argument', 'A source needs a name.')
  if (clean.length > 200)
    throw new WorkbenchError(
      'invalid-argument',
      'A source name can be at most 200 characters long.'
    )
  return clean
}
