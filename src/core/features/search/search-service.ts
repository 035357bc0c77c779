import { WorkbenchError } from '../../base/errors'
import { MAX_QUERY_CHARS } from '../../../shared/model'
import type {
  Annotation,
  DocumentMeta,
  SearchHit,
  SearchOptions,
  SearchResponse
} from '../../../shared/model'
import {
  describeTagRef,
  resolveTagRef,
  tagScope,
  taggedWithin
} from '../../domain/codebook/tag-rules'
import { tagPaths } from '../../domain/codebook/tree'
import { noteText } from '../../domain/notes/note-text'
import { matchRanges, phraseMatcher } from '../../domain/search/match-terms'
import { parseQuery, type ParsedQuery, type Term } from '../../domain/search/parse-query'
import { eachWord } from '../../domain/search/fold'
import { locate } from '../../domain/search/locate'
import { makeSnippet } from '../../domain/search/snippet'
import {
  KIND_NOTE,
  MAX_TERMS,
  type EntryInfo,
  type Plan,
  type PlanTerm
} from '../../engine/inverted-index'
import type { SearchSources } from '../../ports'
import { DocumentFilters, type DocumentFilter } from './document-filters'
import { textMatches } from '../../domain/search/text-matches'
import { matchesGradeFilters } from '../../domain/reliability/filters'
import { memoHits, openingHit, passageHit, taggedPassages, type Chosen } from './listings'
import { OutlineCache } from './outline-cache'
import type { IndexMaintainer } from './index-maintainer'
import { TextCache } from './text-cache'

/** Hits past this many are not located (each first look at a document reads its structure). */
const LOCATED_HITS = 50

type TaggedRanges = Map<string, { start: number; end: number; id: string }[]>

const toPlanTerm = (t: Term, fuzzy: boolean): PlanTerm =>
  t.kind === 'phrase'
    ? { kind: 'phrase', words: t.words }
    : t.kind === 'prefix'
      ? { kind: 'prefix', text: t.text, typo: t.typo }
      : { kind: 'word', text: t.text, fuzzy }

/**
 * Answers searches over chunks of every document, with titles, and over the notes and tags of
 * highlights: parses the query, asks the engine for the best matches, checks phrases word for
 * word in the text, and shapes hits with snippets.
 */
/** Whether a document (or one of its highlights) passes the query's grade filters. */
type Passes = (docId: string, annotationId?: string) => boolean

export class SearchService {
  private readonly filters: DocumentFilters
  private readonly texts: TextCache
  private readonly outlines: OutlineCache

