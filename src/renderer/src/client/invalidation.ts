import type { ApiMethod } from '../../../shared/api'

const ANNOTATION_METHODS = new Set<ApiMethod>([
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'reattachAnnotation'
])

const docIdOf = (value: unknown): string | null =>
  value && typeof value === 'object' && 'docId' in value && typeof value.docId === 'string'
    ? value.docId
    : null

/**
 * The resources (see resources.ts) a successful call makes stale, from its method, arguments and
 * result. Reads change nothing. Imports are left to the importer, which refreshes the library a few
 * times a second rather than after each of thousands of files.
 */
export function changedBy(method: ApiMethod, args: readonly unknown[], value: unknown): string[] {
  if (ANNOTATION_METHODS.has(method)) {
    const docId = docIdOf(value)
    // Tags carry counts of passages; the Themes view lists passages; notes and tags are searched.
    return [docId ? `annotations:${docId}` : 'annotations:*', 'tags', 'passages', 'search']
  }
  switch (method) {
    case 'setDocumentNote':
      return [`note:${String(args[0])}`, 'search']
    case 'createTag':
    case 'updateTag':
      return ['tags', 'passages', 'search']
    case 'mergeTags':
    case 'deleteTag':
    case 'applyTagState':
      // The tags of passages in any document change with them.
      return ['tags', 'annotations:*', 'passages', 'search']
    case 'createMemo':
    case 'updateMemo':
    case 'deleteMemo':
    case 'restoreMemo':
      return ['memos', 'search']
    case 'removeDocument':
    case 'restoreDocument':
      return [
        'documents',
        `annotations:${String(args[0])}`,
        'tags',
        'passages',
        'search',
        'info',
        'trash'
      ]
    case 'updateDocumentDetails':
      return ['documents', 'passages', 'search', 'info']
    case 'emptyTrash':
      return ['trash']
    case 'reimportDocument':
    case 'readDocumentAgain': {
      const id = String(args[0])
      return [`text:${id}`, `annotations:${id}`, 'documents', 'passages', 'search', 'info']
    }
    case 'setDocumentSource':
    case 'updateSource':
    case 'gradeSource':
    case 'gradeDocument':
    case 'gradeHighlight':
    case 'restoreGrades':
    case 'setLink':
    case 'setSameClaim':
      // Badges show in the library, the reader, the sidebar, Themes and search results.
      return ['grades', 'search', 'passages']
    case 'setPassageDate':
    case 'createAnalysis':
    case 'deleteAnalysis':
    case 'restoreAnalysis':
    case 'changeAnalysis':
    case 'addHypothesis':
    case 'addEvidence':
      return ['analyses']
    case 'openSampleWorkspace':
    case 'restoreBackup':
    case 'importProject':
    case 'undoMerge':
    case 'redoMerge':
      return ['*']
    case 'mergeBundle': {
      // A dry run changes nothing; a merge may change any document, highlight, tag or memo.
      const options = args[1] as { dryRun?: boolean } | undefined
      return options?.dryRun ? [] : ['*']
    }
    default:
      return []
  }
}
