import { offsetMap } from '../code-points'
import { majority, voteEnd } from './end-offsets'
import { withLineFeeds } from './newlines'
import {
  FLAG_PREFIX,
  VARIABLES,
  XSD_DATE_TIME,
  type QdaDocument,
  type QdaDocumentDetails,
  type QdaHighlight
} from './project'
import type { ReadCodes } from './read-codes'
import {
  attr,
  child,
  childText,
  children,
  elements,
  guidKey,
  intAttr,
  refs,
  type Element
} from './xml-dom'

/** A source's text: inline, or a file of the archive named by an internal:// path. */
export type TextOf = (plainTextPath: string) => string | { problem: string }

export interface ReadSources {
  documents: QdaDocument[]
  highlights: QdaHighlight[]
  /** Note GUID → the highlight it belongs to. */
  selectionNotes: Map<string, string[]>
  /** Note GUID → the documents whose source refers to it. */
  sourceNotes: Map<string, string[]>
  /** Which end convention was used, and how many selections said so. */
  ends: { exclusive: number; inclusive: number; used: 'exclusive' | 'inclusive' }
}

interface Pending {
  doc: QdaDocument
  original: string
  container: Element
}

const time = (s: string | undefined): string | undefined =>
  s && XSD_DATE_TIME.test(s.trim()) ? s.trim() : undefined

export function readSources(
  root: Element,
  codes: ReadCodes,
  users: Map<string, string>,
  variables: Map<string, string>,
  textOf: TextOf,
  skipped: string[]
): ReadSources {
  const pending: Pending[] = []
  const sourceNotes = new Map<string, string[]>()
  const unmapped = new Set<string>()
  const seen = new Set<string>()
  const sourcesEl = child(root, 'Sources')
  for (const el of sourcesEl ? elements(sourcesEl) : []) {
    const kind = el.localName ?? ''
    const name = attr(el, 'name') ?? ''
    const label = `The source “${name || '(unnamed)'}”`
    const guid = guidKey(attr(el, 'guid'))
    if (!guid) {
      skipped.push(`${label} was skipped: it has no GUID.`)
      continue
    }
    if (seen.has(guid)) {
      skipped.push(`${label} was skipped: its GUID is used by another source.`)
      continue
    }
    seen.add(guid)
    let container: Element | undefined
    if (kind === 'TextSource') container = el
    else if (kind === 'PDFSource') container = child(el, 'Representation')
    if (!container) {
      skipped.push(
        kind === 'PDFSource'
          ? `${label} was skipped: it is a PDF without a text representation.`
          : `${label} was skipped: it is ${kind.replace('Source', '').toLowerCase()}, not text.`
      )
      continue
    }
    if (kind === 'PDFSource' && children(el, 'PDFSelection').length)
      skipped.push(
        `${children(el, 'PDFSelection').length} area selection(s) on the PDF “${name}” were skipped: only selections of its text can be imported.`
      )
    const inline = child(container, 'PlainTextContent')
    const path = attr(container, 'plainTextPath')
    let original: string
    if (inline) original = inline.textContent ?? ''
    else if (path) {
      const got = textOf(path)
      if (typeof got !== 'string') {
        skipped.push(`${label} was skipped: ${got.problem}`)
        continue
      }
      original = got
    } else {
      skipped.push(`${label} was skipped: it has neither a text nor a path to one.`)
      continue
    }
    if (original.charCodeAt(0) === 0xfeff) original = original.slice(1)
    const details: QdaDocumentDetails = {}
    for (const v of children(el, 'VariableValue')) readValue(v, variables, details, unmapped)
    const doc: QdaDocument = {
      id: guid,
      title: name.trim() || 'Untitled source',
      text: withLineFeeds(original).text,
      note: '',
      details,
      created: time(attr(el, 'creationDateTime')),
      userId: users.get(guidKey(attr(el, 'creatingUser')) ?? '')
    }
    for (const n of [
      ...refs(el, 'NoteRef'),
      ...(container === el ? [] : refs(container, 'NoteRef'))
    ])
      sourceNotes.set(n, [...(sourceNotes.get(n) ?? []), guid])
    if (children(container, 'Coding').length || children(el, 'Coding').length)
      skipped.push(
        `Codes applied to the whole of “${doc.title}” were skipped: only codes on passages are imported.`
      )
    pending.push({ doc, original, container })
  }
  for (const name of unmapped)
    skipped.push(
      `The variable “${name}” was not imported: the workbench has no matching document detail.`
    )
  return {
    ...readSelections(pending, codes, users, skipped),
    documents: pending.map((p) => p.doc),
    sourceNotes
  }
}