  constructor(
    private readonly index: IndexMaintainer,
    private readonly sources: SearchSources
  ) {
    this.filters = new DocumentFilters(() => sources.documents())
    // A text that cannot be read (a damaged pack) gives its hits no snippet, rather than failing
    // every search whose results reach it; opening the document says what is wrong.
    this.texts = new TextCache((meta) => sources.plainText(meta).catch(() => ''))
    this.outlines = new OutlineCache((meta) =>
      sources.text(meta).catch(() => ({ text: '', blocks: [] }))
    )
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    if (query.length > MAX_QUERY_CHARS)
      throw new WorkbenchError(
        'invalid-argument',
        `The query is ${query.length.toLocaleString('en-US')} characters long; a query can be at most ${MAX_QUERY_CHARS.toLocaleString('en-US')}.`
      )
    await this.index.settled()
    const engine = this.index.engine
    const parsed = parseQuery(query)
    const { warnings } = parsed
    if (options.typeahead && !/\s$/.test(query)) {
      const last = parsed.groups[parsed.groups.length - 1]
      const term = last?.[last.length - 1]
      // The word being typed may be unfinished or misspelt: it stands for both.
      if (term?.kind === 'word')
        last[last.length - 1] = { kind: 'prefix', text: term.text, typo: true }
    }
    const tagRefs = [...parsed.filters.tags, ...(options.tagId ? [options.tagId] : [])]
    const tagIds = this.resolveTags(tagRefs, warnings)
    const docs = this.filters.byId()
    const docRefs = [...parsed.filters.docs, ...(options.docId ? [options.docId] : [])]
    const after = options.after || parsed.filters.after
    const before = options.before || parsed.filters.before
    // A tag filter that names no tag (reported in the warnings) matches nothing: no file is read.
    if (tagIds?.size === 0) return { hits: [], total: 0, totalIsLowerBound: false, warnings }
    const tagged = tagIds ? await this.taggedRanges(tagIds, docs) : null
    // Grade filters (reliability:, credibility:, ungraded) are checked hit by hit.
    const gradeFilters = parsed.filters.grades
    const grading =
      gradeFilters.length > 0 && this.sources.grades ? await this.sources.grades() : null
    const passes: Passes = (docId, annotationId) =>
      !grading || matchesGradeFilters(gradeFilters, grading.of(docId, annotationId))
    // Memos have neither details nor grades: a title, date or grade filter leaves them out.
    const byDocumentDetails =
      parsed.filters.titles.length > 0 ||
      Boolean(after) ||
      Boolean(before) ||
      gradeFilters.length > 0
    const filtered = docRefs.length > 0 || byDocumentDetails
    const chosen: Chosen = { scope: tagIds, docRefs, byDocumentDetails }
    const filter = { docRefs, titles: parsed.filters.titles, after, before }
    const limit = options.limit ?? 50
    if (parsed.groups.length === 0) {
      if (!tagIds && !filtered && !grading)
        return { hits: [], total: 0, totalIsLowerBound: false, warnings }
      const listed = await this.listChosen(parsed, chosen, filtered ? filter : null, limit, passes)
      return { ...listed, totalIsLowerBound: false, warnings }
    }
    const memos = memoHits(this.sources.memos(), parsed, chosen)
    const plan: Plan = {
      groups: parsed.groups.map((g) => g.map((t) => toPlanTerm(t, true))),
      exclude: parsed.exclude.filter((t) => t.kind !== 'phrase').map((t) => toPlanTerm(t, false))
    }
    if (filtered) {
      const key = JSON.stringify([filter, this.filters.version()])
      plan.allowDocs = { key, keys: () => this.filters.where(filter) }
    }
    if (tagged) plan.allowEntry = (id) => inTagged(engine.info(id), tagged)
    if (parsed.groups.flat().length > MAX_TERMS)
      warnings.push(`Only the first ${MAX_TERMS} words of a query are searched for.`)
    const matches = engine.search(plan)

    const phrases =
      parsed.groups.some((g) => g.some((t) => t.kind === 'phrase')) ||
      parsed.exclude.some((t) => t.kind === 'phrase')
    // Each match is checked (its phrases against the text, its grades), so totals are counted.
    const verify = phrases || grading !== null
    const hits: SearchHit[] = []
    /** Where in the text each hit's first marked word is (a chunk may span a heading). */
    const focus: number[] = []
    let total = 0
    // Only the best matches are sorted. Phrases are checked against the text in that order, until
    // one match past the limit shows that there are more.
    const matchers = new Map(
      [...parsed.groups.flat(), ...parsed.exclude].flatMap((t) =>
        t.kind === 'phrase' ? [[t, phraseMatcher(t.words)] as const] : []
      )
    )
    // A word of a snippet is marked when the query stood for it in the index.
    const isMatch = (w: string): boolean => matches.words.has(w)
    let want = verify ? limit * 2 : limit
    let totalIsLowerBound = false
    let done = 0
    scan: for (;;) {
      const order = engine.top(matches, want)
      for (; done < order.length; done++) {
        const i = order[done]
        const r = engine.info(matches.ids[i])
        const text =
          r.kind === KIND_NOTE
            ? await this.noteHitText(r)
            : phrases || hits.length < limit
              ? (await this.texts.get(docs.get(r.doc))).slice(r.start, r.end)
              : ''
        if (phrases && !satisfies(matches.masks[i], text, parsed, matchers)) continue
        if (grading && !passes(r.doc, r.kind === KIND_NOTE ? r.annotationId : undefined)) continue
        total++
        if (hits.length < limit) {
          hits.push(toHit(r, matches.scores[i], text, isMatch, docs))
          focus.push(r.start + firstMatch(text, isMatch))
        }
        if (!verify && hits.length >= limit) break scan
        if (verify && total > limit) {
          totalIsLowerBound = true
          break scan
        }
      }
      if (order.length < want || order.length >= matches.count) break
      want *= 4
    }
    if (!verify) total = matches.count
    else if (totalIsLowerBound) total = hits.length
    if (matches.capped) {
      totalIsLowerBound = true
      warnings.push(
        `This search matches more than ${this.index.candidates.toLocaleString('en-US')} paragraphs: the newest of them are shown. Add a word, a phrase or a filter to narrow it.`
      )
    }
    await this.locateAll(hits, focus)
    // Memos come first, and count against the limit like any hit.
    return {
      hits: [...memos, ...hits].slice(0, limit),
      total: total + memos.length,
      totalIsLowerBound,
      warnings
    }
  }

  /**
   * What a query of filters alone selects: the memos they reach, then the passages tagged within
   * `chosen.scope` (documents in library order, passages in text order), or without a tag filter
   * each document's opening.
   */
  private async listChosen(
    parsed: ParsedQuery,
    chosen: Chosen,
    filter: DocumentFilter | null,
    limit: number,
    passes: Passes
  ): Promise<{ hits: SearchHit[]; total: number }> {
    const docs = this.filters.byId()
    const ids = filter ? this.filters.where(filter) : [...docs.keys()]
    const memos = memoHits(this.sources.memos(), parsed, chosen)
    const hits: SearchHit[] = []
    let total = 0
    if (chosen.scope) {
      for (const id of ids) {
        let annotations: readonly Annotation[]
        try {
          ;({ annotations } = await this.sources.notes(id))
        } catch {
          continue // a damaged annotation file: reported where it is opened
        }
        const passages = taggedPassages(annotations, chosen.scope, parsed).filter((a) =>
          passes(id, a.id)
        )
        total += passages.length
        for (const a of passages)
          if (hits.length < limit) hits.push(passageHit(a, docs.get(id)?.title ?? ''))
      }
    } else {
      for (const id of ids) {
        const meta = docs.get(id)
        if (!meta || !passes(id)) continue
        // Without words to look up, a document a `-word` excludes is found by reading its text.
        const excluded =
          parsed.exclude.length > 0 && textMatches(await this.texts.get(meta), parsed) === null
        if (excluded) continue
        total++
        if (hits.length < limit) hits.push(openingHit(meta, await this.texts.get(meta)))
        else if (parsed.exclude.length === 0 && parsed.filters.grades.length === 0) {
          total = ids.length
          break
        }
      }
    }
    await this.locateAll(hits, [])
    return { hits: [...memos, ...hits].slice(0, limit), total: total + memos.length }
  }

