import type { Memo } from '../../../../shared/model'
import { XSD_DATE_TIME, type QdaProject, type QdaUser } from './project'
import { readCodes } from './read-codes'
import { readSources, type TextOf } from './read-sources'
import { attr, child, children, decodeXml, guidKey, parseXml, refs } from './xml-dom'

export interface ReadResult {
  project: QdaProject
  /** What was left out and why, one sentence each (at most MAX_REPORTED, then a count). */
  skipped: string[]
  /** How selection ends were read: 'exclusive' as the standard says, or 'inclusive'. */
  endOffsets: 'exclusive' | 'inclusive'
}

export const MAX_REPORTED = 500

const time = (s: string | undefined): string | undefined =>
  s && XSD_DATE_TIME.test(s.trim()) ? s.trim() : undefined

/**
 * A QDA-XML project read into the plain project: text sources with their selections, codings and
 * notes, the codebook, project notes as memos and the variables that map to document details.
 * Liberal: anything it cannot use is left out and reported, and only XML that cannot be parsed at
 * all fails the whole import. `textOf` reads a source's `plainTextPath` (the archive's files).
 */
export function readProject(
  xml: string | Uint8Array,
  textOf: TextOf
): ReadResult | { error: string } {
  const parsed = parseXml(typeof xml === 'string' ? xml : decodeXml(xml), 'project.qde')
  if ('error' in parsed) return parsed
  const root = parsed.root
  if (root.localName !== 'Project')
    return {
      error: `project.qde is not a QDA-XML project: its root element is <${root.localName}>, not <Project>.`
    }
  const skipped: string[] = []

  const users: QdaUser[] = []
  const userIds = new Map<string, string>()
  for (const u of children(child(root, 'Users') ?? root, 'User')) {
    const guid = guidKey(attr(u, 'guid'))
    if (!guid || userIds.has(guid)) continue
    userIds.set(guid, guid)
    users.push({
      id: guid,
      name: (attr(u, 'name') ?? attr(u, 'id') ?? '').trim() || 'Unnamed user'
    })
  }
  const variables = new Map<string, string>()
  for (const v of children(child(root, 'Variables') ?? root, 'Variable')) {
    const guid = guidKey(attr(v, 'guid'))
    const name = attr(v, 'name')
    if (guid && name) variables.set(guid, name)
  }
  const codes = readCodes(root, skipped)
  const sources = readSources(root, codes, userIds, variables, textOf, skipped)

  const notes = new Map<
    string,
    { name: string; text: string; created?: string; modified?: string }
  >()
  for (const n of children(child(root, 'Notes') ?? root, 'Note')) {
    const guid = guidKey(attr(n, 'guid'))
    const name = (attr(n, 'name') ?? '').trim()
    if (!guid) {
      skipped.push(`The note “${name || '(unnamed)'}” was skipped: it has no GUID.`)
      continue
    }
    let text: string
    const inline = child(n, 'PlainTextContent')
    const path = attr(n, 'plainTextPath')
    if (inline) text = inline.textContent ?? ''
    else if (path) {
      const got = textOf(path)
      if (typeof got !== 'string') {
        skipped.push(`The note “${name || '(unnamed)'}” was skipped: ${got.problem}`)
        continue
      }
      text = got
    } else text = ''
    text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
    notes.set(guid, {
      name,
      text,
      created: time(attr(n, 'creationDateTime')),
      modified: time(attr(n, 'modifiedDateTime'))
    })
  }
  const projectNotes = new Set(refs(root, 'NoteRef'))
  const highlights = new Map(sources.highlights.map((h) => [h.id, h]))
  const documents = new Map(sources.documents.map((d) => [d.id, d]))
  const append = (a: string, b: string): string => (a && b ? `${a}\n\n${b}` : a || b)
  const codeIds = new Set(codes.codes.map((c) => c.id))
  const memos: Memo[] = []
  for (const [guid, note] of notes) {
    const onSelections = sources.selectionNotes.get(guid) ?? []
    const onSources = (sources.sourceNotes.get(guid) ?? []).filter((d) => documents.has(d))
    const onCodes = (codes.noteLinks.get(guid) ?? []).filter((c) => codeIds.has(c))
    if (onSelections.length) {
      for (const id of onSelections) {
        const h = highlights.get(id)
        if (h) h.note = append(h.note, note.text)
      }
      continue
    }
    if (onSources.length === 1 && !onCodes.length && !projectNotes.has(guid)) {
      const d = documents.get(onSources[0])
      if (d) d.note = append(d.note, note.text)
      continue
    }
    const when = note.created ?? note.modified ?? ''
    memos.push({
      id: guid,
      title: note.name || note.text.split('\n')[0].slice(0, 80) || 'Untitled note',
      text: note.text,
      docIds: onSources,
      tagIds: onCodes,
      created: when,
      modified: note.modified ?? when
    })
  }
  for (const g of [
    ...sources.selectionNotes.keys(),
    ...sources.sourceNotes.keys(),
    ...projectNotes
  ])
    if (!notes.has(g)) {
      skipped.push('A reference to a note that is not in the project was skipped.')
      break
    }

  const project: QdaProject = {
    name: attr(root, 'name') ?? 'Untitled project',
    created: time(attr(root, 'creationDateTime')),
    modified: time(attr(root, 'modifiedDateTime')),
    users,
    documents: sources.documents,
    codes: codes.codes,
    highlights: sources.highlights,
    memos
  }
  return { project, skipped: capped(skipped), endOffsets: sources.ends.used }
}

/** The first sentences, then how many more there were. */
function capped(list: string[]): string[] {
  if (list.length <= MAX_REPORTED) return list
  return [
    ...list.slice(0, MAX_REPORTED),
    `…and ${(list.length - MAX_REPORTED).toLocaleString('en')} more problems of the same kinds.`
  ]
}
