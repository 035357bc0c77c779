import type { Annotation, DocumentMeta, Memo, SearchHit } from '../../../shared/model'
import { taggedWithin, type TagScope } from '../../domain/codebook/tag-rules'
import type { ParsedQuery } from '../../domain/search/parse-query'
import { makeSnippet } from '../../domain/search/snippet'
import { textMatches } from '../../domain/search/text-matches'

/** How much of a document's opening a filter-only listing shows. */
const OPENING_CHARS = 400

/** What a query's filters choose, besides its words. */
export interface Chosen {
  /** The tags asked for, sub-tags included (null: no tag filter). */
  scope: TagScope | null
  docRefs: string[]
  /** Whether a title or date filter applies (memos have neither, so none match). */
  byDocumentDetails: boolean
}

const refersTo = (refs: string[], id: string): boolean =>
  refs.some((r) => id === r || (r.length >= 4 && id.startsWith(r)))

/**
 * The memos a query finds, most matches first: their title and text read word for word (there
 * are few memos), within the tag and document filters through the memo's links.
 */
export function memoHits(memos: readonly Memo[], parsed: ParsedQuery, chosen: Chosen): SearchHit[] {
  if (chosen.byDocumentDetails) return []
  const { scope, docRefs } = chosen
  const found: { memo: Memo; count: number; words: Set<string> }[] = []
  for (const memo of memos) {
    if (scope && !taggedWithin({ tags: memo.tagIds }, scope)) continue
    if (docRefs.length && !memo.docIds.some((id) => refersTo(docRefs, id))) continue
    const m = textMatches(`${memo.title}\n${memo.text}`, parsed)
    if (m) found.push({ memo, ...m })
  }
  found.sort((a, b) => b.count - a.count || (a.memo.modified < b.memo.modified ? 1 : -1))
  return found.map(({ memo, count, words }) => {
    const body = memo.text.trim() || memo.title
    const { snippet, marks } = makeSnippet(body, (w) => words.has(w))
    return {
      kind: 'memo',
      docId: '',
      title: memo.title,
      score: count,
      start: 0,
      end: 0,
      snippet,
      marks,
      memoId: memo.id
    }
  })
}

/** A tagged passage, as a filter-only `tag:` query lists it. */
export function passageHit(a: Annotation, title: string): SearchHit {
  const { snippet } = makeSnippet(a.quote.exact, () => false)
  return {
    kind: 'text',
    docId: a.docId,
    title,
    score: 0,
    start: a.position.start,
    end: a.position.end,
    snippet,
    marks: [],
    annotationId: a.id
  }
}

/** A document's opening, as a filter-only `doc:`, `title:` or date query lists it. */
export function openingHit(meta: DocumentMeta, text: string): SearchHit {
  const opening = text.slice(0, OPENING_CHARS)
  const { snippet } = makeSnippet(opening, () => false)
  return {
    kind: 'text',
    docId: meta.id,
    title: meta.title,
    score: 0,
    start: 0,
    end: opening.length,
    snippet: opening.length < text.length && !snippet.endsWith('…') ? `${snippet}…` : snippet,
    marks: []
  }
}

/**
 * The passages of `annotations` within a tag scope, in text order, without those whose quote or
 * note has a word the query excludes (`-word`).
 */
export const taggedPassages = (
  annotations: readonly Annotation[],
  scope: TagScope,
  parsed: ParsedQuery
): Annotation[] =>
  annotations
    .filter(
      (a) =>
        taggedWithin(a, scope) &&
        (parsed.exclude.length === 0 || textMatches(`${a.quote.exact}\n${a.note}`, parsed) !== null)
    )
    .sort((x, y) => x.position.start - y.position.start)
