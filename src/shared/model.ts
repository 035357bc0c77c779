/** The data model shared by every process. Plain data only: everything here is structured-clone safe. */

export const SUPPORTED_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx'] as const
export type DocumentFormat = (typeof SUPPORTED_FORMATS)[number]

/** File name endings the importer accepts, mapped to the format that parses them. */
export const EXTENSION_FORMATS: Readonly<Record<string, DocumentFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  docx: 'docx'
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'preformatted'

/**
 * What a block is besides the document's running text, when it is not plain body text:
 * - 'form-field': the value of a PDF form field, as "Label: value", after the page it is on;
 * - 'comment': a PDF annotation's text, as "Author: text" (or the text alone), after its page; a
 *   Word comment, at the end of the document, as "[MQ1] Author: text", where [MQ1] is the marker
 *   left in the text it comments on;
 * - 'footnote', 'endnote': a Word note, at the end of the document, starting with its number
 *   ("1. …"), the number the text refers to as [1];
 * - 'alt-text': a picture's description, as "[Image: …]", when the picture stands alone in its
 *   paragraph (Word).
 * Absent for body text. The reader and exports may show these blocks apart from the text.
 */
export const BLOCK_ROLES = ['form-field', 'comment', 'footnote', 'endnote', 'alt-text'] as const
export type BlockRole = (typeof BLOCK_ROLES)[number]

/** A structural block of a document, as a range [start, end) of JavaScript string indices into its text. */
export interface Block {
  kind: BlockKind
  start: number
  end: number
  /** Heading level 1–6 for headings; nesting depth (1 = top) for list items. */
  level?: number
  /** What the block is when it is not body text (see BlockRole). */
  role?: BlockRole
  /** For PDF documents: the page the block is on, 1-based (for citations and page marks). */
  page?: number
}

/**
 * How to read a file, for an import or a "Read again as…". Both default to what an import does
 * without them: the article of a web page, and the encoding the file declares or appears to have.
 */
export interface ReadOptions {
  /** Web pages: keep the whole page (menus and other page furniture aside), not only its article. */
  wholePage?: boolean
  /** Text, Markdown and web pages: decode with this encoding (a WHATWG label, e.g. "windows-1251"). */
  encoding?: string
}

/** How a text was decoded: the encoding's WHATWG name, and whether (and how surely) it was guessed. */
export interface TextEncodingInfo {
  /** e.g. "utf-8", "windows-1251", "shift_jis", "utf-16le", "utf-32be". */
  name: string
  /** True when nothing in the file named it (no byte order mark, no declaration): detected from the bytes. */
  guessed: boolean
  /** 0–1: how sure the detection is (1 when the file says, or when the bytes allow nothing else). */
  confidence: number
}

/** Encodings a text can be read again as ("Read again as…"), by their WHATWG names. */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'utf-32le',
  'utf-32be',
  'windows-1252',
  'iso-8859-15',
  'windows-1250',
  'iso-8859-2',
  'windows-1251',
  'koi8-r',
  'koi8-u',
  'iso-8859-5',
  'ibm866',
  'x-mac-cyrillic',
  'windows-1253',
  'iso-8859-7',
  'windows-1254',
  'windows-1255',
  'iso-8859-8',
  'windows-1256',
  'iso-8859-6',
  'windows-1257',
  'iso-8859-4',
  'iso-8859-13',
  'windows-1258',
  'windows-874',
  'iso-8859-3',
  'iso-8859-10',
  'iso-8859-14',
  'iso-8859-16',
  'macintosh',
  'gb18030',
  'gbk',
  'big5',
  'shift_jis',
  'euc-jp',
  'iso-2022-jp',
  'euc-kr'
] as const

