import type { DocumentMeta, TagView } from '../../../shared/model'
import { useClient } from '../state/app-context'
import { useFetch } from './use-fetch'

const NO_DOCS: DocumentMeta[] = []
const NO_TAGS: TagView[] = []

/** The library: every document, null until it has arrived. */
export function useDocuments(): DocumentMeta[] | null {
  const client = useClient()
  const { data } = useFetch('documents', ['documents'], () => client.call('listDocuments'), {
    report: true
  })
  return data ?? null
}

/** The library, empty until it has arrived. */
export const useDocumentList = (): DocumentMeta[] => useDocuments() ?? NO_DOCS

/** The codebook, with paths and counts. */
export function useTags(): TagView[] {
  const client = useClient()
  const { data } = useFetch('tags', ['tags'], () => client.call('listTags'), { report: true })
  return data ?? NO_TAGS
}
