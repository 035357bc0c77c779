import { createHash, randomUUID } from 'node:crypto'
import type { Change, FilePayload } from '../../../shared/api'
import type { GradesSnapshot } from '../../../shared/reliability'
import type {
  BundleExport,
  BundleExportOptions,
  MergeBundleOptions,
  MergeReport,
  MergeUndoReport,
  ProjectImportReport,
  QdpxExport
} from '../../../shared/exchange'
import { WorkbenchError } from '../../base/errors'
import { SerialQueue } from '../../base/serial-queue'
import { subtrees } from '../../domain/codebook/tree'
import { readBundle, writeBundle } from '../../domain/exchange/bundle/bundle-zip'
import { BASES_MAX } from '../../domain/exchange/bundle/format'
import { mergeCase } from '../../domain/exchange/bundle/merge'
import { writeQdpx } from '../../domain/exchange/qdpx/write-qdpx'
import { reliabilityPatch } from '../../domain/exchange/bundle/reliability-records'
import type { Collection, FeatureContext, GradeLookup } from '../../ports'
import type { ReliabilityExchange } from '../reliability/reliability'
import { applyMerge, putSide } from './apply-merge'
import { gatherCase, gatherProject } from './gather'
import { importProject, type ImportGrading } from './import-project'
import { KEEP_MERGES, KEEP_SNAPSHOTS, type ExchangeFile } from './records'

