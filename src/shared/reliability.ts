/**
 * Sources, Admiralty grades, derivation links and provenance flags: the plain data that the core
 * keeps and every host shows. Structured-clone safe; no Node, no DOM.
 *
 * The grading follows the NATO/Admiralty system: the reliability of a source (A–F) and the
 * credibility of a piece of information (1–6) are judged apart and never fused into one number.
 * The wording of each level is our own.
 */

export const SOURCE_KINDS = [
  'government',
  'news-outlet',
  'aggregator',
  'think-tank',
  'individual',
  'ai-generated',
  'unknown'
] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  government: 'Government',
  'news-outlet': 'News outlet',
  aggregator: 'Aggregator',
  'think-tank': 'Think tank',
  individual: 'Individual',
  'ai-generated': 'AI-generated',
  unknown: 'Unknown'
}

export const RELIABILITY_LEVELS = ['A', 'B', 'C', 'D', 'E', 'F'] as const
/** How far a source can be trusted, A (completely reliable) to E (unreliable); F: cannot be judged. */
export type SourceReliability = (typeof RELIABILITY_LEVELS)[number]

export const CREDIBILITY_LEVELS = [1, 2, 3, 4, 5, 6] as const
/** How believable a piece of information is, 1 (confirmed) to 5 (improbable); 6: cannot be judged. */
export type InformationCredibility = (typeof CREDIBILITY_LEVELS)[number]

/** One level of a scale, as the popover and the exports show it. */
export interface ScaleLevel<V> {
  value: V
  /** A few words, for a badge's tooltip or a menu. */
  label: string
  /** One sentence that says when to choose this level. */
  meaning: string
}

export const RELIABILITY_SCALE: readonly ScaleLevel<SourceReliability>[] = [
  {
    value: 'A',
    label: 'Completely reliable',
    meaning: 'Authentic, honest and competent beyond doubt, and right every time so far.'
  },
  {
    value: 'B',
    label: 'Usually reliable',
    meaning: 'Small doubts only; has been right most of the time.'
  },
  {
    value: 'C',
    label: 'Fairly reliable',
    meaning: 'Some doubts, yet has been right before.'
  },
  {
    value: 'D',
    label: 'Not usually reliable',
    meaning: 'Serious doubts, though it has been right now and then.'
  },
  {
    value: 'E',
    label: 'Unreliable',
    meaning: 'Lacks authenticity, honesty or competence, and has been wrong before.'
  },
  {
    value: 'F',
    label: 'Reliability cannot be judged',
    meaning: 'Nothing yet to judge it by. This is not the same as unreliable (E).'
  }
]

export const CREDIBILITY_SCALE: readonly ScaleLevel<InformationCredibility>[] = [
  {
    value: 1,
    label: 'Confirmed by other sources',
    meaning: 'Independent origins say the same; it holds together and fits what is already known.'
  },
  {
    value: 2,
    label: 'Probably true',
    meaning: 'Not confirmed, but it holds together and fits what is already known.'
  },
  {
    value: 3,
    label: 'Possibly true',
    meaning: 'Not confirmed; it holds together fairly well and fits some of what is known.'
  },
  {
    value: 4,
    label: 'Doubtful',
    meaning: 'Not confirmed; possible, but it does not hold together and nothing bears it out.'
  },
  {
    value: 5,
    label: 'Improbable',
    meaning: 'Not confirmed; it does not hold together and what is known contradicts it.'
  },
  {
    value: 6,
    label: 'Truth cannot be judged',
    meaning: 'Nothing yet to judge it by. This is not the same as improbable (5).'
  }
]

export const isSourceReliability = (v: unknown): v is SourceReliability =>
  typeof v === 'string' && (RELIABILITY_LEVELS as readonly string[]).includes(v)

export const isInformationCredibility = (v: unknown): v is InformationCredibility =>
  typeof v === 'number' && (CREDIBILITY_LEVELS as readonly number[]).includes(v)

export const reliabilityLevel = (v: SourceReliability): ScaleLevel<SourceReliability> =>
  RELIABILITY_SCALE[RELIABILITY_LEVELS.indexOf(v)]

export const credibilityLevel = (v: InformationCredibility): ScaleLevel<InformationCredibility> =>
  CREDIBILITY_SCALE[v - 1]

/** What stands in a badge for a part that has no grade. */
export const UNGRADED_MARK = '–'