/** One document in the workspace catalog. */
export interface DocumentMeta {
  id: string
  title: string
  author: string | null
  /** Publication date as written by ISO 8601 (YYYY-MM-DD, or a full timestamp), when the source says. */
  published: string | null
  /** Publisher or outlet, when the source says. */
  source: string | null
  originalName: string
  format: DocumentFormat
  /** SHA-256 of the imported file's bytes: the identity used to detect duplicates. */
  sha256: string
  /** SHA-256 of the normalized text. */
  textSha256: string
  /** Where the text, its structure and the original file are kept: a record in a pack file under texts/. */
  stored: StoredRef
  bytes: number
  chars: number
  words: number
  importedAt: string
  /** 1 for the first document ever imported into the workspace, then 2, 3, … */
  importOrder: number
  /** The page's own address (canonical link, og:url): shown and exported, never fetched. */
  url?: string | null
  /** BCP 47 language tag ("en", "ru-RU"), when the source says or the analyst sets it. */
  language?: string | null
  /** How a text, Markdown or web page file was decoded. */
  encoding?: TextEncodingInfo
  /**
   * How the analyst chose to read the file, when not as an import does by default (the whole web
   * page, a named encoding): Read again as… starts from it, and a new version keeps the whole page.
   */
  read?: ReadOptions
  /** When each detail was last edited (case bundles merge by these times). */
  times?: ChangeTimes<DetailField>
  /**
   * The values found at import of the details the analyst has edited (a field is here only
   * while its value differs from the one found), so that each can go back to what was found.
   */
  found?: Partial<Record<DetailField, string | null>>
}

/** The details of a document the analyst can edit. */
export const DETAIL_FIELDS = ['title', 'author', 'source', 'published', 'url', 'language'] as const
export type DetailField = (typeof DETAIL_FIELDS)[number]
/** New values for some details (null clears one; the title cannot be cleared). */
export type DetailsPatch = Partial<Record<DetailField, string | null>>

/** A record in a pack file: byte offset of the text, then the lengths of its three parts, which follow each other. */
export interface StoredRef {
  /** The pack file's name, in texts/. */
  pack: string
  at: number
  text: number
  blocks: number
  original: number
}

export interface DocumentContent {
  meta: DocumentMeta
  text: string
  blocks: Block[]
}

/**
 * A piece of a document's text, so that a long text can be shown before all of it has arrived:
 * whole blocks from `from` on, the text they cover, and the length of the whole text.
 */
export interface DocumentPart {
  meta: DocumentMeta
  /** The length of the whole text. */
  length: number
  /** The part is text[from, to). The next part starts at `to`; the last one ends at `length`. */
  from: number
  to: number
  text: string
  /** The blocks inside [from, to), with offsets into the whole text. */
  blocks: Block[]
}

export type ImportOutcome =
  | {
      status: 'imported'
      name: string
      document: DocumentMeta
      /** How the file was read, when the reader should know (a guessed encoding, a whole page). */
      warnings?: string[]
    }
  | { status: 'duplicate'; name: string; id: string; title: string }
  | { status: 'failed'; name: string; error: string }

export interface WorkspaceInfo {
  dir: string
  schemaVersion: number
  documentCount: number
  /** Limits applied to every import. */
  limits: ImportLimits
  /** Things the user should know about how the workspace was opened (e.g. a damaged file restored from backup). */
  warnings: string[]
}

export interface ImportLimits {
  maxFileBytes: number
  maxTextChars: number
  parseTimeoutMs: number
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number]

/** W3C Web Annotation TextQuoteSelector: the quoted text with up to 32 characters either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

/** W3C Web Annotation TextPositionSelector: string indices [start, end) into the normalized text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export type AnchorStatus = 'anchored' | 'orphaned'

/**
 * When each field of a record last changed, where that is known (a field not named changed when
 * the record was created, or, for a tag, at an unknown time). Case bundles merge by these times.
 */
export type ChangeTimes<F extends string> = Partial<Record<F, string>>

/** A highlighted passage with its tags and note. Orphans keep their quote and last known position. */
export interface Annotation {
  id: string
  docId: string
  quote: TextQuoteSelector
  position: TextPositionSelector
  status: AnchorStatus
  color: HighlightColor
  /** Tag ids, in the order they were applied. */
  tags: string[]
  note: string
  created: string
  modified: string
  /** `anchor` is the quote, the position and the status, which change together. */
  times?: ChangeTimes<'anchor' | 'color' | 'tags' | 'note'>
}

