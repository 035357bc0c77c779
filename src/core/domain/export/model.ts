import type { Annotation, DocumentMeta } from '../../../shared/model'

/** Everything an export shows, gathered from the workspace; the renderers are pure functions of it. */
export interface ExportPassage {
  annotation: Annotation
  /** 1-based number of the paragraph (block) the passage starts in. */
  paragraph: number
  /** Full paths of its tags, in the order applied. */
  tagPaths: string[]
}

export interface ExportDocument {
  meta: DocumentMeta
  note: string
  passages: ExportPassage[]
}

export interface ExportInput {
  exportedAt: string
  /** "the whole workspace", "2 documents", "tags Attribution, Safety" */
  scope: string
  groupBy: 'doc' | 'tag'
  fragment: boolean
  documents: ExportDocument[]
  /** Tag paths in codebook order, for grouping by theme. */
  tagOrder: string[]
}

export const passageCount = (input: ExportInput): number =>
  input.documents.reduce((n, d) => n + d.passages.length, 0)
