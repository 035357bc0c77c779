/**
 * The analysis views as plain data, shared by every process: the code matrix, co-occurrence,
 * frequencies, the timeline, and analyses of competing hypotheses (ACH, after Heuer,
 * *Psychology of Intelligence Analysis*, chapter 8). Everything here is structured-clone safe.
 */

/** What the code matrix's columns are. */
export const MATRIX_AXES = ['documents', 'sources', 'origins', 'grades'] as const
export type MatrixAxis = (typeof MATRIX_AXES)[number]

/** A tag as a row of a table: in codebook tree order, with its depth (0 = top level). */
export interface TagRow {
  tagId: string
  /** "Actors/Lazarus Group" */
  path: string
  depth: number
  color: string
}

export interface MatrixRow extends TagRow {
  /** Passages tagged with the tag or any tag below it, over every column. */
  total: number
  /** Passages tagged with the tag itself, over every column. */
  ownTotal: number
}

export interface MatrixColumn {
  id: string
  label: string
}

/**
 * Tags × columns. `counts[r][c]` is the number of passages in column c tagged with row r's tag or
 * a tag below it (a passage carrying a tag and its sub-tag counts once); `own[r][c]` counts only
 * the tag itself (for a tag without sub-tags, `own[r]` is the very array `counts[r]`: read-only
 * data). `columnTotals[c]` is the number of tagged passages in column c.
 */
export interface CodeMatrix {
  rows: MatrixRow[]
  cols: MatrixColumn[]
  counts: number[][]
  own: number[][]
  columnTotals: number[]
  /** Columns left out by `maxCols` (those with the fewest passages). */
  hiddenColumns?: number
}

/** Where two tags count as occurring together. */
export const COOCCURRENCE_SCOPES = ['highlight', 'overlap', 'paragraph'] as const
export type CooccurrenceScope = (typeof COOCCURRENCE_SCOPES)[number]

/** Two tags (ids; a before b in codebook order) and how often they occur together. */
export interface CooccurrencePair {
  a: string
  b: string
  count: number
}

export interface Cooccurrence {
  scope: CooccurrenceScope
  /** The tags that occur in at least one pair, in codebook order. */
  tags: TagRow[]
  /** Pairs with a count above 0, in codebook order of a, then b. */
  pairs: CooccurrencePair[]
}

/**
 * One place where two tags occur together: a highlight carrying both, two overlapping highlights,
 * or a paragraph (`range`, the block) holding highlights of both.
 */
export interface CooccurrenceHit {
  docId: string
  annotationIds: string[]
  range?: { start: number; end: number }
}

/** Passages per tag, for the bar chart: over all, and per column (document or source). */
export interface TagFrequency extends TagRow {
  total: number
  own: number
  /** Only the columns with at least one passage, in column order. */
  byColumn: { id: string; label: string; count: number }[]
}

/** How sure a date is: the finest part the text (or the correction) states. */
export type DatePrecision = 'day' | 'month' | 'year'

/** A date stated in a passage, as found by the parser: what it read and where. */
export interface StatedDate {
  /** The words read as a date, e.g. "last week". */
  text: string
  /** [start, end) string indices into the passage's quote. */
  start: number
  end: number
  /** YYYY-MM-DD; for a month or year, its first day. */
  date: string
  precision: DatePrecision
}

/** A date the analyst set for a passage, which wins over anything found. */
export interface DateCorrection {
  annotationId: string
  date: string
  precision: DatePrecision
}

export type DateBasis = 'corrected' | 'stated' | 'published'

export interface TimelineMark {
  annotationId: string
  docId: string
  tagIds: string[]
  date: string
  precision: DatePrecision
  basis: DateBasis
  /** For basis 'stated': the words the date was read from. */
  stated?: StatedDate
  /** Every date found in the passage, so that the analyst can pick another. */
  candidates: StatedDate[]
}

export interface Timeline {
  /** Oldest first. */
  marks: TimelineMark[]
  /** Passages with no date at all: no correction, none stated, no publication date. */
  undated: string[]
}