/**
 * The badge text: `B2`; `B–` or `–2` when one half is missing; `–` when neither is graded.
 * F and 6 are grades ("cannot be judged"), so `F6` is a graded badge.
 */
export function badgeText(
  reliability: SourceReliability | null | undefined,
  credibility: InformationCredibility | null | undefined
): string {
  if (!reliability && !credibility) return UNGRADED_MARK
  return `${reliability ?? UNGRADED_MARK}${credibility ?? UNGRADED_MARK}`
}

/** A grade as it was set: what, why, by whom (the OS user name or a name set in the app), when. */
export interface Grade<V> {
  value: V
  rationale: string
  setBy: string
  /** ISO 8601 timestamp. */
  setAt: string
}

/**
 * A graded property with its past: `current` is null while ungraded (never graded, or cleared);
 * `history` holds every earlier grade, oldest first, and is never shortened.
 */
export interface Graded<V> {
  current: Grade<V> | null
  history: Grade<V>[]
}

export const ungraded = <V>(): Graded<V> => ({ current: null, history: [] })

/** A source: an outlet, agency or author. Documents belong to one. */
export interface Source {
  id: string
  name: string
  /** Other names it goes by ("State Department", "state.gov"), matched when a name is proposed. */
  aliases: string[]
  kind: SourceKind
  notes: string
  reliability: Graded<SourceReliability>
}

/** The grades kept on a document. */
export interface DocumentGrades {
  /** Null until a source is chosen or proposed. */
  sourceId: string | null
  /**
   * Replaces the source's reliability for this document alone; each grade needs a rationale
   * (why this document is to be trusted more or less than its source).
   */
  reliabilityOverride: Graded<SourceReliability>
  credibility: Graded<InformationCredibility>
}

/** The grade kept on a highlight: its own credibility, else its document's. */
export interface HighlightGrades {
  credibility: Graded<InformationCredibility>
}

export const LINK_STATUSES = ['proposed', 'confirmed', 'rejected'] as const
export type LinkStatus = (typeof LINK_STATUSES)[number]

/** What a document derives from: another document, or a source that was never imported. */
export type LinkTarget = { kind: 'document'; docId: string } | { kind: 'source'; name: string }

/** Why a derivation was proposed. Offsets are JavaScript string indices into the `from` text. */
export type LinkEvidence =
  | { kind: 'shared-passages'; passages: number; words: number }
  | { kind: 'declared-source'; line: string; start: number; end: number }

/** "`from` was derived from `to`": proposed by the workbench, confirmed or rejected by the analyst. */
export interface DerivationLink {
  id: string
  from: string
  to: LinkTarget
  status: LinkStatus
  evidence: LinkEvidence[]
  /** Who confirmed or rejected it, and when; absent while proposed. */
  decidedBy?: string
  decidedAt?: string
}

/**
 * Two highlights the analyst says make the same claim, in two documents (not copied text: the
 * alignment finds that itself). Each carries the other for corroboration.
 */
export interface ClaimLink {
  id: string
  /** Annotation ids, in either order. */
  a: string
  b: string
  setBy: string
  setAt: string
}

export const PROVENANCE_FLAG_KINDS = [
  'ai-generated',
  'machine-translated',
  'reconstructed',
  'summary',
  'placeholder-references',
  'no-named-source'
] as const
export type ProvenanceFlagKind = (typeof PROVENANCE_FLAG_KINDS)[number]

export const PROVENANCE_FLAG_LABELS: Readonly<Record<ProvenanceFlagKind, string>> = {
  'ai-generated': 'AI-generated',
  'machine-translated': 'Machine-translated',
  reconstructed: 'Reconstructed',
  summary: 'Summary',
  'placeholder-references': 'Placeholder references',
  'no-named-source': 'No named source'
}

/**
 * Something a text says about how it was made, found at import. `evidence` is where it says so
 * ([start, end) in the text); empty for `no-named-source`, which is the absence of a name.
 */
export interface ProvenanceFlag {
  kind: ProvenanceFlagKind
  evidence: { start: number; end: number }[]
}

