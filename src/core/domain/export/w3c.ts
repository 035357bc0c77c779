import { safeJson } from '../text/control-chars'
import type { ExportInput } from './model'

const URN = 'urn:analyst-workbench'

/**
 * W3C Web Annotation JSON-LD: an AnnotationCollection whose annotations target the documents with
 * a TextQuoteSelector and a TextPositionSelector, with tags as `tagging` bodies and notes as
 * `commenting` bodies.
 */
export function renderW3c(input: ExportInput): string {
  const items = input.documents.flatMap((doc) =>
    doc.passages.map((p) => {
      const a = p.annotation
      const body: Record<string, string>[] = p.tagPaths.map((path) => ({
        type: 'TextualBody',
        purpose: 'tagging',
        value: path
      }))
      // The Admiralty grade, as an assessment: "B2" (source reliability, information credibility).
      if (p.grade)
        body.push({
          type: 'TextualBody',
          purpose: 'assessing',
          value: p.grade.badge,
          'aw:sourceReliability': p.grade.reliability ?? '',
          'aw:credibility': p.grade.credibility === null ? '' : String(p.grade.credibility)
        })
      if (a.note.trim())
        body.push({
          type: 'TextualBody',
          purpose: 'commenting',
          value: a.note,
          format: 'text/markdown'
        })
      return {
        id: `${URN}:annotation:${a.id}`,
        type: 'Annotation',
        motivation: 'highlighting',
        created: a.created,
        modified: a.modified,
        body,
        target: {
          source: `${URN}:document:${doc.meta.id}`,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: a.quote.exact,
              prefix: a.quote.prefix,
              suffix: a.quote.suffix
            },
            { type: 'TextPositionSelector', start: a.position.start, end: a.position.end }
          ]
        },
        ...(a.status === 'orphaned' ? { 'aw:status': 'orphaned' } : {})
      }
    })
  )
  // Confirmed derivations, as linking annotations: the derived document is the target, what it
  // derives from the body (a document of this export's workspace, or a source never imported).
  const links = input.documents.flatMap((doc) =>
    (doc.derivedFrom ?? []).map((d, i) => ({
      id: `${URN}:derivation:${doc.meta.id}:${i + 1}`,
      type: 'Annotation',
      motivation: 'linking',
      'aw:relation': 'derivedFrom',
      body:
        'source' in d
          ? { type: 'TextualBody', purpose: 'identifying', value: d.source }
          : { id: `${URN}:document:${d.docId}`, 'aw:title': d.title },
      target: `${URN}:document:${doc.meta.id}`
    }))
  )
  const all: unknown[] = [...items, ...links]
  const collection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { aw: `${URN}:` }],
    id: `${URN}:export`,
    type: 'AnnotationCollection',
    label: `Analyst Workbench annotations (${input.scope})`,
    total: all.length,
    generated: input.exportedAt,
    first: { id: `${URN}:export:page1`, type: 'AnnotationPage', startIndex: 0, items: all }
  }
  return safeJson(collection, 2) + '\n'
}
