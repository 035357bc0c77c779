import type { AnalysesFile } from '../../../shared/analysis'
import type { DocumentMeta, Tag } from '../../../shared/model'
import type { OriginView } from '../../../shared/reliability'
import type { AnalysisInput } from '../../domain/analysis/input'
import type {
  AnnotationFiles,
  Clock,
  Collection,
  DocumentCatalog,
  DocumentContents,
  GradeLookup
} from '../../ports'

/**
 * The analysis views (code matrix, co-occurrence, frequencies, timeline) and the analyses of
 * competing hypotheses. The views are pure functions of the workspace (domain/analysis); this
 * room gathers their input, keeps the analyses and the analyst's passage dates in analyses.json,
 * and makes every change undoable.
 */
export interface AnalysisDeps {
  catalog: DocumentCatalog
  contents: DocumentContents
  annotations: AnnotationFiles
  tags: () => readonly Tag[]
  clock: Clock
  records: Collection<AnalysesFile>
  grades: () => Promise<GradeLookup>
  origins: () => Promise<OriginView[]>
}

/** What one view works on: the input, the grades, and each passage's document. */
export interface Gathered {
  input: AnalysisInput
  docs: Map<string, DocumentMeta>
  grades: GradeLookup
}

/** Names an origin: its sources, else its first document's title, with how many documents it holds. */
export function originLabels(
  origins: readonly OriginView[],
  docs: ReadonlyMap<string, DocumentMeta>
): Map<string, string> {
  const out = new Map<string, string>()
  for (const o of origins) {
    const name = o.sources.length ? o.sources.join(', ') : (docs.get(o.id)?.title ?? o.id)
    out.set(o.id, o.documents.length > 1 ? `${name} (${o.documents.length} documents)` : name)
  }
  return out
}
