import type { Annotation, DocumentMeta, Memo } from '../../../shared/model'
import type {
  InformationCredibility,
  ProvenanceFlagKind,
  SourceReliability
} from '../../../shared/reliability'

/** A document's or a passage's Admiralty grade as exports show it ("B2"), when graded at all. */
export interface ExportGrade {
  reliability: SourceReliability | null
  credibility: InformationCredibility | null
  badge: string
}

/** Everything an export shows, gathered from the workspace; the renderers are pure functions of it. */
export interface ExportPassage {
  annotation: Annotation
  /** 1-based number of the paragraph (block) the passage starts in. */
  paragraph: number
  /** For PDFs: the page the passage starts on. */
  page?: number
  /** The section heading above the passage, when the document has headings. */
  section?: string
  /** Full paths of its tags, in the order applied. */
  tagPaths: string[]
  /** Its grade: its own credibility, else its document's; absent when nothing is graded. */
  grade?: ExportGrade
  /** Other documents carrying the passage, and the independent origins among them. */
  corroboration?: { documents: number; origins: number }
}

/** A confirmed derivation: this document derives from another (by id) or an un-imported source. */
export type ExportDerivation = { docId: string; title: string } | { source: string }

export interface ExportDocument {
  meta: DocumentMeta
  note: string
  passages: ExportPassage[]
  /** The name of its source record, when it has one (else the publisher in `meta.source`). */
  sourceName?: string
  /** Its grade, absent when nothing is graded. */
  grade?: ExportGrade
  /** What its text says of how it was made (AI-generated, machine-translated…). */
  flags?: ProvenanceFlagKind[]
  /** What it derives from, as the analyst confirmed. */
  derivedFrom?: ExportDerivation[]
}

/** A memo as exports show it: with the titles of its documents and the paths of its tags. */
export interface ExportMemo {
  memo: Memo
  docTitles: string[]
  tagPaths: string[]
}

export interface ExportInput {
  /** The brief's title. */
  title: string
  exportedAt: string
  /** "the whole workspace", "2 documents", "tags Attribution, Safety" */
  scope: string
  groupBy: 'doc' | 'tag'
  fragment: boolean
  documents: ExportDocument[]
  /** Tag paths in codebook order, for grouping by theme. */
  tagOrder: string[]
  /** The memos the export reaches (none for a fragment). */
  memos: ExportMemo[]
  /** Only the memos (no documents or passages). */
  memosOnly: boolean
}

export const passageCount = (input: ExportInput): number =>
  input.documents.reduce((n, d) => n + d.passages.length, 0)
