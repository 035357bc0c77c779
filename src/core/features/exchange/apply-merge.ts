import type { Annotation, DocumentMeta, Memo, Tag } from '../../../shared/model'
import type { BundleContents } from '../../domain/exchange/bundle/bundle-zip'
import type { CaseAnnotation, CaseState } from '../../domain/exchange/bundle/format'
import type { MergeReport as DomainReport } from '../../domain/exchange/bundle/merge'
import type { FeatureContext } from '../../ports'
import { addKnownText } from './add-text'
import type { MergeSideState } from './records'

const DETAILS = ['title', 'author', 'published', 'source'] as const
/** A merged record as the workspace keeps it: with the time each field last changed, on either laptop. */
const plainAnnotation = (a: CaseAnnotation): Annotation => ({ ...a })
const plainTag = (t: CaseState['tags'][number]): Tag => ({
  id: t.id,
  name: t.name,
  parent: t.parent,
  color: t.color,
  description: t.description,
  ...(t.times ? { times: t.times } : {})
})
const plainMemo = (m: CaseState['memos'][number]): Memo => ({ ...m })
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const byDoc = (list: readonly CaseAnnotation[]): Map<string, CaseAnnotation[]> => {
  const out = new Map<string, CaseAnnotation[]>()
  for (const a of list) {
    const l = out.get(a.docId)
    if (l) l.push(a)
    else out.set(a.docId, [a])
  }
  return out
}

/**
 * Writes the merged case into the workspace: the documents it adds (with their text from the
 * bundle), changed details, each document's highlights and note that changed, the codebook and
 * the memos. Returns what it changed as it was before and as it is after, for undo and redo.
 */
export async function applyMerge(
  ctx: FeatureContext,
  local: CaseState,
  merged: CaseState,
  report: DomainReport,
  bundle: BundleContents,
  skipped: string[]
): Promise<{ before: MergeSideState; after: MergeSideState; added: DocumentMeta[] }> {
  const before: MergeSideState = { added: [], details: [], files: [], tags: null, memos: null }
  const after: MergeSideState = { added: [], details: [], files: [], tags: null, memos: null }
  const now = ctx.clock.now().toISOString()
  const localDocs = new Map(local.documents.map((d) => [d.id, d]))
  const dropped = new Set<string>()

  // New documents first: the highlights written below belong to them.
  for (const { bundleId, id } of report.newDocuments) {
    const d = merged.documents.find((x) => x.id === id)
    const text = bundle.texts.get(bundleId)
    if (!d || text === undefined) {
      dropped.add(id)
      continue
    }
    const original = bundle.originals.get(bundleId)
    try {
      const { meta, added } = await addKnownText(ctx, {
        id,
        title: d.title,
        text,
        author: d.author,
        published: d.published,
        source: d.source,
        originalName: d.originalName,
        format: original ? d.format : 'txt',
        original: original
          ? { ext: original.path.slice(original.path.lastIndexOf('.') + 1), bytes: original.bytes }
          : undefined,
        importedAt: d.importedAt || now
      })
      if (!added || meta.id !== id) {
        skipped.push(
          `The document “${d.title}” was not added: ${added ? 'its id is taken here' : 'the same file is here with another text'}.`
        )
        dropped.add(id)
        continue
      }
      after.added.push(meta)
    } catch (err) {
      skipped.push(
        `The document “${d.title}” was not added: ${err instanceof Error ? err.message : String(err)}`
      )
      dropped.add(id)
    }
  }

  // Details of documents already here.
  for (const d of merged.documents) {
    const l = localDocs.get(d.id)
    if (!l) continue
    const changed = DETAILS.some((f) => l[f] !== d[f])
    if (!changed) continue
    const meta = ctx.catalog.findById(d.id)
    if (!meta) continue
    before.details.push({ id: d.id, fields: pick(meta) })
    const { note: _note, ...detailTimes } = d.times ?? {}
    const fields = {
      title: d.title,
      author: d.author,
      published: d.published,
      source: d.source,
      times: { ...meta.times, ...detailTimes }
    }
    after.details.push({ id: d.id, fields })
    const updated = await ctx.catalog.replace(d.id, fields)
    ctx.events.emit({ kind: 'document-saved', meta: updated })
  }

  // Highlights and notes, one document's file at a time.
  const localAnn = byDoc(local.annotations)
  const mergedAnn = byDoc(merged.annotations)
  const mergedDocs = new Map(merged.documents.map((d) => [d.id, d]))
  const touched = new Set<string>([...localAnn.keys(), ...mergedAnn.keys()])
  for (const d of merged.documents) if (localDocs.get(d.id)?.note !== d.note) touched.add(d.id)
  for (const docId of touched) {
    if (dropped.has(docId) || !ctx.catalog.findById(docId)) continue
    const mine = (localAnn.get(docId) ?? []).map(plainAnnotation)
    const theirs = (mergedAnn.get(docId) ?? []).map(plainAnnotation)
    const note = mergedDocs.get(docId)?.note ?? localDocs.get(docId)?.note ?? ''
    const localNote = localDocs.get(docId)?.note ?? ''
    const noteModified = mergedDocs.get(docId)?.times?.note
    if (same(mine, theirs) && note === localNote) continue
    const file = await ctx.annotations.get(docId)
    before.files.push({
      docId,
      note: file.note,
      ...(file.noteModified ? { noteModified: file.noteModified } : {}),
      annotations: structuredClone(file.annotations)
    })
    const annotations = [...theirs].sort(
      (a, b) => a.position.start - b.position.start || a.position.end - b.position.end
    )
    after.files.push({
      docId,
      note,
      ...(noteModified ? { noteModified } : {}),
      annotations: structuredClone(annotations)
    })
    await ctx.annotations.update(docId, (draft) => {
      draft.note = note
      if (note !== localNote && noteModified) draft.noteModified = noteModified
      draft.annotations = annotations
    })
    ctx.events.emit({ kind: 'notes-changed', docId })
  }

  const tags = merged.tags.map(plainTag)
  if (!same(local.tags.map(plainTag), tags)) {
    before.tags = structuredClone([...ctx.codebook.tags()])
    after.tags = tags
    await ctx.codebook.update((draft) => {
      draft.codebook.tags = structuredClone(tags)
    })
    ctx.events.emit({ kind: 'codebook-changed' })
  }
  const memos = merged.memos
    .map(plainMemo)
    .map((m) => ({ ...m, docIds: m.docIds.filter((id) => !dropped.has(id)) }))
  if (!same(local.memos.map(plainMemo), memos)) {
    before.memos = structuredClone([...ctx.memos.memos()])
    after.memos = memos
    await ctx.memos.update((draft) => {
      draft.memos = structuredClone(memos)
    })
  }
  return { before, after, added: after.added }
}