// --- Analysis of competing hypotheses -------------------------------------------------------

/** Consistency ratings: very consistent, consistent, neutral, inconsistent, very inconsistent, not applicable. */
export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const
export type AchRating = (typeof ACH_RATINGS)[number]

export const RELEVANCES = ['low', 'medium', 'high'] as const
export type Relevance = (typeof RELEVANCES)[number]

/** Information credibility on the Admiralty scale: 1 confirmed … 5 improbable, 6 cannot be judged. */
export type AchCredibility = 1 | 2 | 3 | 4 | 5 | 6

export const FREE_EVIDENCE_KINDS = ['assumption', 'absence', 'other'] as const
export type FreeEvidenceKind = (typeof FREE_EVIDENCE_KINDS)[number]

export interface AchHypothesis {
  id: string
  text: string
}

export interface AchCell {
  rating: AchRating
  rationale?: string
}

/** The analyst's own credibility for a row, in place of the one from the passage's grade. */
export interface CredibilityOverride {
  value: AchCredibility
  rationale: string
}

interface AchEvidenceBase {
  id: string
  relevance: Relevance
  credibility: CredibilityOverride | null
  /** Ratings by hypothesis id; a hypothesis missing here is not rated yet (scored as N). */
  cells: Record<string, AchCell>
}

/** A highlighted passage as evidence; `text` is its quote when it was added. */
export interface HighlightEvidence extends AchEvidenceBase {
  kind: 'highlight'
  annotationId: string
  docId: string
  text: string
}

/** An assumption, an absence of evidence ("no troop movements seen") or another free-text item. */
export interface FreeEvidence extends AchEvidenceBase {
  kind: FreeEvidenceKind
  text: string
}

export type AchEvidence = HighlightEvidence | FreeEvidence

export interface AchAnalysis {
  id: string
  title: string
  question: string
  hypotheses: AchHypothesis[]
  evidence: AchEvidence[]
  created: string
  modified: string
}

/** A hypothesis's score: the weighted inconsistency (0 or below; nearer 0 is better). */
export interface AchScore {
  hypothesisId: string
  /** Σ weight × (−2 for II, −1 for I). */
  weighted: number
  /** The same without weights: −(number of I) − 2 × (number of II). */
  unweighted: number
  inconsistent: number
  veryInconsistent: number
}

export interface AchRowView {
  evidenceId: string
  credibility: AchCredibility | null
  weight: number
  /** Spread of the row's ratings across hypotheses, 0 (no help) to 4 (CC against II). */
  diagnosticity: number
  /** The origin the row comes from, when known. */
  origin: string | null
  /** Other rows of the same origin (they fold into one when origins count once). */
  sameOrigin: string[]
}

export interface AchSensitivity {
  /** The leading hypotheses (several when tied). */
  leader: string[]
  /** Rows whose removal alone changes the leader, with the leader then. */
  rows: { evidenceId: string; leader: string[] }[]
  /** Origins whose removal (all their rows) changes the leader. */
  origins: { origin: string; evidenceIds: string[]; leader: string[] }[]
}

export interface AchResult {
  scores: AchScore[]
  /** Hypothesis ids, least inconsistent first; ties keep the analysis's order. */
  ranking: string[]
  rows: AchRowView[]
  /** Evidence ids, most diagnostic first. */
  diagnosticOrder: string[]
  sensitivity: AchSensitivity
  /** Whether rows of one origin were folded into one before scoring. */
  foldedOrigins: boolean
}

// --- Queries and views, as the API carries them -----------------------------------------------

/**
 * Which passages a view counts: grade filters as a query writes them (`reliability:A-B
 * credibility:1-3 ungraded`, joined with AND) and a date range (YYYY-MM-DD, either end open) over
 * each passage's date as the timeline gives it.
 */
export interface AnalysisFilter {
  grades?: string
  from?: string
  to?: string
}

export interface MatrixQuery extends AnalysisFilter {
  cols: MatrixAxis
  /** At most this many columns, those with the most passages (the screen asks for 100). */
  maxCols?: number
}