  /** Adds where each of the first hits in a document's text is: its section heading and page. */
  private async locateAll(hits: SearchHit[], focus: readonly number[]): Promise<void> {
    const docs = this.filters.byId()
    for (const [i, hit] of hits.slice(0, LOCATED_HITS).entries()) {
      if (hit.kind !== 'text') continue
      const meta = docs.get(hit.docId)
      if (!meta) continue
      const outline = await this.outlines.get(meta)
      const location = outline && locate(outline, focus[i] ?? hit.start, meta.title)
      if (location) hit.location = location
    }
  }

  async findInDocument(docId: string, query: string): Promise<{ start: number; end: number }[]> {
    await this.index.settled()
    const text = await this.texts.get(this.filters.byId().get(docId))
    return matchRanges(text, parseQuery(query))
  }

  /** Resolves tag references to the set of tag ids they cover, sub-tags included. */
  private resolveTags(refs: string[], warnings: string[]): Set<string> | null {
    if (refs.length === 0) return null
    const tags = this.sources.tags()
    const found: string[] = []
    for (const ref of refs) {
      const tag = resolveTagRef(tags, ref)
      if (tag) found.push(tag.id)
      else warnings.push(`${describeTagRef(tags, ref)}; nothing can match it.`)
    }
    return new Set(tagScope(tags, found))
  }

  private async noteHitText(r: EntryInfo): Promise<string> {
    const { annotations, note } = await this.sources.notes(r.doc)
    if (!r.annotationId) return note
    const a = annotations.find((x) => x.id === r.annotationId)
    return a ? noteText(a, tagPaths(this.sources.tags())) : ''
  }

  private async taggedRanges(
    scope: Set<string>,
    docs: Map<string, DocumentMeta>
  ): Promise<TaggedRanges> {
    const out: TaggedRanges = new Map()
    for (const docId of docs.keys()) {
      let annotations: readonly Annotation[]
      try {
        ;({ annotations } = await this.sources.notes(docId))
      } catch {
        continue // a damaged annotation file: reported where it is opened, not a reason to fail the search
      }
      const ranges = annotations
        .filter((a) => taggedWithin(a, scope))
        .map((a) => ({ start: a.position.start, end: a.position.end, id: a.id }))
      if (ranges.length) out.set(docId, ranges)
    }
    return out
  }
}

/** Whether a match holds: each group has a word it matched, or a phrase found word for word in the text. */
function satisfies(
  mask: number,
  text: string,
  parsed: ParsedQuery,
  matchers: Map<Term, (text: string) => boolean>
): boolean {
  const has = (t: Term): boolean => matchers.get(t)?.(text) ?? false
  let bit = 0
  const groupOk = (g: Term[]): boolean => {
    let ok = false
    for (const t of g) {
      const matched = bit < MAX_TERMS && (mask & (1 << bit)) !== 0
      bit++
      if (matched && (t.kind !== 'phrase' || has(t))) ok = true
    }
    return ok
  }
  // Every group is visited, so that each term's bit is counted in order.
  const results = parsed.groups.map(groupOk)
  if (!results.every(Boolean)) return false
  return !parsed.exclude.some((t) => t.kind === 'phrase' && has(t))
}

function toHit(
  r: EntryInfo,
  score: number,
  text: string,
  isMatch: (word: string) => boolean,
  docs: Map<string, DocumentMeta>
): SearchHit {
  const { snippet, marks } = makeSnippet(text, isMatch)
  const hit: SearchHit = {
    kind: r.kind === KIND_NOTE ? 'note' : 'text',
    docId: r.doc,
    title: docs.get(r.doc)?.title ?? '',
    score,
    start: r.start,
    end: r.end,
    snippet,
    marks
  }
  if (r.annotationId) hit.annotationId = r.annotationId
  return hit
}

/** The offset in `text` of its first word that `isMatch` marks (0 when none is). */
function firstMatch(text: string, isMatch: (word: string) => boolean): number {
  let at = 0
  eachWord(text, (w, start) => {
    if (!isMatch(w)) return false
    at = start
    return true
  })
  return at
}

function inTagged(r: EntryInfo, tagged: TaggedRanges): boolean {
  const ranges = tagged.get(r.doc)
  if (!ranges) return false
  if (r.kind === KIND_NOTE)
    return r.annotationId ? ranges.some((x) => x.id === r.annotationId) : false
  return ranges.some((x) => x.start < r.end && x.end > r.start)
}
