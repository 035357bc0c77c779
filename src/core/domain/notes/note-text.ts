import type { Annotation } from '../../../shared/model'

/**
 * An annotation's note and tags as one text: "Paid through a mixer. #Actors/Lazarus Group". It is
 * what search indexes for a highlight (the words of the note and of every tag path) and what a
 * note hit shows. Empty when the highlight has neither a note nor a tag.
 */
export function noteText(
  annotation: Pick<Annotation, 'note' | 'tags'>,
  paths: ReadonlyMap<string, string>
): string {
  const parts = [annotation.note.trim()]
  for (const t of annotation.tags) {
    const path = paths.get(t)
    if (path) parts.push(`#${path}`)
  }
  return parts.filter(Boolean).join(' ')
}
