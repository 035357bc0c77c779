import type { Annotation, DocumentMeta, Memo } from '../../../shared/model'

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
}

export interface ExportDocument {
  meta: DocumentMeta
  note: string
  passages: ExportPassage[]
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