const pick = (meta: DocumentMeta): MergeSideState['details'][number]['fields'] => ({
  title: meta.title,
  author: meta.author,
  published: meta.published,
  source: meta.source,
  // Always named (empty when none are known), so that putting this side back takes the merge's away.
  times: { ...meta.times }
})

/**
 * Puts the workspace back to one side of a merge: `target` is the state to reach, `other` the
 * state it replaces (whose added documents are taken out when the target does not have them).
 */
export async function putSide(
  ctx: FeatureContext,
  target: MergeSideState,
  other: MergeSideState
): Promise<void> {
  for (const meta of other.added) {
    if (!ctx.catalog.findById(meta.id)) continue
    await ctx.catalog.remove(meta.id)
    await ctx.annotations.update(meta.id, (draft) => {
      draft.note = ''
      draft.annotations = []
    })
    ctx.events.emit({ kind: 'document-removed', id: meta.id })
  }
  for (const meta of target.added) {
    if (ctx.catalog.findById(meta.id)) continue
    const added = await ctx.catalog.add({ sha: meta.sha256, build: () => structuredClone(meta) })
    if (added.status === 'added') ctx.events.emit({ kind: 'document-saved', meta: added.meta })
  }
  for (const { id, fields } of target.details) {
    if (!ctx.catalog.findById(id)) continue
    const updated = await ctx.catalog.replace(id, fields)
    ctx.events.emit({ kind: 'document-saved', meta: updated })
  }
  for (const f of target.files) {
    if (!ctx.catalog.findById(f.docId)) continue
    await ctx.annotations.update(f.docId, (draft) => {
      draft.note = f.note
      if (f.noteModified) draft.noteModified = f.noteModified
      else delete draft.noteModified
      draft.annotations = structuredClone(f.annotations)
    })
    ctx.events.emit({ kind: 'notes-changed', docId: f.docId })
  }
  if (target.tags) {
    const tags = target.tags
    await ctx.codebook.update((draft) => {
      draft.codebook.tags = structuredClone(tags)
    })
    ctx.events.emit({ kind: 'codebook-changed' })
  }
  if (target.memos) {
    const memos = target.memos
    await ctx.memos.update((draft) => {
      draft.memos = structuredClone(memos)
    })
  }
}
