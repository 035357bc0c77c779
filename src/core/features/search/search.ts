import type { CoreApi } from '../../../shared/api'
import type { ChangeEvents, SearchSources } from '../../ports'
import { IndexMaintainer } from './index-maintainer'
import { SearchService } from './search-service'

export { INDEX_FORMAT } from './index-snapshot'

/**
 * Search: the index maintainer follows every change event; the service answers queries once the
 * index has every change asked for before them.
 */
export function searchFeature(
  sources: SearchSources,
  events: ChangeEvents,
  candidates?: number
): {
  ops: Pick<CoreApi, 'search' | 'findInDocument'>
  index: IndexMaintainer
} {
  const index = new IndexMaintainer(sources, candidates)
  events.subscribe((event) => void index.handle(event))
  const service = new SearchService(index, sources)
  return {
    index,
    ops: {
      search: (query, options) => service.search(query, options),
      findInDocument: (docId, query) => service.findInDocument(docId, query)
    }
  }
}
