import type {
  DocumentGradeRow,
  DocumentReliability,
  OriginView,
  SourceView
} from '../../../shared/reliability'
import { useFetch } from '../hooks/use-fetch'
import { useClient } from '../state/app-context'

const NO_ROWS = new Map<string, DocumentGradeRow>()
const NO_SOURCES: SourceView[] = []

/** Each library document's source, badge and flags, by document id (empty until it has arrived). */
export function useDocumentGrades(): Map<string, DocumentGradeRow> {
  const client = useClient()
  // Sources are proposed at import: the rows follow the library as well as the grades.
  const { data } = useFetch('document-grades', ['grades', 'documents'], async () => {
    const rows = await client.call('listDocumentGrades')
    return new Map(rows.map((r) => [r.docId, r]))
  })
  return data ?? NO_ROWS
}

/** A document's source, grades with their history, flags, and its highlights' grades. */
export function useDocumentReliability(docId: string | null): DocumentReliability | null {
  const client = useClient()
  const { data } = useFetch(
    docId ? `reliability:${docId}` : null,
    ['grades', 'documents', docId ? `annotations:${docId}` : 'annotations:*'],
    () => client.call('getDocumentReliability', docId ?? '')
  )
  return data && data.docId === docId ? data : null
}

/** Every source, by name. */
export function useSources(): SourceView[] {
  const client = useClient()
  const { data } = useFetch('sources', ['grades', 'documents'], () => client.call('listSources'))
  return data ?? NO_SOURCES
}

const NO_ORIGINS: OriginView[] = []

/** The origins: documents joined by confirmed derivation links (each unlinked document is one). */
export function useOrigins(): OriginView[] {
  const client = useClient()
  const { data } = useFetch('origins', ['grades', 'documents'], () => client.call('listOrigins'))
  return data ?? NO_ORIGINS
}
