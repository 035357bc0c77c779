import { offsetMap } from '../code-points'
import { guidMaker, type HashBytes } from '../guid'
import { CREDIBILITY_SET, XSD_DATE_TIME, type QdaHighlight, type QdaProject } from './project'
import {
  credibilityCodeId,
  documentValues,
  isCredibility,
  variablesInUse,
  writeCodebook
} from './write-codebook'
import { XmlWriter, type Attrs } from './xml-writer'

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0'

export interface WriteOptions {
  /** Makes the GUIDs of this workspace's exports its own (the same on every export). */
  workspaceId?: string
  /** Names the program in the project's `origin`. */
  origin?: string
  /** SHA-1 for the name-based GUIDs; a pure one by default. */
  hash?: HashBytes
}

export interface RenderedProject {
  /** project.qde */
  xml: string
  /** The texts the sources point to as internal://NAME, to be stored as sources/NAME. */
  sources: { path: string; text: string }[]
  /** What could not be written, one sentence each. */
  skipped: string[]
}

const dateTime = (s: string | undefined): string | undefined =>
  s && XSD_DATE_TIME.test(s) ? s : undefined

const short = (s: string, n: number): string => {
  const cps = Array.from(s)
  return cps.length > n ? cps.slice(0, n).join('') + '…' : s
}

