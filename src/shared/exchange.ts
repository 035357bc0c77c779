/**
 * What the exchange methods give back: REFI-QDA projects out and in, and case bundles between
 * two laptops. Plain data, safe to clone across IPC.
 */

/** A .qdpx project written from the workspace. */
export interface QdpxExport {
  filename: string
  data: Uint8Array
  documents: number
  highlights: number
  codes: number
  memos: number
  /** What could not be written, one sentence each (an orphaned highlight, a damaged text). */
  skipped: string[]
}

/** What importing a QDA project brought into the workspace. */
export interface ProjectImportReport {
  /** Documents added (a text already in the workspace is matched, not added again). */
  documents: number
  /** Documents of the project matched to one already here by their text. */
  matchedDocuments: number
  /** Codes added to the codebook (codes matched by path are not counted). */
  codes: number
  /** Selections that became highlights. */
  selections: number
  memos: number
  /** How the project counted its selections' ends. */
  endOffsets: 'exclusive' | 'inclusive'
  /** What was left out and why, one sentence each. */
  skipped: string[]
}

export interface BundleExportOptions {
  /** Only these documents (default: every document, or those of `tagIds`). */
  docIds?: string[]
  /** Only the documents with a highlight of these tags or their sub-tags. */
  tagIds?: string[]
}

/** A case bundle written from the workspace. */
export interface BundleExport {
  filename: string
  data: Uint8Array
  /** The bundle's id: the other laptop's next bundle names it as their last exchange. */
  bundleId: string
  workspaceId: string
  documents: number
  highlights: number
}

export type ExchangeKind = 'document' | 'tag' | 'annotation' | 'memo' | 'source' | 'grade' | 'link'

export interface MergeChange {
  kind: ExchangeKind
  id: string
  change: 'added' | 'updated' | 'deleted' | 'kept' | 'restored'
}

export interface MergeSide {
  value: unknown
  time: string
  /** The workspace the value comes from. */
  label: string
}

export interface MergeConflict {
  kind: ExchangeKind
  id: string
  field: string
  /** The later change, which is in the workspace. */
  kept: MergeSide
  /** The earlier change, which is only here. */
  other: MergeSide
}

export interface MergeBundleOptions {
  /** Report what the merge would do, and change nothing. */
  dryRun?: boolean
}

/** What merging a bundle did (or, in a dry run, would do). */
export interface MergeReport {
  /** The id to undo this merge with (null for a dry run, or when nothing changed). */
  mergeId: string | null
  dryRun: boolean
  bundleId: string
  /** The workspace the bundle came from. */
  from: string
  /** Whether the workspace changed (or would). */
  changed: boolean
  /** The bundle's base was found: changes since the last exchange are known (false for a first exchange). */
  threeWay: boolean
  /** Counts of what changed, by kind and change. */
  counts: Record<string, number>
  changes: MergeChange[]
  conflicts: MergeConflict[]
  /** Notes in which both sides changed the same lines: the conflict is marked in the text. */
  marked: { kind: ExchangeKind; id: string; field: string }[]
  repairs: string[]
  /** Documents added from the bundle. */
  newDocuments: { id: string; title: string }[]
  /** What could not be taken from the bundle, one sentence each. */
  skipped: string[]
}

/** What undoing (or redoing) a merge put back. */
export interface MergeUndoReport {
  mergeId: string
  /** 'undone': the workspace is as before the merge; 'redone': as after it. */
  state: 'undone' | 'redone'
  documents: number
}