function readValue(
  v: Element,
  variables: Map<string, string>,
  d: QdaDocumentDetails,
  unmapped: Set<string>
): void {
  const ref = guidKey(attr(child(v, 'VariableRef') ?? v, 'targetGUID'))
  const name = (ref && variables.get(ref)) ?? ''
  const valueEl = [
    'TextValue',
    'IntegerValue',
    'FloatValue',
    'BooleanValue',
    'DateValue',
    'DateTimeValue'
  ]
    .map((n) => child(v, n))
    .find(Boolean)
  const value = (valueEl?.textContent ?? '').trim()
  if (!name || !value) return
  const key = name.trim().toLowerCase()
  if (key === VARIABLES.author.toLowerCase()) d.author = value
  else if (['published', 'date', 'publication date'].includes(key)) d.published = value
  else if (['source', 'publisher', 'outlet'].includes(key)) d.source = value
  else if (key === 'reliability' && /^[A-F]$/i.test(value)) d.reliability = value.toUpperCase()
  else if (key === 'credibility' && /^[1-6]$/.test(value)) d.credibility = Number(value)
  else if (name.startsWith(FLAG_PREFIX) && valueEl?.localName === 'BooleanValue') {
    if (value === 'true' || value === '1')
      d.flags = [...(d.flags ?? []), name.slice(FLAG_PREFIX.length)]
  } else unmapped.add(name)
}

function readSelections(
  pending: Pending[],
  codes: ReadCodes,
  users: Map<string, string>,
  skipped: string[]
): Pick<ReadSources, 'highlights' | 'selectionNotes' | 'ends'> {
  // First pass: every selection's own vote on its end convention.
  type Sel = {
    el: Element
    p: Pending
    cps: string[]
    start?: number
    end?: number
    vote: ReturnType<typeof voteEnd>
  }
  const sels: Sel[] = []
  const votes = { exclusive: 0, inclusive: 0 }
  for (const p of pending) {
    const list = children(p.container, 'PlainTextSelection')
    if (!list.length) continue
    const cps = Array.from(p.original)
    const slice = (a: number, b: number): string => cps.slice(a, b).join('')
    for (const el of list) {
      const start = intAttr(el, 'startPosition')
      const end = intAttr(el, 'endPosition')
      const quoted = attr(el, 'name') ?? childText(el, 'Description')
      const vote =
        start !== undefined && end !== undefined
          ? voteEnd(slice, cps.length, start, end, quoted)
          : null
      if (vote) votes[vote]++
      sels.push({ el, p, cps, start, end, vote })
    }
  }
  const used = majority(votes)
  const highlights: QdaHighlight[] = []
  const selectionNotes = new Map<string, string[]>()
  const maps = new Map<Pending, { toUtf16: (cp: number) => number; lf: (u: number) => number }>()
  const seen = new Set<string>()
  for (const { el, p, cps, start, end, vote } of sels) {
    const guid = guidKey(attr(el, 'guid'))
    const where = `A selection in “${p.doc.title}”`
    if (!guid) {
      skipped.push(`${where} was skipped: it has no GUID.`)
      continue
    }
    if (seen.has(guid)) {
      skipped.push(`${where} was skipped: its GUID is used by another selection.`)
      continue
    }
    seen.add(guid)
    if (start === undefined || end === undefined) {
      skipped.push(
        `${where} was skipped: its start or end position is missing or not a whole number.`
      )
      continue
    }
    const last = (vote ?? used) === 'inclusive' ? end + 1 : end
    if (start < 0 || last > cps.length || start >= last) {
      skipped.push(
        `${where} was skipped: its positions ${start}–${end} do not lie within the text (${cps.length} characters).`
      )
      continue
    }
    let m = maps.get(p)
    if (!m) {
      m = { toUtf16: offsetMap(p.original).toUtf16, lf: withLineFeeds(p.original).map }
      maps.set(p, m)
    }
    const tags: string[] = []
    let credibility: number | undefined
    for (const coding of children(el, 'Coding')) {
      const code = guidKey(attr(child(coding, 'CodeRef') ?? coding, 'targetGUID')) ?? ''
      const grade = codes.credibility.get(code)
      const tag = codes.byGuid.get(code)
      if (grade) credibility = grade
      else if (tag) {
        if (!tags.includes(tag)) tags.push(tag)
      } else
        skipped.push(
          `A code on a selection in “${p.doc.title}” was skipped: it is not in the codebook.`
        )
    }
    const id = `${p.doc.id}.${guid}`
    for (const n of refs(el, 'NoteRef'))
      selectionNotes.set(n, [...(selectionNotes.get(n) ?? []), id])
    const h: QdaHighlight = {
      id,
      docId: p.doc.id,
      start: m.lf(m.toUtf16(start)),
      end: m.lf(m.toUtf16(last)),
      tags,
      note: '',
      created: time(attr(el, 'creationDateTime')),
      modified: time(attr(el, 'modifiedDateTime')),
      userId: users.get(guidKey(attr(el, 'creatingUser')) ?? '')
    }
    if (credibility) h.credibility = credibility
    highlights.push(h)
  }
  return { highlights, selectionNotes, ends: { ...votes, used } }
}