/** project.qde and its source texts for a project. Pure: the same project gives the same bytes. */
export function renderProject(project: QdaProject, options: WriteOptions = {}): RenderedProject {
  const guid = guidMaker(options.workspaceId, options.hash)
  const skipped: string[] = []
  const w = new XmlWriter()
  const userGuid = (id: string | undefined): string | undefined =>
    id && project.users.some((u) => u.id === id) ? guid('user', id) : undefined
  const defaultUser = project.users[0]?.id

  w.open('Project', {
    xmlns: QDA_NAMESPACE,
    name: project.name,
    origin: options.origin ?? 'Analyst Workbench',
    creatingUserGUID: userGuid(defaultUser),
    creationDateTime: dateTime(project.created),
    modifiedDateTime: dateTime(project.modified)
  })
  if (project.users.length) {
    w.open('Users')
    for (const u of project.users)
      w.empty('User', { guid: guid('user', u.id), name: u.name, id: u.id })
    w.close('Users')
  }

  const tagIds = new Set(project.codes.map((c) => c.id))
  const memoRefs = (pick: (docIds: string[], tagIds: string[]) => string[], id: string): string[] =>
    project.memos.filter((m) => pick(m.docIds, m.tagIds).includes(id)).map((m) => m.id)
  const byDoc = (docIds: string[]): string[] => docIds
  const byTag = (_: string[], t: string[]): string[] => t
  const credible = project.highlights.some((h) => isCredibility(h.credibility))
  writeCodebook(w, project.codes, guid, credible, (tagId) => memoRefs(byTag, tagId))

  const vars = variablesInUse(project.documents)
  if (vars.length) {
    w.open('Variables')
    for (const v of vars)
      w.empty('Variable', { guid: guid('variable', v.name), name: v.name, typeOfVariable: v.type })
    w.close('Variables')
  }

  const notes: {
    key: string
    name: string
    text: string
    created?: string
    modified?: string
    user?: string
  }[] = []
  const sources: RenderedProject['sources'] = []
  const highlightsByDoc = new Map<string, QdaHighlight[]>()
  const docIds = new Set(project.documents.map((d) => d.id))
  for (const h of project.highlights) {
    if (!docIds.has(h.docId)) {
      skipped.push(
        `The highlight ${h.id} was left out: its document ${h.docId} is not in the export.`
      )
      continue
    }
    const list = highlightsByDoc.get(h.docId)
    if (list) list.push(h)
    else highlightsByDoc.set(h.docId, [h])
  }

  if (project.documents.length) w.open('Sources')
  for (const doc of project.documents) {
    const sourceGuid = guid('source', doc.id)
    const file = `${sourceGuid}.txt`
    sources.push({ path: `sources/${file}`, text: doc.text })
    w.open('TextSource', {
      guid: sourceGuid,
      name: doc.title,
      plainTextPath: `internal://${file}`,
      creatingUser: userGuid(doc.userId ?? defaultUser),
      creationDateTime: dateTime(doc.created)
    })
    const map = offsetMap(doc.text)
    for (const h of highlightsByDoc.get(doc.id) ?? []) {
      if (!(
        Number.isInteger(h.start) &&
        Number.isInteger(h.end) &&
        0 <= h.start &&
        h.start <= h.end &&
        h.end <= doc.text.length
      )) {
        skipped.push(
          `The highlight ${h.id} was left out: its position ${h.start}–${h.end} is outside its document’s text.`
        )
        continue
      }
      const attrs: Attrs = {
        guid: guid('selection', h.id),
        name: short(doc.text.slice(h.start, h.end), 1000),
        startPosition: map.toCodePoint(h.start),
        endPosition: map.toCodePoint(h.end),
        creatingUser: userGuid(h.userId ?? defaultUser),
        creationDateTime: dateTime(h.created),
        modifyingUser: dateTime(h.modified) ? userGuid(h.userId ?? defaultUser) : undefined,
        modifiedDateTime: dateTime(h.modified)
      }
      const codes = h.tags.filter((t) => tagIds.has(t))
      for (const t of h.tags)
        if (!tagIds.has(t))
          skipped.push(`The tag ${t} on highlight ${h.id} was left out: it is not in the codebook.`)
      if (isCredibility(h.credibility)) codes.push(credibilityCodeId(h.credibility))
      const hasNote = h.note.trim() !== ''
      if (!codes.length && !hasNote) {
        w.empty('PlainTextSelection', attrs)
        continue
      }
      w.open('PlainTextSelection', attrs)
      for (const code of codes) {
        w.open('Coding', {
          guid: guid('coding', `${h.id}>${code}`),
          creatingUser: attrs.creatingUser as string | undefined,
          creationDateTime: attrs.creationDateTime
        })
        w.empty('CodeRef', { targetGUID: guid('code', code) })
        w.close('Coding')
      }
      if (hasNote) {
        const key = `annotation:${h.id}`
        notes.push({
          key,
          name: `Note on “${short(doc.text.slice(h.start, h.end), 60)}”`,
          text: h.note,
          created: h.created,
          modified: h.modified,
          user: h.userId ?? defaultUser
        })
        w.empty('NoteRef', { targetGUID: guid('note', key) })
      }
      w.close('PlainTextSelection')
    }
    if (doc.note.trim() !== '') {
      const key = `document:${doc.id}`
      notes.push({
        key,
        name: `Note on ${doc.title}`,
        text: doc.note,
        user: doc.userId ?? defaultUser
      })
      w.empty('NoteRef', { targetGUID: guid('note', key) })
    }
    for (const m of memoRefs(byDoc, doc.id))
      w.empty('NoteRef', { targetGUID: guid('note', `memo:${m}`) })
    for (const v of documentValues(doc)) {
      w.open('VariableValue')
      w.empty('VariableRef', { targetGUID: guid('variable', v.name) })
      w.text(v.element, v.value)
      w.close('VariableValue')
    }
    w.close('TextSource')
  }
  if (project.documents.length) w.close('Sources')

  for (const m of project.memos)
    notes.push({
      key: `memo:${m.id}`,
      name: m.title,
      text: m.text,
      created: m.created,
      modified: m.modified,
      user: defaultUser
    })
  if (notes.length) {
    w.open('Notes')
    for (const n of notes) {
      w.open('Note', {
        guid: guid('note', n.key),
        name: n.name,
        creatingUser: userGuid(n.user),
        creationDateTime: dateTime(n.created),
        modifyingUser: dateTime(n.modified) ? userGuid(n.user) : undefined,
        modifiedDateTime: dateTime(n.modified)
      })
      w.text('PlainTextContent', n.text)
      w.close('Note')
    }
    w.close('Notes')
  }
  if (credible) {
    w.open('Sets')
    w.open('Set', { guid: guid('set', 'passage-credibility'), name: CREDIBILITY_SET })
    w.text(
      'Description',
      'Credibility of the information in a passage, on the Admiralty scale 1–6.'
    )
    for (let n = 1; n <= 6; n++)
      w.empty('MemberCode', { targetGUID: guid('code', credibilityCodeId(n)) })
    w.close('Set')
    w.close('Sets')
  }
  for (const m of project.memos) w.empty('NoteRef', { targetGUID: guid('note', `memo:${m.id}`) })
  w.close('Project')
  return { xml: w.toString(), sources, skipped }
}
