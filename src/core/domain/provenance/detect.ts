import type { LinkEvidence, ProvenanceFlag, ProvenanceFlagKind } from '../../../shared/reliability'
import { PROVENANCE_FLAG_KINDS } from '../../../shared/reliability'
import {
  ATTRIBUTIONS,
  FLAG_PATTERNS,
  NOT_NAMES,
  PUBLISHER_LINES,
  SHORT_LINE,
  SOURCE_LABELS
} from './patterns'

/** What the file itself says about the document (HTML meta tags, front matter, properties). */
export interface ProvenanceHints {
  publisher?: string | null
  siteName?: string | null
  author?: string | null
}

/** A source named by a document, with where it says so ([start, end) of the line; null for metadata). */
export interface NamedSource {
  name: string
  /** A domain in the name ("state.gov"), for matching a source's aliases. */
  domain: string | null
  from: 'metadata' | 'publisher-line' | 'declared-line'
  line: { start: number; end: number } | null
}

export interface Provenance {
  flags: ProvenanceFlag[]
  /**
   * The source to propose for the document: its publisher from the metadata, else from a
   * publisher line ("Originally published by …", "© …"), else the first "Source: …" line.
   */
  proposedSource: NamedSource | null
  /** Every "Source: …" line: what the text says it derives from (derivation links to propose). */
  declaredSources: NamedSource[]
}

const MAX_NAME = 100
const LABEL = new RegExp(
  String.raw`^[ \t]*[(\[]?[ \t]*(?:${SOURCE_LABELS.join('|')})[ \t]*[:：][ \t]*(.*)$`,
  'gimu'
)
const DOMAIN = /\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})\b/iu

/** The line of `text` around `at`: [start, end). */
function lineAt(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1
  const nl = text.indexOf('\n', at)
  return { start, end: nl < 0 ? text.length : nl }
}

/** A name as written, without brackets, quotes, trailing punctuation or "All rights reserved". */
function cleanName(raw: string): string {
  const name = raw
    .replace(/\.?\s*all rights reserved\.?/iu, '')
    .replace(/^[\s"“”'‘’([]+|[\s"“”'‘’)\].,;:]+$/gu, '')
    .slice(0, MAX_NAME)
    .trim()
  // "HarbourWatch (blog)": a closing bracket that belongs to the name stays.
  const open = name.split('(').length - name.split(')').length
  return open > 0 && raw.includes(')') ? `${name})` : name
}

const isPlaceholder = (s: string): boolean =>
  FLAG_PATTERNS.some(
    (p) => p.kind === 'placeholder-references' && new RegExp(p.re.source, 'iu').test(s)
  ) || /^\[\d+\]/u.test(s.trim())

function named(
  name: string,
  from: NamedSource['from'],
  line: NamedSource['line']
): NamedSource | null {
  const clean = cleanName(name)
  if (!/\p{L}/u.test(clean) || isPlaceholder(name) || isPlaceholder(clean)) return null
  return { name: clean, domain: DOMAIN.exec(clean)?.[1].toLowerCase() ?? null, from, line }
}

/** "Source: …" lines; an empty one takes its next non-empty line when that is short and a name. */
function declaredSources(text: string): NamedSource[] {
  const out: NamedSource[] = []
  for (const m of text.matchAll(LABEL)) {
    const line = { start: m.index, end: m.index + m[0].length }
    let value = m[1]
    if (!value.trim()) {
      const rest = text.slice(line.end).match(/^\s*\n[ \t]*(\S[^\n]*)/u)
      if (!rest || rest[1].length > 80) continue
      value = rest[1]
      line.end += rest[0].length
    }
    const s = named(value, 'declared-line', line)
    if (s) out.push(s)
  }
  return out
}

function publisherLine(text: string): NamedSource | null {
  for (const re of PUBLISHER_LINES)
    for (const m of text.matchAll(re)) {
      if (m[0].length > SHORT_LINE) continue
      const s = named(m[1], 'publisher-line', { start: m.index, end: m.index + m[0].length })
      if (s) return s
    }
  return null
}

function hasAttribution(text: string): boolean {
  for (const re of ATTRIBUTIONS)
    for (const m of text.matchAll(re)) {
      const name = (m[1] ?? m[0].split(/\s+/u).pop() ?? '').toLowerCase()
      if (!NOT_NAMES.has(name)) return true
    }
  return false
}

/**
 * Provenance flags and named sources found in a document's text. Flags carry where the text says
 * so; `no-named-source` is raised when the text names no source at all: no source line, no
 * publisher (in the text or the metadata), no attribution such as "according to …" or "… said".
 */
export function detectProvenance(text: string, hints: ProvenanceHints = {}): Provenance {
  const evidence = new Map<ProvenanceFlagKind, { start: number; end: number }[]>()
  for (const p of FLAG_PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const at = { start: m.index, end: m.index + m[0].length }
      if (p.shortLine) {
        const line = lineAt(text, at.start)
        if (line.end - line.start > SHORT_LINE) continue
      }
      const list = evidence.get(p.kind) ?? []
      if (!list.some((e) => e.start < at.end && at.start < e.end)) list.push(at)
      evidence.set(p.kind, list)
    }
  }
  const declared = declaredSources(text)
  const fromMeta = [hints.publisher, hints.siteName, hints.author]
    .map((n) => (n ? named(n, 'metadata', null) : null))
    .find((s) => s !== null)
  const proposedSource = fromMeta ?? publisherLine(text) ?? declared[0] ?? null
  if (!proposedSource && !hasAttribution(text)) evidence.set('no-named-source', [])
  const flags: ProvenanceFlag[] = []
  for (const [kind, ev] of evidence)
    flags.push({ kind, evidence: ev.sort((a, b) => a.start - b.start) })
  flags.sort(
    (a, b) => PROVENANCE_FLAG_KINDS.indexOf(a.kind) - PROVENANCE_FLAG_KINDS.indexOf(b.kind)
  )
  return { flags, proposedSource, declaredSources: declared }
}

/** The evidence for a derivation link from a "Source: …" line. */
export function declaredSourceEvidence(
  text: string,
  s: NamedSource
): Extract<LinkEvidence, { kind: 'declared-source' }> | null {
  if (s.from !== 'declared-line' || !s.line) return null
  return { kind: 'declared-source', line: text.slice(s.line.start, s.line.end).trim(), ...s.line }
}
