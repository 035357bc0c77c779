import type { HighlightColor, Memo, Tag } from '../../../../shared/model'

/**
 * The plain project that QDA-XML carries, in our terms: what the writer takes and what the reader
 * gives back. Offsets are UTF-16 code units, as everywhere in the workbench; the XML counts code
 * points, and only the writer and reader convert. Grades (source reliability, credibility) are
 * optional until the workspace keeps them.
 */

export interface QdaUser {
  id: string
  name: string
}

/** What QDA-XML carries as document variables. */
export interface QdaDocumentDetails {
  author?: string | null
  /** Publication date as written (ISO 8601 when the source said). */
  published?: string | null
  /** Publisher or outlet. */
  source?: string | null
  /** Reliability of the source, Admiralty A–F. */
  reliability?: string | null
  /** Credibility of the document's information, 1–6. */
  credibility?: number | null
  /** Flags set on the document (each a yes/no variable). */
  flags?: string[]
}

export interface QdaDocument {
  id: string
  title: string
  text: string
  /** The document note ('' for none). */
  note: string
  details: QdaDocumentDetails
  /** When it entered the project (ISO 8601). */
  created?: string
  userId?: string
}

/** A code of the codebook: a tag, nested through `parent`. */
export type QdaCode = Tag

export interface QdaHighlight {
  id: string
  docId: string
  /** [start, end) in UTF-16 code units of the document's text. */
  start: number
  end: number
  /** Code ids, in the order they were applied. */
  tags: string[]
  note: string
  /** Our highlight colour; QDA-XML has no place for it, so an import leaves it unset. */
  color?: HighlightColor
  /** Credibility of the passage, 1–6 (carried as a code of the "Passage credibility" set). */
  credibility?: number | null
  created?: string
  modified?: string
  userId?: string
}

export interface QdaProject {
  name: string
  created?: string
  modified?: string
  users: QdaUser[]
  documents: QdaDocument[]
  codes: QdaCode[]
  highlights: QdaHighlight[]
  /** Free-standing notes; `docIds` and `tagIds` link them to sources and codes. */
  memos: Memo[]
}

/** The Admiralty credibility scale, 1–6, as the codes of the passage credibility set name it. */
export const CREDIBILITY_NAMES = [
  'Confirmed',
  'Probably true',
  'Possibly true',
  'Doubtful',
  'Improbable',
  'Cannot be judged'
] as const

export const CREDIBILITY_SET = 'Passage credibility'

export const VARIABLES = {
  author: 'Author',
  published: 'Published',
  source: 'Source',
  reliability: 'Reliability',
  credibility: 'Credibility'
} as const

/** Each document flag is a yes/no variable named with this prefix. */
export const FLAG_PREFIX = 'Flag: '

/** xsd:dateTime, as ISO 8601 timestamps are written. */
export const XSD_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/