/** The grades that hold for a document or a highlight once inheritance is applied, and whence. */
export interface EffectiveGrade {
  reliability: SourceReliability | null
  /** 'document' when the document overrides its source. */
  reliabilityFrom: 'source' | 'document' | null
  credibility: InformationCredibility | null
  /** 'document' when a highlight has no credibility of its own and takes its document's. */
  credibilityFrom: 'document' | 'highlight' | null
  /** `B2`, `B–`, `–2` or `–`. */
  badge: string
  /**
   * Nothing graded at any level: no reliability on the source or the document, no credibility on
   * the document or the highlight (the badge is `–`). F and 6 are grades, so `F6` is not ungraded.
   */
  ungraded: boolean
}

/** What the workbench keeps of a document's provenance: its source, grades and flags. */
export interface DocumentRecord extends DocumentGrades {
  flags: ProvenanceFlag[]
}

/** A source with the documents that belong to it (ids, in library order). */
export interface SourceView extends Source {
  documents: string[]
}

/** New values for a source's description (its grade is set with gradeSource). */
export interface SourcePatch {
  name?: string
  kind?: SourceKind
  aliases?: string[]
  notes?: string
}

/** A document's provenance as the reader shows it. */
export interface DocumentReliability {
  docId: string
  source: Source | null
  record: DocumentRecord
  effective: EffectiveGrade
  /** The effective grade of each of the document's highlights, by annotation id. */
  highlights: Record<string, EffectiveGrade>
  /** The highlights' own credibility grades (with history), by annotation id. */
  highlightGrades: Record<string, HighlightGrades>
}

/** One library row's provenance: for badges, chips and sorting. */
export interface DocumentGradeRow {
  docId: string
  sourceId: string | null
  sourceName: string | null
  reliability: SourceReliability | null
  credibility: InformationCredibility | null
  badge: string
  flags: ProvenanceFlagKind[]
}

/** A document's grades to change: a value sets it, null clears it, absent leaves it. */
export interface DocumentGradePatch {
  credibility?: InformationCredibility | null
  /** Overrides the source's reliability for this document alone (needs a rationale). */
  reliability?: SourceReliability | null
}

/**
 * Sources, document records and highlight grades as they were before a change (null: there was
 * none): the undo of every grading change puts them back, history and all.
 */
export interface GradesSnapshot {
  sources: Record<string, Source | null>
  documents: Record<string, DocumentRecord | null>
  highlights: Record<string, HighlightGrades | null>
  /** Derivation links by id (absent in snapshots of changes that touch no link). */
  links?: Record<string, DerivationLink | null>
  /** Same-claim links by id (absent in snapshots of changes that touch none). */
  claims?: Record<string, ClaimLink | null>
}

/**
 * A passage one document shares with another (a row of `reuse DOC_ID --json`): [start, end) in
 * `docId`'s text and [otherStart, otherEnd) in `otherDocId`'s, as JavaScript string indices.
 */
export interface ReuseRow {
  docId: string
  start: number
  end: number
  otherDocId: string
  otherStart: number
  otherEnd: number
  /** Words on `docId`'s side. */
  words: number
  /** The share of identical words among the aligned ones, 0–1 (1: verbatim). */
  identity: number
  /** Made of fingerprints found in very many documents (a footer, a stock phrase). */
  boilerplate: boolean
}

/** A shared passage between two open documents, with the words that differ on each side. */
export interface ComparedPassage extends ReuseRow {
  /** Changed words in `docId`'s text, [start, end) (empty when verbatim). */
  changed: { start: number; end: number }[]
  /** …and in `otherDocId`'s. */
  otherChanged: { start: number; end: number }[]
}

export interface SharedPassagesQuery {
  /** Only the passages shared with this document. */
  withDocId?: string
  /** Also the passages made of boilerplate. */
  includeBoilerplate?: boolean
}

/** Documents joined by confirmed derivation links, with their sources and the un-imported ones. */
export interface OriginView {
  /** The id of its first document in sort order. */
  id: string
  documents: string[]
  sources: string[]
}

/** Who else carries a highlighted passage, counted by independent origin. */
export interface CorroborationView {
  /** The other documents that carry it (aligned shared passages, or the same claim). */
  documents: string[]
  /** The highlights of other documents linked to it as the same claim. */
  claims: string[]
  /** How many independent origins among them (the passage's own never counts). */
  origins: number
  /** Documents that carry it but share its origin (confirmed or likely derived). */
  sameOrigin: string[]
  /** Two or more independent origins: credibility 1 may be given. */
  suggestsConfirmed: boolean
}

/** What a link decision sets: a derivation the analyst confirms, or one they reject. */
export type LinkDecision = Exclude<LinkStatus, 'proposed'>