/** One cell of the code matrix (no `colId`: the whole row). */
export interface MatrixCell extends MatrixQuery {
  tagId: string
  colId?: string
}

export interface CooccurrenceQuery extends AnalysisFilter {
  scope: CooccurrenceScope
}

export interface CooccurrenceCell extends CooccurrenceQuery {
  a: string
  b: string
}

/** Passages per tag, per document or per source. */
export interface FrequencyQuery extends AnalysisFilter {
  by: 'documents' | 'sources'
}

/** A passage as an analysis view lists it: the highlight, its document's title, its badge. */
export interface AnalysisPassage {
  annotationId: string
  docId: string
  docTitle: string
  quote: string
  start: number
  end: number
  note: string
  tagIds: string[]
  /** The effective grade's badge, such as "B2" (`–` when ungraded). */
  badge: string
  orphaned: boolean
}

/** One place where two tags occur together, with its passages. */
export interface CooccurrenceUnit {
  docId: string
  docTitle: string
  /** The paragraph, for scope 'paragraph'. */
  range?: { start: number; end: number }
  passages: AnalysisPassage[]
}

export interface TimelineEntry extends TimelineMark {
  docTitle: string
  quote: string
  badge: string
}

export interface TimelineView {
  marks: TimelineEntry[]
  undated: AnalysisPassage[]
}

/** What the analysis views export as a table. */
export type AnalysisTable =
  ({ kind: 'matrix' } & MatrixQuery) | ({ kind: 'cooccurrence' } & CooccurrenceQuery)

export type TableFormat = 'csv' | 'markdown'

/** A list entry of the analyses of competing hypotheses. */
export interface AchSummary {
  id: string
  title: string
  question: string
  hypotheses: number
  evidence: number
  modified: string
}

/** Where a highlighted row comes from, for the grid and the report. */
export interface AchRowSource {
  docTitle: string
  start: number
  end: number
  badge: string
  orphaned: boolean
  /** The name of its origin, when the row's document is linked to others. */
  originLabel: string | null
}

/** An analysis with its scores, as the ACH view shows it. */
export interface AchView {
  analysis: AchAnalysis
  result: AchResult
  /** By evidence id, for highlighted rows whose passage is still in the workspace. */
  sources: Record<string, AchRowSource>
  /** The credibility each row takes from its grade (null: none), by evidence id. */
  gradeCredibility: Record<string, AchCredibility | null>
}

export interface AchOptions {
  foldOrigins?: boolean
}

/** New evidence: a highlight (by id) or a free-text item. */
export type NewAchEvidence =
  | { annotationId: string; relevance?: Relevance }
  | { kind: FreeEvidenceKind; text: string; relevance?: Relevance }

/** The analyses file: every analysis, and the dates the analyst set for passages. */
export interface AnalysesFile {
  schemaVersion: 1
  analyses: AchAnalysis[]
  dates: DateCorrection[]
}

/**
 * A change to an analysis of competing hypotheses, as plain data (see core/domain/analysis/ach-ops.ts).
 * An operation's `at` (ISO time) becomes the analysis's `modified`.
 */
export type AchOp = { at?: string } & (
  | { type: 'describe'; title: string; question: string }
  | {
      type: 'addHypothesis'
      hypothesis: AchHypothesis
      /** Where it goes (default: last). */
      index?: number
      /** Its ratings, by evidence id (when a removal is undone). */
      cells?: Record<string, AchCell>
    }
  | { type: 'renameHypothesis'; id: string; text: string }
  | { type: 'removeHypothesis'; id: string }
  | { type: 'addEvidence'; evidence: AchEvidence; index?: number }
  | { type: 'removeEvidence'; id: string }
  /** Rates a cell; a null cell clears it. */
  | { type: 'rate'; evidenceId: string; hypothesisId: string; cell: AchCell | null }
  | { type: 'setRelevance'; evidenceId: string; relevance: Relevance }
  /** Sets the analyst's own credibility for a row; null goes back to the passage's grade. */
  | { type: 'overrideCredibility'; evidenceId: string; override: CredibilityOverride | null }
)
