import type { Annotation, ReanchorReport } from '../../../shared/model'
import { describeRange } from './describe'
import { anchorQuote } from './match-quote'

/** Reading order: by start, then end (a sort that keeps equal ones in their order). */
export const byPosition = (
  x: Pick<Annotation, 'position'>,
  y: Pick<Annotation, 'position'>
): number => x.position.start - y.position.start || x.position.end - y.position.end

/**
 * Anchors every annotation of a document again in a new version of its text, orphans included:
 * each is found where it was, else as the same words elsewhere, else as a close match, else it
 * becomes (or stays) an orphan, which keeps its quote and last position. Returns new annotations
 * in reading order (the given ones are not changed) and what happened to them. Pure.
 */
export function reanchor(
  text: string,
  annotations: readonly Annotation[]
): { annotations: Annotation[]; report: ReanchorReport } {
  const report: ReanchorReport = { anchored: 0, moved: 0, orphaned: 0 }
  const out = annotations.map((a): Annotation => {
    const found = anchorQuote(text, a.quote, a.position)
    if (found.status === 'orphaned') {
      report.orphaned++
      return { ...a, status: 'orphaned' }
    }
    if (found.method === 'position' && a.status === 'anchored') report.anchored++
    else report.moved++
    return { ...a, ...describeRange(text, found.start, found.end), status: 'anchored' }
  })
  out.sort(byPosition)
  return { annotations: out, report }
}