/** A theme in the codebook. Tags nest: the path of "Lazarus Group" under "Actors" is "Actors/Lazarus Group". */
export interface Tag {
  id: string
  name: string
  parent: string | null
  color: string
  description: string
  times?: ChangeTimes<'name' | 'parent' | 'color' | 'description'>
}

/** A tag as lists show it: with its full path and how many passages carry it (itself, not its sub-tags). */
export interface TagView extends Tag {
  path: string
  count: number
}

/** A document in the Trash: removed from the library, restorable with its highlights until the Trash is emptied. */
export interface TrashItem {
  meta: DocumentMeta
  removedAt: string
  /** How many highlights come back with it. */
  highlights: number
}

/** A free-standing note, optionally linked to documents and tags. */
export interface Memo {
  id: string
  title: string
  text: string
  docIds: string[]
  tagIds: string[]
  created: string
  modified: string
  times?: ChangeTimes<'title' | 'text' | 'docIds' | 'tagIds'>
}

/** A passage as the Themes view lists it: the annotation and the title of its document. */
export interface Passage {
  annotation: Annotation
  docTitle: string
}

export interface ReanchorReport {
  anchored: number
  moved: number
  orphaned: number
}

/** Filters chosen in the search panel (the query text can carry the same as tag:, doc:, after:, before:). */
export interface SearchFilters {
  tagId?: string
  docId?: string
  after?: string
  before?: string
}

/** The longest query searched, in characters (every host refuses a longer one). */
export const MAX_QUERY_CHARS = 2000

export interface SearchOptions extends SearchFilters {
  limit?: number
  /** Treat the last word as a prefix, for results as you type. */
  typeahead?: boolean
}

/** Where in its document a hit is: the section heading above it, and for PDFs its page. */
export interface HitLocation {
  heading?: string
  page?: number
}

/**
 * One match in a document's text (a chunk), in a note, or in a memo, best first. `marks` are
 * [start, end) ranges inside `snippet`. A query made only of filters (`tag:Claims`, `doc:…`)
 * lists what they select: the tagged passages (kind 'text', with their `annotationId`), or each
 * document's opening.
 */
export interface SearchHit {
  kind: 'text' | 'note' | 'memo'
  /** The document; for a memo hit, empty. */
  docId: string
  /** The document's title, or the memo's. */
  title: string
  score: number
  start: number
  end: number
  snippet: string
  marks: [number, number][]
  /** For a note hit: the annotation it belongs to (absent for a document note); for a tagged passage, the highlight. */
  annotationId?: string
  /** For a memo hit: the memo. */
  memoId?: string
  /** For hits in a document's text: where it is. */
  location?: HitLocation
}

export interface SearchResponse {
  hits: SearchHit[]
  /** How many matches there were before the limit. */
  total: number
  /**
   * There are more matches than `total`: phrases are checked against the text only until one
   * match past the limit is found (`total` is then the number shown), and a search found in more
   * passages than the index ranks is answered from the newest (`total` is how many of those match).
   */
  totalIsLowerBound: boolean
  warnings: string[]
}

export const EXPORT_FORMATS = ['md', 'json', 'w3c', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportOptions {
  format: ExportFormat
  /** Only these documents (default: all). */
  docIds?: string[]
  /** Only passages with these tags or their sub-tags (default: all passages). */
  tagIds?: string[]
  /** Only these passages (for "Copy as Markdown"). */
  annotationIds?: string[]
  /** Markdown grouped by document (default) or by theme. */
  groupBy?: 'doc' | 'tag'
  /** Markdown without front matter and title, to paste into something else. */
  fragment?: boolean
  /** The brief's title (Markdown; default "Analyst Workbench notes"). */
  title?: string
  /** Markdown or CSV of the memos alone (those the documents and tags chosen reach). */
  memosOnly?: boolean
  /**
   * Only passages of these grades, as search writes them: `reliability:A-B credibility:1-3`,
   * `ungraded` (every filter must hold).
   */
  grades?: string
}

export interface ExportResult {
  filename: string
  mimeType: string
  content: string
  documents: number
  passages: number
  /** How many memos it holds. */
  memos: number
  /** What could not be read and was left out, one sentence each (a damaged file). */
  leftOut?: string[]
}
