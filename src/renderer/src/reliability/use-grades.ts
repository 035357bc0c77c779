import type {
  DocumentGradeRow,
  DocumentReliability,
  EffectiveGrade,
  OriginView,
  SourceView
} from '../../../shared/reliability'
import { useFetch } from '../hooks/use-fetch'
import { useClient } from '../state/app-context'

const NO_ROWS = new Map<string, DocumentGradeRow>()
const NO_SOURCES: SourceView[] = []
const NO_ORIGINS: OriginView[] = []
const NO_GRADES = new Map<string, EffectiveGrade>()

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
  const { data } = useFetch(docId ? reliabilityKey(docId) : null, reliabilityResources(docId), () =>
    client.call('getDocumentReliability', docId ?? '')
  )
  return data && data.docId === docId ? data : null
}

const reliabilityKey = (docId: string): string => `reliability:${docId}`
const reliabilityResources = (docId: string | null): string[] => [
  'grades',
  'documents',
  docId ? `annotations:${docId}` : 'annotations:*'
]

/**
 * The effective grade of every highlight of these documents, by annotation id (empty until it has
 * arrived). Each document is read as the reader reads it, so the answers are shared with it.
 */
export function useHighlightGrades(docIds: readonly string[]): Map<string, EffectiveGrade> {
  const client = useClient()
  const ids = [...new Set(docIds)].sort()
  const { data } = useFetch(
    ids.length ? `highlight-grades:${ids.join(',')}` : null,
    ['grades', 'documents', 'passages'],
    async () => {
      const all = await Promise.all(
        ids.map((id) =>
          client.read(reliabilityKey(id), reliabilityResources(id), () =>
            client.call('getDocumentReliability', id)
          )
        )
      )
      return new Map(all.flatMap((r) => Object.entries(r.highlights)))
    }
  )
  return data ?? NO_GRADES
}

/** Every source, by name; null until the list has arrived. */
export function useSourceList(): SourceView[] | null {
  const client = useClient()
  const { data } = useFetch('sources', ['grades', 'documents'], () => client.call('listSources'))
  return data ?? null
}

/** Every source, by name (empty until the list has arrived). */
export const useSources = (): SourceView[] => useSourceList() ?? NO_SOURCES

/** Documents joined by confirmed derivation links (each document not linked is an origin of its own). */
export function useOrigins(): OriginView[] {
  const client = useClient()
  const { data } = useFetch('origins', ['grades', 'documents'], () => client.call('listOrigins'))
  return data ?? NO_ORIGINS
}
