import type { Dump } from './dump'
import { ANNOTATION_ID, ID } from '../../domain/exchange/bundle/format'
import { LIMITS } from '../../domain/exchange/bundle/schema'
import { checkCodebook, quote } from '../../domain/codebook/check-codebook'

/**
 * What the schema of a backup cannot see, checked as a case bundle's references are
 * (check-case.ts): ids in our own format (a document's id names its files), ids used once,
 * a codebook that is a tree no deeper than MAX_TAG_DEPTH, highlights on documents and tags of the
 * backup within their texts, memos linking what is there, sizes within what the app handles.
 * The first problem as the end of a sentence ("the tag … is under itself"), or null. Every walk
 * here is a loop: a chain of 20,000 tags must be refused, not overflow the stack.
 */
/**
 * What a backup may hold: ten times a case bundle's limits, so that the backup of a large
 * workspace (100,000 documents with their highlights) always restores.
 */
const WORKSPACE_LIMITS = {
  documents: LIMITS.documents * 10,
  tags: LIMITS.tags * 10,
  annotations: LIMITS.annotations * 10,
  memos: LIMITS.memos * 10
}

export function checkBackup(dump: Dump, maxTextChars: number): string | null {
  const { documents, memos } = dump.workspace
  const tags = dump.workspace.codebook.tags
  const files = Object.entries(dump.annotations)
  const highlights = files.reduce((n, [, f]) => n + f.annotations.length, 0)
  const tooMany = (what: string, count: number, max: number): string | null =>
    count > max
      ? `it holds ${count.toLocaleString('en-US')} ${what}, more than the ${max.toLocaleString('en-US')} a workspace may hold`
      : null
  const size =
    tooMany('documents', documents.length, WORKSPACE_LIMITS.documents) ??
    tooMany('tags', tags.length, WORKSPACE_LIMITS.tags) ??
    tooMany('highlights', highlights, WORKSPACE_LIMITS.annotations) ??
    tooMany('memos', memos.length, WORKSPACE_LIMITS.memos)
  if (size) return size

  const ids = (kind: string, list: readonly string[], format = ID): string | null => {
    const seen = new Set<string>()
    for (const id of list) {
      if (!format.test(id))
        return `the ${kind} id ${quote(id)} is not one of ours (1 to 128 letters, digits, - or _${format === ANNOTATION_ID ? ', after its document id and a dot' : ''})`
      if (seen.has(id)) return `the ${kind} id ${quote(id)} is used twice`
      seen.add(id)
    }
    return null
  }
  const idProblem =
    ids(
      'document',
      documents.map((d) => d.id)
    ) ??
    ids(
      'tag',
      tags.map((t) => t.id)
    ) ??
    ids(
      'memo',
      memos.map((m) => m.id)
    ) ??
    ids(
      'highlight',
      files.flatMap(([, f]) => f.annotations.map((a) => a.id)),
      ANNOTATION_ID
    )
  if (idProblem) return idProblem

  for (const meta of documents) {
    const t = dump.texts[meta.textSha256]
    if (t && t.text.length > maxTextChars)
      return `the text of ${quote(meta.title)} is ${t.text.length.toLocaleString('en-US')} characters long, over the limit of ${maxTextChars.toLocaleString('en-US')}`
    if (t && t.blocks.some((b) => b.start > b.end || b.end > t.text.length))
      return `the structure of ${quote(meta.title)} lies outside its text`
  }

  const tagProblem = checkCodebook(tags)
  if (tagProblem) return tagProblem

  const docs = new Map(documents.map((d) => [d.id, d]))
  for (const [docId, file] of files) {
    const doc = docs.get(docId)
    for (const a of file.annotations) {
      if (!doc)
        return `the highlight ${quote(a.id)} is on the document ${quote(docId)}, which is not in the backup`
      if (a.docId !== docId || !a.id.startsWith(`${docId}.`))
        return `the highlight ${quote(a.id)} is filed under the document ${quote(docId)} but names another`
      // A tag no longer in the codebook is left off at restore (see linksToWhatIsThere).
      const length = dump.texts[doc.textSha256]?.text.length ?? 0
      const { start, end } = a.position
      // An orphan keeps the position it had in an earlier version of its text.
      if (start > end || (end > length && a.status !== 'orphaned'))
        return `the highlight ${quote(a.id)} lies at ${start}–${end}, outside its document's ${length} characters`
    }
    if (file.docId !== docId)
      return `the highlights of the document ${quote(docId)} are filed under another document`
  }
  return null
}

/**
 * The backup with links to what it does not hold left off: a memo keeps the id of a document
 * moved to the Trash or of a tag deleted, and a highlight the id of a tag deleted, and a backup
 * leaves out the Trash. Such links point at nothing in the restored workspace.
 */
export function linksToWhatIsThere(dump: Dump): Dump {
  const docs = new Set(dump.workspace.documents.map((d) => d.id))
  const tags = new Set(dump.workspace.codebook.tags.map((t) => t.id))
  const annotations: Dump['annotations'] = {}
  for (const [docId, file] of Object.entries(dump.annotations))
    annotations[docId] = {
      ...file,
      annotations: file.annotations.map((a) =>
        a.tags.every((t) => tags.has(t)) ? a : { ...a, tags: a.tags.filter((t) => tags.has(t)) }
      )
    }
  return {
    ...dump,
    annotations,
    workspace: {
      ...dump.workspace,
      memos: dump.workspace.memos.map((m) => ({
        ...m,
        docIds: m.docIds.filter((d) => docs.has(d)),
        tagIds: m.tagIds.filter((t) => tags.has(t))
      }))
    }
  }
}