export interface ExchangeDeps {
  records: Collection<ExchangeFile>
  grades?: () => Promise<GradeLookup>
  grading?: ImportGrading
  /** Sources, grades and links, carried in bundles and merged (absent: bundles go without them). */
  reliability?: ReliabilityExchange
  maxTextChars: number
  userName: () => string
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')
const shortId = (): string => randomUUID().replace(/-/g, '').slice(0, 16)

/**
 * Exchange: REFI-QDA projects (.qdpx) out and in, and case bundles (.awb) between two laptops,
 * merged three-way against the last exchange between them, each merge undoable.
 */
export function exchangeFeature(ctx: FeatureContext, deps: ExchangeDeps) {
  const { records } = deps
  const queue = new SerialQueue()
  const day = (): string => ctx.clock.now().toISOString().slice(0, 10)

  /** This workspace's id in the bundles it sends: made once, and kept. */
  async function workspaceId(): Promise<string> {
    const have = records.data.workspaceId
    if (have) return have
    const id = `w${shortId()}`
    await records.update((draft) => {
      draft.workspaceId ??= id
    })
    return records.data.workspaceId as string
  }

  async function exportQdpx(): Promise<QdpxExport> {
    const { project, skipped } = await gatherProject(ctx, {
      name: 'Analyst Workbench project',
      userName: deps.userName(),
      grades: await deps.grades?.()
    })
    // GUIDs derive from our ids alone, so that they stay the same on every export.
    const written = await writeQdpx(project)
    return {
      filename: `analyst-workbench-project-${day()}.qdpx`,
      data: written.bytes,
      documents: project.documents.length,
      highlights: project.highlights.length,
      codes: project.codes.length,
      memos: project.memos.length,
      skipped: [...skipped, ...written.skipped]
    }
  }

  /** Whether this workspace's work includes a bundle it holds: not when its merge was undone since. */
  function inOurWork(bundleId: string): boolean {
    const last = records.data.merges.findLast((m) => m.bundleId === bundleId)
    return last?.state !== 'undone'
  }

  function chosenDocuments(options: BundleExportOptions) {
    let docs = options.docIds?.length
      ? [...new Set(options.docIds)].map(ctx.findDocument)
      : [...ctx.catalog.documents()]
    if (options.tagIds?.length) {
      const tags = ctx.codebook.tags()
      for (const id of options.tagIds)
        if (!tags.some((t) => t.id === id))
          throw new WorkbenchError('not-found', `No tag with id ${id} in the codebook.`)
      const scope = subtrees(tags, options.tagIds)
      const chosen: typeof docs = []
      return (async () => {
        for (const meta of docs) {
          const file = await ctx.annotations.peek(meta.id)
          if (file.annotations.some((a) => a.tags.some((t) => scope.has(t)))) chosen.push(meta)
        }
        docs = chosen
        return docs
      })()
    }
    return Promise.resolve(docs)
  }

  async function exportBundle(options: BundleExportOptions = {}): Promise<BundleExport> {
    const docs = await chosenDocuments(options)
    const me = await workspaceId()
    const at = ctx.clock.now().toISOString()
    const state = await gatherCase(ctx, docs, at, await deps.reliability?.read())
    const texts = new Map<string, string>()
    const originals = new Map<string, { ext: string; bytes: Uint8Array }>()
    for (const meta of docs) {
      texts.set(meta.id, (await ctx.contents.text(meta)).text)
      const ext = meta.originalName.match(/\.([A-Za-z0-9]{1,10})$/)?.[1]?.toLowerCase()
      if (!ext) continue
      try {
        const bytes = await ctx.contents.original(meta)
        if (bytes.byteLength) originals.set(meta.id, { ext, bytes })
      } catch {
        // The text goes without its original file when that cannot be read.
      }
    }
    const peers = Object.entries(records.data.peers)
    const peer = peers.length === 1 ? peers[0] : null
    const partial = Boolean(options.docIds?.length || options.tagIds?.length)
    const bases = Object.entries(records.data.snapshots)
      .filter(([bid, s]) => !s.partial && inOurWork(bid))
      .sort(([, x], [, y]) => y.at.localeCompare(x.at))
      .slice(0, BASES_MAX)
      .map(([id, s]) => ({ id, at: s.at }))
    const id = `b${shortId()}`
    const data = await writeBundle(
      {
        manifest: {
          id,
          createdAt: at,
          from: { workspaceId: me },
          to: peer ? { workspaceId: peer[0] } : null,
          lastExchange: peer ? { ...peer[1] } : null,
          bases,
          ...(partial ? { partial } : {})
        },
        state,
        texts,
        originals
      },
      sha256
    )
    // What was sent is the base of the merge with the bundle that answers it.
    await records.update((draft) => {
      draft.snapshots[id] = { at, state, ...(partial ? { partial: true as const } : {}) }
      prune(draft)
    })
    return {
      filename: `analyst-workbench-case-${day()}.awb`,
      data,
      bundleId: id,
      workspaceId: me,
      documents: docs.length,
      highlights: state.annotations.length
    }
  }

  async function mergeBundle(
    file: FilePayload,
    options: MergeBundleOptions = {}
  ): Promise<MergeReport> {
    const read = await readBundle(file.data, sha256)
    if (!read.ok)
      throw new WorkbenchError(
        'invalid-argument',
        `${file.name} was not merged: ${lower(read.error)}`
      )
    const { bundle } = read
    // A dry run writes nothing, not even this workspace's id (it may be open read-only).
    const me = options.dryRun ? (records.data.workspaceId ?? 'this workspace') : await workspaceId()
    const from = bundle.manifest.from.workspaceId
    if (from === me)
      throw new WorkbenchError(
        'invalid-argument',
        `${file.name} was not merged: it was made by this workspace.`
      )
    const skipped: string[] = []
    const last = bundle.manifest.lastExchange
    // The newest earlier bundle both sides' work includes: the sender's list, then its last exchange.
    const common = [...(bundle.manifest.bases ?? []), ...(last ? [last] : [])].find(
      (b) => records.data.snapshots[b.id] && inOurWork(b.id)
    )
    const base = common ? records.data.snapshots[common.id].state : null
    if (last && !base)
      skipped.push(
        'The last exchange this bundle names is not known here: it was merged as a first exchange, so nothing in it counts as deleted.'
      )
    const now = ctx.clock.now().toISOString()
    const grades = await deps.reliability?.read()
    const local = await gatherCase(ctx, ctx.catalog.documents(), now, grades)
    const { state, report } = mergeCase({
      local: { workspaceId: me, state: local },
      incoming: { workspaceId: from, state: bundle.state },
      base
    })
    const summary: MergeReport = {
      mergeId: null,
      dryRun: !!options.dryRun,
      bundleId: bundle.manifest.id,
      from,
      changed: report.changed,
      threeWay: base !== null,
      counts: counts(report.changes),
      changes: report.changes.map((c) => ({ ...c })),
      conflicts: structuredClone(report.conflicts),
      marked: report.marked.map((m) => ({ ...m })),
      repairs: [...report.repairs],
      newDocuments: report.newDocuments.map(({ id }) => ({
        id,
        title: state.documents.find((d) => d.id === id)?.title ?? id
      })),
      skipped
    }
    if (options.dryRun) return summary
    const peerBefore = records.data.peers[from] ?? null
    const remember = (draft: ExchangeFile): void => {
      draft.snapshots[bundle.manifest.id] = {
        at: now,
        state: report.bundleInOurIds,
        ...(bundle.manifest.partial ? { partial: true as const } : {})
      }
      draft.peers[from] = { id: bundle.manifest.id, at: now }
    }
    if (!report.changed) {
      await records.update((draft) => {
        remember(draft)
        prune(draft)
      })
      return summary
    }
    const adding = report.newDocuments.map((d) => d.id)
    deps.reliability?.hold(adding)
    let applied
    try {
      applied = await applyMerge(ctx, local, state, report, bundle, skipped)
      const written = await deps.reliability?.write((file) =>
        reliabilityPatch(file, local, state, skipped)
      )
      if (written) {
        applied.before.grades = written.before
        applied.after.grades = written.after
      }
    } finally {
      deps.reliability?.release(adding)
    }
    const mergeId = `merge-${shortId()}`
    await records.update((draft) => {
      remember(draft)
      draft.merges.push({
        id: mergeId,
        at: now,
        bundleId: bundle.manifest.id,
        from,
        peerBefore,
        state: 'merged',
        before: applied.before,
        after: applied.after
      })
      prune(draft)
    })
    return { ...summary, mergeId, skipped }
  }

  const findMerge = (id: string) => {
    const m = records.data.merges.find((x) => x.id === id)
    if (!m)
      throw new WorkbenchError(
        'not-found',
        `No merge with id ${id} can be undone here (only the last ${KEEP_MERGES} merges are kept).`
      )
    return m
  }

  const putGrades = async (snapshot: GradesSnapshot): Promise<void> => {
    await deps.reliability?.write(() => snapshot)
  }

  async function undoMerge(id: string): Promise<Change<MergeUndoReport>> {
    const m = findMerge(id)
    if (m.state === 'merged') {
      await putSide(ctx, m.before, m.after)
      if (m.before.grades) await putGrades(m.before.grades)
      await records.update((draft) => {
        const r = draft.merges.find((x) => x.id === id)
        if (r) r.state = 'undone'
        if (m.peerBefore) draft.peers[m.from] = m.peerBefore
        else delete draft.peers[m.from]
      })
    }
    return {
      value: { mergeId: id, state: 'undone', documents: m.after.added.length },
      undo: { method: 'redoMerge', args: [id] }
    }
  }

  async function redoMerge(id: string): Promise<Change<MergeUndoReport>> {
    const m = findMerge(id)
    if (m.state === 'undone') {
      if (m.after.grades) await putGrades(m.after.grades)
      await putSide(ctx, m.after, m.before)
      await records.update((draft) => {
        const r = draft.merges.find((x) => x.id === id)
        if (r) r.state = 'merged'
        draft.peers[m.from] = { id: m.bundleId, at: m.at }
      })
    }
    return {
      value: { mergeId: id, state: 'redone', documents: m.after.added.length },
      undo: { method: 'undoMerge', args: [id] }
    }
  }

  // One exchange at a time: each reads the whole workspace and writes many files.
  return {
    exportQdpx: () => queue.run(exportQdpx),
    importProject: (file: FilePayload): Promise<ProjectImportReport> =>
      queue.run(() =>
        importProject(ctx, file, { maxTextChars: deps.maxTextChars, grading: deps.grading })
      ),
    exportBundle: (options?: BundleExportOptions) => queue.run(() => exportBundle(options)),
    mergeBundle: (file: FilePayload, options?: MergeBundleOptions) =>
      queue.run(() => mergeBundle(file, options)),
    undoMerge: (id: string) => queue.run(() => undoMerge(id)),
    redoMerge: (id: string) => queue.run(() => redoMerge(id))
  }
}

/** Keeps the latest merges, and the contents of the bundles a peer's next bundle may name. */
function prune(draft: ExchangeFile): void {
  draft.merges = draft.merges.slice(-KEEP_MERGES)
  const needed = new Set(Object.values(draft.peers).map((p) => p.id))
  const byAge = Object.entries(draft.snapshots).sort(([, a], [, b]) => b.at.localeCompare(a.at))
  let kept = 0
  for (const [id] of byAge) {
    if (needed.has(id)) continue
    if (++kept > KEEP_SNAPSHOTS) delete draft.snapshots[id]
  }
}

function counts(changes: readonly { kind: string; change: string }[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const c of changes) out[`${c.kind} ${c.change}`] = (out[`${c.kind} ${c.change}`] ?? 0) + 1
  return out
}

const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1)
